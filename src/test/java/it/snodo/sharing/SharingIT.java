package it.snodo.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Skills and spaces over the sharing example of shared/examples: the answers its expected file
 * holds, the document's round trip, CRUD and who may write what.
 */
class SharingIT extends SnodoIT {

    private JsonNode sharing() {
        return resource("/examples/sharing-network.json");
    }

    private JsonNode expected() {
        return resource("/examples/sharing-network.expected.json");
    }

    @Test
    void skillMatchesAreTheCooperativesTheExpectedFileNames() {
        importOk(sharing());
        for (JsonNode c : expected().get("skillMatches")) {
            JsonNode q = c.get("query");
            ResponseEntity<JsonNode> r = get("/api/v1/skills/matches?cooperative="
                    + q.get("cooperative").asText() + "&skill=" + q.get("skill").asText() + "&maxKm="
                    + q.get("maxKm").asInt() + "&k=100");
            assertThat(r.getStatusCode().value()).as(q.toString()).isEqualTo(200);
            List<String> found = new ArrayList<>();
            r.getBody()
                    .get("matches")
                    .forEach(m -> found.add(m.get("cooperative").get("id").asText()));
            List<String> want = new ArrayList<>();
            c.get("cooperatives").forEach(id -> want.add(id.asText()));
            assertThat(found).as(q.toString()).containsExactlyInAnyOrderElementsOf(want);
            double previous = -1;
            for (JsonNode m : r.getBody().get("matches")) {
                assertThat(m.get("distanceKm").asDouble()).isGreaterThanOrEqualTo(previous);
                previous = m.get("distanceKm").asDouble();
                if (!m.get("path").isNull()) {
                    JsonNode paths = get("/api/v1/paths?from="
                                    + q.get("cooperative").asText() + "&to="
                                    + m.get("cooperative").get("id").asText() + "&k=1")
                            .getBody()
                            .get("paths");
                    assertThat(m.get("path")).isEqualTo(paths.get(0));
                    assertThat(m.get("tieHops").asInt())
                            .isEqualTo(m.get("path").get("hops").asInt());
                } else {
                    assertThat(m.get("tieHops").isNull()).isTrue();
                }
            }
        }
    }

    @Test
    void skillMatchesSumTheHoursOfNarrowerSkills() {
        importOk(sharing());
        // ex-coop-001 offers educatore (15) and mediatore (4), both under ex-sk-area.
        JsonNode matches = get("/api/v1/skills/matches?cooperative=ex-coop-000&skill=ex-sk-area&maxKm=500&k=100")
                .getBody()
                .get("matches");
        JsonNode one = find(matches, "skill", "ex-sk-area");
        assertThat(one).isNotNull();
        for (JsonNode m : matches) {
            if (m.get("cooperative").get("id").asText().equals("ex-coop-001")) {
                assertThat(m.get("hoursPerWeek").asInt()).isEqualTo(19);
            }
            assertThat(m.get("cooperative").get("id").asText()).isNotEqualTo("ex-coop-000");
        }
    }

    /**
     * Whom each cooperative could lend to is, for every request of another cooperative, whether the
     * matches of that request (k = 100) name it, with its row there: asked request by request here.
     */
    @Test
    void lendableRequestsAreThoseWhoseMatchesNameTheCooperative() {
        importOk(sharing());
        JsonNode requests = get("/api/v1/skill-requests?size=1000").getBody().get("content");
        int kept = 0;
        for (JsonNode c : get("/api/v1/cooperatives?size=1000").getBody().get("content")) {
            String id = c.get("id").asText();
            ArrayNode want = mapper.createArrayNode();
            for (JsonNode r : requests) {
                if (r.get("cooperative").asText().equals(id)) {
                    continue;
                }
                JsonNode matches = get("/api/v1/skills/matches?cooperative="
                                + r.get("cooperative").asText() + "&skill="
                                + r.get("skill").asText() + "&k=100")
                        .getBody()
                        .get("matches");
                for (JsonNode m : matches) {
                    if (m.get("cooperative").get("id").asText().equals(id)) {
                        want.addObject().<ObjectNode>set("request", r).set("match", m);
                    }
                }
            }
            ResponseEntity<JsonNode> lendable = get("/api/v1/skill-requests/lendable?cooperative=" + id);
            assertThat(lendable.getStatusCode().value()).as(id).isEqualTo(200);
            assertThat(lendable.getBody().get("lends")).as(id).isEqualTo(want);
            kept += want.size();
        }
        assertThat(kept).as("some cooperative could lend to some request").isPositive();
        assertThat(get("/api/v1/skill-requests/lendable?cooperative=nobody")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get("/api/v1/skill-requests/lendable?cooperative=ex-coop-000&maxKm=501")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void skillMatchesRefuseWhatNamesNothing() {
        importOk(sharing());
        assertThat(get("/api/v1/skills/matches?cooperative=ex-coop-000&skill=nothing")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get("/api/v1/skills/matches?cooperative=nobody&skill=ex-sk-area")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get("/api/v1/skills/matches?cooperative=ex-partner-000&skill=ex-sk-area")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(get("/api/v1/skills/matches?cooperative=ex-coop-000&skill=ex-sk-area&maxKm=501")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void spacesNearAMunicipalityAreTheExpectedOnesInOrder() {
        importOk(sharing());
        for (JsonNode c : expected().get("spaces")) {
            JsonNode q = c.get("query");
            ResponseEntity<JsonNode> r = get("/api/v1/spaces?near="
                    + q.get("near").asText() + "&maxKm=" + q.get("maxKm").asInt() + "&size=1000");
            assertThat(r.getStatusCode().value()).as(q.toString()).isEqualTo(200);
            JsonNode content = r.getBody().get("content");
            JsonNode want = c.get("spaces");
            assertThat(content.size()).as(q.toString()).isEqualTo(want.size());
            for (int i = 0; i < want.size(); i++) {
                assertThat(content.get(i).get("id").asText())
                        .as(q + " #" + i)
                        .isEqualTo(want.get(i).get("id").asText());
                assertThat(content.get(i).get("distanceKm").asDouble())
                        .isCloseTo(want.get(i).get("distanceKm").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }

    @Test
    void aConfidentialPartnersSpaceIsShownOnlyToPlanners() {
        importOk(sharing());
        // ex-partner-000 offers ex-space-000; it becomes confidential (a shelter's operator).
        var partner = (com.fasterxml.jackson.databind.node.ObjectNode)
                get("/api/v1/partners/ex-partner-000").getBody();
        partner.put("confidential", true);
        assertThat(put("/api/v1/partners/ex-partner-000", partner)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String reader = newKey("READER", null, "a directory");
        String coop = cooperativeKey("ex-coop-001");

        assertThat(get("/api/v1/spaces/ex-space-000").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/spaces?size=1000").getBody().toString()).contains("ex-space-000");
        assertThat(get("/api/v1/spaces?near=ex015019&maxKm=0").getBody().toString())
                .contains("ex-space-000");
        for (String key : java.util.List.of(reader, coop)) {
            assertThat(as(key, "/api/v1/spaces/ex-space-000").getStatusCode().value())
                    .isEqualTo(404);
            var list = as(key, "/api/v1/spaces?size=1000").getBody();
            assertThat(list.toString()).doesNotContain("ex-space-000");
            var all = get("/api/v1/spaces?size=1000").getBody();
            long theirs = 0;
            for (var row : all.get("content")) {
                theirs += row.get("owner").asText().equals("ex-partner-000") ? 1 : 0;
            }
            assertThat(theirs).isPositive();
            assertThat(list.get("totalElements").asLong())
                    .isEqualTo(all.get("totalElements").asLong() - theirs);
            assertThat(list.toString()).doesNotContain("ex-partner-000");
            assertThat(as(key, "/api/v1/spaces?near=ex015019&maxKm=0").getBody().toString())
                    .doesNotContain("ex-space-000");
        }
    }

    @Test
    void spacesNearFilterByKindCapacityAndAccess() {
        importOk(sharing());
        JsonNode content = get("/api/v1/spaces?near=ex015154&maxKm=15&kind=KITCHEN&minCapacity=10&accessible=true")
                .getBody()
                .get("content");
        for (JsonNode s : content) {
            assertThat(s.get("kind").asText()).isEqualTo("KITCHEN");
            assertThat(s.get("capacity").asInt()).isGreaterThanOrEqualTo(10);
            assertThat(s.get("accessible").asBoolean()).isTrue();
        }
        assertThat(get("/api/v1/spaces?near=ex-ambito-castanese")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(get("/api/v1/spaces?near=nowhere").getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/v1/spaces?maxKm=3").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void exportThenImportIntoAnEmptyNetworkGivesTheSameDocument() {
        importOk(sharing());
        JsonNode exported = get("/api/v1/export").getBody();
        assertThat(exported.get("skills").size()).isEqualTo(9);
        assertThat(exported.get("skillOffers").size()).isEqualTo(12);
        assertThat(exported.get("skillRequests").size()).isEqualTo(14);
        assertThat(exported.get("spaces").size()).isEqualTo(30);
        // The same document again changes nothing.
        long version = importOk(exported).get("networkVersion").asLong();
        assertThat(importOk(exported).get("networkVersion").asLong()).isEqualTo(version);
        store.clear();
        importOk(exported);
        assertThat(get("/api/v1/export").getBody()).isEqualTo(exported);
    }

    @Test
    void anImportWithOneBadSharingRowWritesNothing() {
        ObjectNode doc = sharing().deepCopy();
        ((ObjectNode) doc.get("skillOffers").get(3)).put("skill", "ex-sk-nothing");
        ((ObjectNode) doc.get("spaces").get(0)).put("territory", "ex-ambito-castanese");
        ((ObjectNode) doc.get("skillRequests").get(0)).put("cooperative", "ex-partner-000");
        ResponseEntity<JsonNode> refused = post("/api/v1/import", doc);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(refused.getBody().get("errors")))
                .containsExactlyInAnyOrder(
                        "skillOffers[3].skill", "spaces[0].territory", "skillRequests[0].cooperative");
        assertThat(get("/api/v1/export").getBody().get("cooperatives").size()).isZero();

        ObjectNode twice = sharing().deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) twice.get("skillOffers"))
                .add(twice.get("skillOffers").get(0));
        ResponseEntity<JsonNode> bad = post("/api/v1/import", twice);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(bad.getBody().get("errors"))).containsExactly("skillOffers[12].skill");

        ObjectNode unknown = sharing().deepCopy();
        ((ObjectNode) unknown.get("spaces").get(1)).put("hoursPerWeek", 3);
        ResponseEntity<JsonNode> field = post("/api/v1/import", unknown);
        assertThat(field.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(field.getBody().get("errors"))).containsExactly("spaces[1].hoursPerWeek");
    }

    @Test
    void skillsOffersRequestsAndSpacesHaveCrud() {
        importOk(sharing());
        ObjectNode skill = mapper.createObjectNode().put("code", "ex-sk-rspp").put("name", "RSPP");
        skill.put("partOf", "ex-sk-area");
        assertThat(post("/api/v1/skills", skill).getStatusCode().value()).isEqualTo(201);
        assertThat(post("/api/v1/skills", skill).getStatusCode().value()).isEqualTo(409);
        assertThat(get("/api/v1/skills/ex-sk-rspp").getBody().get("partOf").asText())
                .isEqualTo("ex-sk-area");

        ObjectNode offer = mapper.createObjectNode()
                .put("cooperative", "ex-coop-003")
                .put("skill", "ex-sk-rspp")
                .put("hoursPerWeek", 6);
        ResponseEntity<JsonNode> made = post("/api/v1/skill-offers", offer);
        assertThat(made.getStatusCode().value()).isEqualTo(201);
        assertThat(made.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/skill-offers/ex-coop-003/ex-sk-rspp");
        assertThat(post("/api/v1/skill-offers", offer).getStatusCode().value()).isEqualTo(409);
        offer.put("hoursPerWeek", 8);
        assertThat(put("/api/v1/skill-offers/ex-coop-003/ex-sk-rspp", offer)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<JsonNode> read = get("/api/v1/skill-offers/ex-coop-003/ex-sk-rspp");
        assertThat(read.getBody().get("hoursPerWeek").asInt()).isEqualTo(8);
        assertThat(read.getHeaders().getETag()).isNotNull();
        assertThat(get("/api/v1/skill-offers?skill=ex-sk-area&size=100")
                        .getBody()
                        .get("totalElements")
                        .asInt())
                .isEqualTo(13);
        // A skill in use stays.
        assertThat(delete("/api/v1/skills/ex-sk-rspp").getStatusCode().value()).isEqualTo(409);
        assertThat(delete("/api/v1/skill-offers/ex-coop-003/ex-sk-rspp")
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(delete("/api/v1/skill-offers/ex-coop-003/ex-sk-rspp")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(delete("/api/v1/skills/ex-sk-rspp").getStatusCode().value()).isEqualTo(204);

        ObjectNode request = mapper.createObjectNode()
                .put("cooperative", "ex-coop-003")
                .put("skill", "ex-sk-oss")
                .put("hoursPerWeek", 200);
        assertThat(post("/api/v1/skill-requests", request).getStatusCode().value())
                .isEqualTo(400);
        request.put("hoursPerWeek", 10);
        assertThat(post("/api/v1/skill-requests", request).getStatusCode().value())
                .isEqualTo(201);
        assertThat(get("/api/v1/skill-requests?cooperative=ex-coop-003")
                        .getBody()
                        .get("totalElements")
                        .asInt())
                .isEqualTo(3);

        ObjectNode space = mapper.createObjectNode()
                .put("id", "ex-space-new")
                .put("name", "Cucina del centro")
                .put("kind", "KITCHEN")
                .put("capacity", 40)
                .put("accessible", true)
                .put("owner", "ex-coop-003")
                .put("territory", "ex015154");
        assertThat(post("/api/v1/spaces", space).getStatusCode().value()).isEqualTo(201);
        space.put("id", "ex-coop-000");
        assertThat(post("/api/v1/spaces", space).getStatusCode().value()).isEqualTo(409);
        space.put("id", "ex-space-new");
        space.put("capacity", 45);
        assertThat(put("/api/v1/spaces/ex-space-new", space).getStatusCode().value())
                .isEqualTo(200);
        assertThat(get("/api/v1/spaces?owner=ex-coop-003")
                        .getBody()
                        .get("totalElements")
                        .asInt())
                .isGreaterThanOrEqualTo(1);
        // A municipality with a space stays a municipality.
        // Deleting the owner takes its spaces.
        assertThat(delete("/api/v1/cooperatives/ex-coop-003").getStatusCode().value())
                .isEqualTo(204);
        assertThat(get("/api/v1/spaces/ex-space-new").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aCooperativeWritesItsOwnOffersRequestsAndSpacesAndReadersSeeNoRequests() {
        importOk(sharing());
        String own = cooperativeKey("ex-coop-003");
        String reader = newKey("READER", null, "reader");
        String helpDesk = newKey("HELP_DESK", null, "desk");
        ObjectNode offer = mapper.createObjectNode()
                .put("cooperative", "ex-coop-003")
                .put("skill", "ex-sk-paghe")
                .put("hoursPerWeek", 4);
        assertThat(as(own, HttpMethod.POST, "/api/v1/skill-offers", offer)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        offer.put("cooperative", "ex-coop-004");
        assertThat(as(own, HttpMethod.POST, "/api/v1/skill-offers", offer)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(as(own, HttpMethod.DELETE, "/api/v1/skill-requests/ex-coop-004/ex-sk-oss", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ObjectNode request = mapper.createObjectNode()
                .put("cooperative", "ex-coop-003")
                .put("skill", "ex-sk-paghe")
                .put("hoursPerWeek", 5);
        assertThat(as(own, HttpMethod.PUT, "/api/v1/skill-requests/ex-coop-003/ex-sk-paghe", request)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        // Another's space: not to be written, nor taken over.
        JsonNode theirs = get("/api/v1/spaces/ex-space-000").getBody();
        assertThat(as(own, HttpMethod.DELETE, "/api/v1/spaces/ex-space-000", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ObjectNode taken = theirs.deepCopy();
        taken.put("owner", "ex-coop-003");
        assertThat(as(own, HttpMethod.PUT, "/api/v1/spaces/ex-space-000", taken)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(as(
                                own,
                                HttpMethod.POST,
                                "/api/v1/skills",
                                mapper.createObjectNode().put("code", "x").put("name", "X"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        for (String key : List.of(reader, helpDesk)) {
            assertThat(as(key, "/api/v1/skill-requests").getStatusCode().value())
                    .isEqualTo(403);
            assertThat(as(key, "/api/v1/skill-requests/ex-coop-000/ex-sk-educatore")
                            .getStatusCode()
                            .value())
                    .isEqualTo(403);
            assertThat(as(key, "/api/v1/skill-requests/lendable?cooperative=ex-coop-000")
                            .getStatusCode()
                            .value())
                    .isEqualTo(403);
            assertThat(as(key, "/api/v1/skill-offers").getStatusCode().value()).isEqualTo(200);
            assertThat(as(key, "/api/v1/skills").getStatusCode().value()).isEqualTo(200);
            assertThat(as(key, "/api/v1/spaces?near=ex015154").getStatusCode().value())
                    .isEqualTo(200);
            assertThat(as(key, "/api/v1/skills/matches?cooperative=ex-coop-000&skill=ex-sk-area")
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            assertThat(as(key, HttpMethod.POST, "/api/v1/skill-offers", offer)
                            .getStatusCode()
                            .value())
                    .isEqualTo(403);
        }
        assertThat(as(own, "/api/v1/skill-requests").getStatusCode().value()).isEqualTo(200);
    }
}
