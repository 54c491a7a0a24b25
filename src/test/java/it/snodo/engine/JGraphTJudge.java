package it.snodo.engine;

import it.snodo.engine.ConnectionPathAlgorithm.ConnectionPath;
import it.snodo.engine.FragilityAnalysis.Fragility;
import it.snodo.engine.NetworkMeasures.Measures;
import it.snodo.engine.SynergyAlgorithm.Reason;
import it.snodo.engine.SynergyAlgorithm.Suggestion;
import it.snodo.engine.WhatIfAnalysis.Removal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.clustering.GreedyModularityAlgorithm;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.linkprediction.AdamicAdarIndexLinkPrediction;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * JGraphT as the engine's judge: each of the engine's own tie-graph algorithms asked the same
 * question as the JGraphT algorithm that answers it, on one snapshot, with every disagreement
 * written down and the time each side took (the algorithm calls only, not the checking).
 *
 * <ul>
 * <li>connection paths ({@link BoundedYenConnectionPaths}) against {@link YenKShortestPath} on the
 * whole tie graph weighted {@code 1 + 1e-3·(1 − strength)}: fewest hops first, then the strongest
 * (a path of h hops weighs {@code h + 1e-3·(h − strength)}, so the order is the engine's as long as
 * paths have fewer than 1,000 hops);</li>
 * <li>fragility ({@link BiconnectivityFragility}) and what-if cut points ({@link RemovalWhatIf})
 * against {@link BiconnectivityInspector}, on the graph and on a {@link MaskSubgraph} of it without
 * the removed actors and ties;</li>
 * <li>betweenness ({@link BrandesLouvainMeasures}) against {@link BetweennessCentrality};</li>
 * <li>the modularity the engine reports against {@link UndirectedModularityMeasurer} on the
 * engine's own partition, and the Louvain partition's quality against
 * {@link GreedyModularityAlgorithm} (Clauset, Newman and Moore): at least theirs − 0.01;</li>
 * <li>the synergies' closeness ({@link ComplementaritySynergies}) against
 * {@link AdamicAdarIndexLinkPrediction}.</li>
 * </ul>
 * JGraphT's biconnectivity search recurses once per actor, so it runs on a thread with a 512 MB
 * stack ({@link #onLargeStack}). Used by {@code JGraphTJudgeTest} (small samples, every build) and
 * by {@code EngineBench --check} (once at scale M, with the timings).
 */
public final class JGraphTJudge {

    /** Doubles that must be equal are equal to this much. */
    public static final double EXACT = 1e-9;
    /** The Louvain partition may be this much below the greedy one in modularity, no more. */
    public static final double LOUVAIN_FLOOR = 0.01;

    private static final int KEPT_MESSAGES = 20;

    /**
     * What one oracle found.
     *
     * @param oracle what was compared with what
     * @param checks how many answers were compared
     * @param disagreements how many of them differ
     * @param messages the first few differences, in words
     * @param engineNanos the time the engine took for those answers
     * @param jgraphtNanos the time JGraphT took for the same
     */
    public record Verdict(
            String oracle, int checks, int disagreements, List<String> messages, long engineNanos, long jgraphtNanos) {

        public boolean agrees() {
            return disagreements == 0;
        }

        /** How many times slower JGraphT was. */
        public double ratio() {
            return engineNanos == 0 ? Double.NaN : (double) jgraphtNanos / engineNanos;
        }

        @Override
        public String toString() {
            return String.format(
                            java.util.Locale.ROOT,
                            "%-66s %6d checks  %s  engine %10.1f ms  JGraphT %10.1f ms  %6.1fx",
                            oracle,
                            checks,
                            agrees() ? "agree   " : disagreements + " DISAGREE",
                            engineNanos / 1e6,
                            jgraphtNanos / 1e6,
                            ratio())
                    + (agrees() ? "" : "\n    " + String.join("\n    ", messages));
        }
    }

    /** Collects one oracle's findings. */
    private static final class Tally {
        final String oracle;
        int checks;
        int disagreements;
        final List<String> messages = new ArrayList<>();
        long engine;
        long jgrapht;

        Tally(String oracle) {
            this.oracle = oracle;
        }

        void check(boolean agree, Supplier<String> message) {
            checks++;
            if (!agree) {
                disagreements++;
                if (messages.size() < KEPT_MESSAGES) {
                    messages.add(message.get());
                }
            }
        }

        <T> T engine(Supplier<T> work) {
            long t = System.nanoTime();
            T out = work.get();
            engine += System.nanoTime() - t;
            return out;
        }

        <T> T jgrapht(Supplier<T> work) {
            long t = System.nanoTime();
            T out = work.get();
            jgrapht += System.nanoTime() - t;
            return out;
        }

        Verdict verdict() {
            return new Verdict(oracle, checks, disagreements, List.copyOf(messages), engine, jgrapht);
        }
    }

    private final Network network;
    /** The tie graph: one edge per tied pair, unweighted. */
    private final Graph<Integer, DefaultEdge> ties;
    /** The same, each edge weighing {@code 1 + 1e-3·(1 − strength)}. */
    private final Graph<Integer, DefaultWeightedEdge> weighted;

    public JGraphTJudge(Network network) {
        this.network = Objects.requireNonNull(network, "network");
        ties = new SimpleGraph<>(DefaultEdge.class);
        weighted = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int a = 0; a < network.actorCount(); a++) {
            ties.addVertex(a);
            weighted.addVertex(a);
        }
        for (int a = 0; a < network.actorCount(); a++) {
            for (int j = network.tieGraph().edgeStart(a); j < network.tieGraph().edgeEnd(a); j++) {
                int b = network.tieGraph().target(j);
                if (a < b) {
                    ties.addEdge(a, b);
                    weighted.setEdgeWeight(
                            weighted.addEdge(a, b),
                            1 + 1e-3 * (1 - network.tieGraph().strength(j)));
                }
            }
        }
    }

    /** The tie graph as JGraphT sees it. */
    public Graph<Integer, DefaultEdge> tieGraph() {
        return ties;
    }

    /**
     * Runs work on a thread with a 512 MB stack: JGraphT's {@link BiconnectivityInspector} recurses
     * once per actor of a path, and a chain of 5,000 overflows a 1 MB stack.
     */
    public static <T> T onLargeStack(Supplier<T> work) {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        out.set(work.get());
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "jgrapht",
                512L << 20);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JGraphT ran", e);
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return out.get();
    }

    // ---------------------------------------------------------------- connection paths

    /**
     * The engine's k paths for each pair against JGraphT's Yen, position by position: the same
     * number of paths, and at each position the same hops and the same strength sum. Ties in
     * weight may be broken differently, and the k smallest (hops, strength) keys are the same
     * whoever breaks them, so keys are compared, and the actors too where a key is not shared with
     * another path of the list nor with the last one (a path as good as the last may take its
     * place). Every engine path must also be a loopless walk over ties whose strength is the sum of
     * its hops' strongest ties.
     */
    public Verdict connectionPaths(int[][] pairs, int k) {
        Tally tally = new Tally("connection paths k=" + k + " vs YenKShortestPath");
        BoundedYenConnectionPaths engine = new BoundedYenConnectionPaths(network);
        YenKShortestPath<Integer, DefaultWeightedEdge> yen = new YenKShortestPath<>(weighted);
        for (int[] pair : pairs) {
            int from = pair[0];
            int to = pair[1];
            if (from == to) {
                continue;
            }
            List<ConnectionPath> ours = tally.engine(() -> engine.paths(from, to, k));
            List<GraphPath<Integer, DefaultWeightedEdge>> theirs = tally.jgrapht(() -> yen.getPaths(from, to, k));
            String where = network.actorId(from) + " → " + network.actorId(to);
            tally.check(
                    ours.size() == theirs.size(),
                    () -> where + ": " + ours.size() + " paths, JGraphT " + theirs.size());
            for (ConnectionPath p : ours) {
                tally.check(
                        isLooplessWalk(p.actors(), from, to) && Math.abs(strength(p.actors()) - p.strength()) <= EXACT,
                        () -> where + ": " + ids(p.actors()) + " is not a loopless walk of strength " + p.strength());
            }
            int shown = Math.min(ours.size(), theirs.size());
            double[] lastKey =
                    theirs.isEmpty() ? null : key(theirs.get(theirs.size() - 1).getVertexList());
            for (int i = 0; i < shown; i++) {
                int[] a = ours.get(i).actors();
                int[] b = theirs.get(i).getVertexList().stream()
                        .mapToInt(Integer::intValue)
                        .toArray();
                double[] ka = {a.length - 1, ours.get(i).strength()};
                double[] kb = key(theirs.get(i).getVertexList());
                int position = i;
                tally.check(
                        sameKey(ka, kb),
                        () -> where + " #" + (position + 1) + ": " + ids(a) + " (" + (int) ka[0]
                                + " hops, strength " + ka[1] + "), JGraphT " + ids(b) + " (" + (int) kb[0]
                                + " hops, strength "
                                + kb[1] + ")");
                boolean unique = !(theirs.size() == k && sameKey(kb, lastKey));
                for (int j = 0; j < theirs.size() && unique; j++) {
                    unique = j == i || !sameKey(kb, key(theirs.get(j).getVertexList()));
                }
                if (unique) {
                    tally.check(
                            Arrays.equals(a, b),
                            () -> where + " #" + (position + 1) + ": " + ids(a) + ", JGraphT " + ids(b)
                                    + " (the only path of its hops and strength)");
                }
            }
        }
        return tally.verdict();
    }

    private double[] key(List<Integer> vertices) {
        return new double[] {
            vertices.size() - 1,
            strength(vertices.stream().mapToInt(Integer::intValue).toArray())
        };
    }

    private static boolean sameKey(double[] a, double[] b) {
        return a[0] == b[0] && Math.abs(a[1] - b[1]) <= EXACT;
    }

    private double strength(int[] actors) {
        double sum = 0;
        for (int i = 1; i < actors.length; i++) {
            sum += network.tieGraph().strengthBetween(actors[i - 1], actors[i]);
        }
        return sum;
    }

    private boolean isLooplessWalk(int[] actors, int from, int to) {
        if (actors.length < 2 || actors[0] != from || actors[actors.length - 1] != to) {
            return false;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < actors.length; i++) {
            if (!seen.add(actors[i]) || i > 0 && !ties.containsEdge(actors[i - 1], actors[i])) {
                return false;
            }
        }
        return true;
    }

    private String ids(int[] actors) {
        return Arrays.stream(actors).mapToObj(network::actorId).toList().toString();
    }

    // ---------------------------------------------------------------- fragility and what-if

    /** The articulation points and bridges of the whole tie graph (computed 5 times for the timings). */
    public Verdict fragility() {
        Tally tally = new Tally("fragility vs BiconnectivityInspector");
        Fragility ours = null;
        List<Integer> points = null;
        Set<List<Integer>> bridges = null;
        for (int round = 0; round < 5; round++) {
            ours = tally.engine(() -> new BiconnectivityFragility().analyze(network));
            BiconnectivityInspector<Integer, DefaultEdge> inspector = new BiconnectivityInspector<>(ties);
            points = tally.jgrapht(() -> onLargeStack(
                    () -> inspector.getCutpoints().stream().sorted().toList()));
            bridges = tally.jgrapht(() -> onLargeStack(() -> pairs(ties, inspector.getBridges())));
        }
        check(tally, ours, points, bridges);
        return tally.verdict();
    }

    private static void check(Tally tally, Fragility ours, List<Integer> points, Set<List<Integer>> bridges) {
        tally.check(
                ours.articulationPoints().equals(points),
                () -> "articulation points " + ours.articulationPoints() + ", JGraphT " + points);
        Set<List<Integer>> ourBridges = new HashSet<>();
        ours.bridges().forEach(b -> ourBridges.add(List.of(b[0], b[1])));
        tally.check(ourBridges.equals(bridges), () -> "bridges " + ourBridges + ", JGraphT " + bridges);
    }

    /**
     * For each removal of actors and ties: the new articulation points {@link RemovalWhatIf}
     * reports against JGraphT's cut points on the masked graph less those of the whole graph, and
     * every articulation point {@link BiconnectivityFragility} finds after the removal against
     * JGraphT's on the masked graph.
     */
    public Verdict whatIfCutPoints(List<Removal> removals) {
        Tally tally = new Tally("what-if cut points vs BiconnectivityInspector");
        RemovalWhatIf whatIf = new RemovalWhatIf(network);
        Set<Integer> before =
                tally.jgrapht(() -> onLargeStack(() -> new BiconnectivityInspector<>(ties).getCutpoints()));
        for (Removal removal : removals) {
            boolean[] gone = new boolean[network.actorCount()];
            Arrays.stream(removal.actors()).forEach(a -> gone[a] = true);
            Set<List<Integer>> cut = new HashSet<>();
            List<int[]> cutTies = new ArrayList<>();
            for (int[] t : removal.ties()) {
                cut.add(List.of(Math.min(t[0], t[1]), Math.max(t[0], t[1])));
                cutTies.add(t.clone());
            }
            Graph<Integer, DefaultEdge> masked =
                    new MaskSubgraph<>(ties, a -> gone[a], e -> cut.contains(pair(ties, e)));
            List<Integer> news = whatIf.impact(removal).newArticulationPoints();
            Set<Integer> after =
                    tally.jgrapht(() -> onLargeStack(() -> new BiconnectivityInspector<>(masked).getCutpoints()));
            List<Integer> expected =
                    after.stream().filter(a -> !before.contains(a)).sorted().toList();
            String where = "without actors " + ids(removal.actors()) + " and ties " + cut;
            tally.check(news.equals(expected), () -> where + ": new " + news + ", JGraphT " + expected);
            // Timed: the cut points after the removal on each side (the impact also sums lost needs).
            List<Integer> all = tally.engine(() -> new BiconnectivityFragility().analyze(network, gone, cutTies))
                    .articulationPoints();
            List<Integer> allExpected = after.stream().sorted().toList();
            tally.check(
                    all.equals(allExpected), () -> where + ": articulation points " + all + ", JGraphT " + allExpected);
        }
        return tally.verdict();
    }

    /**
     * Removals to ask about: one actor (a cut point, one that is not, a random one), one tie (a
     * bridge, one that is not), and a few actors and ties together.
     */
    public List<Removal> sampleRemovals(Random random, int count) {
        List<Removal> removals = new ArrayList<>();
        int n = network.actorCount();
        if (n == 0) {
            return removals;
        }
        List<int[]> tied = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int j = network.tieGraph().edgeStart(a); j < network.tieGraph().edgeEnd(a); j++) {
                if (a < network.tieGraph().target(j)) {
                    tied.add(new int[] {a, network.tieGraph().target(j)});
                }
            }
        }
        for (int i = 0; i < count; i++) {
            int actors = i % 3 == 0 ? 1 : i % 3 == 1 ? 0 : 1 + random.nextInt(3);
            int cuts = i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : random.nextInt(3);
            int[] as = new int[actors];
            for (int x = 0; x < actors; x++) {
                as[x] = random.nextInt(n);
            }
            int[][] ts = new int[tied.isEmpty() ? 0 : cuts][];
            for (int x = 0; x < ts.length; x++) {
                int[] t = tied.get(random.nextInt(tied.size()));
                ts[x] = random.nextBoolean() ? t.clone() : new int[] {t[1], t[0]};
            }
            removals.add(new Removal(as, new int[0], ts));
        }
        return removals;
    }

    private static Set<List<Integer>> pairs(Graph<Integer, DefaultEdge> g, Set<DefaultEdge> edges) {
        Set<List<Integer>> out = new HashSet<>();
        edges.forEach(e -> out.add(pair(g, e)));
        return out;
    }

    private static List<Integer> pair(Graph<Integer, DefaultEdge> g, DefaultEdge e) {
        int a = g.getEdgeSource(e);
        int b = g.getEdgeTarget(e);
        return List.of(Math.min(a, b), Math.max(a, b));
    }

    // ---------------------------------------------------------------- measures

    /**
     * Betweenness of every actor of a scope (the subgraph it induces) against JGraphT's
     * unnormalised scores over Freeman's {@code (N − 1)(N − 2)/2}; and JGraphT's own normalisation
     * ({@code normalize = true}) is half of DESIGN.md's, as DESIGN.md says.
     */
    public Verdict betweenness(int[] scope, String name) {
        Tally tally = new Tally("betweenness (" + name + ") vs BetweennessCentrality");
        Measures ours = new BrandesLouvainMeasures().measure(network, scope);
        Graph<Integer, DefaultEdge> g = induced(scope);
        // Timed alone: the measures compute communities and the rest too.
        int[][] rows = rows(g, scope);
        tally.engine(() -> BrandesLouvainMeasures.betweenness(scope.length, rows[0], rows[1]));
        Map<Integer, Double> theirs = tally.jgrapht(() -> new BetweennessCentrality<>(g, false).getScores());
        int n = scope.length;
        double pairs = (n - 1) * (n - 2) / 2.0;
        for (int i = 0; i < n; i++) {
            double expected = n < 3 ? 0 : theirs.get(scope[i]) / pairs;
            double got = ours.betweenness()[i];
            int actor = scope[i];
            tally.check(
                    Math.abs(expected - got) <= EXACT,
                    () -> network.actorId(actor) + ": " + got + ", JGraphT " + expected);
        }
        if (n >= 3 && n <= 2_000) {
            Map<Integer, Double> normalised = new BetweennessCentrality<>(g, true).getScores();
            for (int i = 0; i < n; i++) {
                double half = normalised.get(scope[i]);
                double got = ours.betweenness()[i];
                int actor = scope[i];
                tally.check(
                        Math.abs(2 * half - got) <= EXACT,
                        () -> network.actorId(actor) + ": " + got + ", twice JGraphT's normalised " + 2 * half);
            }
        }
        return tally.verdict();
    }

    /**
     * The modularity the engine reports for its communities against JGraphT's measure of that
     * same partition. The times are the measure of the partition on each side.
     */
    public Verdict modularity(int[] scope, String name) {
        Tally tally = new Tally("modularity (" + name + ") vs UndirectedModularityMeasurer");
        Measures ours = new BrandesLouvainMeasures().measure(network, scope);
        Graph<Integer, DefaultEdge> g = induced(scope);
        if (g.edgeSet().isEmpty()) {
            tally.check(ours.modularity() == 0, () -> "no tie, modularity " + ours.modularity());
            return tally.verdict();
        }
        List<Set<Integer>> partition =
                ours.communities().stream().<Set<Integer>>map(HashSet::new).toList();
        // Timed: the engine's measure of its partition, as JGraphT's.
        Map<Integer, Integer> place = new HashMap<>();
        for (int i = 0; i < scope.length; i++) {
            place.put(scope[i], i);
        }
        int[] label = new int[scope.length];
        for (int c = 0; c < ours.communities().size(); c++) {
            for (int a : ours.communities().get(c)) {
                label[place.get(a)] = c;
            }
        }
        int[][] rows = rows(g, scope);
        tally.engine(() -> LouvainCommunities.modularity(scope.length, rows[0], rows[1], label));
        double measured = tally.jgrapht(() -> new UndirectedModularityMeasurer<>(g).modularity(partition));
        tally.check(
                Math.abs(measured - ours.modularity()) <= EXACT,
                () -> "modularity " + ours.modularity() + ", JGraphT's measure of the same partition " + measured);
        return tally.verdict();
    }

    /**
     * The Louvain partition's modularity at least that of JGraphT's greedy partition (Clauset,
     * Newman and Moore) less {@value #LOUVAIN_FLOOR}. The times are Louvain alone and the greedy
     * algorithm alone.
     */
    public Verdict louvainFloor(int[] scope, String name) {
        Tally tally = new Tally("Louvain (" + name + ") vs GreedyModularityAlgorithm");
        Graph<Integer, DefaultEdge> g = induced(scope);
        if (g.edgeSet().isEmpty()) {
            return tally.verdict();
        }
        int[][] rows = rows(g, scope);
        LouvainCommunities.Partition ours =
                tally.engine(() -> new LouvainCommunities().detect(scope.length, rows[0], rows[1]));
        List<Set<Integer>> greedy = tally.jgrapht(() -> greedy(g));
        double floor = new UndirectedModularityMeasurer<>(g).modularity(greedy);
        tally.check(
                ours.modularity() >= floor - LOUVAIN_FLOOR,
                () -> "Louvain's modularity " + ours.modularity() + " is below the greedy partition's " + floor);
        return tally.verdict();
    }

    /**
     * JGraphT's greedy partition. {@link GreedyModularityAlgorithm} 1.5.3 merges until one
     * community is left or no merge gains; on a graph of several components each merged whole with a
     * gain (two disjoint triangles) its heap runs empty first and it throws jheaps'
     * {@code NoSuchElementException}. The partition it has then reached is the connected components,
     * so that is its answer.
     */
    private static List<Set<Integer>> greedy(Graph<Integer, DefaultEdge> g) {
        try {
            return new GreedyModularityAlgorithm<>(g).getClustering().getClusters();
        } catch (java.util.NoSuchElementException e) {
            return new org.jgrapht.alg.connectivity.ConnectivityInspector<>(g).connectedSets();
        }
    }

    /** The induced graph of a scope as the engine's rows: actors numbered by their place in the scope. */
    private int[][] rows(Graph<Integer, DefaultEdge> g, int[] scope) {
        Map<Integer, Integer> local = new HashMap<>();
        for (int i = 0; i < scope.length; i++) {
            local.put(scope[i], i);
        }
        int[] start = new int[scope.length + 1];
        for (int i = 0; i < scope.length; i++) {
            start[i + 1] = start[i] + g.degreeOf(scope[i]);
        }
        int[] adj = new int[start[scope.length]];
        for (int i = 0; i < scope.length; i++) {
            int k = start[i];
            for (DefaultEdge e : g.edgesOf(scope[i])) {
                int other = g.getEdgeSource(e) == scope[i] ? g.getEdgeTarget(e) : g.getEdgeSource(e);
                adj[k++] = local.get(other);
            }
            Arrays.sort(adj, start[i], k);
        }
        return new int[][] {start, adj};
    }

    private Graph<Integer, DefaultEdge> induced(int[] scope) {
        if (scope.length == network.actorCount()) {
            return ties;
        }
        boolean[] in = new boolean[network.actorCount()];
        Arrays.stream(scope).forEach(a -> in[a] = true);
        return new MaskSubgraph<>(ties, a -> !in[a], e -> false);
    }

    // ---------------------------------------------------------------- synergies

    /**
     * For each cooperative asked about, every other cooperative not tied to it: when they have
     * common tie neighbours (Adamic–Adar above 0) it must be suggested with a COMMON_PARTNERS reason
     * of that value; when not, a suggestion of it must carry no such reason. The times are the
     * engine's suggestions (all parts of the score: not comparable) and JGraphT's index for the
     * same pairs.
     */
    public Verdict synergyCloseness(int[] cooperatives) {
        Tally tally = new Tally("synergy closeness vs AdamicAdarIndexLinkPrediction");
        ComplementaritySynergies synergies = new ComplementaritySynergies(network);
        AdamicAdarIndexLinkPrediction<Integer, DefaultEdge> adamicAdar = new AdamicAdarIndexLinkPrediction<>(ties);
        int n = network.actorCount();
        for (int a : cooperatives) {
            List<Suggestion> suggested = tally.engine(() -> synergies.suggestions(a, n));
            Map<Integer, Double> closeness = new HashMap<>();
            for (Suggestion s : suggested) {
                closeness.put(
                        s.cooperative(),
                        s.reasons().stream()
                                .filter(r -> r.kind().equals(ComplementaritySynergies.COMMON_PARTNERS))
                                .mapToDouble(Reason::value)
                                .sum());
            }
            for (int b = 0; b < n; b++) {
                if (b == a || !network.isCooperative(b) || ties.containsEdge(a, b)) {
                    continue;
                }
                int other = b;
                double expected = tally.jgrapht(() -> adamicAdar.predict(a, other));
                if (expected == 0 && !closeness.containsKey(b)) {
                    continue;
                }
                double got = closeness.getOrDefault(b, Double.NaN);
                tally.check(
                        Math.abs(expected - got) <= EXACT,
                        () -> network.actorId(a) + " with " + network.actorId(other) + ": closeness " + got
                                + ", Adamic–Adar " + expected);
            }
        }
        return tally.verdict();
    }

    // ---------------------------------------------------------------- all at once

    /**
     * Every oracle once, on samples drawn from the seed: {@code pairs} connection-path queries
     * (k = 5), {@code removals} what-ifs, {@code cooperatives} cooperatives' synergies; betweenness
     * and modularity of the whole tie graph and of the actors based in the district with most of
     * them (the whole network's betweenness only when {@code wholeBetweenness}: at scale M JGraphT
     * takes about a minute for it).
     */
    public List<Verdict> all(long seed, int pairs, int removals, int cooperatives, boolean wholeBetweenness) {
        Random random = new Random(seed);
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(fragility());
        verdicts.add(whatIfCutPoints(sampleRemovals(random, removals)));
        verdicts.add(connectionPaths(samplePairs(random, pairs), 5));
        int[] all = java.util.stream.IntStream.range(0, network.actorCount()).toArray();
        if (wholeBetweenness) {
            verdicts.add(betweenness(all, "whole network"));
        }
        verdicts.add(modularity(all, "whole network"));
        verdicts.add(louvainFloor(all, "whole network"));
        int territory = largestScope();
        if (territory >= 0) {
            int[] scope = NetworkMeasures.basedIn(network, territory);
            verdicts.add(betweenness(scope, network.territoryId(territory)));
            verdicts.add(modularity(scope, network.territoryId(territory)));
            verdicts.add(louvainFloor(scope, network.territoryId(territory)));
        }
        verdicts.add(synergyCloseness(sampleCooperatives(random, cooperatives)));
        return verdicts;
    }

    /**
     * Pairs of actors, half drawn at random and half from one actor's neighbourhood (a random
     * walk of up to six ties), so that most pairs are connected and many by several paths.
     */
    public int[][] samplePairs(Random random, int count) {
        int n = network.actorCount();
        int[][] pairs = new int[n < 2 ? 0 : count][];
        for (int i = 0; i < pairs.length; i++) {
            int from = random.nextInt(n);
            int to = random.nextInt(n);
            if (i % 2 == 0) {
                to = from;
                for (int step = 1 + random.nextInt(6); step > 0; step--) {
                    int degree = network.tieGraph().degree(to);
                    if (degree == 0) {
                        break;
                    }
                    to = network.tieGraph().target(network.tieGraph().edgeStart(to) + random.nextInt(degree));
                }
            }
            pairs[i] = new int[] {from, to};
        }
        return pairs;
    }

    private int[] sampleCooperatives(Random random, int count) {
        List<Integer> coops = new ArrayList<>();
        for (int a = 0; a < network.actorCount(); a++) {
            if (network.isCooperative(a)) {
                coops.add(a);
            }
        }
        java.util.Collections.shuffle(coops, random);
        return coops.stream().limit(count).mapToInt(Integer::intValue).toArray();
    }

    /** The district whose scope has the most actors; -1 when there is none with an actor. */
    private int largestScope() {
        int best = -1;
        int size = 0;
        for (int t : network.territoriesOfLevel("DISTRICT")) {
            int s = NetworkMeasures.basedIn(network, t).length;
            if (s > size && s < network.actorCount()) {
                best = t;
                size = s;
            }
        }
        return best;
    }
}
