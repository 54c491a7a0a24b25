package it.snodo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import it.snodo.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Confidential places (a shelter for women at risk of violence): listed and referred to, but where
 * they are is seen only by planners and the cooperative that runs them.
 */
class ConfidentialIT extends SnodoIT {

    private static final String SHELTER = "ex-svc-0000";
    private static final String SHELTER_AREA = "ex-ambito-magentino";
    private static final String NEED_PLACE = "ex015164";

    private String reader;

    @BeforeEach
    void markAShelterConfidential() {
        importOk(example());
        ObjectNode service =
                (ObjectNode) get("/api/v1/services/" + SHELTER).getBody().deepCopy();
        service.put("confidential", true);
        assertThat(put("/api/v1/services/" + SHELTER, service).getStatusCode()).isEqualTo(HttpStatus.OK);
        reader = post(
                        "/api/v1/keys",
                        mapper.createObjectNode().put("role", "READER").put("label", "help desk"))
                .getBody()
                .get("key")
                .asText();
    }

    /**
     * A shelter in Rho next to two services in Rho (0 km) and one 2.1 km north: from Rho, a caller
     * who may not know where it is sees it at 5 km. Its own categories and territories, so the
     * worked example around it changes nothing.
     */
    private static final String RHO = "cf-rho";

    private static final String RHO_SHELTER = "cf-svc-rifugio";
    private static final String SHELTER_COOP = "cf-coop-rifugio";

    private void importRhoShelter() {
        try {
            importOk(mapper.readTree("""
                {"territories": [
                   {"id": "cf-prov", "name": "Provincia cf", "level": "PROVINCE"},
                   {"id": "cf-ambito", "name": "Ambito cf", "level": "DISTRICT", "partOf": "cf-prov"},
                   {"id": "cf-rho", "name": "Rho cf", "level": "MUNICIPALITY", "partOf": "cf-ambito",
                    "lat": 45.5313, "lon": 9.0402},
                   {"id": "cf-nord", "name": "Nord cf", "level": "MUNICIPALITY", "partOf": "cf-ambito",
                    "lat": 45.5500, "lon": 9.0402}],
                 "categories": [
                   {"code": "cf-accoglienza", "name": "Accoglienza"},
                   {"code": "cf-lavoro", "name": "Lavoro"},
                   {"code": "cf-violenza", "name": "Violenza di genere"}],
                 "cooperatives": [
                   {"id": "cf-coop-a", "name": "Cooperativa cf A", "type": "A", "basedIn": "cf-rho"},
                   {"id": "cf-coop-b", "name": "Cooperativa cf B", "type": "A", "basedIn": "cf-rho"},
                   {"id": "cf-coop-c", "name": "Cooperativa cf C", "type": "B", "basedIn": "cf-nord"},
                   {"id": "cf-coop-rifugio", "name": "Cooperativa cf Rifugio", "type": "A", "basedIn": "cf-rho"}],
                 "services": [
                   {"id": "cf-svc-rifugio", "name": "Rifugio", "provider": "cf-coop-rifugio", "confidential": true,
                    "categories": ["cf-accoglienza", "cf-violenza"], "territories": ["cf-rho"],
                    "capacity": 6, "occupied": 2},
                   {"id": "cf-svc-rifugio-lavoro", "name": "Lavoro del rifugio", "provider": "cf-coop-rifugio",
                    "categories": ["cf-lavoro"], "territories": ["cf-rho"], "capacity": 2, "occupied": 0},
                   {"id": "cf-svc-a", "name": "Accoglienza A", "provider": "cf-coop-a",
                    "categories": ["cf-accoglienza"], "territories": ["cf-rho"], "capacity": 3, "occupied": 0},
                   {"id": "cf-svc-b", "name": "Accoglienza B", "provider": "cf-coop-b",
                    "categories": ["cf-accoglienza"], "territories": ["cf-rho"], "capacity": 2, "occupied": 0},
                   {"id": "cf-svc-c", "name": "Accoglienza C", "provider": "cf-coop-c",
                    "categories": ["cf-accoglienza"], "territories": ["cf-nord"], "capacity": 10, "occupied": 0},
                   {"id": "cf-svc-c-lavoro", "name": "Lavoro C", "provider": "cf-coop-c",
                    "categories": ["cf-lavoro"], "territories": ["cf-rho"], "capacity": 4, "occupied": 1}],
                 "needs": [
                   {"id": "cf-need-1", "category": "cf-accoglienza", "territory": "cf-rho", "people": 9,
                    "urgency": "HIGH"}]}
                """));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> referred(String key, int k, double maxKm) {
        JsonNode answer = as(
                        key,
                        "/api/v1/referrals?category=cf-accoglienza&territory=" + RHO + "&k=" + k + "&maxKm=" + maxKm)
                .getBody();
        List<String> ids = new ArrayList<>();
        double last = 0;
        for (JsonNode r : answer.get("referrals")) {
            ids.add(r.get("service").get("id").asText() + "@"
                    + r.get("distanceKm").asDouble());
            assertThat(r.get("distanceKm").asDouble())
                    .as("non-decreasing distances")
                    .isGreaterThanOrEqualTo(last);
            last = r.get("distanceKm").asDouble();
        }
        return ids;
    }

    @Test
    void aHiddenPlaceIsRankedAndCutByTheDistanceShown() {
        importRhoShelter();
        String north = "cf-svc-c@"
                + get("/api/v1/referrals?category=cf-accoglienza&territory=" + RHO)
                        .getBody()
                        .get("referrals")
                        .get(3)
                        .get("distanceKm")
                        .asDouble();
        assertThat(north).isNotEqualTo("cf-svc-c@0.0");

        // The planner and the shelter's own cooperative: true distances, the shelter first (most free places).
        List<String> exact = List.of("cf-svc-rifugio@0.0", "cf-svc-a@0.0", "cf-svc-b@0.0", north);
        assertThat(referred(TestKeys.PLANNER, 10, 25)).isEqualTo(exact);
        assertThat(referred(cooperativeKey(SHELTER_COOP), 10, 25)).isEqualTo(exact);

        // Anyone else: the shelter at 5 km comes after the service 2.1 km away, not before it.
        String other = cooperativeKey("cf-coop-a");
        for (String key : List.of(reader, other)) {
            assertThat(referred(key, 10, 25))
                    .containsExactly("cf-svc-a@0.0", "cf-svc-b@0.0", north, "cf-svc-rifugio@5.0");
            // The best 3 by the distance shown, not the best 3 by the true one with the shelter masked.
            assertThat(referred(key, 3, 25)).containsExactly("cf-svc-a@0.0", "cf-svc-b@0.0", north);
            // Shown at 5 km, it is not within 4: listing it would say it covers Rho.
            assertThat(referred(key, 10, 4)).containsExactly("cf-svc-a@0.0", "cf-svc-b@0.0", north);
            assertThat(referred(key, 10, 5)).contains("cf-svc-rifugio@5.0");
        }
        assertThat(referred(TestKeys.PLANNER, 10, 4)).contains("cf-svc-rifugio@0.0");
    }

    private JsonNode integrated(String key, double maxKm) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        ResponseEntity<JsonNode> answer = http.exchange(
                "/api/v1/integrated-answers",
                HttpMethod.POST,
                new HttpEntity<>(
                        java.util.Map.of(
                                "territory", RHO, "maxKm", maxKm, "categories", List.of("cf-accoglienza", "cf-lavoro")),
                        headers),
                JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @Test
    void anIntegratedAnswerIsChosenByTheDistancesShown() {
        importRhoShelter();
        String other = cooperativeKey("cf-coop-a");
        // One provider answers both: the shelter's cooperative at 0 km, or C with its service 2.1 km north.
        JsonNode exact = integrated(TestKeys.PLANNER, 25);
        assertThat(exact.get("providers").toString()).isEqualTo("[\"cf-coop-rifugio\"]");
        assertThat(exact.get("totalDistanceKm").asDouble()).isZero();
        // Shown at 5 km, the shelter loses to 2.1 km: choosing it would say it is nearer than that.
        JsonNode seen = integrated(other, 25);
        assertThat(seen.get("providers").toString()).isEqualTo("[\"cf-coop-c\"]");
        assertThat(seen.get("totalDistanceKm").asDouble()).isBetween(2.0, 2.2);

        // Within 0 km the shelter is not there for those who see it at 5: two providers are needed.
        assertThat(integrated(TestKeys.PLANNER, 0).get("providers").toString()).isEqualTo("[\"cf-coop-rifugio\"]");
        JsonNode near = integrated(other, 0);
        assertThat(near.get("providers")).hasSize(2);
        assertThat(near.get("assignments").toString()).doesNotContain(RHO_SHELTER);
        assertThat(near.get("uncovered")).isEmpty();
    }

    @Test
    void municipalityGapRowsLeaveAHiddenPlaceOutAndDistrictRowsCountIt() {
        importRhoShelter();
        String other = cooperativeKey("cf-coop-a");
        String own = cooperativeKey(SHELTER_COOP);
        JsonNode plannerRho = get("/api/v1/gaps?territory=" + RHO).getBody().get("rows");
        JsonNode plannerDistrict =
                get("/api/v1/gaps?territory=cf-ambito").getBody().get("rows");
        JsonNode plannerMatrix = get("/api/v1/gaps/matrix?level=MUNICIPALITY").getBody();
        // With the shelter, Rho has places for its 9 people and a row for what only the shelter answers.
        assertThat(find(plannerRho, "category", "cf-accoglienza").get("state").asText())
                .isEqualTo("COVERED");
        find(plannerRho, "category", "cf-violenza");

        assertThat(as(own, "/api/v1/gaps?territory=" + RHO).getBody().get("rows"))
                .isEqualTo(plannerRho);
        JsonNode readerRho =
                as(reader, "/api/v1/gaps?territory=" + RHO).getBody().get("rows");
        assertThat(as(other, "/api/v1/gaps?territory=" + RHO).getBody().get("rows"))
                .isEqualTo(readerRho);
        assertThat(as(reader, "/api/v1/gaps?territory=cf-ambito").getBody().get("rows"))
                .isEqualTo(plannerDistrict);
        JsonNode readerMatrix =
                as(reader, "/api/v1/gaps/matrix?level=MUNICIPALITY").getBody();
        String readerCsv = csvAs(reader, "/api/v1/gaps/matrix?level=MUNICIPALITY");
        assertThat(csvAs(TestKeys.PLANNER, "/api/v1/gaps/matrix?level=MUNICIPALITY"))
                .contains("cf-rho,Rho cf,cf-violenza,FRAGILE");
        assertThat(readerCsv)
                .contains("cf-rho,Rho cf,cf-violenza,,0\r\n")
                .contains("cf-rho,Rho cf,cf-accoglienza,UNDER");

        // Rho's rows and matrix cells are those of the same network without the shelter.
        assertThat(delete("/api/v1/services/" + RHO_SHELTER).getStatusCode().is2xxSuccessful())
                .isTrue();
        assertThat(readerRho)
                .isEqualTo(get("/api/v1/gaps?territory=" + RHO).getBody().get("rows"));
        JsonNode without = get("/api/v1/gaps/matrix?level=MUNICIPALITY").getBody();
        int rho = -1;
        for (int i = 0; i < without.get("territories").size(); i++) {
            if (without.get("territories").get(i).get("id").asText().equals(RHO)) {
                rho = i;
            }
        }
        assertThat(readerMatrix.get("cells").get(rho))
                .isEqualTo(without.get("cells").get(rho));
        assertThat(plannerMatrix.get("cells").get(rho))
                .isNotEqualTo(without.get("cells").get(rho));
        // And the district row without it is not the one a reader saw: the district counts it.
        assertThat(get("/api/v1/gaps?territory=cf-ambito").getBody().get("rows"))
                .isNotEqualTo(plannerDistrict);
    }

    private JsonNode whatIfAs(String key, List<String> remove) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        ResponseEntity<JsonNode> answer = http.exchange(
                "/api/v1/what-if",
                HttpMethod.POST,
                new HttpEntity<>(java.util.Map.of("remove", remove), headers),
                JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody().get("lostCoverage");
    }

    @Test
    void aWhatIfDoesNotTellThatAHiddenPlaceStillAnswersAMunicipality() {
        importRhoShelter();
        List<String> rhoAnswers = List.of("cf-coop-a", "cf-coop-b");
        // Without A and B, only the shelter answers Rho's 9 people: nothing is lost for those who see it.
        assertThat(whatIfAs(TestKeys.PLANNER, rhoAnswers)).isEmpty();
        assertThat(whatIfAs(cooperativeKey(SHELTER_COOP), rhoAnswers)).isEmpty();
        // Another cooperative's what-if is of the network without the shelter, as its gap rows are.
        JsonNode seen = whatIfAs(cooperativeKey("cf-coop-a"), rhoAnswers);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get("territory").asText()).isEqualTo(RHO);
        assertThat(seen.get(0).get("category").asText()).isEqualTo("cf-accoglienza");
        assertThat(seen.get(0).get("people").asInt()).isEqualTo(9);
    }

    private String csvAs(String key, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        headers.setAccept(List.of(org.springframework.http.MediaType.parseMediaType("text/csv")));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getBody();
    }

    @Test
    void aReaderSeesTheServiceButNeverWhereItIs() {
        JsonNode seen = as(reader, "/api/v1/services/" + SHELTER).getBody();
        assertThat(seen.get("confidential").asBoolean()).isTrue();
        assertThat(seen.get("territories")).isEmpty();
        assertThat(seen.get("provider").asText()).isEqualTo("ex-coop-000");

        List<String> listed = new ArrayList<>();
        as(reader, "/api/v1/services?size=1000").getBody().get("content").forEach(s -> {
            listed.add(s.get("id").asText());
            if (s.get("id").asText().equals(SHELTER)) {
                assertThat(s.get("territories")).isEmpty();
            }
        });
        assertThat(listed).contains(SHELTER);
        // A list by territory would tell where it is by listing it.
        assertThat(ids(as(reader, "/api/v1/services?territory=" + SHELTER_AREA)
                        .getBody()
                        .get("content")))
                .doesNotContain(SHELTER)
                .isNotEmpty();
    }

    @Test
    void aReferralListsItWithARoundedDistanceAndNoTerritoryInItsPath() {
        String query = "/api/v1/referrals?category=ex-anziani.sportello&territory=" + NEED_PLACE + "&includeFull=true";
        JsonNode shown = null;
        for (JsonNode r : as(reader, query).getBody().get("referrals")) {
            if (r.get("service").get("id").asText().equals(SHELTER)) {
                shown = r;
            }
        }
        assertThat(shown).as("the shelter is referred to").isNotNull();
        double km = shown.get("distanceKm").asDouble();
        assertThat(km % 5).isZero();
        assertThat(km).isGreaterThanOrEqualTo(5);
        shown.get("path")
                .forEach(step -> assertThat(step.get("kind").asText()).isIn("SERVICE", "COOPERATIVE", "PARTNER"));
        assertThat(shown.get("cost").asDouble())
                .isEqualTo(km + shown.get("tieHops").asInt());

        // A planner sees the exact referral, its territories included.
        JsonNode exact = null;
        for (JsonNode r : get(query).getBody().get("referrals")) {
            if (r.get("service").get("id").asText().equals(SHELTER)) {
                exact = r;
            }
        }
        assertThat(exact.get("distanceKm").asDouble()).isLessThanOrEqualTo(km);
        assertThat(exact.get("path").toString()).contains(NEED_PLACE);
    }

    @Test
    void plannersAndTheOwningCooperativeSeeEverythingOtherCooperativesDoNot() {
        assertThat(get("/api/v1/services/" + SHELTER)
                        .getBody()
                        .get("territories")
                        .toString())
                .contains(SHELTER_AREA);
        assertThat(as(cooperativeKey("ex-coop-000"), "/api/v1/services/" + SHELTER)
                        .getBody()
                        .get("territories")
                        .toString())
                .contains(SHELTER_AREA);
        assertThat(as(cooperativeKey("ex-coop-001"), "/api/v1/services/" + SHELTER)
                        .getBody()
                        .get("territories"))
                .isEmpty();
    }

    @Test
    void anotherCooperativeMayNotAskAWhatIfWithoutIt() {
        String other = cooperativeKey("ex-coop-001");
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(other);
        ResponseEntity<JsonNode> whatIf = http.exchange(
                "/api/v1/what-if",
                HttpMethod.POST,
                new HttpEntity<>(java.util.Map.of("remove", List.of("ex-coop-000")), headers),
                JsonNode.class);
        assertThat(whatIf.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/what-if", java.util.Map.of("remove", List.of("ex-coop-000")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aConfidentialPartnerShowsNoBaseAndItsServicesNoTerritories() {
        ObjectNode partner =
                (ObjectNode) get("/api/v1/partners/ex-partner-002").getBody().deepCopy();
        String base = partner.get("basedIn").asText();
        partner.put("confidential", true);
        assertThat(put("/api/v1/partners/ex-partner-002", partner).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode seen = as(reader, "/api/v1/partners/ex-partner-002").getBody();
        assertThat(seen.get("basedIn").isNull()).isTrue();
        assertThat(ids(as(reader, "/api/v1/partners?territory=" + base)
                        .getBody()
                        .get("content")))
                .doesNotContain("ex-partner-002");
        assertThat(as(reader, "/api/v1/services/ex-svc-0025").getBody().get("territories"))
                .isEmpty();
        assertThat(ids(as(reader, "/api/v1/services?territory=ex015204")
                        .getBody()
                        .get("content")))
                .doesNotContain("ex-svc-0025");
        // The planner's export keeps everything, so that nothing is lost on a round trip.
        assertThat(get("/api/v1/partners/ex-partner-002")
                        .getBody()
                        .get("basedIn")
                        .asText())
                .isEqualTo(base);
        assertThat(get("/api/v1/export").getBody().toString()).contains("\"confidential\":true");
    }
}
