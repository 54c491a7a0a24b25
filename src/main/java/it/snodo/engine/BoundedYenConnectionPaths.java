package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.alg.util.Triple;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.opt.graph.sparse.SparseIntUndirectedWeightedGraph;

/**
 * K shortest loopless paths by Yen's algorithm (J. Y. Yen, "Finding the K shortest loopless paths
 * in a network", Management Science 17(11), 1971), run on a bounded part of the tie graph.
 *
 * <p>Hops come first and strength second by weighting each edge {@code 1 + ε(1 − s)}, s the
 * strength of the pair's strongest tie: with ε·n &lt; 1 a path with fewer hops always weighs
 * less, and between paths of equal hops the stronger one does.
 *
 * <p>The bound: a path of at most L hops passes only through actors v with
 * {@code d(from, v) + d(v, to) ≤ L} (d: hops, by two breadth-first searches). Yen runs on the
 * subgraph of those actors for L = d(from, to) + slack, with the slack growing (0, 1, 2, 4, ...)
 * until it yields k paths of at most L hops, or the subgraph is the whole component. The answer
 * is exact; the search touches the neighbourhood of the shortest paths, not the whole network.
 */
public final class BoundedYenConnectionPaths implements ConnectionPathAlgorithm {

    private static final double EPSILON = 1e-9;

    private final Network network;
    private volatile Graph<Integer, Integer> graph;

    public BoundedYenConnectionPaths(Network network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** The weighted sparse graph, built on the first query that needs it (never for a graph without ties). */
    private Graph<Integer, Integer> graph() {
        Graph<Integer, Integer> g = graph;
        if (g == null) {
            synchronized (this) {
                if (graph == null) {
                    graph = build(network);
                }
                g = graph;
            }
        }
        return g;
    }

    private static Graph<Integer, Integer> build(Network network) {
        List<Triple<Integer, Integer, Double>> edges = new ArrayList<>(network.tiedPairCount());
        for (int a = 0; a < network.actorCount(); a++) {
            for (int j = network.adjStart[a]; j < network.adjStart[a + 1]; j++) {
                int b = network.adj[j];
                if (a < b) {
                    edges.add(Triple.of(a, b, 1 + EPSILON * (1 - network.adjStrength[j])));
                }
            }
        }
        return new SparseIntUndirectedWeightedGraph(network.actorCount(), edges);
    }

    @Override
    public List<ConnectionPath> paths(int from, int to, int k) {
        int n = network.actorCount();
        if (from < 0 || from >= n || to < 0 || to >= n) {
            throw new IllegalArgumentException("no such actor");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        if (from == to) {
            return List.of(new ConnectionPath(new int[] {from}, List.of(), 0));
        }
        int[] df = hops(from);
        if (df[to] < 0) {
            return List.of();
        }
        int[] dt = hops(to);
        int shortest = df[to];
        int widest = 0;
        for (int v = 0; v < n; v++) {
            if (df[v] >= 0) {
                widest = Math.max(widest, df[v] + dt[v]);
            }
        }
        for (int slack = 0;; slack = slack == 0 ? 1 : slack * 2) {
            int limit = shortest + slack;
            Graph<Integer, Integer> part = new MaskSubgraph<>(graph(),
                    v -> df[v] < 0 || df[v] + dt[v] > limit, e -> false);
            List<GraphPath<Integer, Integer>> found = new YenKShortestPath<>(part).getPaths(from, to, k);
            // Once the part is the whole component, every path found is in order; before, only
            // those of at most `limit` hops are sure to have no shorter rival outside the part.
            boolean whole = limit >= widest;
            List<ConnectionPath> paths = new ArrayList<>();
            for (GraphPath<Integer, Integer> p : found) {
                if (whole || p.getLength() <= limit) {
                    paths.add(toPath(p.getVertexList()));
                }
            }
            if (paths.size() >= k || whole) {
                paths.sort(Comparator.comparingInt(ConnectionPath::hops)
                        .thenComparing(ConnectionPath::strength, Comparator.reverseOrder())
                        .thenComparing(p -> Arrays.toString(ids(p.actors()))));
                return List.copyOf(paths);
            }
        }
    }

    private String[] ids(int[] actors) {
        String[] ids = new String[actors.length];
        for (int i = 0; i < actors.length; i++) {
            ids[i] = network.actorId(actors[i]);
        }
        return ids;
    }

    private ConnectionPath toPath(List<Integer> vertices) {
        int[] actors = vertices.stream().mapToInt(Integer::intValue).toArray();
        List<String> ties = new ArrayList<>();
        double strength = 0;
        for (int i = 1; i < actors.length; i++) {
            ties.add(network.tieKind(actors[i - 1], actors[i]));
            strength += network.tieStrength(actors[i - 1], actors[i]);
        }
        return new ConnectionPath(actors, List.copyOf(ties), strength);
    }

    /** Hops from one actor to every other by breadth-first search; -1 where unreachable. */
    private int[] hops(int source) {
        Network net = network;
        int[] d = new int[net.actorCount()];
        Arrays.fill(d, -1);
        int[] queue = new int[net.actorCount()];
        int head = 0;
        int tail = 0;
        d[source] = 0;
        queue[tail++] = source;
        while (head < tail) {
            int a = queue[head++];
            for (int j = net.adjStart[a]; j < net.adjStart[a + 1]; j++) {
                int b = net.adj[j];
                if (d[b] < 0) {
                    d[b] = d[a] + 1;
                    queue[tail++] = b;
                }
            }
        }
        return d;
    }
}
