package it.snodo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The logical backup of README.md, "Backups": {@code GET /api/v1/export} of a service with the demo
 * and later writes, imported with {@code POST /api/v1/import} into a fresh instance on an empty
 * store, gives back the same document. What the document does not hold stays behind: the keys
 * made on the first instance, its sent referrals and its audit trail.
 */
class LogicalBackupIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExportImportedIntoAFreshInstanceExportsTheSameDocumentAndNothingElse() throws Exception {
        Path work =
                Files.createTempDirectory(Path.of("target"), "logical-backup").toAbsolutePath();

        JsonNode backup;
        String helpDesk;
        String helpDeskId;
        try (ConfigurableApplicationContext source = start(work.resolve("source"), true)) {
            TestRestTemplate http = planner(source);
            assertThat(send(
                                    http,
                                    HttpMethod.POST,
                                    "/api/v1/needs",
                                    JSON.createObjectNode()
                                            .put("id", "need-logical-backup")
                                            .put("category", "poverta_disagio_adulti.strutture_residenziali")
                                            .put("territory", "015182")
                                            .put("people", 4),
                                    null)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
            ResponseEntity<JsonNode> key = send(
                    http,
                    HttpMethod.POST,
                    "/api/v1/keys",
                    JSON.createObjectNode().put("role", "HELP_DESK").put("label", "help desk of the source"),
                    null);
            assertThat(key.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            helpDesk = key.getBody().get("key").asText();
            helpDeskId = key.getBody().get("id").asText();
            ResponseEntity<JsonNode> sent = send(
                    http,
                    HttpMethod.POST,
                    "/api/v1/sent-referrals",
                    JSON.createObjectNode()
                            .put("service", "svc-rete-appartamenti-rho")
                            .put("category", "poverta_disagio_adulti.strutture_residenziali")
                            .put("territory", "015182")
                            .put("people", 3),
                    helpDesk);
            assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(auditKeyIds(http)).contains(helpDeskId);

            ResponseEntity<JsonNode> export = http.getForEntity("/api/v1/export", JsonNode.class);
            assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
            backup = export.getBody();
            assertThat(backup.get("territories").size()).isGreaterThanOrEqualTo(67);
            assertThat(backup.toString()).contains("need-logical-backup");
            // The backup, as an operator keeps it (under target/: never committed).
            JSON.writeValue(work.resolve("snodo-export.json").toFile(), backup);
        }

        try (ConfigurableApplicationContext fresh = start(work.resolve("fresh"), false)) {
            TestRestTemplate http = planner(fresh);
            assertThat(http.getForObject("/api/v1/export", JsonNode.class).get("territories"))
                    .as("a fresh instance without the demo is empty")
                    .isEmpty();
            ResponseEntity<JsonNode> imported = send(
                    http,
                    HttpMethod.POST,
                    "/api/v1/import",
                    JSON.readTree(work.resolve("snodo-export.json").toFile()),
                    null);
            assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);

            ResponseEntity<JsonNode> again = http.getForEntity("/api/v1/export", JsonNode.class);
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(again.getBody()).isEqualTo(backup);

            // Not in the document: the source's keys, sent referrals and audit.
            HttpHeaders asHelpDesk = new HttpHeaders();
            asHelpDesk.setBearerAuth(helpDesk);
            assertThat(http.exchange(
                                    "/api/v1/sent-referrals",
                                    HttpMethod.GET,
                                    new HttpEntity<>(asHelpDesk),
                                    JsonNode.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            JsonNode referrals = http.getForObject("/api/v1/sent-referrals", JsonNode.class);
            assertThat(referrals.get("totalElements").asLong()).isZero();
            assertThat(auditKeyIds(http)).isNotEmpty().doesNotContain(helpDeskId);
        }
    }

    private static List<String> auditKeyIds(TestRestTemplate http) {
        ResponseEntity<JsonNode> audit = http.getForEntity("/api/v1/audit?limit=1000", JsonNode.class);
        assertThat(audit.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        audit.getBody().forEach(entry -> ids.add(entry.get("keyId").asText()));
        return ids;
    }

    private static ConfigurableApplicationContext start(Path home, boolean demo) {
        // Command-line arguments: application.yml would override builder properties.
        return new SpringApplicationBuilder(SnodoApplication.class)
                .run(
                        "--snodo.neo4j.home=" + home,
                        "--snodo.neo4j.bolt-port=0",
                        "--snodo.neo4j.page-cache=16MB",
                        "--server.port=0",
                        "--snodo.demo.load=" + demo,
                        "--snodo.limits.requests-per-second=0",
                        "--snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER);
    }

    private static TestRestTemplate planner(ConfigurableApplicationContext snodo) {
        String port = snodo.getEnvironment().getProperty("local.server.port");
        return TestKeys.asPlanner(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
    }

    /** A JSON call with the planner's key, or with {@code key} when given. */
    private static ResponseEntity<JsonNode> send(
            TestRestTemplate http, HttpMethod method, String path, JsonNode body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (key != null) {
            headers.setBearerAuth(key);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
