package it.snodo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.network.NetworkStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The physical backup of README.md, "Backups", exactly as an operator runs it: {@code bin/snodo-admin}
 * (Neo4j's own {@code neo4j-admin database dump} and {@code load}, from the packaged jar) on the
 * embedded store of a stopped service. A dump of a store with data, then changes, then a load
 * over them: the service started again holds the data of the dump, keys included, and nothing
 * written after it. The same dump loaded into an empty folder (a new machine) starts there too.
 *
 * <p>It runs the jar that {@code mvn verify} packages before the integration tests.
 */
class PhysicalBackupIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDumpOfTheStoppedStoreLoadsBackOverLaterChangesAndOntoANewMachine() throws Exception {
        Path work =
                Files.createTempDirectory(Path.of("target"), "physical-backup").toAbsolutePath();
        Path home = work.resolve("store");
        Path backups = Files.createDirectories(work.resolve("backups"));
        assertThat(jar())
                .as("the packaged jar: run the test through mvn verify")
                .isNotNull();

        JsonNode before;
        long versionBefore;
        String helpDesk;
        try (ConfigurableApplicationContext snodo = start(home, true)) {
            TestRestTemplate http = planner(snodo);
            ResponseEntity<JsonNode> imported = http.postForEntity("/api/v1/import", json(example()), JsonNode.class);
            assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.postForEntity("/api/v1/needs", json(need("need-before-backup")), JsonNode.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
            ResponseEntity<JsonNode> key = http.postForEntity(
                    "/api/v1/keys",
                    json(JSON.createObjectNode().put("role", "HELP_DESK").put("label", "help desk before the backup")),
                    JsonNode.class);
            assertThat(key.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            helpDesk = key.getBody().get("key").asText();
            before = export(http);
            versionBefore = snodo.getBean(NetworkStore.class).version();

            // Neo4j refuses to dump a database the running service holds open.
            Admin refused = admin(home, work, "database", "dump", "neo4j", "--to-path=" + backups);
            assertThat(refused.exit()).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains("The database is in use");
            assertThat(backups.resolve("neo4j.dump")).doesNotExist();
        }

        Admin dump = admin(home, work, "database", "dump", "neo4j", "--to-path=" + backups);
        assertThat(dump.exit()).as(dump.output()).isZero();
        Path file = backups.resolve("neo4j.dump");
        assertThat(file).isNotEmptyFile();
        assertThat(Files.getPosixFilePermissions(file))
                .as("a dump holds key hashes: owner-only")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        String keyAfter;
        try (ConfigurableApplicationContext snodo = start(home, true)) {
            TestRestTemplate http = planner(snodo);
            assertThat(export(http)).as("the store is intact after the dump").isEqualTo(before);
            assertThat(send(http, HttpMethod.DELETE, "/api/v1/needs/need-before-backup", null)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(http.postForEntity("/api/v1/needs", json(need("need-after-backup")), JsonNode.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
            assertThat(send(http, HttpMethod.DELETE, "/api/v1/services/ex-svc-0000", null)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            ResponseEntity<JsonNode> key = http.postForEntity(
                    "/api/v1/keys",
                    json(JSON.createObjectNode().put("role", "READER").put("label", "reader after the backup")),
                    JsonNode.class);
            assertThat(key.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            keyAfter = key.getBody().get("key").asText();
            assertThat(export(http)).isNotEqualTo(before);
        }

        Admin load = admin(
                home, work, "database", "load", "neo4j", "--from-path=" + backups, "--overwrite-destination=true");
        assertThat(load.exit()).as(load.output()).isZero();

        try (ConfigurableApplicationContext snodo = start(home, true)) {
            TestRestTemplate http = planner(snodo);
            assertThat(export(http)).as("the network of the dump").isEqualTo(before);
            assertThat(snodo.getBean(NetworkStore.class).version()).isEqualTo(versionBefore);
            assertThat(http.getForEntity("/api/v1/needs/need-before-backup", JsonNode.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/api/v1/needs/need-after-backup", JsonNode.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(http.getForEntity("/api/v1/services/ex-svc-0000", JsonNode.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            // Keys are in the store: the one made before the dump works, the later one is gone.
            assertThat(status(http, "/api/v1/sent-referrals", helpDesk)).isEqualTo(HttpStatus.OK);
            assertThat(status(http, "/api/v1/sent-referrals", keyAfter)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        // A new machine: the dump loaded into an empty folder; the service starts on it with no
        // key given (a new Neo4j password is made) and the keys of the dump work.
        Path newMachine = work.resolve("new-machine");
        Admin restore = admin(newMachine, work, "database", "load", "neo4j", "--from-path=" + backups);
        assertThat(restore.exit()).as(restore.output()).isZero();
        try (ConfigurableApplicationContext snodo = start(newMachine, false)) {
            TestRestTemplate http = planner(snodo);
            assertThat(export(http)).isEqualTo(before);
            assertThat(status(http, "/api/v1/sent-referrals", helpDesk)).isEqualTo(HttpStatus.OK);
            assertThat(newMachine.resolve("planner.key"))
                    .as("the dump holds a planner key: no new one is made")
                    .doesNotExist();
        }
    }

    /** What a run of {@code bin/snodo-admin} exited with and printed. */
    private record Admin(int exit, String output) {}

    private static Admin admin(Path home, Path work, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "bin/snodo-admin"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(work, "snodo-admin", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("SNODO_NEO4J_HOME", home.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("SNODO_JAR");
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("snodo-admin %s finished", List.of(args))
                .isTrue();
        return new Admin(process.exitValue(), Files.readString(output));
    }

    private static Path jar() throws Exception {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("snodo-.*\\.jar"))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static ConfigurableApplicationContext start(Path home, boolean bootstrapKey) {
        List<String> args = new ArrayList<>(List.of(
                // Command-line arguments: application.yml would override builder properties.
                "--snodo.neo4j.home=" + home,
                "--snodo.neo4j.bolt-port=0",
                "--snodo.neo4j.page-cache=16MB",
                "--server.port=0",
                "--snodo.demo.load=false",
                "--snodo.limits.requests-per-second=0"));
        if (bootstrapKey) {
            args.add("--snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER);
        }
        return new SpringApplicationBuilder(SnodoApplication.class).run(args.toArray(String[]::new));
    }

    private static TestRestTemplate planner(ConfigurableApplicationContext snodo) {
        String port = snodo.getEnvironment().getProperty("local.server.port");
        return TestKeys.asPlanner(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
    }

    private static JsonNode export(TestRestTemplate http) {
        ResponseEntity<JsonNode> export = http.getForEntity("/api/v1/export", JsonNode.class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        return export.getBody();
    }

    private static HttpStatus status(TestRestTemplate http, String path, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        return HttpStatus.valueOf(http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
                .getStatusCode()
                .value());
    }

    private static ResponseEntity<JsonNode> send(TestRestTemplate http, HttpMethod method, String path, JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static HttpEntity<JsonNode> json(JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static JsonNode example() throws Exception {
        try (InputStream in = PhysicalBackupIT.class.getResourceAsStream("/examples/example-network.json")) {
            return JSON.readTree(in);
        }
    }

    private static ObjectNode need(String id) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("category", "ex-anziani")
                .put("territory", "ex015164")
                .put("people", 2);
    }
}
