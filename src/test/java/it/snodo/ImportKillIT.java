package it.snodo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.network.NetworkReader;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An import is one transaction, even when the process dies in the middle of it: the service, in
 * its own JVM and holding the worked example, is killed with SIGKILL while a large import (tens of
 * thousands of needs) is inside its Neo4j transaction; restarted on the same store, it holds
 * either every row of that import or none, and the example exactly as it was.
 */
class ImportKillIT {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START = Duration.ofSeconds(600);
    private static final int BULK = 40_000;
    private static final String PREFIX = "bulk-need-";
    /** A frame of the write's transaction function: the import holds an open, uncommitted transaction. */
    private static final String IN_TRANSACTION = "it.snodo.network.NetworkStore.lambda$writeAll";

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aKilledImportLeavesAllOfItOrNoneAndTheRestIntact() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "import-kill-neo4j")
                .toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx768m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                SnodoApplication.class.getName(),
                "--snodo.neo4j.home=" + home,
                "--snodo.neo4j.bolt-port=0",
                "--snodo.neo4j.page-cache=64MB",
                "--server.port=0",
                "--snodo.demo.load=false",
                "--snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER,
                "--snodo.limits.requests-per-second=0"));
        Path output = home.resolveSibling(home.getFileName() + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        JsonNode before;
        try {
            int port = -1;
            long deadline = System.nanoTime() + START.toNanos();
            while (port < 0 && System.nanoTime() < deadline && process.isAlive()) {
                process.waitFor(500, TimeUnit.MILLISECONDS);
                Matcher m = PORT.matcher(Files.readString(output));
                port = m.find() ? Integer.parseInt(m.group(1)) : -1;
            }
            assertThat(port).as("started: %s", Files.readString(output)).isPositive();
            String base = "http://127.0.0.1:" + port + "/api/v1";
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            JsonNode example;
            try (InputStream in = ImportKillIT.class.getResourceAsStream("/examples/example-network.json")) {
                example = mapper.readTree(in);
            }
            HttpResponse<String> imported = client.send(
                    post(base + "/import", mapper.writeValueAsBytes(example)), HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            HttpResponse<String> export = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/export"))
                            .header("Authorization", "Bearer " + TestKeys.PLANNER)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(export.statusCode()).isEqualTo(200);
            before = mapper.readTree(export.body());

            byte[] bulk = mapper.writeValueAsBytes(bulk(example));
            assertThat(bulk.length).as("under the 64 MB import limit").isLessThan(64 << 20);
            // The large import on another thread: its answer never comes, the process dies first.
            CompletableFuture<HttpResponse<String>> large =
                    client.sendAsync(post(base + "/import", bulk), HttpResponse.BodyHandlers.ofString());

            // Wait until the import is inside its Neo4j transaction: a thread dump of the service
            // shows a thread in the transaction function of NetworkStore.writeAll, which runs after
            // the body was read and every row checked, between the first write (the version bump)
            // and the commit. Nothing else in this run writes, so that thread is the large import.
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            long sent = System.nanoTime();
            boolean inTransaction = false;
            long waitDeadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            while (!inTransaction && !large.isDone() && System.nanoTime() < waitDeadline) {
                Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                        .redirectErrorStream(true)
                        .start();
                String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                dump.waitFor();
                inTransaction = threads.contains(IN_TRANSACTION);
            }
            assertThat(inTransaction)
                    .as(
                            "the import was caught inside its transaction (not yet answered: %s)",
                            large.isDone() ? large.getNow(null).body() : "no answer")
                    .isTrue();
            System.out.println("ImportKillIT: the import was inside its transaction after "
                    + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms: SIGKILL");
            assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(process.pid()))
                            .start()
                            .waitFor())
                    .isZero();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("killed").isTrue();
            assertThat(process.exitValue()).as("died of SIGKILL").isEqualTo(128 + 9);
            assertThat(Files.readString(output))
                    .as("the import never finished")
                    .doesNotContain("Imported " + BULK + " rows");
        } finally {
            process.destroyForcibly();
        }

        // The same store, opened again: Neo4j recovers from its transaction log.
        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(SnodoApplication.class)
                .run(
                        "--snodo.neo4j.home=" + home,
                        "--snodo.neo4j.bolt-port=0",
                        "--snodo.neo4j.page-cache=64MB",
                        "--server.port=0",
                        "--snodo.demo.load=false",
                        "--snodo.limits.requests-per-second=0")) {
            long bulkNeeds;
            try (var session = again.getBean(Driver.class).session()) {
                bulkNeeds = session.run(
                                "MATCH (n:Need) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n",
                                Map.of("prefix", PREFIX))
                        .single()
                        .get("n")
                        .asLong();
            }
            assertThat(bulkNeeds).as("all of the killed import or none of it").isIn(0L, (long) BULK);
            System.out.println("ImportKillIT: after the kill and the restart, " + bulkNeeds + " of " + BULK
                    + " needs of the killed import");

            ObjectMapper appMapper = again.getBean(ObjectMapper.class);
            ObjectNode after = (ObjectNode) mapper.readTree(appMapper.writeValueAsString(
                    again.getBean(NetworkReader.class).export()));
            ArrayNode needs = mapper.createArrayNode();
            after.get("needs").forEach(n -> {
                if (!n.get("id").asText().startsWith(PREFIX)) {
                    needs.add(n);
                }
            });
            after.set("needs", needs);
            assertThat(after).as("the example, as it was").isEqualTo(before);
        }
    }

    /** Needs only, each new, in the example's municipalities and leaf categories. */
    private ObjectNode bulk(JsonNode example) {
        List<String> municipalities = new ArrayList<>();
        example.get("territories").forEach(t -> {
            if (t.get("level").asText().equals("MUNICIPALITY")) {
                municipalities.add(t.get("id").asText());
            }
        });
        List<String> categories = new ArrayList<>();
        example.get("categories").forEach(c -> {
            if (!c.get("partOf").isNull()) {
                categories.add(c.get("code").asText());
            }
        });
        ArrayNode needs = mapper.createArrayNode();
        for (int i = 0; i < BULK; i++) {
            needs.addObject()
                    .put("id", PREFIX + i)
                    .put("category", categories.get(i % categories.size()))
                    .put("territory", municipalities.get(i % municipalities.size()))
                    .put("people", 1 + i % 50);
        }
        ObjectNode document = mapper.createObjectNode();
        document.set("needs", needs);
        return document;
    }

    private static HttpRequest post(String url, byte[] body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestKeys.PLANNER)
                .timeout(Duration.ofSeconds(600))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
