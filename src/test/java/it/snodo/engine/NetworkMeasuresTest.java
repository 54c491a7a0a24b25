package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.engine.NetworkMeasures.Measures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

/**
 * {@link BrandesLouvainMeasures} on small hand-built tie graphs whose measures are worked out by
 * hand from docs/design.md's definitions (the arithmetic in the comments), on a territory's scope,
 * and on the worked example of shared/examples.
 */
class NetworkMeasuresTest {

    private static final double EXACT = 1e-9;

    private final NetworkMeasures measures = new BrandesLouvainMeasures();

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

    @Test
    void aStarIsFullyCentralised() {
        // centre c, leaves l1..l4: N = 5, E = 4.
        Network n = actors("c", "l1", "l2", "l3", "l4")
                .tie("c", "l1", "COLLABORATION", 1.0)
                .tie("c", "l2", "COLLABORATION", 1.0)
                .tie("l3", "c", "COLLABORATION", 1.0)
                .tie("l4", "c", "COLLABORATION", 1.0)
                .build();

        Measures m = measures.measure(n);

        assertThat(m.actors()).isEqualTo(5);
        assertThat(m.ties()).isEqualTo(4);
        // 2E / (N(N - 1)) = 8 / 20
        assertEquals(2.0 * 4 / (5 * 4), m.density(), EXACT);
        assertThat(m.components()).isEqualTo(1);
        // max degree 4: Σ(4 - degree) = 0 + 4·3 = 12, over (N - 1)(N - 2) = 12
        assertEquals(1.0, m.degreeCentralization(), EXACT);
        // the centre is on the one shortest path of all C(4, 2) = 6 pairs of leaves, and
        // (N - 1)(N - 2)/2 = 6; a leaf is on none
        assertEquals(1.0, m.betweenness()[n.actor("c")], EXACT);
        for (String leaf : List.of("l1", "l2", "l3", "l4")) {
            assertEquals(0.0, m.betweenness()[n.actor(leaf)], EXACT);
        }
        assertThat(ids(n, m.brokers())).containsExactly("c");
        assertEquals(1.0, m.multiplexity(), EXACT);
        assertThat(m.multiplexityCounts()).isEqualTo(Map.of(1, 4));
    }

    @Test
    void aPathOfFourHasTwoEqualBrokers() {
        // a - b - c - d. Unordered pairs with a shortest path through an inner actor:
        //   (a, c) via b; (a, d) via b and c; (b, d) via c; (a, b), (b, c), (c, d) via nobody.
        // So b lies on 2 pairs and c on 2, out of (N - 1)(N - 2)/2 = 3·2/2 = 3: 2/3 each.
        Network n = actors("a", "b", "c", "d")
                .tie("a", "b", "COLLABORATION", 1.0)
                .tie("b", "c", "COLLABORATION", 1.0)
                .tie("c", "d", "COLLABORATION", 1.0)
                .build();

        Measures m = measures.measure(n);

        assertEquals(0.0, m.betweenness()[n.actor("a")], EXACT);
        assertEquals(2.0 / 3, m.betweenness()[n.actor("b")], EXACT);
        assertEquals(2.0 / 3, m.betweenness()[n.actor("c")], EXACT);
        assertEquals(0.0, m.betweenness()[n.actor("d")], EXACT);
        assertThat(ids(n, m.brokers())).containsExactly("b", "c");
        // 2·3 / (4·3) = 1/2
        assertEquals(0.5, m.density(), EXACT);
        // max degree 2: Σ(2 - degree) = 1 + 0 + 0 + 1 = 2, over 3·2 = 6
        assertEquals(2.0 / 6, m.degreeCentralization(), EXACT);
    }

    @Test
    void twoTrianglesJoinedByAnEdgeAreTwoCommunities() {
        // a, b, c and d, e, f are triangles, c - d joins them: N = 6, m = E = 7.
        Network n = actors("a", "b", "c", "d", "e", "f")
                .tie("a", "b", "COLLABORATION", 1.0)
                .tie("b", "c", "COLLABORATION", 1.0)
                .tie("c", "a", "COLLABORATION", 1.0)
                .tie("d", "e", "COLLABORATION", 1.0)
                .tie("e", "f", "COLLABORATION", 1.0)
                .tie("f", "d", "COLLABORATION", 1.0)
                .tie("c", "d", "CONTRACT", 1.0)
                .build();

        Measures m = measures.measure(n);

        assertThat(m.communities().stream().map(c -> ids(n, c)).toList())
                .containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f"));
        // each triangle: L_c = 3, d_c = 2 + 2 + 3 = 7, so Q = 2·(3/7 - (7/14)²) = 6/7 - 1/2
        assertEquals(6.0 / 7 - 0.5, m.modularity(), EXACT);
        // 2·7 / (6·5) = 14/30
        assertEquals(14.0 / 30, m.density(), EXACT);
        // max degree 3: Σ(3 - degree) = 1 + 1 + 0 + 0 + 1 + 1 = 4, over 5·4 = 20
        assertEquals(4.0 / 20, m.degreeCentralization(), EXACT);
        // c is on the one shortest path of the 2·3 = 6 pairs {a, b} × {d, e, f}, over 5·4/2 = 10
        assertEquals(0.6, m.betweenness()[n.actor("c")], EXACT);
        assertEquals(0.6, m.betweenness()[n.actor("d")], EXACT);
        assertEquals(0.0, m.betweenness()[n.actor("a")], EXACT);
        assertThat(ids(n, m.brokers())).containsExactly("c", "d");
    }

    @Test
    void multiplexityCountsTheKindsOfEachPair() {
        // a = b by COLLABORATION and CONTRACT (2 kinds), b = c by COLLABORATION twice (1 kind),
        // c - d by REFERRAL (1 kind): E = 3 pairs, mean (2 + 1 + 1)/3 = 4/3.
        Network n = actors("a", "b", "c", "d")
                .tie("a", "b", "COLLABORATION", 1.0)
                .tie("b", "a", "CONTRACT", 0.5)
                .tie("b", "c", "COLLABORATION", 1.0)
                .tie("c", "b", "COLLABORATION", 0.2)
                .tie("c", "d", "REFERRAL", 0.7)
                .build();

        Measures m = measures.measure(n);

        assertThat(m.ties()).isEqualTo(3);
        assertEquals(4.0 / 3, m.multiplexity(), EXACT);
        assertThat(m.multiplexityCounts()).containsExactly(Map.entry(1, 2), Map.entry(2, 1));
        // The parallel ties are one edge: this is the path a - b - c - d.
        assertEquals(2.0 / 3, m.betweenness()[n.actor("b")], EXACT);
    }

    @Test
    void aNetworkWithoutTiesMeasuresZeroEverywhere() {
        Network n = actors("a", "b", "c").build();

        Measures m = measures.measure(n);

        assertThat(m.actors()).isEqualTo(3);
        assertThat(m.ties()).isZero();
        assertEquals(0.0, m.density(), EXACT);
        assertThat(m.components()).isEqualTo(3);
        assertEquals(0.0, m.degreeCentralization(), EXACT);
        assertThat(m.betweenness()).containsExactly(0.0, 0.0, 0.0);
        assertThat(m.brokers()).isEmpty();
        assertThat(m.communities()).containsExactly(List.of(0), List.of(1), List.of(2));
        assertEquals(0.0, m.modularity(), EXACT);
        assertEquals(0.0, m.multiplexity(), EXACT);
        assertThat(m.multiplexityCounts()).isEmpty();
    }

    @Test
    void tinyNetworksHaveTheDefinedZeros() {
        Network none = actors().build();
        Network one = actors("a").build();
        Network two = actors("a", "b").tie("a", "b", "COLLABORATION", 1.0).build();

        Measures m0 = measures.measure(none);
        Measures m1 = measures.measure(one);
        Measures m2 = measures.measure(two);

        assertThat(m0.actors()).isZero();
        assertThat(m0.components()).isZero();
        assertEquals(0.0, m0.density(), EXACT);
        assertEquals(0.0, m1.density(), EXACT);
        assertThat(m1.components()).isEqualTo(1);
        // N = 2: density 2·1/(2·1) = 1; centralization (N < 3) and betweenness are 0.
        assertEquals(1.0, m2.density(), EXACT);
        assertEquals(0.0, m2.degreeCentralization(), EXACT);
        assertThat(m2.betweenness()).containsExactly(0.0, 0.0);
        assertThat(m2.communities()).containsExactly(List.of(0, 1));
        // one community holding the only edge: 1/1 - (2/2)² = 0
        assertEquals(0.0, m2.modularity(), EXACT);
    }

    @Test
    void atMostTenBrokersRankedByBetweennessThenIndex() {
        // A path p00 - p01 - ... - p13 (N = 14): p_i lies on i·(13 - i) pairs, so p06 and p07
        // (42) rank first, then p05 and p08 (40), p04 and p09 (36), p03 and p10 (30), p02 and
        // p11 (22); p01 and p12 (12) are left out.
        Network.Builder b = Network.builder(1);
        for (int i = 0; i < 14; i++) {
            b.cooperative(String.format("p%02d", i), "p" + i, "A", null);
        }
        for (int i = 1; i < 14; i++) {
            b.tie(String.format("p%02d", i - 1), String.format("p%02d", i), "COLLABORATION", 1.0);
        }
        Network n = b.build();

        Measures m = measures.measure(n);

        assertThat(ids(n, m.brokers()))
                .containsExactly("p06", "p07", "p05", "p08", "p04", "p09", "p03", "p10", "p02", "p11");
        // over (N - 1)(N - 2)/2 = 13·12/2 = 78
        assertEquals(42.0 / 78, m.betweenness()[n.actor("p06")], EXACT);
        assertEquals(12.0 / 78, m.betweenness()[n.actor("p12")], EXACT);
    }

    @Test
    void aTerritoryMeasuresTheSubgraphItsActorsInduce() {
        // p and s in Rho, q in Arese, all three in the district; r in Milano, outside it.
        // Ties p - r - q and p - s: within the district only p - s remains, and q is alone.
        Network n = Network.builder(1)
                .territory("D", "Distretto", "DISTRICT", null, null, null)
                .territory("rho", "Rho", "MUNICIPALITY", "D", 45.53, 9.04)
                .territory("arese", "Arese", "MUNICIPALITY", "D", 45.55, 9.08)
                .territory("milano", "Milano", "MUNICIPALITY", null, 45.46, 9.19)
                .cooperative("p", "p", "A", "rho")
                .cooperative("q", "q", "A", "arese")
                .partner("r", "r", "SCHOOL", "milano")
                .partner("s", "s", "SCHOOL", "rho")
                .partner("z", "z", "SCHOOL", null)
                .tie("p", "r", "COLLABORATION", 1.0)
                .tie("r", "q", "COLLABORATION", 1.0)
                .tie("p", "s", "CONTRACT", 1.0)
                .build();

        int[] scope = NetworkMeasures.basedIn(n, n.territory("D"));
        Measures m = measures.measure(n, scope);

        assertThat(scope).containsExactly(n.actor("p"), n.actor("q"), n.actor("s"));
        assertThat(m.actors()).isEqualTo(3);
        assertThat(m.ties()).isEqualTo(1);
        // 2·1 / (3·2) = 1/3
        assertEquals(1.0 / 3, m.density(), EXACT);
        assertThat(m.components()).isEqualTo(2);
        // max degree 1: Σ(1 - degree) = 0 + 1 + 0 = 1, over 2·1 = 2
        assertEquals(0.5, m.degreeCentralization(), EXACT);
        // r would broker p and q in the whole network, but is not in the scope
        assertThat(m.betweenness()).containsExactly(0.0, 0.0, 0.0);
        assertThat(m.communities().stream().map(c -> ids(n, c)).toList())
                .containsExactly(List.of("p", "s"), List.of("q"));
        assertThat(NetworkMeasures.basedIn(n, n.territory("rho"))).containsExactly(n.actor("p"), n.actor("s"));
        // In the whole network (N = 5, z alone) r is on (p, q) and (s, q): 2 of 4·3/2 = 6 pairs.
        assertEquals(2.0 / 6, measures.measure(n).betweenness()[n.actor("r")], EXACT);
    }

    @Test
    void aScopeMustBeStrictlyAscendingActors() {
        Network n = actors("a", "b", "c").build();

        assertThatThrownBy(() -> measures.measure(n, new int[] {1, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> measures.measure(n, new int[] {1, 1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> measures.measure(n, new int[] {3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetworkMeasures.basedIn(n, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void betweennessIsJGraphTsUnnormalisedScoreOverFreemansPairs() {
        // JGraphT's unnormalised scores on an undirected graph count each unordered pair once
        // (its own normalisation then divides by (N - 1)(N - 2), half of Freeman's), so ours must
        // be its score over (N - 1)(N - 2)/2.
        Random random = new Random(20240517);
        for (int round = 0; round < 20; round++) {
            int size = 3 + random.nextInt(30);
            Network.Builder b = Network.builder(1);
            Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
            for (int i = 0; i < size; i++) {
                b.cooperative(String.format("a%03d", i), "a" + i, "A", null);
                g.addVertex(i);
            }
            double p = random.nextDouble() * 0.3;
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    if (random.nextDouble() < p) {
                        b.tie(String.format("a%03d", i), String.format("a%03d", j), "COLLABORATION", 1.0);
                        g.addEdge(i, j);
                    }
                }
            }
            Measures m = measures.measure(b.build());
            Map<Integer, Double> jgrapht = new BetweennessCentrality<>(g, false).getScores();
            double pairs = (size - 1) * (size - 2) / 2.0;
            for (int i = 0; i < size; i++) {
                assertEquals(jgrapht.get(i) / pairs, m.betweenness()[i], EXACT, "round " + round + ", actor " + i);
            }
        }
    }

    @Test
    void theWorkedExampleHasTheExpectedMeasures() {
        Network n = ExampleNetwork.load();
        JsonNode expected = ExampleNetwork.expected().get("measures");

        Measures m = measures.measure(n);

        assertThat(m.actors()).isEqualTo(expected.get("actors").asInt());
        assertThat(m.ties()).isEqualTo(expected.get("ties").asInt());
        assertEquals(expected.get("density").asDouble(), m.density(), 1e-6);
        assertThat(m.components()).isEqualTo(expected.get("components").asInt());
        assertEquals(expected.get("degreeCentralization").asDouble(), m.degreeCentralization(), 1e-6);
        List<String> seen = new ArrayList<>();
        expected.get("betweenness").properties().forEach(e -> {
            seen.add(e.getKey());
            assertEquals(e.getValue().asDouble(), m.betweenness()[n.actor(e.getKey())], 1e-6, e.getKey());
        });
        assertThat(seen).hasSize(n.actorCount());
        // The partition is the one whose modularity is reported, and covers every actor once.
        int[] label = new int[n.actorCount()];
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < m.communities().size(); c++) {
            for (int a : m.communities().get(c)) {
                label[a] = c;
                all.add(a);
            }
        }
        assertThat(all)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, n.actorCount())
                        .boxed()
                        .toList());
        TieGraph ties = n.tieGraph();
        int[] start = java.util.stream.IntStream.rangeClosed(0, n.actorCount())
                .map(a -> a < n.actorCount() ? ties.edgeStart(a) : ties.edgeCount())
                .toArray();
        int[] adj = java.util.stream.IntStream.range(0, ties.edgeCount())
                .map(ties::target)
                .toArray();
        assertEquals(LouvainCommunities.modularity(n.actorCount(), start, adj, label), m.modularity(), EXACT);
        assertThat(ids(n, m.brokers())).startsWith("ex-coop-007", "ex-partner-003");
    }
}
