package it.snodo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} and {@code deploy/Caddyfile} cannot run here (no Docker): read as
 * files, they must agree with each other and with the service — two replicas of one image on the
 * Neo4j of the file, one of them loading the demo, the other starting after it; the proxy balancing
 * exactly those replicas on the readiness probe both health checks ask; Docker waiting longer
 * after SIGTERM than the service's graceful shutdown takes.
 */
class DeploymentFilesTest {

    private static final String READINESS = "/actuator/health/readiness";

    @Test
    void twoReplicasOfOneImageRunOnTheNeo4jOfTheFileAndOnlyOneLoadsTheDemo() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(string(services.get("neo4j"), "image"))
                .startsWith("neo4j:5.26")
                .endsWith("-community");

        Map<String, Map<String, Object>> replicas = replicas(services);
        assertThat(replicas.keySet()).containsExactly("snodo-1", "snodo-2");
        List<String> loaders = new ArrayList<>();
        replicas.forEach((name, replica) -> {
            assertThat(replica.get("build")).as(name).isEqualTo(".");
            assertThat(replica.get("image")).as(name).isEqualTo("snodo:local");
            assertThat(replica.get("ports"))
                    .as("%s is reached through the proxy only", name)
                    .isNull();
            Map<String, Object> environment = map(replica, "environment");
            assertThat(environment.get("SPRING_NEO4J_URI")).as(name).isEqualTo("bolt://neo4j:7687");
            assertThat(string(environment, "SNODO_SECURITY_BOOTSTRAP_PLANNER_KEY"))
                    .as(name)
                    .isEqualTo("${SNODO_PLANNER_KEY:?set SNODO_PLANNER_KEY}");
            assertThat(environment.get("SNODO_DEMO_LOAD")).as(name).isIn("true", "false");
            if ("true".equals(environment.get("SNODO_DEMO_LOAD"))) {
                loaders.add(name);
            }
            assertThat(map(map(replica, "depends_on"), "neo4j").get("condition"))
                    .as(name)
                    .isEqualTo("service_healthy");
        });
        assertThat(loaders).containsExactly("snodo-1");
        assertThat(map(map(replicas.get("snodo-2"), "depends_on"), "snodo-1").get("condition"))
                .as("the second replica starts once the first, which loads the demo, is ready")
                .isEqualTo("service_healthy");
    }

    @Test
    void theProxyBalancesExactlyTheReplicasOnTheirReadinessAndEndsTls() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<String> upstreams = new ArrayList<>();
        replicas(services).keySet().forEach(name -> upstreams.add(name + ":8080"));

        List<String> caddyfile = Files.readAllLines(Path.of("deploy/Caddyfile")).stream()
                .map(String::strip)
                .filter(line -> !line.startsWith("#"))
                .toList();
        List<String> proxied = caddyfile.stream()
                .filter(line -> line.startsWith("reverse_proxy "))
                .flatMap(line -> Arrays.stream(line.split("\\s+")).skip(1))
                .filter(token -> !token.equals("{"))
                .toList();
        assertThat(proxied).containsExactlyElementsOf(upstreams);
        assertThat(caddyfile).contains("tls internal", "health_uri " + READINESS, "health_status 200");

        assertThat(string(services.get("proxy"), "image")).startsWith("caddy:2");
        assertThat(list(services.get("proxy"), "volumes")).contains("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
        replicas(services)
                .forEach((name, replica) -> assertThat(String.join(" ", list(map(replica, "healthcheck"), "test")))
                        .as("%s: Docker's health check asks the readiness probe", name)
                        .contains("GET " + READINESS + " "));
    }

    @Test
    void dockerWaitsLongerAfterSigtermThanTheGracefulShutdownTakes() throws IOException {
        Map<String, Object> application;
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.yml"))) {
            application = new Yaml().load(in);
        }
        assertThat(map(application, "server").get("shutdown")).isEqualTo("graceful");
        Duration shutdown = DurationStyle.detectAndParse(
                string(map(map(application, "spring"), "lifecycle"), "timeout-per-shutdown-phase"));
        replicas(services())
                .forEach((name, replica) -> assertThat(
                                DurationStyle.detectAndParse(string(replica, "stop_grace_period")))
                        .as(name)
                        .isGreaterThan(shutdown));
    }

    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose;
        try (Reader in = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Map<String, Object>> services = new TreeMap<>();
        map(compose, "services").forEach((name, service) -> services.put(name, cast(service)));
        return services;
    }

    /** The services that run Snodo: those pointed at a Neo4j. */
    private static Map<String, Map<String, Object>> replicas(Map<String, Map<String, Object>> services) {
        Map<String, Map<String, Object>> replicas = new TreeMap<>();
        services.forEach((name, service) -> {
            if (service.get("environment") instanceof Map<?, ?> environment
                    && environment.containsKey("SPRING_NEO4J_URI")) {
                replicas.put(name, service);
            }
        });
        return replicas;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
        return cast(parent.get(key));
    }

    private static List<String> list(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(List.class);
        return cast(parent.get(key));
    }

    private static String string(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(String.class);
        return (String) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
