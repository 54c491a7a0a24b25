package it.snodo.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.SnodoIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class CrudIT extends SnodoIT {

    @BeforeEach
    void loadExample() {
        importOk(example());
    }

    @Test
    void listsArePagedFilteredAndCounted() {
        JsonNode districts = get("/api/v1/territories?level=DISTRICT&size=3").getBody();
        assertThat(districts.get("totalElements").asLong()).isEqualTo(4);
        assertThat(districts.get("totalPages").asLong()).isEqualTo(2);
        assertThat(districts.get("content")).hasSize(3);
        assertThat(districts.get("content").get(0).get("id").asText()).isEqualTo("ex-ambito-castanese");
        JsonNode second =
                get("/api/v1/territories?level=DISTRICT&size=3&page=1").getBody();
        assertThat(second.get("content")).hasSize(1);
        assertThat(second.get("content").get(0).get("id").asText()).isEqualTo("ex-ambito-magentino");

        JsonNode inCastanese =
                get("/api/v1/territories?partOf=ex-ambito-castanese").getBody();
        assertThat(inCastanese.get("totalElements").asLong()).isEqualTo(5);

        JsonNode services =
                get("/api/v1/services?provider=ex-coop-000&size=1000").getBody();
        assertThat(services.get("totalElements").asLong()).isPositive();
        services.get("content")
                .forEach(s -> assertThat(s.get("provider").asText()).isEqualTo("ex-coop-000"));

        JsonNode needs = get("/api/v1/needs?territory=ex015154&urgency=HIGH").getBody();
        needs.get("content").forEach(n -> {
            assertThat(n.get("territory").asText()).isEqualTo("ex015154");
            assertThat(n.get("urgency").asText()).isEqualTo("HIGH");
        });
        assertThat(get("/api/v1/cooperatives?type=CONSORTIUM")
                        .getBody()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
        assertThat(get("/api/v1/categories?partOf=ex-anziani")
                        .getBody()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(3);
        assertThat(get("/api/v1/ties?kind=CO_DESIGN")
                        .getBody()
                        .get("content")
                        .get(0)
                        .get("kind")
                        .asText())
                .isEqualTo("CO_DESIGN");
    }

    @Test
    void createsGetsReplacesAndDeletesATerritory() {
        Map<String, Object> vanzago = Map.of(
                "id",
                "ex015229",
                "name",
                "Vanzago",
                "level",
                "MUNICIPALITY",
                "partOf",
                "ex-ambito-garbagnatese",
                "population",
                9000,
                "lat",
                45.52,
                "lon",
                8.99);
        ResponseEntity<JsonNode> created = post("/api/v1/territories", vanzago);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/territories/ex015229");
        long version = Long.parseLong(created.getHeaders().getFirst("Network-Version"));
        assertThat(version).isEqualTo(store.version());

        assertThat(get("/api/v1/territories/ex015229").getBody().get("partOf").asText())
                .isEqualTo("ex-ambito-garbagnatese");
        assertThat(post("/api/v1/territories", vanzago).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        Map<String, Object> moved = new java.util.HashMap<>(vanzago);
        moved.put("partOf", "ex-ambito-magentino");
        moved.put("name", "Vanzago (moved)");
        ResponseEntity<JsonNode> replaced = put("/api/v1/territories/ex015229", moved);
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Long.parseLong(replaced.getHeaders().getFirst("Network-Version")))
                .isGreaterThan(version);
        JsonNode read = get("/api/v1/territories/ex015229").getBody();
        assertThat(read.get("partOf").asText()).isEqualTo("ex-ambito-magentino");
        assertThat(read.get("name").asText()).isEqualTo("Vanzago (moved)");
        assertThat(get("/api/v1/territories?partOf=ex-ambito-garbagnatese")
                        .getBody()
                        .toString())
                .doesNotContain("ex015229");

        assertThat(delete("/api/v1/territories/ex015229").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("/api/v1/territories/ex015229").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTerritoryInUseCannotBeDeletedNorShrunk() {
        ResponseEntity<JsonNode> refused = delete("/api/v1/territories/ex015154");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("needs");
        assertThat(delete("/api/v1/territories/ex-ambito-castanese").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        JsonNode nerviano = get("/api/v1/territories/ex015154").getBody();
        Map<String, Object> asDistrict = mapper.convertValue(nerviano, Map.class);
        asDistrict.put("level", "DISTRICT");
        asDistrict.put("partOf", "ex-prov-mi");
        ResponseEntity<JsonNode> shrunk = put("/api/v1/territories/ex015154", asDistrict);
        assertThat(shrunk.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(shrunk.getBody().get("errors"))).contains("level");
        assertThat(get("/api/v1/territories/ex015154").getBody()).isEqualTo(nerviano);
    }

    @Test
    void aNeedIsAnAggregateAndNothingAboutAPerson() {
        Map<String, Object> need = new java.util.HashMap<>(Map.of(
                "id",
                "ex-need-new",
                "category",
                "ex-anziani",
                "territory",
                "ex015154",
                "people",
                12,
                "urgency",
                "MEDIUM",
                "recordedAt",
                "2026-03-01",
                "source",
                "sportello-legnano"));
        for (String personal : List.of("name", "fiscalCode", "phone", "address", "notes")) {
            Map<String, Object> withPerson = new java.util.HashMap<>(need);
            withPerson.put(personal, "Mario Rossi");
            ResponseEntity<JsonNode> refused = post("/api/v1/needs", withPerson);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(fields(refused.getBody().get("errors"))).containsExactly(personal);
        }
        Map<String, Object> freeText = new java.util.HashMap<>(need);
        freeText.put("source", "Mario Rossi, via Roma 1");
        assertThat(fields(post("/api/v1/needs", freeText).getBody().get("errors")))
                .containsExactly("source");

        Map<String, Object> none = new java.util.HashMap<>(need);
        none.put("people", 0);
        ResponseEntity<JsonNode> zero = post("/api/v1/needs", none);
        assertThat(zero.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(zero.getBody().get("errors"))).containsExactly("people");

        Map<String, Object> inDistrict = new java.util.HashMap<>(need);
        inDistrict.put("territory", "ex-ambito-legnanese");
        ResponseEntity<JsonNode> district = post("/api/v1/needs", inDistrict);
        assertThat(district.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(district.getBody().get("errors"))).containsExactly("territory");

        Map<String, Object> unknownCategory = new java.util.HashMap<>(need);
        unknownCategory.put("category", "ex-nothing");
        assertThat(fields(post("/api/v1/needs", unknownCategory).getBody().get("errors")))
                .containsExactly("category");

        ResponseEntity<JsonNode> created = post("/api/v1/needs", need);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode read = get("/api/v1/needs/ex-need-new").getBody();
        assertThat(read.get("recordedAt").asText()).isEqualTo("2026-03-01");
        assertThat(read.get("people").asInt()).isEqualTo(12);
        assertThat(read.get("source").asText()).isEqualTo("sportello-legnano");
    }

    /** Tokens made from the pattern of a person's fiscal code (one with omocodia letters): no real person's. */
    private static final List<String> PERSON_SHAPED =
            List.of("AAAAAA00A00A000A", "zzzzzz00z00z000z", "AAAAAALMALMALMNA");

    @Test
    void noTextCanHoldAFiscalCodeOrHideWhatItSays() {
        long version = store.version();
        Map<String, Object> need = Map.of(
                "id",
                "ex-need-new",
                "category",
                "ex-anziani",
                "territory",
                "ex015154",
                "people",
                12,
                "source",
                "sportello-legnano");
        for (String code : PERSON_SHAPED) {
            assertPlainTextRefused(
                    post("/api/v1/needs", with(need, "source", "sportello-" + code)), "source", "fiscal code");
            assertPlainTextRefused(post("/api/v1/needs", with(need, "id", code)), "id", "fiscal code");
            assertPlainTextRefused(
                    post(
                            "/api/v1/partners",
                            Map.of(
                                    "id",
                                    "ex-partner-new",
                                    "kind",
                                    "OTHER",
                                    "name",
                                    "Volontari di " + code.toLowerCase())),
                    "name",
                    "fiscal code");
        }
        Map<String, Object> coop = Map.of("id", "ex-coop-new", "name", "Cooperativa Esempio Nuova", "type", "A");
        assertPlainTextRefused(
                post("/api/v1/cooperatives", with(coop, "name", "Cooperativa\u0000Nuova")),
                "name",
                "control characters");
        assertPlainTextRefused(
                post("/api/v1/cooperatives", with(coop, "name", "Cooperativa \u202Eavouna")), "name", "bidirectional");
        assertPlainTextRefused(
                post("/api/v1/cooperatives", with(coop, "name", "Cooperativa \u2066Nuova\u2069")),
                "name",
                "bidirectional");
        JsonNode service = get("/api/v1/services/ex-svc-0000").getBody();
        Map<String, Object> changed = mapper.convertValue(service, Map.class);
        changed.put("territories", List.of("ex015154", "ex-AAAAAA00A00A000A"));
        assertPlainTextRefused(put("/api/v1/services/ex-svc-0000", changed), "territories", "fiscal code");
        ResponseEntity<JsonNode> key = post("/api/v1/keys", Map.of("role", "READER", "label", "Sportello \u0000"));
        assertPlainTextRefused(key, "label", "control characters");

        assertThat(store.version()).isEqualTo(version);
        // Words and ids that merely look like codes are kept: the token must have the whole shape.
        assertThat(post("/api/v1/needs", with(need, "source", "sportello-AAAAAA00A00A000"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/v1/cooperatives", with(coop, "name", "Cooperativa Esempio Nuova"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private static Map<String, Object> with(Map<String, Object> row, String field, String value) {
        Map<String, Object> changed = new java.util.HashMap<>(row);
        changed.put(field, value);
        return changed;
    }

    private static void assertPlainTextRefused(ResponseEntity<JsonNode> response, String field, String message) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = response.getBody().get("errors");
        assertThat(fields(errors)).containsExactly(field);
        assertThat(errors.get(0).get("message").asText()).contains(message);
        // The refused value is never repeated back (nor, so, logged with the answer).
        assertThat(response.getBody().toString()).doesNotContainIgnoringCase("A00A000");
    }

    @Test
    void deletingACooperativeDeletesItsServicesAndTies() {
        assertThat(get("/api/v1/services?provider=ex-coop-003")
                        .getBody()
                        .get("totalElements")
                        .asLong())
                .isPositive();
        assertThat(get("/api/v1/ties?actor=ex-coop-003")
                        .getBody()
                        .get("totalElements")
                        .asLong())
                .isPositive();

        assertThat(delete("/api/v1/cooperatives/ex-coop-003").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(get("/api/v1/cooperatives/ex-coop-003").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/services?provider=ex-coop-003")
                        .getBody()
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(get("/api/v1/ties?actor=ex-coop-003")
                        .getBody()
                        .get("totalElements")
                        .asLong())
                .isZero();
        JsonNode export = get("/api/v1/export").getBody();
        export.get("services")
                .forEach(s -> assertThat(s.get("provider").asText()).isNotEqualTo("ex-coop-003"));
    }

    @Test
    void aConsortiumWithMembersIsKept() {
        assertThat(delete("/api/v1/cooperatives/ex-consorzio").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode coop = get("/api/v1/cooperatives/ex-coop-001").getBody();
        Map<String, Object> member = mapper.convertValue(coop, Map.class);
        member.put("memberOf", "ex-coop-002");
        ResponseEntity<JsonNode> refused = put("/api/v1/cooperatives/ex-coop-001", member);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(refused.getBody().get("errors"))).containsExactly("memberOf");
    }

    @Test
    void replacingAServiceReplacesItsRelationships() {
        JsonNode service = get("/api/v1/services/ex-svc-0000").getBody();
        Map<String, Object> changed = mapper.convertValue(service, Map.class);
        changed.put("provider", "ex-partner-000");
        changed.put("categories", List.of("ex-disabili.lavoro", "ex-anziani.lavoro"));
        changed.put("territories", List.of("ex015154"));
        changed.put("capacity", null);
        assertThat(put("/api/v1/services/ex-svc-0000", changed).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode read = get("/api/v1/services/ex-svc-0000").getBody();
        assertThat(read.get("provider").asText()).isEqualTo("ex-partner-000");
        assertThat(read.get("categories").toString()).isEqualTo("[\"ex-anziani.lavoro\",\"ex-disabili.lavoro\"]");
        assertThat(read.get("territories").toString()).isEqualTo("[\"ex015154\"]");
        assertThat(read.get("capacity").isNull()).isTrue();
        assertThat(get("/api/v1/services?category=ex-anziani.sportello&size=1000")
                        .getBody()
                        .toString())
                .doesNotContain("ex-svc-0000");

        changed.put("provider", "ex-svc-0001");
        ResponseEntity<JsonNode> notAnActor = put("/api/v1/services/ex-svc-0000", changed);
        assertThat(notAnActor.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(notAnActor.getBody().get("errors"))).containsExactly("provider");
        assertThat(get("/api/v1/services/ex-svc-0000").getBody()).isEqualTo(read);
    }

    @Test
    void tiesAreNamedByTheirEndsAndKind() {
        Map<String, Object> tie = Map.of(
                "from", "ex-coop-004", "to", "ex-coop-005", "kind", "JOINT_TENDER", "since", "2024", "strength", 0.5);
        ResponseEntity<JsonNode> created = post("/api/v1/ties", tie);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation().getPath())
                .isEqualTo("/api/v1/ties/ex-coop-004/ex-coop-005/JOINT_TENDER");
        assertThat(post("/api/v1/ties", tie).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(get("/api/v1/ties/ex-coop-004/ex-coop-005/JOINT_TENDER")
                        .getBody()
                        .get("strength")
                        .asDouble())
                .isEqualTo(0.5);

        Map<String, Object> stronger = new java.util.HashMap<>(tie);
        stronger.put("strength", 0.9);
        assertThat(put("/api/v1/ties/ex-coop-004/ex-coop-005/JOINT_TENDER", stronger)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("/api/v1/ties/ex-coop-004/ex-coop-005/JOINT_TENDER")
                        .getBody()
                        .get("strength")
                        .asDouble())
                .isEqualTo(0.9);

        Map<String, Object> self = Map.of("from", "ex-coop-004", "to", "ex-coop-004", "kind", "REFERRAL");
        assertThat(post("/api/v1/ties", self).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> unknown = Map.of("from", "ex-coop-004", "to", "ex-nobody", "kind", "REFERRAL");
        ResponseEntity<JsonNode> broken = post("/api/v1/ties", unknown);
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(broken.getBody().get("errors"))).containsExactly("to");

        assertThat(delete("/api/v1/ties/ex-coop-004/ex-coop-005/JOINT_TENDER").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("/api/v1/ties/ex-coop-004/ex-coop-005/JOINT_TENDER").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(delete("/api/v1/ties/ex-coop-004/ex-coop-005/JOINT_TENDER").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void categoriesKeepATree() {
        assertThat(delete("/api/v1/categories/ex-anziani").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        Map<String, Object> child =
                Map.of("code", "ex-anziani.lavoro.tirocini", "name", "Tirocini", "partOf", "ex-anziani.lavoro");
        assertThat(post("/api/v1/categories", child).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> cycle =
                Map.of("code", "ex-anziani", "name", "Anziani", "partOf", "ex-anziani.lavoro.tirocini");
        ResponseEntity<JsonNode> refused = put("/api/v1/categories/ex-anziani", cycle);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(refused.getBody().get("errors"))).containsExactly("partOf");
        assertThat(delete("/api/v1/categories/ex-anziani.lavoro.tirocini").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void idsAreUniqueAcrossTheNetwork() {
        Map<String, Object> partner = Map.of("id", "ex-coop-000", "name", "Not a cooperative", "kind", "OTHER");
        ResponseEntity<JsonNode> refused = post("/api/v1/partners", partner);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("cooperative");
    }

    @Test
    void aCategoryCodeAndAnIdCannotBeTheSame() {
        long version = store.version();
        for (String taken : List.of("ex015154", "ex-coop-000", "ex-partner-000", "ex-svc-0000", "ex-need-0000")) {
            ResponseEntity<JsonNode> refused = post(
                    "/api/v1/categories", Map.of("code", taken, "name", "Categoria Esempio", "partOf", "ex-anziani"));
            assertThat(refused.getStatusCode()).as(taken).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().get("type").asText()).isEqualTo("/problems/conflict");
            assertThat(fields(refused.getBody().get("errors"))).containsExactly("code");
            assertThat(get("/api/v1/categories/" + taken).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        ResponseEntity<JsonNode> cooperative = post(
                "/api/v1/cooperatives", Map.of("id", "ex-anziani", "name", "Cooperativa Esempio Omonima", "type", "A"));
        assertThat(cooperative.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fields(cooperative.getBody().get("errors"))).containsExactly("id");
        assertThat(cooperative.getBody().get("detail").asText()).contains("category");
        ResponseEntity<JsonNode> territory = post(
                "/api/v1/territories",
                Map.of("id", "ex-anziani.sportello", "name", "Omonimo", "level", "DISTRICT", "partOf", "ex-prov-mi"));
        assertThat(territory.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fields(territory.getBody().get("errors"))).containsExactly("id");
        assertThat(post(
                                "/api/v1/needs",
                                Map.of(
                                        "id",
                                        "ex-anziani",
                                        "category",
                                        "ex-anziani",
                                        "territory",
                                        "ex015154",
                                        "people",
                                        3))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(store.version()).isEqualTo(version);

        // A replace never creates: a key held by the other namespace is simply not one of this kind.
        assertThat(put("/api/v1/categories/ex015154", Map.of("code", "ex015154", "name", "Omonima"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(put("/api/v1/partners/ex-anziani", Map.of("id", "ex-anziani", "name", "P", "kind", "OTHER"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/cooperatives/ex-anziani").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/categories/ex-anziani").getBody().get("name").asText())
                .isEqualTo("Anziani");
    }

    @ParameterizedTest
    @ValueSource(strings = {"territories", "categories", "cooperatives", "partners", "services", "needs"})
    void anUnknownIdIsNotFound(String resource) {
        ResponseEntity<JsonNode> response = get("/api/v1/" + resource + "/no-such-id");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(response.getBody().get("detail").asText()).contains("no-such-id");
        assertThat(delete("/api/v1/" + resource + "/no-such-id").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void badParametersAndBodiesAreProblemDetailsNamingTheField() {
        assertField(get("/api/v1/territories?size=0"), "size");
        assertField(get("/api/v1/territories?size=1001"), "size");
        assertField(get("/api/v1/territories?page=-1"), "page");
        assertField(get("/api/v1/territories?level=CITY"), "level");
        assertField(get("/api/v1/territories?size=ten"), "size");
        assertField(
                post(
                        "/api/v1/needs",
                        "{\"id\": \"n1\", \"category\": \"ex-anziani\", \"territory\": \"ex015154\","
                                + " \"people\": \"many\"}"),
                "people");
        assertField(
                post(
                        "/api/v1/needs",
                        "{\"id\": \"n1\", \"category\": \"ex-anziani\", \"territory\": \"ex015154\","
                                + " \"people\": 2.5}"),
                "people");
        assertField(post("/api/v1/cooperatives", Map.of("id", "c x", "name", "C", "type", "A")), "id");
        assertField(
                post("/api/v1/cooperatives", Map.of("id", "cx", "name", "C", "type", "A", "fiscalCode", "12345678901")),
                "fiscalCode");
        assertField(post("/api/v1/territories", Map.of("id", "t1", "name", "T", "level", "MUNICIPALITY")), "lat");
        assertField(put("/api/v1/partners/ex-partner-000", Map.of("id", "other", "name", "P", "kind", "OTHER")), "id");
        ResponseEntity<JsonNode> malformed = post("/api/v1/needs", "{\"id\": ");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("type").asText()).isEqualTo("/problems/invalid-input");
    }

    @Test
    void aValidFiscalCodeIsKept() {
        Map<String, Object> coop = Map.of(
                "id",
                "ex-coop-fc",
                "name",
                "Cooperativa Esempio Codice",
                "type",
                "B",
                "fiscalCode",
                "12345678903",
                "basedIn",
                "ex015154",
                "memberOf",
                "ex-consorzio");
        assertThat(post("/api/v1/cooperatives", coop).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(get("/api/v1/cooperatives/ex-coop-fc")
                        .getBody()
                        .get("fiscalCode")
                        .asText())
                .isEqualTo("12345678903");
    }

    private static void assertField(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(fields(response.getBody().get("errors"))).contains(field);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Invalid input");
    }
}
