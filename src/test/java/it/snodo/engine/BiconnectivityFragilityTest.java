package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.engine.FragilityAnalysis.Fragility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

/**
 * {@link BiconnectivityFragility} on small hand-built tie graphs whose articulation points,
 * bridges, components and isolated actors are read off by hand, with the removals of "what if",
 * against JGraphT's {@link BiconnectivityInspector} and {@link ConnectivityInspector} on seeded
 * random graphs, on a chain too deep for a recursive search, and on the worked example of
 * shared/examples.
 */
class BiconnectivityFragilityTest {

    private final FragilityAnalysis analysis = new BiconnectivityFragility();

    /** A network of the given actors (cooperatives of type A, based nowhere), with no tie yet. */
    private static Network.Builder actors(String... ids) {
        Network.Builder b = Network.builder(1);
        for (String id : ids) {
            b.cooperative(id, id, "A", null);
        }
        return b;
    }

    private static List<String> ids(Network n, List<Integer> actors) {
        return actors.stream().map(n::actorId).toList();
    }

    private static List<List<String>> bridges(Network n, Fragility f) {
        return f.bridges().stream()
                .map(p -> List.of(n.actorId(p[0]), n.actorId(p[1])))
                .toList();
    }

    private static List<List<String>> components(Network n, Fragility f) {
        return f.components().stream().map(c -> ids(n, c)).toList();
    }

    @Test
    void everyEdgeOfAPathIsABridgeAndItsInnerActorsAreCutPoints() {
        // a - b - c - d: removing b or c splits it, and so does removing any edge.
        Network n = actors("a", "b", "c", "d")
                .tie("a", "b", "COLLABORATION", 1.0)
                .tie("c", "b", "COLLABORATION", 1.0)
                .tie("c", "d", "CONTRACT", 0.5)
                .build();

        Fragility f = analysis.analyze(n);

        assertThat(ids(n, f.articulationPoints())).containsExactly("b", "c");
        assertThat(bridges(n, f)).containsExactly(List.of("a", "b"), List.of("b", "c"), List.of("c", "d"));
        assertThat(components(n, f)).containsExactly(List.of("a", "b", "c", "d"));
        assertThat(f.isolated()).isEmpty();
    }

    @Test
    void twoTrianglesJoinedByOneEdgeHaveThatEdgeAsTheOnlyBridge() {
        // a, b, c and d, e, f are triangles; c - d joins them. No edge of a triangle is a bridge
        // (the other two sides go around it), and only c and d split the graph when removed.
        Network n = actors("a", "b", "c", "d", "e", "f")
                .tie("a", "b", "COLLABORATION", 1.0)
                .tie("b", "c", "COLLABORATION", 1.0)
                .tie("c", "a", "COLLABORATION", 1.0)
                .tie("d", "e", "COLLABORATION", 1.0)
                .tie("e", "f", "COLLABORATION", 1.0)
                .tie("f", "d", "COLLABORATION", 1.0)
                .tie("d", "c", "JOINT_TENDER", 0.2)
                .build();

        Fragility f = analysis.analyze(n);

        assertThat(ids(n, f.articulationPoints())).containsExactly("c", "d");
        assertThat(bridges(n, f)).containsExactly(List.of("c", "d"));
        assertThat(components(n, f)).containsExactly(List.of("a", "b", "c", "d", "e", "f"));
        assertThat(f.isolated()).isEmpty();
    }

    @Test
    void anActorWithoutTiesIsIsolatedAndInNoComponent() {
        Network n = actors("a", "b", "lonely", "x", "y")
                .tie("a", "b", "COLLABORATION", 1.0)
                .tie("x", "y", "CONTRACT", null)
                .build();

        Fragility f = analysis.analyze(n);

        assertThat(f.articulationPoints()).isEmpty();
        assertThat(bridges(n, f)).containsExactly(List.of("a", "b"), List.of("x", "y"));
        assertThat(components(n, f)).containsExactly(List.of("a", "b"), List.of("x", "y"));
        assertThat(ids(n, f.isolated())).containsExactly("lonely");
    }

    @Test
    void aNetworkWithoutTiesHasOnlyIsolatedActors() {
        Network n = actors("b", "a", "c").build();

        Fragility f = analysis.analyze(n);

        assertThat(f.articulationPoints()).isEmpty();
        assertThat(f.bridges()).isEmpty();
        assertThat(f.components()).isEmpty();
        assertThat(ids(n, f.isolated())).containsExactly("a", "b", "c");
        assertThat(analysis.analyze(Network.builder(1).build()))
                .satisfies(empty -> assertThat(empty.isolated()).isEmpty());
    }

    @Test
    void severalTiesBetweenOnePairAreOneEdge() {
        // a = b (three ties, two kinds, both directions) is still one edge, so still a bridge;
        // b - c - d - b is a triangle whose doubled side b = c does not make it any less one.
        Network n = actors("a", "b", "c", "d")
                .tie("a", "b", "COLLABORATION", 1.0)
                .tie("b", "a", "CONTRACT", 0.3)
                .tie("a", "b", "COLLABORATION", 0.1)
                .tie("b", "c", "COLLABORATION", 1.0)
                .tie("c", "b", "REFERRAL", 1.0)
                .tie("c", "d", "COLLABORATION", 1.0)
                .tie("d", "b", "COLLABORATION", 1.0)
                .build();

        Fragility f = analysis.analyze(n);

        assertThat(n.tiedPairCount()).isEqualTo(4);
        assertThat(ids(n, f.articulationPoints())).containsExactly("b");
        assertThat(bridges(n, f)).containsExactly(List.of("a", "b"));
        assertThat(components(n, f)).containsExactly(List.of("a", "b", "c", "d"));
    }

    @Test
    void removedActorsAndTiesAreLeftOut() {
        // The cycle a - b - c - d - e - a has no weak point; without the tie a - b it is the path
        // b - c - d - e - a, and without c as well, the path d - e - a and b alone.
        Network n = actors("a", "b", "c", "d", "e")
                .tie("a", "b", "COLLABORATION", 1.0)
                .tie("b", "c", "COLLABORATION", 1.0)
                .tie("c", "d", "COLLABORATION", 1.0)
                .tie("d", "e", "COLLABORATION", 1.0)
                .tie("e", "a", "COLLABORATION", 1.0)
                .build();
        boolean[] none = new boolean[n.actorCount()];
        boolean[] withoutC = new boolean[n.actorCount()];
        withoutC[n.actor("c")] = true;
        List<int[]> cutAB = List.<int[]>of(new int[] {n.actor("b"), n.actor("a")});

        Fragility whole = analysis.analyze(n);
        Fragility noTie = analysis.analyze(n, none, cutAB);
        Fragility noTieNoC = analysis.analyze(n, withoutC, cutAB);
        Fragility noC = analysis.analyze(n, withoutC, List.of());

        assertThat(whole.articulationPoints()).isEmpty();
        assertThat(whole.bridges()).isEmpty();
        assertThat(ids(n, noTie.articulationPoints())).containsExactly("c", "d", "e");
        assertThat(bridges(n, noTie))
                .containsExactly(List.of("a", "e"), List.of("b", "c"), List.of("c", "d"), List.of("d", "e"));
        assertThat(ids(n, noTieNoC.articulationPoints())).containsExactly("e");
        assertThat(components(n, noTieNoC)).containsExactly(List.of("a", "d", "e"));
        assertThat(ids(n, noTieNoC.isolated())).containsExactly("b");
        assertThat(ids(n, noC.articulationPoints())).containsExactly("a", "e");
        assertThat(components(n, noC)).containsExactly(List.of("a", "b", "d", "e"));
        assertThat(noC.isolated()).isEmpty();
        // Removing a pair that is not tied removes nothing.
        assertThat(analysis.analyze(n, none, List.<int[]>of(new int[] {n.actor("a"), n.actor("c")}))
                        .bridges())
                .isEmpty();
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        // A recursive depth-first search would go 20 000 frames deep here.
        int size = 20_000;
        String[] id = new String[size];
        Network.Builder b = Network.builder(1);
        for (int i = 0; i < size; i++) {
            id[i] = "c" + (100_000 + i);
            b.cooperative(id[i], id[i], "A", null);
        }
        for (int i = 1; i < size; i++) {
            b.tie(id[i - 1], id[i], "COLLABORATION", 1.0);
        }
        Network n = b.build();

        Fragility f = analysis.analyze(n);

        assertThat(f.articulationPoints()).hasSize(size - 2).startsWith(1, 2).endsWith(size - 2);
        assertThat(f.bridges()).hasSize(size - 1);
        assertThat(f.bridges().get(size - 2)).containsExactly(size - 2, size - 1);
        assertThat(f.components()).hasSize(1);
    }

    @Test
    void theAnswerIsJGraphTsOnRandomGraphsWithRemovals() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(40);
            double p = random.nextDouble() * 0.15;
            Network.Builder b = Network.builder(1);
            for (int i = 0; i < size; i++) {
                b.cooperative(String.format("a%03d", i), "a" + i, "A", null);
            }
            List<int[]> ties = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    if (random.nextDouble() < p) {
                        ties.add(new int[] {i, j});
                        b.tie(String.format("a%03d", j), String.format("a%03d", i), "COLLABORATION", 1.0);
                        if (random.nextInt(4) == 0) {
                            b.tie(String.format("a%03d", i), String.format("a%03d", j), "CONTRACT", 0.5);
                        }
                    }
                }
            }
            Network n = b.build();
            boolean[] removed = new boolean[size];
            List<int[]> removedTies = new ArrayList<>();
            if (round % 2 == 1) {
                for (int i = 0; i < size; i++) {
                    removed[i] = random.nextInt(8) == 0;
                }
                for (int x = random.nextInt(4); x > 0; x--) {
                    removedTies.add(new int[] {random.nextInt(size), random.nextInt(size)});
                }
                if (!ties.isEmpty()) {
                    int[] tie = ties.get(random.nextInt(ties.size()));
                    removedTies.add(new int[] {tie[1], tie[0]});
                }
            }

            Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
            for (int i = 0; i < size; i++) {
                if (!removed[i]) {
                    g.addVertex(i);
                }
            }
            for (int[] tie : ties) {
                boolean gone = removedTies.stream()
                        .anyMatch(r -> Math.min(r[0], r[1]) == tie[0] && Math.max(r[0], r[1]) == tie[1]);
                if (!removed[tie[0]] && !removed[tie[1]] && !gone) {
                    g.addEdge(tie[0], tie[1]);
                }
            }
            BiconnectivityInspector<Integer, DefaultEdge> inspector = new BiconnectivityInspector<>(g);
            List<List<Integer>> expectedBridges = inspector.getBridges().stream()
                    .map(e -> List.of(
                            Math.min(g.getEdgeSource(e), g.getEdgeTarget(e)),
                            Math.max(g.getEdgeSource(e), g.getEdgeTarget(e))))
                    .sorted(Comparator.<List<Integer>>comparingInt(e -> e.get(0))
                            .thenComparingInt(e -> e.get(1)))
                    .toList();
            List<List<Integer>> expectedComponents = new ConnectivityInspector<>(g)
                    .connectedSets().stream()
                            .filter(c -> c.size() >= 2)
                            .map(c -> c.stream().sorted().toList())
                            .sorted(Comparator.comparingInt(c -> c.get(0)))
                            .toList();

            Fragility f = analysis.analyze(n, removed, removedTies);

            String where = "round " + round;
            assertThat(f.articulationPoints())
                    .as(where)
                    .isEqualTo(inspector.getCutpoints().stream().sorted().toList());
            assertThat(f.bridges().stream().map(x -> List.of(x[0], x[1])).toList())
                    .as(where)
                    .isEqualTo(expectedBridges);
            assertThat(f.components()).as(where).isEqualTo(expectedComponents);
            assertThat(f.isolated())
                    .as(where)
                    .isEqualTo(g.vertexSet().stream()
                            .filter(v -> g.degreeOf(v) == 0)
                            .sorted()
                            .toList());
        }
    }

    @Test
    void badRemovalsAreRefused() {
        Network n = actors("a", "b").tie("a", "b", "COLLABORATION", 1.0).build();

        assertThatThrownBy(() -> analysis.analyze(n, new boolean[1], List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analysis.analyze(n, new boolean[2], List.<int[]>of(new int[] {0, 2})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analysis.analyze(n, new boolean[2], List.<int[]>of(new int[] {0})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWorkedExampleHasTheExpectedFragility() {
        Network n = ExampleNetwork.load();
        JsonNode expected = ExampleNetwork.expected().get("fragility");

        Fragility f = analysis.analyze(n);

        assertThat(ids(n, f.articulationPoints())).isEqualTo(strings(expected.get("articulationPoints")));
        List<List<String>> bridges = new ArrayList<>();
        expected.get("bridges").forEach(p -> bridges.add(strings(p)));
        assertThat(bridges(n, f)).isEqualTo(bridges);
        List<List<String>> components = new ArrayList<>();
        expected.get("components").forEach(c -> components.add(strings(c)));
        assertThat(components(n, f)).isEqualTo(components);
        assertThat(ids(n, f.isolated())).isEqualTo(strings(expected.get("isolated")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
