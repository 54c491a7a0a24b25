package it.snodo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.snapshot.Snapshots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as an operator runs it: a separate JVM started on its main class loads the demo
 * (not ready until the engine holds it), answers, and on SIGTERM shuts down cleanly; a restart on
 * the same store finds every row again and does not load the demo twice.
 */
class LifecycleIT {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START = Duration.ofSeconds(600);

    @Test
    void startsWithTheDemoStopsCleanlyOnSigtermAndKeepsEverythingAcrossARestart() throws Exception {
        Path home =
                Files.createTempDirectory(Path.of("target"), "lifecycle-neo4j").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                SnodoApplication.class.getName(),
                "--snodo.neo4j.home=" + home,
                "--snodo.neo4j.bolt-port=0",
                "--snodo.neo4j.page-cache=16MB",
                "--server.port=0"));
        // To a file, not a pipe: Process.destroy() would close the pipe before the last lines.
        Path output = home.resolveSibling(home.getFileName() + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            int port = -1;
            long deadline = System.nanoTime() + START.toNanos();
            while (port < 0 && System.nanoTime() < deadline && process.isAlive()) {
                process.waitFor(200, TimeUnit.MILLISECONDS);
                Matcher m = PORT.matcher(Files.readString(output));
                port = m.find() ? Integer.parseInt(m.group(1)) : -1;
            }
            assertThat(port).as("started: %s", Files.readString(output)).isPositive();
            HttpClient client = HttpClient.newHttpClient();

            // HTTP is open while the demo loads, but the service is not ready, and says so,
            // until the engine's snapshot holds the whole demo.
            int notReady = 0;
            HttpResponse<String> health;
            while ((health = get(client, port, "/actuator/health", null)).statusCode() != 200
                    && System.nanoTime() < deadline
                    && process.isAlive()) {
                assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
                assertThat(health.body()).contains("\"status\":\"OUT_OF_SERVICE\"");
                HttpResponse<String> readiness = get(client, port, "/actuator/health/readiness", null);
                if (readiness.statusCode() != 200) {
                    assertThat(readiness.statusCode()).isEqualTo(503);
                    assertThat(readiness.body()).contains("\"status\":\"OUT_OF_SERVICE\"");
                    notReady++;
                }
                assertThat(get(client, port, "/actuator/health/liveness", null).statusCode())
                        .isEqualTo(200);
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
            assertThat(health.statusCode())
                    .as("ready: %s", Files.readString(output))
                    .isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(notReady).as("answers 'not ready' while the demo loads").isPositive();
            assertThat(get(client, port, "/actuator/health/readiness", null).statusCode())
                    .isEqualTo(200);
            assertThat(Files.readString(output))
                    .contains("Loaded the demo network", "The engine's snapshot holds the demo");

            // Neo4j's password is beside the store like the key: owner-only, logged by path only.
            Path passwordFile = home.resolve("neo4j.password");
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            String password = Files.readString(passwordFile).strip();
            assertThat(password).isNotEmpty();
            assertThat(Files.readString(output))
                    .contains(passwordFile.toString())
                    .doesNotContain(password);

            // No bootstrap key was given: the first planner key was made and written beside the
            // database, readable by its owner only.
            Path keyFile = home.resolve("planner.key");
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            String key = Files.readString(keyFile).strip();
            assertThat(Files.readString(output)).contains(keyFile.toString()).doesNotContain(key);
            // Ready means the demo is in the engine: the README's referral answers at once.
            HttpResponse<String> referral =
                    get(client, port, "/api/v1/referrals?category=poverta_disagio_adulti&territory=015182&k=3", key);
            assertThat(referral.statusCode()).as(referral.body()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(referral.body()).get("referrals"))
                    .isNotEmpty();
            // A write only this run makes: after the restart it proves the store, not a new demo.
            HttpResponse<String> written = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/needs"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + key)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"id\": \"need-lifecycle\", \"category\": \"anziani\","
                                            + " \"territory\": \"015182\", \"people\": 3}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
            HttpResponse<String> export = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/export"))
                            .header("Authorization", "Bearer " + key)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(export.statusCode()).isEqualTo(200);
            JsonNode before = new ObjectMapper().readTree(export.body());
            assertThat(before.get("territories").size()).isGreaterThanOrEqualTo(67);

            // SIGTERM, as an operator or a service manager sends it.
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid()))
                            .start()
                            .waitFor())
                    .isZero();
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped within 60 s")
                    .isTrue();
            String log = Files.readString(output);
            assertThat(log).contains("Graceful shutdown complete", "Shutting down embedded Neo4j");
            assertThat(log).doesNotContain(" ERROR ", "Exception");

            // Command-line arguments, not builder properties: those are defaults that application.yml
            // would override, and the restart would open ./data instead of this store.
            try (ConfigurableApplicationContext again = new SpringApplicationBuilder(SnodoApplication.class)
                    .run(
                            "--snodo.neo4j.home=" + home,
                            "--snodo.neo4j.bolt-port=0",
                            "--snodo.neo4j.page-cache=16MB",
                            "--server.port=0")) {
                assertThat(again.getBean(it.snodo.neo4j.EmbeddedNeo4j.class).home())
                        .isEqualTo(home.normalize());
                // Ready on a store with data only once the first snapshot holds it.
                assertThat(again.getBean(ApplicationAvailability.class).getReadinessState())
                        .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
                assertThat(again.getBean(Snapshots.class).current().version()).isEqualTo(2);
                int againPort = Integer.parseInt(again.getEnvironment().getProperty("local.server.port"));
                assertThat(get(client, againPort, "/actuator/health/readiness", null)
                                .statusCode())
                        .isEqualTo(200);
                long version = again.getBean(NetworkStore.class).version();
                JsonNode after = new ObjectMapper()
                        .readTree(again.getBean(ObjectMapper.class)
                                .writeValueAsString(
                                        again.getBean(NetworkReader.class).export()));
                assertThat(after).isEqualTo(before);
                assertThat(after.toString()).contains("need-lifecycle");
                assertThat(version)
                        .as("the demo load and the need; the demo is not loaded again")
                        .isEqualTo(2);
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private static HttpResponse<String> get(HttpClient client, int port, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
