package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tie graph of a snapshot as docs/design.md defines it (undirected, unweighted, simple: one
 * edge per tied pair; every actor a node, those without ties too), or that graph without some
 * actors and ties: its edges, with the strength and kinds of each pair's ties, and what the
 * algorithms need of its shape, the connected components and the articulation points and bridges.
 * Get the whole graph with {@link Network#tieGraph()}; it is built once per snapshot, immutable,
 * and shared by the snapshots that differ only in needs.
 *
 * <p>The edges are numbered: those of actor a are {@code edgeStart(a) ≤ j < edgeEnd(a)}, in the
 * order of their other actor ({@link #target}), each pair once from either end (compressed sparse
 * rows, sorted). An edge carries the strength of its pair's strongest tie (unknown counts as 0),
 * that tie's kind (between equals, the kind first in the alphabet), and how many kinds of tie the
 * pair has (its multiplexity). A graph {@link #without} removals shares these edges: its edge
 * methods read the whole graph's, and only {@link #contains}, the components and the cuts leave
 * out what is removed.
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

    /** A tie as given: {@code from} and {@code to} name actors; strength may be null. */
    record Row(String from, String to, String kind, Double strength) {}

    /** The edges in compressed sparse rows: the neighbours of a are adj[start[a] .. start[a + 1]). */
    private final int[] start;

    private final int[] adj;
    /** Per edge, the strength of the pair's strongest tie. */
    private final double[] strength;
    /** Per edge, the kind of the pair's strongest tie, an index in {@code kindNames}. */
    private final int[] kind;
    /** Per edge, the kinds of the pair's ties, one bit per index in {@code kindNames}. */
    private final int[] kinds;

    private final String[] kindNames;
    /** Per actor, true when removed; null when nothing is. */
    private final boolean[] removed;
    /** The removed pairs, as {@code min << 32 | max}, ascending; empty when none. */
    private final long[] cut;

    private volatile Components components;
    private volatile Cuts cuts;

    /**
     * The tie graph of the given ties between the given actors: a tie of an actor with itself is
     * left out, several ties of a pair (either way) are one edge.
     *
     * @throws UnknownEntity when a tie names an actor not given
     */
    TieGraph(List<Row> rows, Actors actors) {
        int na = actors.count();
        List<String> names = new ArrayList<>();
        Map<Long, double[]> pairStrength = new HashMap<>();
        Map<Long, int[]> pairKinds = new HashMap<>();
        for (Row e : rows) {
            int x = actors.index(e.from());
            int y = actors.index(e.to());
            if (x == y) {
                continue;
            }
            long key = key(x, y);
            int k = names.indexOf(e.kind());
            if (k < 0) {
                names.add(e.kind());
                k = names.size() - 1;
            }
            double s = e.strength() == null ? 0 : e.strength();
            // The strongest tie names the pair's kind; between equals, the kind first in the alphabet.
            pairStrength.merge(
                    key,
                    new double[] {s, k},
                    (p, q) -> p[0] > q[0]
                            ? p
                            : q[0] > p[0] ? q : names.get((int) p[1]).compareTo(names.get((int) q[1])) <= 0 ? p : q);
            int bit = 1 << k;
            pairKinds.merge(key, new int[] {bit}, (p, q) -> new int[] {p[0] | q[0]});
        }
        kindNames = names.toArray(String[]::new);
        int[] degree = new int[na + 1];
        for (long key : pairStrength.keySet()) {
            degree[(int) (key >>> 32)]++;
            degree[(int) key]++;
        }
        start = Rows.offsets(degree, na);
        long[] entries = new long[2 * pairStrength.size()];
        int e = 0;
        for (long key : pairStrength.keySet()) {
            int x = (int) (key >>> 32);
            int y = (int) key;
            entries[e++] = ((long) x << 32) | y;
            entries[e++] = ((long) y << 32) | x;
        }
        Arrays.sort(entries);
        adj = new int[entries.length];
        strength = new double[entries.length];
        kinds = new int[entries.length];
        kind = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            int x = (int) (entries[i] >>> 32);
            int y = (int) entries[i];
            long key = key(x, y);
            adj[i] = y;
            strength[i] = pairStrength.get(key)[0];
            kind[i] = (int) pairStrength.get(key)[1];
            kinds[i] = pairKinds.get(key)[0];
        }
        removed = null;
        cut = new long[0];
    }

    /** The view of {@code whole} without the actors and pairs given. */
    private TieGraph(TieGraph whole, boolean[] removed, long[] cut) {
        this.start = whole.start;
        this.adj = whole.adj;
        this.strength = whole.strength;
        this.kind = whole.kind;
        this.kinds = whole.kinds;
        this.kindNames = whole.kindNames;
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
            throw new IllegalArgumentException(
                    "removedActors has " + removedActors.length + " entries for " + n + " actors");
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
        return new TieGraph(this, gone, keys);
    }

    /** The actors of the snapshot, removed ones included: actor indices run below this. */
    public int actorCount() {
        return start.length - 1;
    }

    /** How many pairs of actors are tied (several ties between one pair are one edge), removals not counted. */
    public int pairCount() {
        return adj.length / 2;
    }

    /** The edges, each pair counted from both ends: edge indices run below this. */
    public int edgeCount() {
        return adj.length;
    }

    /** The first edge of actor a. */
    public int edgeStart(int a) {
        return start[a];
    }

    /** One past the last edge of actor a. */
    public int edgeEnd(int a) {
        return start[a + 1];
    }

    /** How many actors a is tied to. */
    public int degree(int a) {
        return start[a + 1] - start[a];
    }

    /** The actor edge j leads to (from the actor whose edge it is). */
    public int target(int j) {
        return adj[j];
    }

    /** The strength of the strongest tie of edge j's pair (an unknown strength counts as 0). */
    public double strength(int j) {
        return strength[j];
    }

    /** The kind of the strongest tie of edge j's pair. */
    public String kind(int j) {
        return kindNames[kind[j]];
    }

    /** How many kinds of tie join edge j's pair: its multiplexity. */
    public int kindCount(int j) {
        return Integer.bitCount(kinds[j]);
    }

    /** The edge from a to b, or -1 when they are not tied. */
    public int edge(int a, int b) {
        int j = Arrays.binarySearch(adj, start[a], start[a + 1], b);
        return j < 0 ? -1 : j;
    }

    /** True when some tie joins a and b, either way. */
    public boolean isTied(int a, int b) {
        return edge(a, b) >= 0;
    }

    /**
     * The kind of the strongest tie between two tied actors.
     *
     * @throws IllegalArgumentException when they are not tied
     */
    public String kindBetween(int a, int b) {
        return kind(tiedEdge(a, b));
    }

    /**
     * The strength of the strongest tie between two tied actors.
     *
     * @throws IllegalArgumentException when they are not tied
     */
    public double strengthBetween(int a, int b) {
        return strength(tiedEdge(a, b));
    }

    private int tiedEdge(int a, int b) {
        int j = edge(a, b);
        if (j < 0) {
            throw new IllegalArgumentException("actors " + a + " and " + b + " are not tied");
        }
        return j;
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
     * docs/design.md lists them; actor indices are in id order).
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

    /** The bytes of the arrays, for {@link Network#arrayBytes()}. */
    long arrayBytes() {
        return 4L * (start.length + adj.length + kinds.length + kind.length) + 8L * strength.length;
    }

    private boolean kept(int a, int b) {
        return (removed == null || !removed[b]) && (cut.length == 0 || Arrays.binarySearch(cut, key(a, b)) < 0);
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** Each actor's component (-1 when removed) and each component's number of actors. */
    private record Components(int[] of, int[] size) {}

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
    private record Cuts(int[] points, long[] bridges) {}

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
