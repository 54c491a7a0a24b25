package it.snodo.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.SnodoIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A page and its total come from one read: they agree even while needs are being written. */
class PagingIT extends SnodoIT {

    private static final int NEEDS = 120;
    private static final long MAX_MILLIS = 5_000;

    @Test
    void theTotalAlwaysAgreesWithThePageUnderConcurrentWrites() throws Exception {
        importOk(Map.of(
                "territories",
                        List.of(Map.of(
                                "id", "p-town", "name", "Town", "level", "MUNICIPALITY", "lat", 45.5, "lon", 9.0)),
                "categories", List.of(Map.of("code", "p-care", "name", "Care"))));
        // Bounded: the writers stop at NEEDS needs or after MAX_MILLIS, whichever comes first.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_MILLIS);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = writer; i < NEEDS && System.nanoTime() < deadline; i += 2) {
                        // Ids in a scattered order, so that each write shifts some pages and not others.
                        String id = "p-need-" + String.format("%03d", (i * 37) % NEEDS);
                        assertThat(post(
                                                "/api/v1/needs",
                                                Map.of(
                                                        "id",
                                                        id,
                                                        "category",
                                                        "p-care",
                                                        "territory",
                                                        "p-town",
                                                        "people",
                                                        1))
                                        .getStatusCode())
                                .isEqualTo(HttpStatus.CREATED);
                    }
                    return null;
                }));
            }
            Future<List<String>> reader = pool.submit(() -> {
                List<String> disagreements = new ArrayList<>();
                Set<Long> totals = ConcurrentHashMap.newKeySet();
                int[][] pages = {{0, 1000}, {0, 7}, {3, 7}, {1, 50}};
                for (int read = 0; !writers.stream().allMatch(Future::isDone); read++) {
                    int page = pages[read % pages.length][0];
                    int size = pages[read % pages.length][1];
                    JsonNode body =
                            get("/api/v1/needs?page=" + page + "&size=" + size).getBody();
                    long total = body.get("totalElements").asLong();
                    long expected = Math.min(size, Math.max(0, total - (long) page * size));
                    totals.add(total);
                    if (body.get("content").size() != expected) {
                        disagreements.add("page " + page + " of " + size + ": "
                                + body.get("content").size() + " rows for a total of " + total);
                    }
                }
                assertThat(totals).as("the reads saw the writes happen").hasSizeGreaterThan(3);
                return disagreements;
            });
            for (Future<?> writer : writers) {
                writer.get(MAX_MILLIS + 30_000, TimeUnit.MILLISECONDS);
            }
            assertThat(reader.get(30, TimeUnit.SECONDS)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
