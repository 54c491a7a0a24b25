package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * K shortest loopless paths by Yen's algorithm (J. Y. Yen, "Finding the K shortest loopless paths
 * in a network", Management Science 17(11), 1971), run on a bounded part of the tie graph.
 *
 * <p>Paths are ordered by hops, then by strength (the sum, in order from {@code from}, of each
 * pair's strongest tie; larger first), then by their actors' ids position by position. That order
 * is kept by extending a path, so each spur path of Yen's algorithm is found by one breadth-first
 * search from the spur actor, a layer at a time, each actor keeping its best way in: the
 * strongest, and among as strong ones the first by actors (each layer is ranked by its ways in).
 *
 * <p>The bound: a path of at most L hops passes only through actors v with
 * {@code d(from, v) + d(v, to) ≤ L} (d: hops). Yen runs on the part of those actors for
 * L = d(from, to) + slack, keeping only paths of at most L hops, with the slack growing
 * (0, 1, 2, 4, ...) until it yields k paths, or the part is the whole component and every path
 * counts. The answer is exact; the search touches the neighbourhood of the shortest paths, not
 * the whole network: d(from, to) comes from breadth-first searches from both ends that stop where
 * they meet, the part from searches that go on only from actors that can still be in it, and
 * actors in different components (the snapshot's {@link TieGraph} knows them) are answered at once.
 */
public final class BoundedYenConnectionPaths implements ConnectionPathAlgorithm {

    /** Hops, then the stronger, then the actor indices (ordered as the ids) position by position. */
    private static final Comparator<Route> ORDER = Comparator.comparingInt(Route::hops)
            .thenComparing(Route::strength, Comparator.reverseOrder())
            .thenComparing(Route::actors, Arrays::compare);

    private final Network network;
    /** The tie graph: its edges, and the components that answer unconnected actors at once. */
    private final TieGraph ties;
    /** Scratch arrays of finished queries, for the next ones: as many as queries ever ran at once. */
    private final Queue<Scratch> idle = new ConcurrentLinkedQueue<>();

    public BoundedYenConnectionPaths(Network network) {
        this.network = Objects.requireNonNull(network, "network");
        this.ties = network.tieGraph();
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
        Scratch s = idle.poll();
        if (s == null) {
            s = new Scratch(n);
        }
        try {
            return paths(s, from, to, k);
        } finally {
            idle.offer(s);
        }
    }

    private List<ConnectionPath> paths(Scratch s, int from, int to, int k) {
        int component = ties.componentOf(from);
        if (ties.componentOf(to) != component) {
            return List.of();
        }
        int shortest = distance(s, from, to);
        for (int slack = 0; ; slack = slack == 0 ? 1 : slack * 2) {
            int limit = shortest + slack;
            int part = s.stamp();
            // Once the part is the whole component, every path is in it; before, only those of
            // at most `limit` hops are sure to have no better rival outside it.
            boolean whole = part(s, part, from, to, limit) == ties.componentSize(component);
            List<Route> found = yen(s, part, from, to, k, whole ? Integer.MAX_VALUE : limit);
            if (found.size() >= k || whole) {
                List<ConnectionPath> paths = new ArrayList<>(found.size());
                for (Route r : found) {
                    paths.add(toPath(r));
                }
                return List.copyOf(paths);
            }
        }
    }

    /**
     * d(from, to) for two connected actors: breadth-first searches from both, a layer of the
     * smaller frontier at a time, until they meet.
     */
    private int distance(Scratch s, int from, int to) {
        int fromSeen = s.stamp();
        int toSeen = s.stamp();
        int[] fromQueue = s.queue;
        int[] toQueue = s.otherQueue;
        int fromHead = 0;
        int fromTail = 0;
        int toHead = 0;
        int toTail = 0;
        s.fromMark[from] = fromSeen;
        s.fromHops[from] = 0;
        fromQueue[fromTail++] = from;
        s.toMark[to] = toSeen;
        s.toHops[to] = 0;
        toQueue[toTail++] = to;
        while (fromHead < fromTail && toHead < toTail) {
            if (fromTail - fromHead <= toTail - toHead) {
                for (int end = fromTail; fromHead < end; fromHead++) {
                    int a = fromQueue[fromHead];
                    for (int j = ties.edgeStart(a); j < ties.edgeEnd(a); j++) {
                        int b = ties.target(j);
                        if (s.toMark[b] == toSeen) {
                            return s.fromHops[a] + 1 + s.toHops[b];
                        }
                        if (s.fromMark[b] != fromSeen) {
                            s.fromMark[b] = fromSeen;
                            s.fromHops[b] = s.fromHops[a] + 1;
                            fromQueue[fromTail++] = b;
                        }
                    }
                }
            } else {
                for (int end = toTail; toHead < end; toHead++) {
                    int a = toQueue[toHead];
                    for (int j = ties.edgeStart(a); j < ties.edgeEnd(a); j++) {
                        int b = ties.target(j);
                        if (s.fromMark[b] == fromSeen) {
                            return s.toHops[a] + 1 + s.fromHops[b];
                        }
                        if (s.toMark[b] != toSeen) {
                            s.toMark[b] = toSeen;
                            s.toHops[b] = s.toHops[a] + 1;
                            toQueue[toTail++] = b;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException(network.actorId(from) + " and " + network.actorId(to) + " are not connected");
    }

    /**
     * Marks the part for paths of at most {@code limit} hops, the actors v with
     * {@code d(from, v) + d(v, to) ≤ limit}, with their hops to {@code to}; returns how many there
     * are. Three breadth-first searches stay near the part: from {@code to} up to half the limit;
     * from {@code from}, going on only from actors that the first search does not rule out; from
     * {@code to} again, going on only from actors in the part. Every actor on a shortest way from
     * either end to an actor of the part is in the part too, so the hops found are exact there.
     */
    private int part(Scratch s, int part, int from, int to, int limit) {
        int[] queue = s.queue;
        int radius = limit / 2;
        int near = s.stamp();
        int head = 0;
        int tail = 0;
        s.toMark[to] = near;
        s.toHops[to] = 0;
        queue[tail++] = to;
        while (head < tail && s.toHops[queue[head]] < radius) {
            int a = queue[head++];
            for (int j = ties.edgeStart(a); j < ties.edgeEnd(a); j++) {
                int b = ties.target(j);
                if (s.toMark[b] != near) {
                    s.toMark[b] = near;
                    s.toHops[b] = s.toHops[a] + 1;
                    queue[tail++] = b;
                }
            }
        }
        int fromSeen = s.stamp();
        head = 0;
        tail = 0;
        s.fromMark[from] = fromSeen;
        s.fromHops[from] = 0;
        queue[tail++] = from;
        while (head < tail) {
            int a = queue[head++];
            // Beyond the first search's radius, an actor is at least radius + 1 hops from `to`.
            if (s.fromHops[a] + (s.toMark[a] == near ? s.toHops[a] : radius + 1) > limit) {
                continue;
            }
            for (int j = ties.edgeStart(a); j < ties.edgeEnd(a); j++) {
                int b = ties.target(j);
                if (s.fromMark[b] != fromSeen) {
                    s.fromMark[b] = fromSeen;
                    s.fromHops[b] = s.fromHops[a] + 1;
                    queue[tail++] = b;
                }
            }
        }
        int toSeen = s.stamp();
        int count = 0;
        head = 0;
        tail = 0;
        s.toMark[to] = toSeen;
        s.toHops[to] = 0;
        queue[tail++] = to;
        while (head < tail) {
            int a = queue[head++];
            if (s.fromMark[a] != fromSeen || s.fromHops[a] + s.toHops[a] > limit) {
                continue;
            }
            s.partMark[a] = part;
            count++;
            for (int j = ties.edgeStart(a); j < ties.edgeEnd(a); j++) {
                int b = ties.target(j);
                if (s.toMark[b] != toSeen) {
                    s.toMark[b] = toSeen;
                    s.toHops[b] = s.toHops[a] + 1;
                    queue[tail++] = b;
                }
            }
        }
        return count;
    }

    /**
     * A path being ranked: its actors, the strength of each hop, their sum in order, and where it
     * left the path it was found from (the index of the last actor they share).
     */
    private record Route(int[] actors, double[] steps, double strength, int deviation) {

        int hops() {
            return actors.length - 1;
        }
    }

    /** Up to k best paths of at most {@code maxHops} hops inside the part, best first. */
    private List<Route> yen(Scratch s, int part, int from, int to, int k, int maxHops) {
        List<Route> found = new ArrayList<>(k);
        List<Route> candidates = new ArrayList<>();
        Route first = deviation(s, part, found, new Route(new int[] {from}, new double[0], 0, 0), 0, to, maxHops);
        if (first == null) {
            return found;
        }
        found.add(first);
        while (found.size() < k) {
            Route last = found.get(found.size() - 1);
            // Leaving it before its own deviation gives nothing new (E. L. Lawler, Management
            // Science 18(7), 1972): those paths were candidates when the path it left was found.
            for (int i = last.deviation(); i < last.hops(); i++) {
                Route c = deviation(s, part, found, last, i, to, maxHops);
                if (c != null && candidates.stream().noneMatch(d -> Arrays.equals(d.actors, c.actors))) {
                    candidates.add(c);
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            Route best = candidates.get(0);
            for (Route c : candidates) {
                if (ORDER.compare(c, best) < 0) {
                    best = c;
                }
            }
            candidates.remove(best);
            found.add(best);
        }
        found.sort(ORDER);
        return found;
    }

    /**
     * The best path that follows {@code base} up to its actor at {@code at}, then leaves it by a
     * hop no path found so far with the same beginning takes, never coming back to that beginning;
     * null when there is none of at most {@code maxHops} hops.
     */
    private Route deviation(Scratch s, int part, List<Route> found, Route base, int at, int to, int maxHops) {
        int[] root = base.actors;
        int blocked = s.stamp();
        double strength = 0;
        for (int i = 0; i < at; i++) {
            s.blockMark[root[i]] = blocked;
            strength += base.steps[i];
        }
        int cut = s.stamp();
        for (Route r : found) {
            if (r.actors.length > at + 1 && Arrays.equals(r.actors, 0, at + 1, root, 0, at + 1)) {
                s.cutMark[r.actors[at + 1]] = cut;
            }
        }
        int hops = spurPath(s, part, blocked, cut, root[at], strength, to, maxHops - at);
        if (hops < 0) {
            return null;
        }
        int[] actors = Arrays.copyOf(root, at + 1 + hops);
        double[] steps = Arrays.copyOf(base.steps, at + hops);
        for (int i = at + hops, v = to; i > at; i--, v = s.pred[v]) {
            actors[i] = v;
            steps[i - 1] = s.step[v];
        }
        return new Route(actors, steps, s.best[to], at);
    }

    /**
     * The best path from {@code spur} to {@code to} of at most {@code maxHops} hops, through the
     * part but not the blocked actors, and not by a first hop to a cut actor: a breadth-first search
     * from {@code spur}, a layer at a time, each actor keeping its best way in, the strength summed
     * in order on from {@code strength} (the way so far) just as the answer sums it. Between ways
     * as strong, the one first by actors wins: each layer is ranked by the rank of each actor's
     * way in, then by the actor. Leaves the path in {@code pred} and {@code step} back from
     * {@code to}, its strength in {@code best[to]}; returns its hops, or -1 when there is none.
     */
    private int spurPath(Scratch s, int part, int blocked, int cut, int spur, double strength, int to, int maxHops) {
        int seen = s.stamp();
        int[] queue = s.queue;
        int head = 0;
        int tail = 0;
        s.seenMark[spur] = seen;
        s.seenHops[spur] = 0;
        s.best[spur] = strength;
        s.rank[spur] = 0;
        queue[tail++] = spur;
        for (int depth = 0; depth < maxHops && head < tail; depth++) {
            int layer = tail;
            for (; head < layer; head++) {
                int w = queue[head];
                for (int j = ties.edgeStart(w); j < ties.edgeEnd(w); j++) {
                    int v = ties.target(j);
                    if (s.partMark[v] != part
                            || s.blockMark[v] == blocked
                            || depth == 0 && s.cutMark[v] == cut
                            || depth + 1 + s.toHops[v] > maxHops) {
                        continue;
                    }
                    double sum = s.best[w] + ties.strength(j);
                    if (s.seenMark[v] != seen) {
                        s.seenMark[v] = seen;
                        s.seenHops[v] = depth + 1;
                        queue[tail++] = v;
                    } else if (s.seenHops[v] != depth + 1
                            || sum < s.best[v]
                            || sum == s.best[v] && s.rank[w] > s.rank[s.pred[v]]) {
                        continue;
                    }
                    s.best[v] = sum;
                    s.pred[v] = w;
                    s.step[v] = ties.strength(j);
                }
            }
            if (s.seenMark[to] == seen) {
                return depth + 1;
            }
            long[] order = s.order;
            for (int i = layer; i < tail; i++) {
                order[i] = (long) s.rank[s.pred[queue[i]]] << 32 | queue[i];
            }
            Arrays.sort(order, layer, tail);
            for (int i = layer; i < tail; i++) {
                s.rank[(int) order[i]] = i - layer;
            }
        }
        return -1;
    }

    private ConnectionPath toPath(Route r) {
        List<String> kinds = new ArrayList<>(r.hops());
        for (int i = 1; i < r.actors.length; i++) {
            kinds.add(ties.kindBetween(r.actors[i - 1], r.actors[i]));
        }
        return new ConnectionPath(r.actors, List.copyOf(kinds), r.strength);
    }

    /**
     * Per-actor arrays for one query at a time. An entry counts only where its mark array holds
     * the stamp of the current search, so nothing is cleared between searches.
     */
    private static final class Scratch {

        private final int[] queue;
        private final int[] otherQueue;
        private final int[] fromMark;
        private final int[] fromHops;
        private final int[] toMark;
        private final int[] toHops;
        private final int[] partMark;
        private final int[] blockMark;
        private final int[] cutMark;
        private final int[] seenMark;
        private final int[] seenHops;
        /** The spur search's best way into each actor: the actor before, the hop's strength, the sum. */
        private final int[] pred;

        private final double[] step;
        private final double[] best;
        /** The rank of each actor's way in within its layer, by actors; and room to sort a layer. */
        private final int[] rank;

        private final long[] order;
        private int stamp;

        Scratch(int n) {
            queue = new int[n];
            otherQueue = new int[n];
            fromMark = new int[n];
            fromHops = new int[n];
            toMark = new int[n];
            toHops = new int[n];
            partMark = new int[n];
            blockMark = new int[n];
            cutMark = new int[n];
            seenMark = new int[n];
            seenHops = new int[n];
            pred = new int[n];
            step = new double[n];
            best = new double[n];
            rank = new int[n];
            order = new long[n];
        }

        /** A stamp no mark array holds yet. */
        int stamp() {
            if (stamp == Integer.MAX_VALUE) {
                for (int[] mark : List.of(fromMark, toMark, partMark, blockMark, cutMark, seenMark)) {
                    Arrays.fill(mark, 0);
                }
                stamp = 0;
            }
            return ++stamp;
        }
    }
}
