package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The tie graph of a snapshot as DESIGN.md defines it (undirected, unweighted, simple: one edge
 * per tied pair; every actor a node, those without ties too), or that graph without some actors
 * and ties, asked by the algorithms for what they need of its shape instead of reading the
 * snapshot's adjacency arrays: the connected components and the articulation points and bridges.
 * Get the whole graph's with {@link Network#tieGraph()}; it is shared by the snapshots that differ
 * only in needs.
 *
 * <p>Each answer is computed once, on first use, and kept (immutable, safe to share between
 * threads):
 * <ul>
 * <li>components by breadth-first search from each actor not yet reached, in index order, so a
 *     component is numbered by its smallest actor: O(N + E);</li>
 * <li>articulation points and bridges by one depth-first search with discovery times and low
 *     points (J. Hopcroft, R. Tarjan, "Algorithm 447: efficient algorithms for graph
 *     manipulation", Communications of the ACM 16(6), 1973; R. E. Tarjan, "A note on finding the
 *     bridges of a graph", Information Processing Letters 2(6), 1974): with low(v) the earliest
 *     discovery time reachable from v's subtree by one back edge, a tree edge p–v is a bridge when
 *     low(v) &gt; disc(p); a non-root p is an articulation point when some child v has
 *     low(v) ≥ disc(p), the root when it has two children or more. O(N + E), in int arrays, with
 *     its own stack (a long chain of ties cannot overflow the thread's) and no list of the
 *     components.</li>
 * </ul>
 *
 * <p>{@link #without} is a view that shares the adjacency and skips what is removed as it goes;
 * removed actors belong to no component and are not isolated: they are gone.
 */
public final class TieGraph {

    private final int[] start;
    private final int[] adj;
    /** Per actor, true when removed; null when nothing is. */
    private final boolean[] removed;
    /** The removed pairs, as {@code min << 32 | max}, ascending; empty when none. */
    private final long[] cut;

    private volatile Components components;
    private volatile Cuts cuts;

    /** The graph in compressed sparse rows: the neighbours of a are adj[start[a] .. start[a + 1]). */
    TieGraph(int[] start, int[] adj) {
        this(start, adj, null, new long[0]);
    }

    private TieGraph(int[] start, int[] adj, boolean[] removed, long[] cut) {
        this.start = Objects.requireNonNull(start, "start");
        this.adj = Objects.requireNonNull(adj, "adj");
        this.removed = removed;
        this.cut = cut;
    }

    /**
     * This graph without some actors (with their ties) and some ties.
     *
     * @param removedActors per actor index, true when the actor is removed; its length is the
     *     actor count
     * @param removedTies pairs {@code [a, b]} of actor indices whose edge is removed; a pair that
     *     is not tied removes nothing
     * @throws IllegalArgumentException when the array has the wrong length, or a pair is not two
     *     actor indices
     */
    public TieGraph without(boolean[] removedActors, List<int[]> removedTies) {
        Objects.requireNonNull(removedActors, "removedActors");
        Objects.requireNonNull(removedTies, "removedTies");
        int n = actorCount();
        if (removedActors.length != n) {
            throw new IllegalArgumentException("removedActors has " + removedActors.length
                    + " entries for " + n + " actors");
        }
        long[] keys = new long[cut.length + removedTies.size()];
        System.arraycopy(cut, 0, keys, 0, cut.length);
        int k = cut.length;
        for (int[] pair : removedTies) {
            if (pair == null || pair.length != 2 || pair[0] < 0 || pair[0] >= n || pair[1] < 0 || pair[1] >= n) {
                throw new IllegalArgumentException("a removed tie is a pair of actor indices");
            }
            keys[k++] = key(pair[0], pair[1]);
        }
        Arrays.sort(keys);
        boolean[] gone = removedActors.clone();
        if (removed != null) {
            for (int a = 0; a < n; a++) {
                gone[a] |= removed[a];
            }
        }
        return new TieGraph(start, adj, gone, keys);
    }

    /** The actors of the snapshot, removed ones included: actor indices run below this. */
    public int actorCount() {
        return start.length - 1;
    }

    /** Whether the actor is in this graph (not removed). */
    public boolean contains(int actor) {
        return removed == null || !removed[actor];
    }

    /** The actor's component, numbered from 0 in order of each component's smallest actor; -1 when removed. */
    public int componentOf(int actor) {
        return labels().of[actor];
    }

    /** The number of components, each isolated actor counting as one. */
    public int componentCount() {
        return labels().size.length;
    }

    /** The number of actors of a component. */
    public int componentSize(int component) {
        return labels().size[component];
    }

    /**
     * The components of two or more actors, each ascending, sorted by their first actor (as
     * DESIGN.md lists them; actor indices are in id order).
     */
    public List<List<Integer>> components() {
        Components c = labels();
        List<List<Integer>> lists = new ArrayList<>();
        int[] listOf = new int[c.size.length];
        for (int i = 0; i < c.size.length; i++) {
            listOf[i] = -1;
            if (c.size[i] >= 2) {
                listOf[i] = lists.size();
                lists.add(new ArrayList<>(c.size[i]));
            }
        }
        for (int a = 0; a < c.of.length; a++) {
            if (c.of[a] >= 0 && listOf[c.of[a]] >= 0) {
                lists.get(listOf[c.of[a]]).add(a);
            }
        }
        List<List<Integer>> frozen = new ArrayList<>(lists.size());
        lists.forEach(l -> frozen.add(List.copyOf(l)));
        return List.copyOf(frozen);
    }

    /** The actors without any tie, ascending. */
    public List<Integer> isolated() {
        Components c = labels();
        List<Integer> isolated = new ArrayList<>();
        for (int a = 0; a < c.of.length; a++) {
            if (c.of[a] >= 0 && c.size[c.of[a]] == 1) {
                isolated.add(a);
            }
        }
        return List.copyOf(isolated);
    }

    /** The actors whose removal disconnects their component, ascending. */
    public int[] articulationPoints() {
        return cuts().points.clone();
    }

    /** The edges whose removal disconnects their component, each {@code [a, b]} with a &lt; b, sorted by a then b. */
    public List<int[]> bridges() {
        long[] keys = cuts().bridges;
        List<int[]> bridges = new ArrayList<>(keys.length);
        for (long k : keys) {
            bridges.add(new int[] {(int) (k >>> 32), (int) k});
        }
        return List.copyOf(bridges);
    }

    private boolean kept(int a, int b) {
        return (removed == null || !removed[b]) && (cut.length == 0 || Arrays.binarySearch(cut, key(a, b)) < 0);
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** Each actor's component (-1 when removed) and each component's number of actors. */
    private record Components(int[] of, int[] size) {
    }

    private Components labels() {
        Components c = components;
        if (c == null) {
            synchronized (this) {
                if (components == null) {
                    components = label();
                }
                c = components;
            }
        }
        return c;
    }

    private Components label() {
        int n = actorCount();
        int[] of = new int[n];
        Arrays.fill(of, -1);
        int[] size = new int[n];
        int[] queue = new int[n];
        int count = 0;
        for (int source = 0; source < n; source++) {
            if (of[source] >= 0 || !contains(source)) {
                continue;
            }
            int head = 0;
            int tail = 0;
            of[source] = count;
            queue[tail++] = source;
            while (head < tail) {
                int a = queue[head++];
                for (int j = start[a]; j < start[a + 1]; j++) {
                    int b = adj[j];
                    if (of[b] < 0 && kept(a, b)) {
                        of[b] = count;
                        queue[tail++] = b;
                    }
                }
            }
            size[count++] = tail;
        }
        return new Components(of, Arrays.copyOf(size, count));
    }

    /** The articulation points, ascending, and the bridges as keys, ascending. */
    private record Cuts(int[] points, long[] bridges) {
    }

    private Cuts cuts() {
        Cuts c = cuts;
        if (c == null) {
            synchronized (this) {
                if (cuts == null) {
                    cuts = search();
                }
                c = cuts;
            }
        }
        return c;
    }

    private Cuts search() {
        int n = actorCount();
        int[] disc = new int[n];
        int[] low = new int[n];
        int[] parent = new int[n];
        int[] next = new int[n];
        int[] stack = new int[n];
        boolean[] cutpoint = new boolean[n];
        long[] bridges = new long[16];
        int bridgeCount = 0;
        int points = 0;
        Arrays.fill(disc, -1);
        int time = 0;
        for (int root = 0; root < n; root++) {
            if (disc[root] >= 0 || !contains(root)) {
                continue;
            }
            int rootChildren = 0;
            int top = 0;
            stack[top++] = root;
            disc[root] = low[root] = time++;
            parent[root] = -1;
            next[root] = start[root];
            while (top > 0) {
                int v = stack[top - 1];
                if (next[v] < start[v + 1]) {
                    int w = adj[next[v]++];
                    if (!kept(v, w)) {
                        continue;
                    }
                    if (disc[w] < 0) {
                        parent[w] = v;
                        disc[w] = low[w] = time++;
                        next[w] = start[w];
                        stack[top++] = w;
                    } else if (w != parent[v]) {
                        low[v] = Math.min(low[v], disc[w]);
                    }
                } else {
                    top--;
                    int p = parent[v];
                    if (p >= 0) {
                        low[p] = Math.min(low[p], low[v]);
                        if (low[v] > disc[p]) {
                            if (bridgeCount == bridges.length) {
                                bridges = Arrays.copyOf(bridges, 2 * bridgeCount);
                            }
                            bridges[bridgeCount++] = key(p, v);
                        }
                        if (p == root) {
                            rootChildren++;
                        } else if (low[v] >= disc[p] && !cutpoint[p]) {
                            cutpoint[p] = true;
                            points++;
                        }
                    }
                }
            }
            if (rootChildren >= 2) {
                cutpoint[root] = true;
                points++;
            }
        }
        int[] ascending = new int[points];
        for (int a = 0, k = 0; a < n; a++) {
            if (cutpoint[a]) {
                ascending[k++] = a;
            }
        }
        long[] sorted = Arrays.copyOf(bridges, bridgeCount);
        Arrays.sort(sorted);
        return new Cuts(ascending, sorted);
    }
}
