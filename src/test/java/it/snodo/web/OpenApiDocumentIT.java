package it.snodo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import it.snodo.OpenApiTraffic;
import it.snodo.SnodoIT;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The OpenAPI document is valid OpenAPI 3.1, names every operation, and lists exactly the problem catalogue. */
class OpenApiDocumentIT extends SnodoIT {

    private String document() {
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        return docs.getBody();
    }

    @Test
    void theDocumentIsValidOpenApi31() throws IOException {
        String document = document();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's messages").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");

        JsonSchema schema;
        try (InputStream in = OpenApiDocumentIT.class.getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(mapper.readTree(document));
        assertThat(errors).as("against the OpenAPI 3.1 JSON Schema").isEmpty();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), document);
    }

    @Test
    void theSchemaCheckCatchesABrokenDocument() throws IOException {
        JsonSchema schema;
        try (InputStream in = OpenApiDocumentIT.class.getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(document());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("info").get("license"))
                .put("url", "https://www.gnu.org/licenses/gpl-3.0.html");
        assertThat(schema.validate(broken)).as("identifier and url together").isNotEmpty();
    }

    @Test
    void everyOperationHasANameAClientCanUse() throws IOException {
        JsonNode paths = mapper.readTree(document()).get("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach(item -> item.forEach(op -> ids.add(op.get("operationId").asText())));
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]+"));
        assertThat(ids)
                .contains(
                        "listServices",
                        "getService",
                        "createService",
                        "replaceService",
                        "deleteService",
                        "getReferrals",
                        "getTie",
                        "listKeys",
                        "getKey",
                        "importNetwork");
    }

    @Test
    void theDocumentSaysWhatEachOperationAnswers() throws IOException {
        JsonNode paths = mapper.readTree(document()).get("paths");
        JsonNode create = paths.get("/api/v1/services").get("post").get("responses");
        assertThat(create.has("200")).isFalse();
        assertThat(create.get("201").get("headers").has("Location")).isTrue();
        assertThat(create.get("201").get("headers").has("Network-Version")).isTrue();
        for (String status : List.of("400", "401", "403", "409", "413", "415", "422", "429", "503")) {
            assertThat(create.get(status).get("content").has("application/problem+json"))
                    .as(status)
                    .isTrue();
        }
        assertThat(create.get("429").get("headers").has("Retry-After")).isTrue();
        assertThat(paths.get("/api/v1/services/{id}")
                        .get("delete")
                        .get("responses")
                        .has("204"))
                .isTrue();
        assertThat(paths.get("/api/v1/services/{id}")
                        .get("get")
                        .get("responses")
                        .get("200")
                        .get("headers")
                        .has("ETag"))
                .isTrue();
        assertThat(paths.get("/api/v1/keys")
                        .get("post")
                        .get("responses")
                        .get("201")
                        .get("headers")
                        .has("Location"))
                .isTrue();
        JsonNode page = paths.get("/api/v1/services").get("get").get("parameters");
        for (JsonNode p : page) {
            if (p.get("name").asText().equals("size")) {
                assertThat(p.get("schema").get("minimum").asInt()).isEqualTo(1);
                assertThat(p.get("schema").get("maximum").asInt()).isEqualTo(1000);
            }
        }
        JsonNode schemas = mapper.readTree(document()).get("components").get("schemas");
        assertThat(schemas.get("Service")
                        .get("properties")
                        .get("id")
                        .get("pattern")
                        .asText())
                .startsWith("^")
                .endsWith("$");
        assertThat(schemas.get("Service")
                        .get("properties")
                        .get("name")
                        .get("minLength")
                        .asInt())
                .isEqualTo(1);
        assertThat(schemas.get("Service")
                        .get("properties")
                        .get("categories")
                        .get("minItems")
                        .asInt())
                .isEqualTo(1);
        assertThat(schemas.get("Territory")
                        .get("properties")
                        .get("partOf")
                        .get("type")
                        .toString())
                .contains("null");
        assertThat(schemas.get("Need")
                        .get("properties")
                        .get("people")
                        .get("minimum")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void anAnswerTheDocumentDoesNotDescribeFailsTheTest() throws IOException {
        URI service = URI.create(http.getRootUri() + "/api/v1/services/s1");
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"), "ETag", List.of("\"1\""));
        byte[] valid = ("{\"id\":\"s1\",\"name\":\"Mensa\",\"provider\":\"c1\",\"categories\":[\"a\"],"
                        + "\"territories\":[\"t\"],\"capacity\":null,\"occupied\":null,\"confidential\":null}")
                .getBytes();
        OpenApiTraffic.check("GET", service, Map.of(), null, 200, json, valid);

        assertThatThrownBy(() -> OpenApiTraffic.check(
                        "GET",
                        service,
                        Map.of(),
                        null,
                        200,
                        json,
                        "{\"id\":\"s1\",\"name\":\"Mensa\",\"capacity\":\"many\"}".getBytes()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("capacity");
        assertThatThrownBy(() -> OpenApiTraffic.check(
                        "GET",
                        service,
                        Map.of(),
                        null,
                        200,
                        Map.of("Content-Type", List.of("application/json")),
                        valid))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ETag");
        assertThatThrownBy(() -> OpenApiTraffic.check("GET", service, Map.of(), null, 418, json, valid))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("418");
        assertThatThrownBy(() -> OpenApiTraffic.check(
                        "GET",
                        service,
                        Map.of(),
                        null,
                        404,
                        Map.of("Content-Type", List.of("application/problem+json")),
                        ("{\"type\":\"/problems/lost\",\"title\":\"Resource not found\",\"status\":404,\"detail\":\"x\","
                                        + "\"instance\":\"/api/v1/services/s1\"}")
                                .getBytes()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/problems/lost");
        assertThatThrownBy(() -> OpenApiTraffic.check(
                        "GET",
                        URI.create(http.getRootUri() + "/api/v1/services?size=0"),
                        Map.of(),
                        null,
                        200,
                        Map.of("Content-Type", List.of("application/json")),
                        "{\"content\":[],\"page\":0,\"size\":0,\"totalElements\":0,\"totalPages\":0}".getBytes()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not valid");
    }

    @Test
    void theReadmeListsExactlyTheProblemCatalogue() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### When something is wrong"));
        section = section.substring(0, section.indexOf("\n### ", 5));
        Set<String> listed = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d{3}) \\| `(/problems/[a-z-]+)` \\|")
                .matcher(section);
        while (row.find()) {
            listed.add(row.group(1) + " " + row.group(2));
        }
        Set<String> catalogue = new LinkedHashSet<>();
        for (ProblemType t : ProblemType.values()) {
            catalogue.add(t.status().value() + " " + t.type());
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(catalogue);

        JsonNode types = mapper.readTree(document())
                .get("components")
                .get("schemas")
                .get("Problem")
                .get("properties")
                .get("type")
                .get("enum");
        List<String> documented = new ArrayList<>();
        types.forEach(t -> documented.add(t.asText()));
        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(
                        catalogue.stream().map(s -> s.substring(4)).toList());
    }
}
