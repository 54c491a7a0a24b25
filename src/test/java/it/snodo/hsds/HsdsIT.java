package it.snodo.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import it.snodo.SnodoIT;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The {@code /hsds} answers over the worked example: each one valid against Open Referral's HSDS 3.0
 * JSON Schemas (branch 3.0, copied under {@code hsds/schema/} with their NOTICE), with formats
 * asserted (every id a UUID), and as docs/design.md, "Open Referral", says.
 */
class HsdsIT extends SnodoIT {

    private static final String PROFILE_FILE = "/hsds/profile/1.0.0/?version=2";
    private static final String UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(UPSTREAM, "classpath:hsds/schema/")));
    private static final SchemaValidatorsConfig FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private static void valid(String schema, JsonNode value) {
        JsonSchema s = LOADED.computeIfAbsent(schema, n -> SCHEMAS.getSchema(SchemaLocation.of(UPSTREAM + n), FORMATS));
        Set<ValidationMessage> errors = s.validate(value);
        assertThat(errors).as("%s against HSDS 3.0's %s", value, schema).isEmpty();
    }

    private static void validPage(JsonNode page, String item) {
        for (String field : List.of("total_items", "total_pages", "page_number", "size")) {
            assertThat(page.get(field).isInt()).as(field).isTrue();
        }
        for (String field : List.of("first_page", "last_page", "empty")) {
            assertThat(page.get(field).isBoolean()).as(field).isTrue();
        }
        assertThat(page.get("size").asInt()).isEqualTo(page.get("contents").size());
        page.get("contents").forEach(o -> valid(item, o));
    }

    private static String uuid(String label, String id) {
        return UUID.nameUUIDFromBytes(("snodo:" + label + ":" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private JsonNode ok(String path) {
        ResponseEntity<JsonNode> r = get(path);
        assertThat(r.getStatusCode().value()).as(path + " " + r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    @Test
    void everyAnswerIsValidHsds() {
        importOk(example());
        JsonNode about = ok("/hsds/");
        assertThat(about.get("version").asText()).isEqualTo("3.0");
        assertThat(about.get("openapi_url").asText()).endsWith("/v3/api-docs");
        assertThat(about.get("profile").asText()).startsWith("http");

        JsonNode services = ok("/hsds/services?per_page=1000");
        assertThat(services.get("total_items").asInt()).isEqualTo(32);
        validPage(services, "service.json");
        for (JsonNode s : services.get("contents")) {
            valid("service.json", ok("/hsds/services/" + s.get("id").asText()));
        }
        JsonNode one = ok("/hsds/services/" + uuid("service", "ex-svc-0000"));
        assertThat(one.get("snodo_id").asText()).isEqualTo("ex-svc-0000");
        assertThat(one.get("status").asText()).isEqualTo("active");
        assertThat(one.get("organization").get("id").asText())
                .isEqualTo(one.get("organization_id").asText());
        assertThat(one.get("service_areas")).isNotEmpty();
        assertThat(one.get("attributes").get(0).get("taxonomy_term").get("code").asText())
                .isEqualTo("ex-anziani.sportello");
        assertThat(one.get("last_modified").asText()).endsWith("Z");

        JsonNode organizations = ok("/hsds/organizations?per_page=1000");
        assertThat(organizations.get("total_items").asInt()).isEqualTo(17);
        validPage(organizations, "organization.json");
        for (JsonNode o : organizations.get("contents")) {
            valid("organization.json", ok("/hsds/organizations/" + o.get("id").asText()));
        }
        JsonNode taxonomies = ok("/hsds/taxonomies");
        validPage(taxonomies, "taxonomy.json");
        for (JsonNode t : taxonomies.get("contents")) {
            valid("taxonomy.json", ok("/hsds/taxonomies/" + t.get("id").asText()));
        }
        JsonNode terms = ok("/hsds/taxonomy_terms?per_page=1000");
        assertThat(terms.get("total_items").asInt()).isEqualTo(20 + 13);
        validPage(terms, "taxonomy_term.json");
        valid("taxonomy_term.json", ok("/hsds/taxonomy_terms/" + uuid("category", "ex-anziani")));
    }

    @Test
    void theSchemaCheckCatchesABadService() {
        importOk(example());
        ObjectNode service = (ObjectNode) ok("/hsds/services/" + uuid("service", "ex-svc-0000"));
        service.put("id", "ex-svc-0000");
        JsonSchema s = SCHEMAS.getSchema(SchemaLocation.of(UPSTREAM + "service.json"), FORMATS);
        assertThat(s.validate(service)).as("an id that is not a UUID").isNotEmpty();
    }

    @Test
    void exportingTwiceGivesTheSameBytes() {
        importOk(example());
        String first = http.getForObject("/hsds/services?per_page=1000", String.class);
        String ndjson = http.getForObject("/hsds/services?format=ndjson", String.class);
        importOk(example());
        assertThat(http.getForObject("/hsds/services?per_page=1000", String.class))
                .isEqualTo(first);
        assertThat(http.getForObject("/hsds/services?format=ndjson", String.class))
                .isEqualTo(ndjson);
        assertThat(http.getForObject("/hsds/organizations", String.class))
                .isEqualTo(http.getForObject("/hsds/organizations", String.class));
    }

    @Test
    void aTermFindsTheServicesOfNarrowerTerms() {
        importOk(example());
        List<String> expected = new ArrayList<>();
        example().get("services").forEach(s -> {
            boolean covers = false;
            for (JsonNode c : s.get("categories")) {
                covers |= c.asText().equals("ex-disabili") || c.asText().startsWith("ex-disabili.");
            }
            if (covers) {
                expected.add(s.get("id").asText());
            }
        });
        JsonNode page = ok("/hsds/services?per_page=1000&taxonomy_term_id=" + uuid("category", "ex-disabili"));
        List<String> found = new ArrayList<>();
        page.get("contents").forEach(s -> found.add(s.get("snodo_id").asText()));
        assertThat(found).hasSize(6).containsExactlyElementsOf(expected);
        JsonNode narrow =
                ok("/hsds/services?per_page=1000&taxonomy_term_id=" + uuid("category", "ex-disabili.residenziale"));
        assertThat(narrow.get("total_items").asInt()).isEqualTo(2);

        assertThat(ok("/hsds/services?per_page=1000&taxonomy_id=" + uuid("taxonomy", "categories"))
                        .get("total_items")
                        .asInt())
                .isEqualTo(32);
        assertThat(ok("/hsds/services?taxonomy_id=" + uuid("taxonomy", "actor-kind") + "&taxonomy_term_id="
                                + uuid("category", "ex-disabili"))
                        .get("total_items")
                        .asInt())
                .as("no service has a term of the actor kinds")
                .isZero();

        JsonNode top = ok("/hsds/taxonomy_terms?top_only=true&taxonomy_id=" + uuid("taxonomy", "categories"));
        assertThat(top.get("total_items").asInt()).isEqualTo(5);
        JsonNode under = ok("/hsds/taxonomy_terms?parent_id=" + uuid("category", "ex-disabili"));
        assertThat(under.get("total_items").asInt()).isEqualTo(3);
    }

    @Test
    void pagesCountFromOne() {
        importOk(example());
        JsonNode first = ok("/hsds/services?per_page=5");
        assertThat(first.get("total_items").asInt()).isEqualTo(32);
        assertThat(first.get("total_pages").asInt()).isEqualTo(7);
        assertThat(first.get("page_number").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(5);
        assertThat(first.get("first_page").asBoolean()).isTrue();
        assertThat(first.get("last_page").asBoolean()).isFalse();
        assertThat(first.get("contents").get(0).get("snodo_id").asText()).isEqualTo("ex-svc-0000");
        JsonNode last = ok("/hsds/services?per_page=5&page=7");
        assertThat(last.get("size").asInt()).isEqualTo(2);
        assertThat(last.get("first_page").asBoolean()).isFalse();
        assertThat(last.get("last_page").asBoolean()).isTrue();
        assertThat(last.get("empty").asBoolean()).isFalse();
        assertThat(last.get("contents").get(1).get("snodo_id").asText()).isEqualTo("ex-svc-0031");
        JsonNode past = ok("/hsds/services?per_page=5&page=8");
        assertThat(past.get("empty").asBoolean()).isTrue();
        assertThat(past.get("contents")).isEmpty();
        JsonNode searched = ok("/hsds/services?search=esempio 3");
        assertThat(searched.get("total_items").asInt()).isEqualTo(3); // 3, 30, 31
        String org = uuid(
                "organization", example().get("services").get(0).get("provider").asText());
        ok("/hsds/services?organization_id=" + org)
                .get("contents")
                .forEach(s -> assertThat(s.get("organization_id").asText()).isEqualTo(org));
        assertThat(ok("/hsds/services?modified_after=2000-01-01")
                        .get("total_items")
                        .asInt())
                .isEqualTo(32);
        assertThat(ok("/hsds/services?modified_after=2999-01-01T00:00:00Z")
                        .get("total_items")
                        .asInt())
                .isZero();
    }

    @Test
    void ndjsonIsOneServicePerLine() {
        importOk(example());
        String body = http.getForObject("/hsds/services?format=ndjson", String.class);
        String[] lines = body.split("\n");
        assertThat(lines).hasSize(32);
        for (String line : lines) {
            try {
                valid("service.json", mapper.readTree(line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(line, e);
            }
        }
    }

    @Test
    void badParametersAndUnknownIdsAreProblems() {
        importOk(example());
        for (String bad : List.of(
                "page=0",
                "per_page=1001",
                "format=csv",
                "taxonomy_term_id=abc",
                "taxonomy_id=abc",
                "modified_after=x",
                "colour=red",
                "search=")) {
            ResponseEntity<JsonNode> r = get("/hsds/services?" + bad);
            assertThat(r.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(r.getBody().get("errors").get(0).get("field").asText())
                    .isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(get("/hsds/services/" + UUID.randomUUID()).getStatusCode().value())
                .isEqualTo(404);
        assertThat(get("/hsds/organizations/nothing").getStatusCode().value()).isEqualTo(404);
        for (String path : List.of("/hsds/organizations?taxonomy_term_id=x", "/hsds/?page=1", PROFILE_FILE)) {
            ResponseEntity<JsonNode> r = get(path);
            assertThat(r.getStatusCode().value()).as(path).isEqualTo(400);
            assertThat(r.getBody().get("errors").get(0).get("field").asText())
                    .as(path)
                    .isEqualTo(path.substring(path.indexOf('?') + 1, path.lastIndexOf('=')));
        }
        assertThat(get("/hsds/services?taxonomy_id=" + UUID.randomUUID())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get("/hsds/services?taxonomy_term_id=" + UUID.randomUUID())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        HttpHeaders none = new HttpHeaders();
        assertThat(http.exchange("/hsds/services", HttpMethod.GET, new HttpEntity<>(none), JsonNode.class)
                        .getStatusCode()
                        .value())
                .isIn(200, 401); // the test client adds the planner key to a request without one
    }

    @Test
    void aConfidentialServiceShowsNoPlaceToAReader() {
        ObjectNode document = (ObjectNode) example().deepCopy();
        ((ObjectNode) document.get("services").get(0)).put("confidential", true);
        ((ObjectNode) document.get("partners").get(0)).put("confidential", true);
        importOk(document);
        String service = "/hsds/services/" + uuid("service", "ex-svc-0000");
        String partner = "/hsds/organizations/"
                + uuid("organization", document.get("partners").get(0).get("id").asText());
        String reader = newKey("READER", null, "reader");

        JsonNode hidden = as(reader, service).getBody();
        valid("service.json", hidden);
        assertThat(hidden.get("service_areas")).isEmpty();
        assertThat(hidden.get("attributes")).isNotEmpty();
        JsonNode hiddenPartner = as(reader, partner).getBody();
        valid("organization.json", hiddenPartner);
        assertThat(hiddenPartner.get("locations")).isEmpty();
        JsonNode listed = as(reader, "/hsds/services?per_page=1").getBody();
        assertThat(listed.get("contents").get(0).get("service_areas")).isEmpty();

        assertThat(ok(service).get("service_areas")).isNotEmpty();
        assertThat(ok(partner).get("locations")).isNotEmpty();
        String provider = document.get("services").get(0).get("provider").asText();
        if (document.get("cooperatives").findValuesAsText("id").contains(provider)) {
            assertThat(as(cooperativeKey(provider), service).getBody().get("service_areas"))
                    .isNotEmpty();
        }
    }
}
