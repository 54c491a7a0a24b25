package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.snodo.engine.LouvainCommunities.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LouvainCommunities} on graphs whose communities are plain to see, with modularities
 * worked out by hand, and on random graphs for what must hold of any answer: the same answer
 * every time, a partition of every node, and the modularity of that very partition.
 */
class LouvainCommunitiesTest {

    private static final double EXACT = 1e-9;

    private final LouvainCommunities louvain = new LouvainCommunities();

    /** An undirected simple graph in compressed sparse rows: {start, adj}. */
    private static int[][] csr(int n, List<int[]> edges) {
        int[] start = new int[n + 1];
        for (int[] e : edges) {
            start[e[0] + 1]++;
            start[e[1] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] adj = new int[start[n]];
        int[] fill = start.clone();
        for (int[] e : edges) {
            adj[fill[e[0]]++] = e[1];
            adj[fill[e[1]]++] = e[0];
        }
        return new int[][] {start, adj};
    }

    /** Cliques of the given size on consecutive nodes, the last node of each tied to the first of the next. */
    private static List<int[]> chainedCliques(int cliques, int size, boolean ring) {
        List<int[]> edges = new ArrayList<>();
        for (int c = 0; c < cliques; c++) {
            int first = c * size;
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    edges.add(new int[] {first + i, first + j});
                }
            }
            if (c + 1 < cliques) {
                edges.add(new int[] {first + size - 1, first + size});
            } else if (ring && cliques > 2) {
                edges.add(new int[] {first + size - 1, 0});
            }
        }
        return edges;
    }

    private static List<int[]> randomEdges(Random random, int n, double p) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (random.nextDouble() < p) {
                    edges.add(random.nextBoolean() ? new int[] {i, j} : new int[] {j, i});
                }
            }
        }
        return edges;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> nodes = new ArrayList<>();
        for (int i = from; i < to; i++) {
            nodes.add(i);
        }
        return nodes;
    }

    @Test
    void twoCliquesOfFiveJoinedByOneEdgeAreTheTwoCommunities() {
        int[][] g = csr(10, chainedCliques(2, 5, false));

        Partition p = louvain.detect(10, g[0], g[1]);

        assertThat(p.communities()).containsExactly(range(0, 5), range(5, 10));
        assertThat(p.community()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
        // m = 10 + 10 + 1 = 21; each clique L_c = 10, d_c = 2·10 + 1 = 21:
        // Q = 2·(10/21 - (21/42)²) = 20/21 - 1/2
        assertEquals(20.0 / 21 - 0.5, p.modularity(), EXACT);
    }

    @Test
    void aRingOfSixCliquesOfFourIsTheSixCliques() {
        // m = 6·6 + 6 = 42; each clique L_c = 6, d_c = 2·6 + 2 = 14:
        // Q = 6·(6/42 - (14/84)²) = 6/7 - 1/6
        int[][] g = csr(24, chainedCliques(6, 4, true));

        Partition p = louvain.detect(24, g[0], g[1]);

        assertThat(p.communities())
                .containsExactly(range(0, 4), range(4, 8), range(8, 12), range(12, 16), range(16, 20), range(20, 24));
        assertEquals(6.0 / 7 - 1.0 / 6, p.modularity(), EXACT);
    }

    @Test
    void anEdgelessGraphIsSingletonsOfModularityZero() {
        int[][] g = csr(4, List.of());

        Partition p = louvain.detect(4, g[0], g[1]);

        assertThat(p.communities()).containsExactly(List.of(0), List.of(1), List.of(2), List.of(3));
        assertEquals(0.0, p.modularity(), EXACT);
        assertEquals(0.0, LouvainCommunities.modularity(4, g[0], g[1], new int[] {0, 0, 1, 1}), EXACT);
        assertThat(louvain.detect(0, new int[] {0}, new int[0]).communities()).isEmpty();
    }

    @Test
    void isolatedNodesStayAlone() {
        // 0 - 1 - 2 triangle, 3 alone, 4 - 5 an edge
        int[][] g = csr(6, List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 0}, new int[] {4, 5}));

        Partition p = louvain.detect(6, g[0], g[1]);

        assertThat(p.communities()).containsExactly(List.of(0, 1, 2), List.of(3), List.of(4, 5));
        // m = 4: triangle 3/4 - (6/8)², edge 1/4 - (2/8)², node 3 contributes 0
        assertEquals(0.75 - 0.5625 + 0.25 - 0.0625, p.modularity(), EXACT);
    }

    @Test
    void theSameInputGivesTheSamePartition() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int n = 5 + random.nextInt(60);
            int[][] g = csr(n, randomEdges(random, n, random.nextDouble() * 0.2));

            Partition first = louvain.detect(n, g[0], g[1]);
            Partition second = new LouvainCommunities().detect(n, g[0].clone(), g[1].clone());

            assertThat(second.communities()).isEqualTo(first.communities());
            assertThat(second.community()).isEqualTo(first.community());
            assertThat(second.modularity()).isEqualTo(first.modularity());
        }
    }

    @Test
    void theModularityReturnedIsThatOfThePartitionReturned() {
        Random random = new Random(11);
        for (int round = 0; round < 30; round++) {
            int n = 2 + random.nextInt(80);
            int[][] g = csr(n, randomEdges(random, n, random.nextDouble() * 0.15));

            Partition p = louvain.detect(n, g[0], g[1]);

            // a partition of every node, each community ascending, sorted by first node
            List<Integer> all = new ArrayList<>();
            p.communities().forEach(all::addAll);
            assertThat(all).containsExactlyInAnyOrderElementsOf(range(0, n));
            for (int c = 0; c < p.communities().size(); c++) {
                List<Integer> community = p.communities().get(c);
                assertThat(community).isSorted();
                if (c > 0) {
                    assertThat(community.get(0))
                            .isGreaterThan(p.communities().get(c - 1).get(0));
                }
                int index = c;
                community.forEach(v -> assertThat(p.community()[v]).isEqualTo(index));
            }
            assertEquals(LouvainCommunities.modularity(n, g[0], g[1], p.community()), p.modularity(), EXACT);
            // Louvain starts from singletons and only ever raises Q.
            int[] singletons = range(0, n).stream().mapToInt(Integer::intValue).toArray();
            assertThat(p.modularity())
                    .isGreaterThanOrEqualTo(LouvainCommunities.modularity(n, g[0], g[1], singletons) - EXACT);
        }
    }

    @Test
    void modularityIsComputedAsDefined() {
        // Two triangles 0, 1, 2 and 3, 4, 5 joined by 2 - 3: m = 7, each triangle L_c = 3, d_c = 7.
        List<int[]> edges = new ArrayList<>(chainedCliques(2, 3, false));
        int[][] g = csr(6, edges);

        assertEquals(6.0 / 7 - 0.5, LouvainCommunities.modularity(6, g[0], g[1], new int[] {0, 0, 0, 1, 1, 1}), EXACT);
        // labels are only labels
        assertEquals(
                6.0 / 7 - 0.5, LouvainCommunities.modularity(6, g[0], g[1], new int[] {9, 9, 9, -4, -4, -4}), EXACT);
        // everything in one community: 7/7 - (14/14)² = 0
        assertEquals(0.0, LouvainCommunities.modularity(6, g[0], g[1], new int[6]), EXACT);
        // singletons: -Σ(d_i/14)² = -(4·2² + 2·3²)/196 = -34/196
        assertEquals(-34.0 / 196, LouvainCommunities.modularity(6, g[0], g[1], new int[] {0, 1, 2, 3, 4, 5}), EXACT);
    }

    @Test
    void rowsThatAreNotAnUndirectedSimpleGraphAreRefused() {
        // 0 -> 1 listed from one end only
        assertThatThrownBy(() -> louvain.detect(2, new int[] {0, 1, 1}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        // a self-loop
        assertThatThrownBy(() -> louvain.detect(2, new int[] {0, 1, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        // 0 lists 1 twice, 1 lists 0 once, 2 lists 0 ... counts match but not the pairs
        assertThatThrownBy(() -> louvain.detect(3, new int[] {0, 2, 3, 4}, new int[] {1, 1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        // a neighbour out of range, wrong offsets
        assertThatThrownBy(() -> louvain.detect(2, new int[] {0, 1, 2}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> louvain.detect(2, new int[] {0, 1}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LouvainCommunities.modularity(2, new int[] {0, 1, 2}, new int[] {1, 0}, new int[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
