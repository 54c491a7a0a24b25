package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.opt.graph.sparse.SparseIntUndirectedGraph;

/**
 * Articulation points and bridges by depth-first search and low points (J. Hopcroft, R. Tarjan,
 * "Algorithm 447: efficient algorithms for graph manipulation", Communications of the ACM 16(6),
 * 1973; R. E. Tarjan, "A note on finding the bridges of a graph", Information Processing Letters
 * 2(6), 1974), as JGraphT's {@link BiconnectivityInspector} implements them, and connected
 * components by JGraphT's {@link ConnectivityInspector} (breadth-first search), all in linear time.
 *
 * <p>They run on the undirected, unweighted simple graph of the actors kept, built as a JGraphT
 * {@link SparseIntUndirectedGraph} from the snapshot's sorted adjacency (one edge per tied pair).
 * A graph without any edge is answered without JGraphT: every actor kept is isolated.
 */
public final class BiconnectivityFragility implements FragilityAnalysis {

    @Override
    public Fragility analyze(Network network) {
        Objects.requireNonNull(network, "network");
        return analyze(network, new boolean[network.actorCount()], List.of());
    }

    @Override
    public Fragility analyze(Network network, boolean[] removedActors, List<int[]> removedTies) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(removedActors, "removedActors");
        Objects.requireNonNull(removedTies, "removedTies");
        int n = network.actorCount();
        if (removedActors.length != n) {
            throw new IllegalArgumentException("removedActors has " + removedActors.length
                    + " entries for " + n + " actors");
        }
        Set<Long> cut = new HashSet<>();
        for (int[] pair : removedTies) {
            if (pair == null || pair.length != 2 || pair[0] < 0 || pair[0] >= n || pair[1] < 0 || pair[1] >= n) {
                throw new IllegalArgumentException("a removed tie is a pair of actor indices");
            }
            cut.add(key(pair[0], pair[1]));
        }

        // The actors kept, numbered 0..k-1 in index order, and the edges among them.
        int[] local = new int[n];
        int[] actorOf = new int[n];
        int k = 0;
        for (int a = 0; a < n; a++) {
            if (removedActors[a]) {
                local[a] = -1;
            } else {
                local[a] = k;
                actorOf[k++] = a;
            }
        }
        List<Pair<Integer, Integer>> edges = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            if (local[a] < 0) {
                continue;
            }
            for (int j = network.adjStart[a]; j < network.adjStart[a + 1]; j++) {
                int b = network.adj[j];
                if (a < b && local[b] >= 0 && !cut.contains(key(a, b))) {
                    edges.add(Pair.of(local[a], local[b]));
                }
            }
        }
        if (edges.isEmpty()) {
            List<Integer> isolated = new ArrayList<>(k);
            for (int v = 0; v < k; v++) {
                isolated.add(actorOf[v]);
            }
            return new Fragility(List.of(), List.of(), List.of(), isolated);
        }

        Graph<Integer, Integer> graph = new SparseIntUndirectedGraph(k, edges);
        BiconnectivityInspector<Integer, Integer> biconnectivity = new BiconnectivityInspector<>(graph);

        List<Integer> articulationPoints = new ArrayList<>();
        for (int v : biconnectivity.getCutpoints()) {
            articulationPoints.add(actorOf[v]);
        }
        articulationPoints.sort(null);

        List<int[]> bridges = new ArrayList<>();
        for (int e : biconnectivity.getBridges()) {
            int a = actorOf[graph.getEdgeSource(e)];
            int b = actorOf[graph.getEdgeTarget(e)];
            bridges.add(new int[] {Math.min(a, b), Math.max(a, b)});
        }
        bridges.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));

        List<List<Integer>> components = new ArrayList<>();
        for (Set<Integer> set : new ConnectivityInspector<>(graph).connectedSets()) {
            if (set.size() >= 2) {
                int[] members = set.stream().mapToInt(v -> actorOf[v]).toArray();
                Arrays.sort(members);
                components.add(Arrays.stream(members).boxed().toList());
            }
        }
        components.sort(Comparator.comparingInt(c -> c.get(0)));

        List<Integer> isolated = new ArrayList<>();
        for (int v = 0; v < k; v++) {
            if (graph.degreeOf(v) == 0) {
                isolated.add(actorOf[v]);
            }
        }
        return new Fragility(articulationPoints, bridges, components, isolated);
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
}
