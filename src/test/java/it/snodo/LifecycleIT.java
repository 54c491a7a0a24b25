package it.snodo;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;

/**
 * The service as an operator runs it: a separate JVM started on its main class loads the demo,
 * answers, and on SIGTERM shuts down cleanly; a restart on the same store finds every row again
 * and does not load the demo twice.
 */
class LifecycleIT {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START = Duration.ofSeconds(600);

    @Test
    void startsWithTheDemoStopsCleanlyOnSigtermAndKeepsEverythingAcrossARestart() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "lifecycle-neo4j").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SnodoApplication.class.getName(),
                "--snodo.neo4j.home=" + home, "--snodo.neo4j.bolt-port=0", "--snodo.neo4j.page-cache=16MB",
                "--server.port=0"));
        // To a file, not a pipe: Process.destroy() would close the pipe before the last lines.
        Path output = home.resolveSibling(home.getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            int port = -1;
            boolean demoLoaded = false;
            long deadline = System.nanoTime() + START.toNanos();
            while ((port < 0 || !demoLoaded) && System.nanoTime() < deadline && process.isAlive()) {
                process.waitFor(500, TimeUnit.MILLISECONDS);
                String log = Files.readString(output);
                Matcher m = PORT.matcher(log);
                port = m.find() ? Integer.parseInt(m.group(1)) : -1;
                demoLoaded = log.contains("Loaded the demo network");
            }
            assertThat(port).as("started: %s", Files.readString(output)).isPositive();
            assertThat(demoLoaded).as("demo loaded: %s", Files.readString(output)).isTrue();

            // No bootstrap key was given: the first planner key was made and written beside the
            // database, readable by its owner only.
            Path keyFile = home.resolve("planner.key");
            assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            String key = Files.readString(keyFile).strip();
            assertThat(Files.readString(output)).contains(keyFile.toString()).doesNotContain(key);
            HttpClient client = HttpClient.newHttpClient();
            // A write only this run makes: after the restart it proves the store, not a new demo.
            HttpResponse<String> written = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/needs"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"need-lifecycle\", \"category\": \"anziani\","
                            + " \"territory\": \"015182\", \"people\": 3}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
            HttpResponse<String> export = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/export")).header("Authorization", "Bearer " + key)
                    .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(export.statusCode()).isEqualTo(200);
            JsonNode before = new ObjectMapper().readTree(export.body());
            assertThat(before.get("territories").size()).isGreaterThanOrEqualTo(67);

            // SIGTERM, as an operator or a service manager sends it.
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
            String log = Files.readString(output);
            assertThat(log).contains("Graceful shutdown complete", "Shutting down embedded Neo4j");
            assertThat(log).doesNotContain(" ERROR ", "Exception");

            // Command-line arguments, not builder properties: those are defaults that application.yml
            // would override, and the restart would open ./data instead of this store.
            try (ConfigurableApplicationContext again = new SpringApplicationBuilder(SnodoApplication.class)
                    .run("--snodo.neo4j.home=" + home, "--snodo.neo4j.bolt-port=0", "--snodo.neo4j.page-cache=16MB",
                            "--server.port=0")) {
                assertThat(again.getBean(it.snodo.neo4j.EmbeddedNeo4j.class).home()).isEqualTo(home.normalize());
                long version = again.getBean(NetworkStore.class).version();
                JsonNode after = new ObjectMapper().readTree(again.getBean(ObjectMapper.class)
                        .writeValueAsString(again.getBean(NetworkReader.class).export()));
                assertThat(after).isEqualTo(before);
                assertThat(after.toString()).contains("need-lifecycle");
                assertThat(version).as("the demo load and the need; the demo is not loaded again").isEqualTo(2);
            }
        } finally {
            process.destroyForcibly();
        }
    }
}
