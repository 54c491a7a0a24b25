package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The network measures on the scope's induced subgraph of the tie graph, in compressed sparse
 * rows built from the snapshot's sorted adjacency (the scope's actors numbered 0..N-1 in index
 * order, one edge per tied pair):
 * <ul>
 * <li>counts, density, degree centralization (L. C. Freeman, "Centrality in social networks:
 * conceptual clarification", Social Networks 1(3), 1979) and multiplexity by one pass over the
 * rows; components by the snapshot's {@link TieGraph} without the actors out of scope;</li>
 * <li>betweenness by Brandes's algorithm (U. Brandes, "A faster algorithm for betweenness
 * centrality", Journal of Mathematical Sociology 25(2), 2001): a breadth-first search from every
 * actor counting shortest paths, then their dependencies accumulated in reverse order, O(N·E).
 * Summed over every source each unordered pair is counted twice, so the sums are divided by
 * {@code (N − 1)(N − 2)}: once for the double count and once by Freeman's {@code (N − 1)(N − 2)/2};</li>
 * <li>communities and modularity by {@link LouvainCommunities}.</li>
 * </ul>
 */
public final class BrandesLouvainMeasures implements NetworkMeasures {

    private final LouvainCommunities louvain = new LouvainCommunities();

    @Override
    public Measures measure(Network network, int[] actors) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(actors, "actors");
        int total = network.actorCount();
        int n = actors.length;
        int[] local = new int[total];
        Arrays.fill(local, -1);
        for (int i = 0; i < n; i++) {
            int a = actors[i];
            if (a < 0 || a >= total) {
                throw new IllegalArgumentException("no such actor: " + a);
            }
            if (i > 0 && a <= actors[i - 1]) {
                throw new IllegalArgumentException("the scope's actors must be strictly ascending");
            }
            local[a] = i;
        }

        // The induced subgraph, and the kinds of each of its pairs.
        TieGraph tieGraph = network.tieGraph();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int a = actors[i];
            int degree = 0;
            for (int j = tieGraph.edgeStart(a); j < tieGraph.edgeEnd(a); j++) {
                if (local[tieGraph.target(j)] >= 0) {
                    degree++;
                }
            }
            start[i + 1] = start[i] + degree;
        }
        int[] adj = new int[start[n]];
        TreeMap<Integer, Integer> multiplexityCounts = new TreeMap<>();
        long kindSum = 0;
        for (int i = 0, k = 0; i < n; i++) {
            int a = actors[i];
            for (int j = tieGraph.edgeStart(a); j < tieGraph.edgeEnd(a); j++) {
                int b = tieGraph.target(j);
                if (local[b] >= 0) {
                    adj[k++] = local[b];
                    if (a < b) {
                        int kinds = tieGraph.kindCount(j);
                        kindSum += kinds;
                        multiplexityCounts.merge(kinds, 1, Integer::sum);
                    }
                }
            }
        }
        int ties = adj.length / 2;

        double density = n < 2 ? 0 : 2.0 * ties / ((double) n * (n - 1));
        int maxDegree = 0;
        for (int i = 0; i < n; i++) {
            maxDegree = Math.max(maxDegree, start[i + 1] - start[i]);
        }
        long gap = 0;
        for (int i = 0; i < n; i++) {
            gap += maxDegree - (start[i + 1] - start[i]);
        }
        double centralization = n < 3 ? 0 : gap / ((double) (n - 1) * (n - 2));

        double[] betweenness = betweenness(n, start, adj);
        List<Integer> brokers = brokers(actors, betweenness);

        LouvainCommunities.Partition partition = louvain.detect(n, start, adj);
        List<List<Integer>> communities =
                new ArrayList<>(partition.communities().size());
        for (List<Integer> community : partition.communities()) {
            communities.add(community.stream().map(i -> actors[i]).toList());
        }

        // The components of the induced subgraph are those of the tie graph without the actors out of scope.
        boolean[] outOfScope = new boolean[total];
        for (int a = 0; a < total; a++) {
            outOfScope[a] = local[a] < 0;
        }
        int components = tieGraph.without(outOfScope, List.of()).componentCount();

        return new Measures(
                n,
                ties,
                density,
                components,
                centralization,
                betweenness,
                brokers,
                communities,
                partition.modularity(),
                ties == 0 ? 0 : (double) kindSum / ties,
                multiplexityCounts);
    }

    /** Freeman's normalised betweenness of every node, by Brandes's algorithm. */
    static double[] betweenness(int n, int[] start, int[] adj) {
        double[] score = new double[n];
        if (n < 3) {
            return score;
        }
        int[] dist = new int[n];
        double[] sigma = new double[n];
        double[] delta = new double[n];
        int[] order = new int[n];
        for (int s = 0; s < n; s++) {
            Arrays.fill(dist, -1);
            Arrays.fill(sigma, 0);
            Arrays.fill(delta, 0);
            dist[s] = 0;
            sigma[s] = 1;
            int head = 0;
            int tail = 0;
            order[tail++] = s;
            while (head < tail) {
                int v = order[head++];
                for (int j = start[v]; j < start[v + 1]; j++) {
                    int w = adj[j];
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        order[tail++] = w;
                    }
                    if (dist[w] == dist[v] + 1) {
                        sigma[w] += sigma[v];
                    }
                }
            }
            // Dependencies, farthest first; the predecessors of w are its neighbours one hop nearer.
            for (int x = tail - 1; x > 0; x--) {
                int w = order[x];
                double share = (1 + delta[w]) / sigma[w];
                for (int j = start[w]; j < start[w + 1]; j++) {
                    int v = adj[j];
                    if (dist[v] == dist[w] - 1) {
                        delta[v] += sigma[v] * share;
                    }
                }
                score[w] += delta[w];
            }
        }
        double norm = (double) (n - 1) * (n - 2);
        for (int v = 0; v < n; v++) {
            score[v] /= norm;
        }
        return score;
    }

    /** The actors of positive betweenness, highest first, then by index, at most {@value #MAX_BROKERS}. */
    private static List<Integer> brokers(int[] actors, double[] betweenness) {
        List<Integer> positive = new ArrayList<>();
        for (int i = 0; i < actors.length; i++) {
            if (betweenness[i] > 0) {
                positive.add(i);
            }
        }
        // Scores equal but for rounding (symmetric actors) rank as equal: compare them at 1e-12.
        positive.sort(Comparator.<Integer>comparingLong(i -> -Math.round(betweenness[i] * 1e12))
                .thenComparingInt(i -> i));
        return positive.stream().limit(MAX_BROKERS).map(i -> actors[i]).toList();
    }
}
