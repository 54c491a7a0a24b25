package it.snodo.bench;

import it.snodo.SnodoApplication;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkImport;
import it.snodo.network.NetworkStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The import's speed, one way per run ({@code bench/import.sh} alternates them): {@code one}
 * writes every import in one transaction, {@code staged} stages it in batches and switches it in
 * ({@code StagedImport}). Each run imports the generated network of the scale into an empty
 * database, then the network of another seed over it (the same ids, every row different), and
 * prints rows per second.
 *
 * <pre>java -Xmx8g -cp ... it.snodo.bench.ImportBench M staged</pre>
 */
public final class ImportBench {

    private ImportBench() {}

    public static void main(String[] args) throws Exception {
        NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(args.length > 0 ? args[0] : "S");
        String way = args.length > 1 ? args[1] : "staged";
        NetworkDocument first = NetworkGenerator.generate(scale, 1);
        NetworkDocument second = NetworkGenerator.generate(scale, 2);
        Path home = Files.createTempDirectory(Path.of("target"), "bench-import-" + scale);
        String pageCache = scale == NetworkGenerator.Scale.S ? "128MB" : "2GB";
        java.util.List<String> options = new java.util.ArrayList<>(java.util.List.of(
                "--snodo.neo4j.home=" + home,
                "--snodo.neo4j.bolt-port=0",
                "--snodo.neo4j.page-cache=" + pageCache,
                "--snodo.demo.load=false",
                "--server.port=0",
                "--snodo.snapshot.poll=1h",
                "--logging.level.it.snodo=WARN",
                "--snodo.security.bootstrap-planner-key=" + "bench-" + "x".repeat(40),
                "--snodo.limits.requests-per-second=0",
                "--snodo.import.staged-from=" + (way.equals("one") ? Integer.MAX_VALUE : 1)));
        // Further arguments are the service's own options (a logging level, say).
        options.addAll(java.util.Arrays.asList(args).subList(Math.min(2, args.length), args.length));
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(SnodoApplication.class).run(options.toArray(String[]::new))) {
            NetworkImport importer = app.getBean(NetworkImport.class);
            NetworkStore store = app.getBean(NetworkStore.class);
            // Warm-up: plans and JIT, on a small network imported twice and removed.
            NetworkDocument warmUp = NetworkGenerator.generate(NetworkGenerator.Scale.S, 3);
            importer.importDocument(warmUp);
            importer.importDocument(NetworkGenerator.generate(NetworkGenerator.Scale.S, 4));
            store.clear();

            long started = System.nanoTime();
            importer.importDocument(first);
            double empty = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            importer.importDocument(second);
            double over = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "ImportBench %s %s: into an empty database %d rows in %.1f s (%.0f rows/s);"
                            + " over it, every row different, %d rows in %.1f s (%.0f rows/s)%n",
                    scale, way, first.size(), empty, first.size() / empty, second.size(), over, second.size() / over);
        }
    }
}
