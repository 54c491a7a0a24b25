package it.snodo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import it.snodo.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Synergies and territory measures say nothing of where a confidential place is to those who may
 * not see it: theirs are the answers of the network without it.
 */
class ConfidentialSynergyIT extends SnodoIT {

    /**
     * Uno and Due, two municipalities of a district. A and B are based in Uno; A takes in 3 of
     * the 9 people who need shelter in Uno, B runs a service against violence in Due only. R is
     * based in Due, and its only presence in Uno is a confidential shelter against violence, which
     * answers Uno's 4 people in need of it. A and R share a partner; P, a confidential partner
     * based in Uno, is tied to A and B.
     */
    private static final String DOCUMENT = """
            {"territories": [
               {"id": "cs-prov", "name": "Provincia cs", "level": "PROVINCE"},
               {"id": "cs-ambito", "name": "Ambito cs", "level": "DISTRICT", "partOf": "cs-prov"},
               {"id": "cs-uno", "name": "Uno cs", "level": "MUNICIPALITY", "partOf": "cs-ambito",
                "lat": 45.5313, "lon": 9.0402},
               {"id": "cs-due", "name": "Due cs", "level": "MUNICIPALITY", "partOf": "cs-ambito",
                "lat": 45.5500, "lon": 9.0402}],
             "categories": [
               {"code": "cs-accoglienza", "name": "Accoglienza"},
               {"code": "cs-lavoro", "name": "Lavoro"},
               {"code": "cs-violenza", "name": "Violenza di genere"}],
             "cooperatives": [
               {"id": "cs-coop-a", "name": "Cooperativa cs A", "type": "A", "basedIn": "cs-uno"},
               {"id": "cs-coop-b", "name": "Cooperativa cs B", "type": "A", "basedIn": "cs-uno"},
               {"id": "cs-coop-r", "name": "Cooperativa cs R", "type": "A", "basedIn": "cs-due"}],
             "partners": [
               {"id": "cs-comune", "name": "Comune cs", "kind": "MUNICIPALITY", "basedIn": "cs-due"},
               {"id": "cs-centro", "name": "Centro cs", "kind": "ASSOCIATION", "basedIn": "cs-uno",
                "confidential": true}],
             "services": [
               {"id": "cs-svc-a", "name": "Accoglienza A", "provider": "cs-coop-a",
                "categories": ["cs-accoglienza"], "territories": ["cs-uno"], "capacity": 3, "occupied": 0},
               {"id": "cs-svc-b", "name": "Violenza B", "provider": "cs-coop-b",
                "categories": ["cs-violenza"], "territories": ["cs-due"], "capacity": 5, "occupied": 0},
               {"id": "cs-svc-r", "name": "Lavoro R", "provider": "cs-coop-r",
                "categories": ["cs-lavoro"], "territories": ["cs-due"], "capacity": 4, "occupied": 0},
               {"id": "cs-svc-rifugio", "name": "Rifugio", "provider": "cs-coop-r", "confidential": true,
                "categories": ["cs-violenza"], "territories": ["cs-uno"], "capacity": 6, "occupied": 0}],
             "needs": [
               {"id": "cs-need-1", "category": "cs-accoglienza", "territory": "cs-uno", "people": 9,
                "urgency": "HIGH"},
               {"id": "cs-need-2", "category": "cs-violenza", "territory": "cs-uno", "people": 4,
                "urgency": "HIGH"}],
             "ties": [
               {"from": "cs-coop-a", "to": "cs-comune", "kind": "CONVENTION"},
               {"from": "cs-coop-r", "to": "cs-comune", "kind": "CONVENTION"},
               {"from": "cs-centro", "to": "cs-coop-a", "kind": "REFERRAL"},
               {"from": "cs-centro", "to": "cs-coop-b", "kind": "REFERRAL"}]}
            """;

    @BeforeEach
    void importTheNetwork() throws Exception {
        importOk(mapper.readTree(DOCUMENT));
    }

    private JsonNode synergies(String key, String cooperative) {
        ResponseEntity<JsonNode> answer = as(key, "/api/v1/synergies?cooperative=" + cooperative + "&limit=100");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody().get("suggestions");
    }

    @Test
    void anotherCooperativesSynergiesAreThoseOfTheNetworkWithoutTheShelter() {
        String a = cooperativeKey("cs-coop-a");
        String r = cooperativeKey("cs-coop-r");
        JsonNode planner = synergies(TestKeys.PLANNER, "cs-coop-a");
        JsonNode seenByA = synergies(a, "cs-coop-a");
        // The shelter's cooperative sees its own shelter, as a planner does.
        assertThat(synergies(r, "cs-coop-r")).isEqualTo(synergies(TestKeys.PLANNER, "cs-coop-r"));
        // A planner counts the shelter: R serves Uno with A.
        assertThat(find(find(planner, "cooperative", "cs-coop-r").get("reasons"), "kind", "SHARED_TERRITORY")
                        .get("detail")
                        .asText())
                .isEqualTo("serve 1 of 2 municipalities together");
        assertThat(seenByA).isNotEqualTo(planner);

        // A sees the suggestions of the network without the shelter: R only for their common partner,
        // and B for the violence gap of Uno, which only the shelter answers.
        assertThat(delete("/api/v1/services/cs-svc-rifugio").getStatusCode().is2xxSuccessful())
                .isTrue();
        JsonNode without = synergies(TestKeys.PLANNER, "cs-coop-a");
        assertThat(seenByA).isEqualTo(without);
        assertThat(find(seenByA, "cooperative", "cs-coop-r").get("reasons")).hasSize(1);
    }

    private JsonNode measures(String key, String query) {
        ResponseEntity<JsonNode> answer = as(key, "/api/v1/network/measures" + query);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        ObjectNode measures = answer.getBody().deepCopy();
        measures.remove("networkVersion");
        return measures;
    }

    @Test
    void territoryMeasuresLeaveOutAConfidentialPartnerForThoseWhoMayNotSeeItsBase() {
        String a = cooperativeKey("cs-coop-a");
        JsonNode seenInUno = measures(a, "?territory=cs-uno");
        JsonNode seenInDistrict = measures(a, "?territory=cs-ambito");
        // A planner counts the partner among the actors based in Uno, and so in its district.
        assertThat(measures(TestKeys.PLANNER, "?territory=cs-uno")
                        .get("betweenness")
                        .has("cs-centro"))
                .isTrue();
        assertThat(measures(TestKeys.PLANNER, "?territory=cs-ambito")
                        .get("betweenness")
                        .has("cs-centro"))
                .isTrue();
        assertThat(seenInUno.get("betweenness").has("cs-centro")).isFalse();
        // The whole network says nothing of where anyone is: the same for everyone.
        assertThat(measures(a, "")).isEqualTo(measures(TestKeys.PLANNER, ""));

        // A cooperative's territory measures are those of the network without the partner.
        assertThat(delete("/api/v1/partners/cs-centro").getStatusCode().is2xxSuccessful())
                .isTrue();
        assertThat(seenInUno).isEqualTo(measures(TestKeys.PLANNER, "?territory=cs-uno"));
        assertThat(seenInDistrict).isEqualTo(measures(TestKeys.PLANNER, "?territory=cs-ambito"));
    }

    @Test
    void onlyAPlannerGetsTheBestPairsOfTheWholeNetwork() {
        assertThat(as(cooperativeKey("cs-coop-a"), "/api/v1/synergies/top").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/v1/synergies/top").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
