package it.snodo.bench;

import it.snodo.SnodoApplication;
import it.snodo.engine.Network;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkImport;
import it.snodo.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The service holding a generated network, for a load driver in another process ({@code bench/http.sh M}):
 * generates the scale, starts the service, imports the network through the real import path, builds
 * its snapshot, writes the paths of 10,000 referral requests (a random category and municipality
 * each, k=10, maxKm=25, as {@link Benchmark}'s HTTP part asks them), prints {@code ready} and
 * serves until it is stopped.
 *
 * <pre>java ... it.snodo.bench.HttpServe M &lt;store folder&gt; &lt;paths file&gt; [service options...]</pre>
 */
public final class HttpServe {

    private HttpServe() {}

    public static void main(String[] args) throws Exception {
        NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(args[0]);
        Path home = Path.of(args[1]);
        Path paths = Path.of(args[2]);
        NetworkDocument doc = NetworkGenerator.generate(scale, 1);
        List<String> options = new ArrayList<>(List.of(
                "--snodo.neo4j.home=" + home,
                "--snodo.neo4j.page-cache=" + (scale == NetworkGenerator.Scale.S ? "128MB" : "2GB"),
                "--snodo.demo.load=false",
                "--snodo.snapshot.poll=1h",
                "--logging.level.it.snodo=WARN",
                "--snodo.limits.requests-per-second=0"));
        options.addAll(Arrays.asList(args).subList(3, args.length));
        var app = new SpringApplicationBuilder(SnodoApplication.class).run(options.toArray(String[]::new));
        app.getBean(NetworkImport.class).importDocument(doc);
        Network net = app.getBean(Snapshots.class).rebuildNow().network();
        int[] municipalities = net.territoriesOfLevel(Network.MUNICIPALITY);
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            lines.add("/api/v1/referrals?k=10&maxKm=25&category="
                    + net.categoryCode(random.nextInt(net.categoryCount()))
                    + "&territory=" + net.territoryId(municipalities[random.nextInt(municipalities.length)]));
        }
        Files.write(paths, lines);
        System.out.println("ready: " + NetworkGenerator.describe(doc));
    }
}
