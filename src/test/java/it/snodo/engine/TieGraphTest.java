package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TieGraph} on a hand-built graph, and against brute force on seeded random graphs with
 * random removals: components by union-find, an articulation point as an actor whose removal
 * leaves more components than it had, a bridge as an edge whose removal does.
 */
class TieGraphTest {

    @Test
    void aPathWithATriangleAndAnIsolatedActor() {
        // a - b - c, c - d - e - c (a triangle), f alone.
        Network n = Network.builder(1)
                .cooperative("a", "a", "A", null)
                .cooperative("b", "b", "A", null)
                .cooperative("c", "c", "A", null)
                .cooperative("d", "d", "A", null)
                .cooperative("e", "e", "A", null)
                .cooperative("f", "f", "A", null)
                .tie("a", "b", "COLLABORATION", 1.0)
                .tie("b", "c", "COLLABORATION", 1.0)
                .tie("c", "d", "CONTRACT", 1.0)
                .tie("d", "e", "CONTRACT", 1.0)
                .tie("e", "c", "FUNDING", 1.0)
                .tie("b", "a", "CONTRACT", 1.0)
                .build();
        TieGraph g = n.tieGraph();

        assertThat(g.articulationPoints()).containsExactly(1, 2);
        assertThat(g.bridges()).extracting(p -> List.of(p[0], p[1])).containsExactly(List.of(0, 1), List.of(1, 2));
        assertThat(g.components()).containsExactly(List.of(0, 1, 2, 3, 4));
        assertThat(g.isolated()).containsExactly(5);
        assertThat(g.componentCount()).isEqualTo(2);
        assertThat(g.componentOf(4)).isZero();
        assertThat(g.componentOf(5)).isEqualTo(1);
        assertThat(g.componentSize(0)).isEqualTo(5);

        // Without c: a - b, and d - e; c is gone, not isolated.
        boolean[] gone = new boolean[6];
        gone[2] = true;
        TieGraph without = g.without(gone, List.of());
        assertThat(without.articulationPoints()).isEmpty();
        assertThat(without.components()).containsExactly(List.of(0, 1), List.of(3, 4));
        assertThat(without.isolated()).containsExactly(5);
        assertThat(without.componentOf(2)).isEqualTo(-1);
        assertThat(without.contains(2)).isFalse();

        // Without the tie d - e (given either way round): d and e hang on c.
        TieGraph cut = g.without(new boolean[6], List.<int[]>of(new int[] {4, 3}));
        assertThat(cut.articulationPoints()).containsExactly(1, 2);
        assertThat(cut.bridges()).hasSize(4);
        // The whole graph is unchanged by its views.
        assertThat(g.articulationPoints()).containsExactly(1, 2);
    }

    @Test
    void removalsAreChecked() {
        TieGraph g = Network.builder(1).cooperative("a", "a", "A", null).build().tieGraph();
        assertThatThrownBy(() -> g.without(new boolean[2], List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.without(new boolean[1], List.<int[]>of(new int[] {0, 1})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void equalsBruteForceOnRandomGraphsWithRandomRemovals(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(30);
        Network.Builder b = Network.builder(1);
        for (int a = 0; a < n; a++) {
            b.cooperative(String.format("a%02d", a), "x", "A", null);
        }
        double p = random.nextDouble() * 4 / n;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (x != y && random.nextDouble() < p / 2) {
                    b.tie(String.format("a%02d", x), String.format("a%02d", y), "COLLABORATION", 1.0);
                }
            }
        }
        Network net = b.build();
        boolean[][] edge = new boolean[n][n];
        for (int a = 0; a < n; a++) {
            for (int j = net.tieGraph().edgeStart(a); j < net.tieGraph().edgeEnd(a); j++) {
                edge[a][net.tieGraph().target(j)] = true;
            }
        }
        check(net.tieGraph(), new boolean[n], edge);
        for (int round = 0; round < 5; round++) {
            boolean[] gone = new boolean[n];
            for (int a = 0; a < n; a++) {
                gone[a] = random.nextDouble() < 0.15;
            }
            List<int[]> cuts = new ArrayList<>();
            boolean[][] kept = new boolean[n][];
            for (int a = 0; a < n; a++) {
                kept[a] = edge[a].clone();
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                int x = random.nextInt(n);
                int y = random.nextInt(n);
                cuts.add(new int[] {x, y});
                kept[x][y] = kept[y][x] = false;
            }
            check(net.tieGraph().without(gone, cuts), gone, kept);
        }
    }

    private static void check(TieGraph g, boolean[] gone, boolean[][] edge) {
        int n = gone.length;
        int[] label = labels(gone, edge);
        int count = Arrays.stream(label).max().orElse(-1) + 1;
        assertThat(g.componentCount()).isEqualTo(count);
        List<List<Integer>> components = new ArrayList<>();
        List<Integer> isolated = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            List<Integer> members = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                if (label[a] == c) {
                    members.add(a);
                }
            }
            if (members.size() >= 2) {
                components.add(members);
            } else {
                isolated.add(members.get(0));
            }
            assertThat(g.componentSize(c)).isEqualTo(members.size());
        }
        assertThat(g.components()).isEqualTo(components);
        assertThat(g.isolated()).isEqualTo(isolated);
        for (int a = 0; a < n; a++) {
            assertThat(g.componentOf(a)).isEqualTo(label[a]);
        }

        List<Integer> points = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (gone[v]) {
                continue;
            }
            boolean[] without = gone.clone();
            without[v] = true;
            boolean alone = true;
            for (int w = 0; w < n; w++) {
                alone &= !(edge[v][w] && !gone[w]);
            }
            int after = Arrays.stream(labels(without, edge)).max().orElse(-1) + 1;
            if (after > count - (alone ? 1 : 0)) {
                points.add(v);
            }
        }
        assertThat(Arrays.stream(g.articulationPoints()).boxed().toList()).isEqualTo(points);

        List<List<Integer>> bridges = new ArrayList<>();
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n; y++) {
                if (edge[x][y] && !gone[x] && !gone[y]) {
                    edge[x][y] = edge[y][x] = false;
                    if (Arrays.stream(labels(gone, edge)).max().orElse(-1) + 1 > count) {
                        bridges.add(List.of(x, y));
                    }
                    edge[x][y] = edge[y][x] = true;
                }
            }
        }
        assertThat(g.bridges()).extracting(e -> List.of(e[0], e[1])).isEqualTo(bridges);
    }

    /** Components by union-find, numbered in order of their smallest actor; -1 for removed actors. */
    private static int[] labels(boolean[] gone, boolean[][] edge) {
        int n = gone.length;
        int[] parent = new int[n];
        for (int a = 0; a < n; a++) {
            parent[a] = a;
        }
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (edge[x][y] && !gone[x] && !gone[y]) {
                    parent[find(parent, x)] = find(parent, y);
                }
            }
        }
        int[] label = new int[n];
        int[] byRoot = new int[n];
        Arrays.fill(byRoot, -1);
        int next = 0;
        for (int a = 0; a < n; a++) {
            if (gone[a]) {
                label[a] = -1;
                continue;
            }
            int r = find(parent, a);
            if (byRoot[r] < 0) {
                byRoot[r] = next++;
            }
            label[a] = byRoot[r];
        }
        return label;
    }

    private static int find(int[] parent, int a) {
        while (parent[a] != a) {
            a = parent[a] = parent[parent[a]];
        }
        return a;
    }
}
