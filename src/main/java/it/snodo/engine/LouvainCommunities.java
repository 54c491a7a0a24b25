package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Communities by the Louvain method (V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre,
 * "Fast unfolding of communities in large networks", Journal of Statistical Mechanics: Theory and
 * Experiment, 2008, P10008), with the modularity of the partition found (M. E. J. Newman,
 * M. Girvan, "Finding and evaluating community structure in networks", Physical Review E 69,
 * 026113, 2004): {@code Q = Σ_c [L_c/m − (d_c/(2m))²]}, m the edges, L_c the edges inside c,
 * d_c the total degree of c; Q = 0 when there is no edge.
 *
 * <p>The graph is undirected, unweighted and simple, given as compressed sparse rows: the
 * neighbours of node i are {@code adj[start[i]] .. adj[start[i+1]-1]}, each edge listed from both
 * ends. Each level has two phases:
 * <ol>
 * <li>local moving: the nodes are visited in ascending order, each moved to the neighbouring
 * community of largest modularity gain when that gain is positive (between equal gains, the
 * smallest community id; a node stays where it is when no move gains), in passes until a pass
 * moves nothing;</li>
 * <li>aggregation: each community becomes a node (numbered by its smallest member), the edges
 * inside it a self-loop, and the edges between two communities one edge weighing their number.</li>
 * </ol>
 * Levels repeat until local moving moves nothing. Plain Louvain never moves a single node again
 * once it is inside an aggregated community; here, when the levels are done, local moving runs
 * once more on the nodes themselves from the partition found, and when it moves any, the levels
 * start over from there. The whole method runs twice, with the nodes visited in ascending and in
 * descending order, and the partition of higher Q is kept (the ascending one when equal): on
 * small sparse graphs either order alone can end more than 0.01 below JGraphT's greedy
 * agglomeration (seen on random networks by {@code JGraphTJudgeTest}). Edge weights are integers,
 * so gains are compared exactly in integer arithmetic ({@code 2m·k_{i,D} − k_i·Σtot_D}, the gain times 2m²):
 * the result is deterministic for a given input, and each move strictly raises Q, so the method
 * ends. Isolated nodes stay communities of their own.
 */
public final class LouvainCommunities {

    /**
     * A partition of the nodes.
     *
     * @param communities every community, as ascending node indices, sorted by their first node;
     *     together they hold every node once
     * @param community per node, the position of its community in {@code communities}
     * @param modularity the modularity of this very partition
     */
    public record Partition(List<List<Integer>> communities, int[] community, double modularity) {

        public Partition {
            List<List<Integer>> copy = new ArrayList<>(communities.size());
            communities.forEach(c -> copy.add(List.copyOf(c)));
            communities = List.copyOf(copy);
            community = community.clone();
        }
    }

    /**
     * The Louvain partition of a graph.
     *
     * @throws IllegalArgumentException when the rows are not an undirected simple graph on n nodes
     */
    public Partition detect(int n, int[] start, int[] adj) {
        check(n, start, adj);
        Partition forward = unfold(n, start, adj);
        // The same graph with the nodes numbered backwards visits them in the other order: keep the
        // better of the two partitions (the forward one when they are as good).
        int[] reverseStart = new int[n + 1];
        int[] reverseAdj = new int[adj.length];
        for (int r = 0; r < n; r++) {
            int i = n - 1 - r;
            reverseStart[r + 1] = reverseStart[r] + start[i + 1] - start[i];
            int k = reverseStart[r];
            for (int j = start[i + 1] - 1; j >= start[i]; j--) {
                reverseAdj[k++] = n - 1 - adj[j];
            }
        }
        Partition backward = unfold(n, reverseStart, reverseAdj);
        if (backward.modularity() <= forward.modularity() + 1e-12) {
            return forward;
        }
        int[] community = new int[n];
        for (int i = 0; i < n; i++) {
            community[i] = backward.community()[n - 1 - i];
        }
        return partition(n, start, adj, community);
    }

    /** Louvain over the nodes in ascending order, refined at the node level until nothing moves. */
    private Partition unfold(int n, int[] start, int[] adj) {
        long twoM = adj.length;

        Level base = Level.of(n, start, adj);
        Level level = base;
        int[] membership = new int[n];
        for (int i = 0; i < n; i++) {
            membership[i] = i;
        }
        while (true) {
            int[] moved = moveNodes(level, twoM, null);
            if (moved == null) {
                if (level == base) {
                    break;
                }
                // Converged on an aggregated level: moving single actors again can still raise Q
                // (plain Louvain never revisits them). Start over from there while it does.
                int[] refined = moveNodes(base, twoM, membership);
                if (refined == null) {
                    break;
                }
                int count = renumber(refined, base.n);
                membership = refined;
                level = base.aggregate(refined.clone(), count);
                continue;
            }
            int count = renumber(moved, level.n);
            for (int i = 0; i < n; i++) {
                membership[i] = moved[membership[i]];
            }
            level = level.aggregate(moved, count);
        }

        return partition(n, start, adj, membership);
    }

    /** The partition of the given labels, renumbered 0.. in order of their smallest node. */
    private static Partition partition(int n, int[] start, int[] adj, int[] labels) {
        int[] membership = labels.clone();
        int count = renumber(membership, n);
        List<List<Integer>> communities = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            communities.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            communities.get(membership[i]).add(i);
        }
        return new Partition(communities, membership, modularity(n, start, adj, membership));
    }

    /**
     * The modularity {@code Q = Σ_c [L_c/m − (d_c/(2m))²]} of a partition, 0 when there is no edge.
     *
     * @param community per node, a label of its community (any ints; equal labels, same community)
     * @throws IllegalArgumentException when the rows are not an undirected simple graph on n nodes,
     *     or there is not one label per node
     */
    public static double modularity(int n, int[] start, int[] adj, int[] community) {
        check(n, start, adj);
        Objects.requireNonNull(community, "community");
        if (community.length != n) {
            throw new IllegalArgumentException("one community per node is needed");
        }
        if (adj.length == 0) {
            return 0;
        }
        Map<Integer, Integer> slot = new HashMap<>();
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            Integer s = slot.putIfAbsent(community[i], slot.size());
            index[i] = s == null ? slot.size() - 1 : s;
        }
        long[] inside = new long[slot.size()];
        long[] degree = new long[slot.size()];
        for (int i = 0; i < n; i++) {
            degree[index[i]] += start[i + 1] - start[i];
            for (int j = start[i]; j < start[i + 1]; j++) {
                if (index[adj[j]] == index[i]) {
                    inside[index[i]]++;
                }
            }
        }
        double m = adj.length / 2.0;
        double q = 0;
        for (int c = 0; c < inside.length; c++) {
            double share = degree[c] / (2 * m);
            q += inside[c] / 2.0 / m - share * share;
        }
        return q;
    }

    /** Renumbers the communities 0.. in order of their smallest node, in place; answers how many. */
    private static int renumber(int[] community, int n) {
        int[] number = new int[n];
        Arrays.fill(number, -1);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (number[community[i]] < 0) {
                number[community[i]] = count++;
            }
            community[i] = number[community[i]];
        }
        return count;
    }

    /**
     * The local moving phase on one level, from {@code initial} (labels 0..n-1; null: each node
     * alone): the community of each node, or null when no node moved.
     */
    private static int[] moveNodes(Level g, long twoM, int[] initial) {
        int n = g.n;
        int[] community = new int[n];
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            community[i] = initial == null ? i : initial[i];
            total[community[i]] += g.degree[i];
        }
        long[] weightTo = new long[n];
        boolean[] seen = new boolean[n];
        int[] touched = new int[n];
        boolean movedAny = false;
        boolean moved;
        do {
            moved = false;
            for (int i = 0; i < n; i++) {
                int own = community[i];
                long ki = g.degree[i];
                int t = 0;
                for (int j = g.start[i]; j < g.start[i + 1]; j++) {
                    int d = community[g.neighbour[j]];
                    if (!seen[d]) {
                        seen[d] = true;
                        weightTo[d] = 0;
                        touched[t++] = d;
                    }
                    weightTo[d] += g.weight[j];
                }
                total[own] -= ki;
                int best = own;
                long bestGain = twoM * (seen[own] ? weightTo[own] : 0) - ki * total[own];
                for (int x = 0; x < t; x++) {
                    int d = touched[x];
                    if (d == own) {
                        continue;
                    }
                    long gain = twoM * weightTo[d] - ki * total[d];
                    if (gain > bestGain || (gain == bestGain && best != own && d < best)) {
                        best = d;
                        bestGain = gain;
                    }
                }
                total[best] += ki;
                if (best != own) {
                    community[i] = best;
                    moved = true;
                    movedAny = true;
                }
                for (int x = 0; x < t; x++) {
                    seen[touched[x]] = false;
                }
            }
        } while (moved);
        return movedAny ? community : null;
    }

    /**
     * One level's graph: weighted; the edges folded into a node (its self-loop) count in its
     * degree, twice, and never as a neighbour, which is all local moving needs of them.
     */
    private static final class Level {
        final int n;
        final int[] start;
        final int[] neighbour;
        final long[] weight;
        /** The weighted degree, self-loops counted twice. */
        final long[] degree;

        private Level(int n, int[] start, int[] neighbour, long[] weight, long[] degree) {
            this.n = n;
            this.start = start;
            this.neighbour = neighbour;
            this.weight = weight;
            this.degree = degree;
        }

        static Level of(int n, int[] start, int[] adj) {
            long[] weight = new long[adj.length];
            Arrays.fill(weight, 1);
            long[] degree = new long[n];
            for (int i = 0; i < n; i++) {
                degree[i] = start[i + 1] - start[i];
            }
            return new Level(n, start, adj, weight, degree);
        }

        /** The graph of the communities: community c (0..count-1) of node i is {@code community[i]}. */
        Level aggregate(int[] community, int count) {
            long[] degree = new long[count];
            int[] memberStart = new int[count + 1];
            for (int i = 0; i < n; i++) {
                memberStart[community[i] + 1]++;
            }
            for (int c = 0; c < count; c++) {
                memberStart[c + 1] += memberStart[c];
            }
            int[] members = new int[n];
            int[] fill = Arrays.copyOf(memberStart, count);
            for (int i = 0; i < n; i++) {
                members[fill[community[i]]++] = i;
            }

            int[] newStart = new int[count + 1];
            List<int[]> rows = new ArrayList<>(count);
            List<long[]> rowWeights = new ArrayList<>(count);
            long[] weightTo = new long[count];
            boolean[] seen = new boolean[count];
            int[] touched = new int[count];
            for (int c = 0; c < count; c++) {
                int t = 0;
                for (int x = memberStart[c]; x < memberStart[c + 1]; x++) {
                    int i = members[x];
                    degree[c] += this.degree[i];
                    for (int j = start[i]; j < start[i + 1]; j++) {
                        int d = community[neighbour[j]];
                        if (d != c) {
                            if (!seen[d]) {
                                seen[d] = true;
                                weightTo[d] = 0;
                                touched[t++] = d;
                            }
                            weightTo[d] += weight[j];
                        }
                    }
                }
                int[] row = Arrays.copyOf(touched, t);
                Arrays.sort(row);
                long[] w = new long[t];
                for (int x = 0; x < t; x++) {
                    w[x] = weightTo[row[x]];
                    seen[row[x]] = false;
                }
                rows.add(row);
                rowWeights.add(w);
                newStart[c + 1] = newStart[c] + t;
            }
            int[] newNeighbour = new int[newStart[count]];
            long[] newWeight = new long[newStart[count]];
            for (int c = 0; c < count; c++) {
                System.arraycopy(rows.get(c), 0, newNeighbour, newStart[c], rows.get(c).length);
                System.arraycopy(rowWeights.get(c), 0, newWeight, newStart[c], rowWeights.get(c).length);
            }
            return new Level(count, newStart, newNeighbour, newWeight, degree);
        }
    }

    /** Checks that the rows are an undirected simple graph on n nodes: no self-loop, no repeat, symmetric. */
    static void check(int n, int[] start, int[] adj) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(adj, "adj");
        if (n < 0 || start.length != n + 1 || start[0] != 0 || start[n] != adj.length) {
            throw new IllegalArgumentException("start must be n + 1 offsets from 0 to adj.length");
        }
        int half = 0;
        for (int i = 0; i < n; i++) {
            if (start[i + 1] < start[i]) {
                throw new IllegalArgumentException("start must not decrease");
            }
            for (int j = start[i]; j < start[i + 1]; j++) {
                int v = adj[j];
                if (v < 0 || v >= n || v == i) {
                    throw new IllegalArgumentException("node " + i + " has a bad neighbour " + v);
                }
                if (i < v) {
                    half++;
                }
            }
        }
        if (2 * half != adj.length) {
            throw new IllegalArgumentException("every edge must be listed from both ends");
        }
        long[] forward = new long[half];
        long[] backward = new long[half];
        int f = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            for (int j = start[i]; j < start[i + 1]; j++) {
                int v = adj[j];
                if (i < v) {
                    forward[f++] = ((long) i << 32) | v;
                } else {
                    backward[b++] = ((long) v << 32) | i;
                }
            }
        }
        Arrays.sort(forward);
        Arrays.sort(backward);
        for (int x = 0; x < half; x++) {
            if (forward[x] != backward[x] || (x > 0 && forward[x] == forward[x - 1])) {
                throw new IllegalArgumentException("every edge must be listed once from each end");
            }
        }
    }
}
