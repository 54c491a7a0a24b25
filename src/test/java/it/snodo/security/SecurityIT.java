package it.snodo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import it.snodo.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Keys and roles on the real service: who may call what, and what 401 and 403 say. */
class SecurityIT extends SnodoIT {

    @Autowired
    private Driver driver;

    @BeforeEach
    void loadExample() {
        importOk(example());
    }

    /** A request with exactly this Authorization header (none when null). */
    private ResponseEntity<JsonNode> call(String authorization, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // An explicit header, even an empty one, keeps the test client from adding the planner's.
        headers.set(HttpHeaders.AUTHORIZATION, authorization == null ? "" : authorization);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void aKeyLearnsItsOwnRoleAndCooperativeAndNothingElse() {
        importOk(example());
        String cooperative = example().get("cooperatives").get(0).get("id").asText();
        JsonNode planner = get("/api/v1/me").getBody();
        assertThat(planner.get("role").asText()).isEqualTo("PLANNER");
        assertThat(planner.get("cooperative").isNull()).isTrue();

        JsonNode own = as(cooperativeKey(cooperative), "/api/v1/me").getBody();
        assertThat(own.get("role").asText()).isEqualTo("COOPERATIVE");
        assertThat(own.get("cooperative").asText()).isEqualTo(cooperative);
        assertThat(own.get("keyId").asText()).isNotEqualTo(planner.get("keyId").asText());
        assertThat(own.has("key")).isFalse();

        assertThat(as(newKey("READER", null, "reader"), "/api/v1/me")
                        .getBody()
                        .get("role")
                        .asText())
                .isEqualTo("READER");
        assertThat(call(null, HttpMethod.GET, "/api/v1/me", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aCallWithoutAKeyIsA401ProblemDetailOnEveryDataEndpoint() {
        for (String path : List.of(
                "/api/v1/territories",
                "/api/v1/referrals?category=ex-anziani&territory=ex015154",
                "/api/v1/gaps?territory=ex015154",
                "/api/v1/needs",
                "/api/v1/export",
                "/api/v1/keys",
                "/api/v1/synergies/top",
                "/api/v1/does-not-exist")) {
            ResponseEntity<JsonNode> r = call(null, HttpMethod.GET, path, null);
            assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(r.getBody().get("type").asText()).isEqualTo("/problems/unauthorized");
            assertThat(r.getBody().get("detail").asText()).contains("No key");
            assertThat(r.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
        ResponseEntity<JsonNode> write = call(null, HttpMethod.POST, "/api/v1/import", example());
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongKeyIsA401ThatSaysSoAndTheSameWhateverTheKey() {
        List<JsonNode> details = new ArrayList<>();
        for (String header : List.of(
                "Bearer nope",
                "Bearer " + TestKeys.PLANNER + "x",
                "Basic dXNlcjpwYXNz",
                "Bearer snodo_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            ResponseEntity<JsonNode> r = call(header, HttpMethod.GET, "/api/v1/territories", null);
            assertThat(r.getStatusCode()).as(header).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(r.getBody().get("detail").asText()).contains("not valid");
            details.add(r.getBody().get("detail"));
        }
        assertThat(details).allMatch(d -> d.equals(details.get(0)));
    }

    @Test
    void healthAndTheApiDocumentStayOpen() {
        assertThat(call(null, HttpMethod.GET, "/actuator/health", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(call(null, HttpMethod.GET, "/v3/api-docs", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aKeyIsShownOnceAndStoredOnlyAsItsHash() {
        ResponseEntity<JsonNode> made = post(
                "/api/v1/keys", mapper.createObjectNode().put("role", "READER").put("label", "help desk of Magenta"));
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = made.getBody().get("id").asText();
        String secret = made.getBody().get("key").asText();
        assertThat(secret).startsWith("snodo_").hasSizeGreaterThanOrEqualTo(6 + 32);
        assertThat(made.getBody().get("role").asText()).isEqualTo("READER");

        JsonNode list = get("/api/v1/keys").getBody();
        assertThat(list.toString()).contains(id).doesNotContain(secret);
        list.forEach(k -> assertThat(k.has("key")).isFalse());

        try (Session session = driver.session()) {
            Map<String, Object> stored = session.run(
                            "MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS p", Map.of("id", id))
                    .single()
                    .get("p")
                    .asMap();
            assertThat(stored.values()).doesNotContain(secret);
            assertThat(stored.get("hash")).isEqualTo(ApiKeys.hash(secret));
        }
        assertThat(as(secret, HttpMethod.GET, "/api/v1/territories", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aNewKeyIsWhereItsLocationSaysWithoutItsSecret() {
        ResponseEntity<JsonNode> made = post(
                "/api/v1/keys",
                mapper.createObjectNode().put("role", "READER").put("label", "help desk of Abbiategrasso"));
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = made.getBody().get("id").asText();
        assertThat(made.getHeaders().getLocation()).isNotNull();
        assertThat(made.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/keys/" + id);

        ResponseEntity<JsonNode> read = get(made.getHeaders().getLocation().getPath());
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().get("id").asText()).isEqualTo(id);
        assertThat(read.getBody().get("role").asText()).isEqualTo("READER");
        assertThat(read.getBody().get("label").asText()).isEqualTo("help desk of Abbiategrasso");
        assertThat(read.getBody().has("key")).isFalse();
        assertThat(read.getBody().toString())
                .doesNotContain(made.getBody().get("key").asText());

        assertThat(get("/api/v1/keys/key-000000000000").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String reader = made.getBody().get("key").asText();
        assertThat(as(reader, HttpMethod.GET, "/api/v1/keys/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aReaderSeesReferralsGapsAndTheDirectoryButNoNeedsNoExportAndWritesNothing() {
        String reader = newKey("READER", null, "a help desk");
        for (String path : List.of(
                "/api/v1/referrals?category=ex-anziani&territory=ex015154",
                "/api/v1/paths?from=ex-coop-000&to=ex-coop-001",
                "/api/v1/gaps?territory=ex015154",
                "/api/v1/gaps/matrix?level=DISTRICT",
                "/api/v1/territories",
                "/api/v1/categories",
                "/api/v1/cooperatives",
                "/api/v1/partners",
                "/api/v1/services/ex-svc-0000")) {
            assertThat(as(reader, HttpMethod.GET, path, null).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.OK);
        }
        for (String path : List.of(
                "/api/v1/needs",
                "/api/v1/export",
                "/api/v1/ties",
                "/api/v1/fragility",
                "/api/v1/keys",
                "/api/v1/synergies?cooperative=ex-coop-000",
                "/api/v1/network/measures")) {
            ResponseEntity<JsonNode> r = as(reader, HttpMethod.GET, path, null);
            assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(r.getBody().get("type").asText()).isEqualTo("/problems/forbidden");
            assertThat(r.getBody().get("detail").asText()).contains("READER");
        }
        JsonNode service = get("/api/v1/services/ex-svc-0000").getBody();
        assertThat(as(reader, HttpMethod.PUT, "/api/v1/services/ex-svc-0000", service)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(reader, HttpMethod.POST, "/api/v1/import", example()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(
                                reader,
                                HttpMethod.DELETE,
                                "/api/v1/needs/"
                                        + example()
                                                .get("needs")
                                                .get(0)
                                                .get("id")
                                                .asText(),
                                null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aHelpDeskReadsWhatAReaderReadsAndRecordsNeedsButDeletesNone() {
        String desk = newKey("HELP_DESK", null, "sportello di welfare");
        for (String path : List.of(
                "/api/v1/referrals?category=ex-anziani&territory=ex015154",
                "/api/v1/paths?from=ex-coop-000&to=ex-coop-001",
                "/api/v1/gaps?territory=ex015154",
                "/api/v1/territories",
                "/api/v1/categories",
                "/api/v1/cooperatives",
                "/api/v1/partners",
                "/api/v1/services/ex-svc-0000",
                "/api/v1/sent-referrals",
                "/api/v1/sent-referrals/outcomes")) {
            assertThat(as(desk, HttpMethod.GET, path, null).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.OK);
        }
        for (String path : List.of(
                "/api/v1/needs",
                "/api/v1/export",
                "/api/v1/ties",
                "/api/v1/fragility",
                "/api/v1/keys",
                "/api/v1/synergies?cooperative=ex-coop-000",
                "/api/v1/network/measures",
                "/api/v1/audit")) {
            ResponseEntity<JsonNode> r = as(desk, HttpMethod.GET, path, null);
            assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(r.getBody().get("detail").asText()).contains("HELP_DESK");
        }
        // A need met at the desk: recorded, then replaced; never deleted.
        com.fasterxml.jackson.databind.node.ObjectNode need = mapper.createObjectNode()
                .put("id", "desk-need-1")
                .put("category", "ex-anziani.sportello")
                .put("territory", "ex015154")
                .put("people", 2);
        assertThat(as(desk, HttpMethod.POST, "/api/v1/needs", need).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        need.put("people", 3);
        assertThat(as(desk, HttpMethod.PUT, "/api/v1/needs/desk-need-1", need).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("/api/v1/needs/desk-need-1").getBody().get("people").asInt())
                .isEqualTo(3);
        assertThat(as(desk, HttpMethod.DELETE, "/api/v1/needs/desk-need-1", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode service = get("/api/v1/services/ex-svc-0000").getBody();
        assertThat(as(desk, HttpMethod.PUT, "/api/v1/services/ex-svc-0000", service)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(desk, HttpMethod.POST, "/api/v1/import", example()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // A help desk's key is bound to no cooperative.
        assertThat(post(
                                "/api/v1/keys",
                                mapper.createObjectNode()
                                        .put("role", "HELP_DESK")
                                        .put("cooperative", "ex-coop-000")
                                        .put("label", "x"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aCooperativeWritesItsOwnCooperativeServicesAndTiesAndNothingElse() {
        String own = newKey("COOPERATIVE", "ex-coop-000", "Cooperativa Esempio ex 0");
        long version = store.version();

        JsonNode coop = get("/api/v1/cooperatives/ex-coop-000").getBody();
        assertThat(as(own, HttpMethod.PUT, "/api/v1/cooperatives/ex-coop-000", coop)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> other = as(
                own,
                HttpMethod.PUT,
                "/api/v1/cooperatives/ex-coop-001",
                get("/api/v1/cooperatives/ex-coop-001").getBody());
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(fields(other.getBody().get("errors"))).containsExactly("id");
        assertThat(as(own, HttpMethod.DELETE, "/api/v1/cooperatives/ex-coop-000", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ObjectNode service =
                (ObjectNode) get("/api/v1/services/ex-svc-0000").getBody().deepCopy();
        service.put("id", "ex-svc-new").put("provider", "ex-coop-000");
        assertThat(as(own, HttpMethod.POST, "/api/v1/services", service).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        service.put("id", "ex-svc-new-2").put("provider", "ex-coop-001");
        assertThat(as(own, HttpMethod.POST, "/api/v1/services", service).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // Taking over another's service by naming itself the provider is refused too.
        ObjectNode theirs =
                (ObjectNode) get("/api/v1/services/ex-svc-0003").getBody().deepCopy();
        theirs.put("provider", "ex-coop-000");
        assertThat(as(own, HttpMethod.PUT, "/api/v1/services/ex-svc-0003", theirs)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ObjectNode tie = mapper.createObjectNode()
                .put("from", "ex-coop-000")
                .put("to", "ex-coop-003")
                .put("kind", "CO_DESIGN")
                .put("strength", 0.5);
        assertThat(as(own, HttpMethod.POST, "/api/v1/ties", tie).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        tie.put("from", "ex-coop-003").put("to", "ex-coop-000");
        assertThat(as(own, HttpMethod.POST, "/api/v1/ties", tie).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(own, HttpMethod.DELETE, "/api/v1/ties/ex-coop-009/ex-coop-001/CO_DESIGN", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(as(own, HttpMethod.GET, "/api/v1/synergies?cooperative=ex-coop-000", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as(own, HttpMethod.GET, "/api/v1/synergies?cooperative=ex-coop-001", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(own, HttpMethod.GET, "/api/v1/needs", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as(
                                own,
                                HttpMethod.POST,
                                "/api/v1/territories",
                                get("/api/v1/territories/ex015154").getBody())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(own, HttpMethod.GET, "/api/v1/keys", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // Exactly the three allowed writes happened: the cooperative, the service, the tie.
        assertThat(store.version()).isEqualTo(version + 3);
    }

    @Test
    void aDeletedKeyIsRefusedFromTheNextRequestOn() {
        ResponseEntity<JsonNode> made = post(
                "/api/v1/keys", mapper.createObjectNode().put("role", "READER").put("label", "short-lived"));
        String secret = made.getBody().get("key").asText();
        assertThat(as(secret, HttpMethod.GET, "/api/v1/territories", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(delete("/api/v1/keys/" + made.getBody().get("id").asText()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as(secret, HttpMethod.GET, "/api/v1/territories", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(delete("/api/v1/keys/" + made.getBody().get("id").asText()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theLastPlannerKeyCannotBeDeleted() {
        for (JsonNode key : get("/api/v1/keys").getBody()) {
            if ("PLANNER".equals(key.get("role").asText())
                    && !ApiKeys.BOOTSTRAP_ID.equals(key.get("id").asText())) {
                assertThat(delete("/api/v1/keys/" + key.get("id").asText()).getStatusCode())
                        .isEqualTo(HttpStatus.NO_CONTENT);
            }
        }
        ResponseEntity<JsonNode> last = delete("/api/v1/keys/" + ApiKeys.BOOTSTRAP_ID);
        assertThat(last.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(get("/api/v1/keys").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aBadKeyRequestIsAProblemDetailNamingTheField() {
        ResponseEntity<JsonNode> noCooperative = post(
                "/api/v1/keys",
                mapper.createObjectNode().put("role", "COOPERATIVE").put("label", "x"));
        assertThat(noCooperative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(noCooperative.getBody().get("errors"))).containsExactly("cooperative");

        ResponseEntity<JsonNode> readerWithCooperative = post(
                "/api/v1/keys",
                mapper.createObjectNode()
                        .put("role", "READER")
                        .put("cooperative", "ex-coop-000")
                        .put("label", "x"));
        assertThat(fields(readerWithCooperative.getBody().get("errors"))).containsExactly("cooperative");

        ResponseEntity<JsonNode> badRole = post(
                "/api/v1/keys", mapper.createObjectNode().put("role", "KING").put("label", "x"));
        assertThat(badRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(badRole.getBody().get("errors"))).containsExactly("role");

        ResponseEntity<JsonNode> unknown = post(
                "/api/v1/keys",
                mapper.createObjectNode()
                        .put("role", "COOPERATIVE")
                        .put("cooperative", "nobody")
                        .put("label", "x"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(unknown.getBody().get("errors"))).containsExactly("cooperative");
    }
}
