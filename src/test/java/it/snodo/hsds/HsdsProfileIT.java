package it.snodo.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import it.snodo.SnodoIT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
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
 * Snodo's Italian welfare profile of HSDS (docs/design.md, "Open Referral"): its merged schemas are
 * HSDS 3.0's with the profile's JSON Merge Patches applied (RFC 7396, applied here), every answer of
 * the profile's endpoints and of {@code /hsds/services}, {@code /hsds/organizations} and {@code
 * /hsds/taxonomy_terms} validates against the profile's schemas, and need aggregates and ties keep
 * the roles of {@code /api/v1}.
 */
class HsdsProfileIT extends SnodoIT {

    private static final String UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
    private static final String PROFILE = "https://snodo.test/hsds/profile/1.0.0/";
    private static final String CORE = "/hsds/schema/";
    private static final String FILES = "/hsds/profile/1.0.0/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(UPSTREAM, "classpath:hsds/schema/")
                    .mapPrefix(PROFILE, "classpath:hsds/profile/1.0.0/")));
    private static final SchemaValidatorsConfig FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema(String name) {
        return LOADED.computeIfAbsent(
                name, n -> SCHEMAS.getSchema(SchemaLocation.of(PROFILE + "schema/" + n), FORMATS));
    }

    private static void valid(String schema, JsonNode value) {
        Set<ValidationMessage> errors = schema(schema).validate(value);
        assertThat(errors).as("%s against the profile's %s", value, schema).isEmpty();
    }

    private static void validPage(JsonNode page, String item) {
        assertThat(page.get("size").asInt()).isEqualTo(page.get("contents").size());
        assertThat(page.get("page_number").asInt()).isEqualTo(1);
        page.get("contents").forEach(o -> valid(item, o));
    }

    private static JsonNode classpath(String path) {
        try (InputStream in = HsdsProfileIT.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 7396: an object patch merges member by member, null removes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result =
                target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
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
    void theMergedSchemasAreHsdsWithThePatches() {
        for (String name : List.of("service.json", "organization.json", "taxonomy_term.json")) {
            JsonNode merged = mergePatch(classpath(CORE + name), classpath(FILES + "patch/" + name));
            assertThat(classpath(FILES + "schema/" + name)).as(name).isEqualTo(merged);
        }
        JsonNode merge = mergePatch(
                JSON.createObjectNode()
                        .put("a", "b")
                        .set("c", JSON.createObjectNode().put("d", "e").put("f", "g")),
                JSON.createObjectNode()
                        .put("a", "z")
                        .set("c", JSON.createObjectNode().putNull("f")));
        assertThat(merge.toString()).isEqualTo("{\"a\":\"z\",\"c\":{\"d\":\"e\"}}");
    }

    @Test
    void theProfileIsServed() {
        JsonNode about = ok("/hsds/");
        String profile = about.get("profile").asText();
        assertThat(profile).endsWith("/hsds/profile/");
        JsonNode versions = ok("/hsds/profile/");
        assertThat(versions.get("current").asText()).isEqualTo("1.0.0");
        String version = versions.get("versions").get(0).get("url").asText();
        assertThat(version).endsWith("/hsds/profile/1.0.0/");
        JsonNode files = ok("/hsds/profile/1.0.0/");
        assertThat(files.get("schemas")).hasSize(6);
        assertThat(files.get("patches")).hasSize(3);
        for (JsonNode url : files.get("schemas")) {
            String path = url.asText().substring(url.asText().indexOf("/hsds/profile/"));
            assertThat(ok(path)).isEqualTo(classpath(path));
        }
        for (JsonNode url : files.get("patches")) {
            String path = url.asText().substring(url.asText().indexOf("/hsds/profile/"));
            assertThat(ok(path)).isEqualTo(classpath(path));
        }
        ok("/hsds/profile/1.0.0/openapi.json");
        String readme = http.getForObject("/hsds/profile/1.0.0/README.md", String.class);
        assertThat(readme).contains("need_aggregate.json", "additionalProperties: false", "ISTAT");
        String notice = http.getForObject("/hsds/profile/1.0.0/schema/NOTICE", String.class);
        assertThat(notice)
                .contains("Human Services Data Specification: an Open Referral resource, https://openreferral.org/");
        assertThat(get("/hsds/profile/2.0.0/").getStatusCode().value()).isEqualTo(404);
        assertThat(get("/hsds/profile/1.0.0/schema/address.json")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get("/hsds/profile/1.0.0/pom.xml").getStatusCode().value()).isEqualTo(404);
        HttpHeaders none = new HttpHeaders();
        assertThat(http.exchange("/hsds/profile/", HttpMethod.GET, new HttpEntity<>(none), JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void everyAnswerIsValidAgainstTheProfile() {
        ObjectNode document = (ObjectNode) example().deepCopy();
        // A municipality known by its ISTAT code, and a need with a date.
        ObjectNode milano = ((ArrayNode) document.get("territories")).addObject();
        milano.put("id", "015146").put("name", "Milano").put("level", "MUNICIPALITY");
        milano.put("partOf", "ex-ambito-magentino").put("lat", 45.46).put("lon", 9.19);
        ((ObjectNode) document.get("needs").get(0)).put("recordedAt", "2026-01-15");
        importOk(document);

        JsonNode territories = ok("/hsds/territories?per_page=1000");
        assertThat(territories.get("total_items").asInt()).isEqualTo(18);
        validPage(territories, "territory.json");
        JsonNode city = null;
        for (JsonNode t : territories.get("contents")) {
            if (t.get("id").asText().equals(uuid("territory", "015146"))) {
                city = t;
            }
        }
        assertThat(city).isNotNull();
        assertThat(city.get("istat_code").asText()).isEqualTo("015146");
        assertThat(city.get("level").asText()).isEqualTo("municipality");
        assertThat(city.get("parent_id").asText()).isEqualTo(uuid("territory", "ex-ambito-magentino"));
        assertThat(city.get("latitude").asDouble()).isEqualTo(45.46);

        JsonNode needs = ok("/hsds/need_aggregates?per_page=1000");
        assertThat(needs.get("total_items").asInt()).isEqualTo(30);
        validPage(needs, "need_aggregate.json");
        JsonNode first = needs.get("contents").get(0);
        assertThat(first.get("id").asText()).isEqualTo(uuid("need", "ex-need-0000"));
        assertThat(first.get("taxonomy_term_id").asText()).isEqualTo(uuid("category", "ex-anziani.sportello"));
        assertThat(first.get("territory_id").asText()).isEqualTo(uuid("territory", "ex015226"));
        assertThat(first.get("people").asInt()).isEqualTo(8);
        assertThat(first.get("urgency").asText()).isEqualTo("high");
        assertThat(first.get("recorded_at").asText()).isEqualTo("2026-01-15");

        JsonNode ties = ok("/hsds/organization_ties?per_page=1000");
        assertThat(ties.get("total_items").asInt()).isEqualTo(16);
        validPage(ties, "organization_tie.json");
        JsonNode organizations = ok("/hsds/organizations?per_page=1000");
        Set<String> ids = new java.util.HashSet<>(organizations.findValuesAsText("id"));
        for (JsonNode t : ties.get("contents")) {
            assertThat(ids)
                    .contains(
                            t.get("from_organization_id").asText(),
                            t.get("to_organization_id").asText());
        }

        JsonNode services = ok("/hsds/services?per_page=1000");
        validPage(services, "service.json");
        assertThat(services.get("contents").findValues("capacities")).isNotEmpty();
        validPage(organizations, "organization.json");
        validPage(ok("/hsds/taxonomy_terms?per_page=1000"), "taxonomy_term.json");

        JsonNode paged = ok("/hsds/territories?per_page=5&page=4");
        assertThat(paged.get("size").asInt()).isEqualTo(3);
        assertThat(paged.get("last_page").asBoolean()).isTrue();
        assertThat(get("/hsds/need_aggregates?page=0").getStatusCode().value()).isEqualTo(400);
        assertThat(http.getForObject("/hsds/organization_ties?per_page=1000", String.class))
                .isEqualTo(http.getForObject("/hsds/organization_ties?per_page=1000", String.class));
    }

    @Test
    void aNeedAggregateHasNoRoomForAPerson() {
        ObjectNode need = JSON.createObjectNode()
                .put("id", uuid("need", "n1"))
                .put("taxonomy_term_id", uuid("category", "c"))
                .put("territory_id", uuid("territory", "t"))
                .put("people", 3);
        valid("need_aggregate.json", need);
        assertThat(schema("need_aggregate.json").validate(need.deepCopy().put("name", "Mario Rossi")))
                .as("a name")
                .isNotEmpty();
        assertThat(schema("need_aggregate.json").validate(need.deepCopy().put("people", 0)))
                .isNotEmpty();
        ObjectNode service = JSON.createObjectNode()
                .put("id", uuid("service", "s"))
                .put("name", "S")
                .put("status", "active")
                .put("snodo_id", "not an id!");
        assertThat(schema("service.json").validate(service))
                .as("a snodo_id with spaces")
                .isNotEmpty();
    }

    @Test
    void needsAndTiesKeepTheirRoles() {
        importOk(example());
        String reader = newKey("READER", null, "reader");
        String helpDesk = newKey("HELP_DESK", null, "help desk");
        for (String path : List.of("/hsds/need_aggregates", "/hsds/organization_ties")) {
            assertThat(as(reader, path).getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(as(helpDesk, path).getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(as(
                                    reader,
                                    path.replace("/hsds/", "/api/v1/")
                                            .replace("need_aggregates", "needs")
                                            .replace("organization_ties", "ties"))
                            .getStatusCode()
                            .value())
                    .isEqualTo(403);
        }
        assertThat(as(reader, "/hsds/territories").getStatusCode().value()).isEqualTo(200);
        String provider = example().get("cooperatives").get(0).get("id").asText();
        assertThat(as(cooperativeKey(provider), "/hsds/need_aggregates")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(as(cooperativeKey(provider), "/hsds/organization_ties")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }
}
