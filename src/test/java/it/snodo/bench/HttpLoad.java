package it.snodo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * A small closed-loop HTTP load driver: {@code connections} threads, each with its own keep-alive
 * connection, send requests back to back for a fixed time and record every latency. Closed loop
 * means a slow server gets fewer requests, so the p99 it reports is the latency a busy client
 * sees, not the coordinated-omission-corrected one a fixed-rate driver such as wrk2 reports.
 */
final class HttpLoad {

    /** What a run saw: every latency in ms (sorted), the requests per second, the statuses counted. */
    record Result(double[] latenciesMs, double requestsPerSecond, Map<Integer, Integer> statuses, int failures) {}

    private HttpLoad() {}

    /**
     * Runs {@code connections} clients for {@code seconds}; the {@code i}-th request of a client is
     * {@code request.apply(i)}.
     */
    static Result run(int connections, double seconds, IntFunction<HttpRequest> request) throws InterruptedException {
        List<List<Double>> perClient = new ArrayList<>();
        List<Map<Integer, Integer>> statuses = new ArrayList<>();
        int[] failures = new int[connections];
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < connections; c++) {
            List<Double> latencies = new ArrayList<>();
            Map<Integer, Integer> counted = new TreeMap<>();
            perClient.add(latencies);
            statuses.add(counted);
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        // One client per thread: HTTP/1.1, one connection kept alive.
                        HttpClient http = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(Duration.ofSeconds(10))
                                .build();
                        ready.countDown();
                        try {
                            go.await();
                            long end = window[1];
                            for (int i = client; System.nanoTime() < end; i += connections) {
                                long s = System.nanoTime();
                                try {
                                    HttpResponse<byte[]> response =
                                            http.send(request.apply(i), HttpResponse.BodyHandlers.ofByteArray());
                                    latencies.add((System.nanoTime() - s) / 1e6);
                                    counted.merge(response.statusCode(), 1, Integer::sum);
                                } catch (IOException e) {
                                    failures[client]++;
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "load-" + c);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        double[] all = perClient.stream()
                .flatMap(List::stream)
                .mapToDouble(Double::doubleValue)
                .toArray();
        Arrays.sort(all);
        Map<Integer, Integer> merged = new TreeMap<>();
        statuses.forEach(m -> m.forEach((k, v) -> merged.merge(k, v, Integer::sum)));
        return new Result(
                all, all.length / elapsed, merged, Arrays.stream(failures).sum());
    }

    /** A GET with a bearer key. */
    static HttpRequest get(String base, String pathAndQuery, String key) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .GET()
                .build();
    }
}
