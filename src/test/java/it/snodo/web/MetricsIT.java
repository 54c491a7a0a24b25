package it.snodo.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.SnodoIT;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The metrics at /actuator/prometheus: for planners only, and saying what a consortium's IT person
 * watches — latency per endpoint, the snapshot's version, age, build time and size, imports,
 * refusals, Neo4j's availability.
 */
// Spring Boot's tests export no metrics unless asked: this one asks (its own context).
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
class MetricsIT extends SnodoIT {

    private ResponseEntity<String> scrape(String key) {
        HttpHeaders headers = new HttpHeaders();
        if (key != null) {
            headers.setBearerAuth(key);
        } else {
            headers.set(HttpHeaders.AUTHORIZATION, "");
        }
        return http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static double value(String metrics, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertThat(m.find())
                .as("series %s in the metrics:%n%s", series, metrics)
                .isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aPlannerScrapesLatencySnapshotImportsAndNeo4j() {
        String before = scrape(it.snodo.TestKeys.PLANNER).getBody();
        double rowsBefore = value(before, "snodo_import_rows_total");
        JsonNodeHolder imported = new JsonNodeHolder(importOk(example()));
        get("/api/v1/referrals?category=ex-anziani&territory=ex015154");
        snapshots.awaitCommitted();

        ResponseEntity<String> answer = scrape(it.snodo.TestKeys.PLANNER);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        String metrics = answer.getBody();
        assertThat(value(metrics, "snodo_import_rows_total") - rowsBefore)
                .isEqualTo(example().properties().stream()
                        .mapToInt(e -> e.getValue().size())
                        .sum());
        assertThat(value(metrics, "snodo_snapshot_version")).isEqualTo(imported.version());
        assertThat(value(metrics, "snodo_snapshot_size_bytes")).isPositive();
        assertThat(value(metrics, "snodo_snapshot_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(value(metrics, "snodo_snapshot_build_seconds_count")).isPositive();
        assertThat(value(metrics, "snodo_import_seconds_count")).isPositive();
        assertThat(value(metrics, "snodo_neo4j_available")).isEqualTo(1.0);
        assertThat(metrics).contains("snodo_limits_refused_total{reason=\"rate\"}");
        // Latency per endpoint as a histogram: buckets of the referral endpoint.
        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/referrals\"");
    }

    @Test
    void nobodyElseScrapes() {
        assertThat(scrape(null).getStatusCode().value()).isEqualTo(401);
        assertThat(scrape(newKey("READER", null, "a reader")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(scrape(newKey("HELP_DESK", null, "a help desk"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        // The refusals are counted per status in the request metrics (Spring Security's own
        // observations are off).
        String metrics = scrape(it.snodo.TestKeys.PLANNER).getBody();
        for (String status : new String[] {"401", "403"}) {
            assertThat(metrics)
                    .containsPattern("http_server_requests_seconds_count\\{(?=[^}]*status=\"" + status
                            + "\")(?=[^}]*uri=\"/actuator/prometheus\")[^}]*} [1-9]");
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    it.snodo.snapshot.Snapshots snapshots;

    /** The network version an import answers. */
    private record JsonNodeHolder(com.fasterxml.jackson.databind.JsonNode node) {
        double version() {
            return node.get("networkVersion").asDouble();
        }
    }
}
