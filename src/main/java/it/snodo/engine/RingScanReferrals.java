package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Referrals by a scan of municipalities in rings of growing distance from the need.
 *
 * <p>The municipalities within {@code maxKm} are taken nearest first; each brings the services
 * that cover it (available in it or in a territory it is part of) and that cover the category;
 * the first municipality at which a service is met gives its distance, which is the smallest by
 * construction; the scan stops as soon as k candidates are certain and no farther municipality can
 * tie them. Candidates are ranked by distance, then free places (more first, unknown last), then
 * id, keeping the best k in a bounded heap. This is the nearest-neighbour search of a k-NN query
 * over a precomputed coverage index (see e.g. Roussopoulos et al., "Nearest neighbor queries",
 * SIGMOD 1995), with the distance of a service being that of its nearest covered municipality.
 *
 * <p>The municipalities within {@code maxKm} come from the snapshot's {@link MunicipalityGrid}
 * (a uniform grid of latitude-longitude cells). Two indexes are built once per snapshot, when
 * this is constructed:
 * <ul>
 * <li>for each territory, the services available directly in it by category, sorted by the
 *     category's place in the Euler tour of the category tree: the services covering a category
 *     or a descendant are one run, found by binary search;</li>
 * <li>the breadth-first search over the tie graph from the entry points every municipality
 *     shares (the consortia), kept whole: each actor's parent, depth and root.</li>
 * </ul>
 *
 * <p>Each referral is then explained by the shortest tie route from its provider to an entry
 * point of the network, as one breadth-first search from all the need's entry points at once
 * (ascending, each actor's ties ascending) finds it. That search reaches an actor first along
 * its shortest routes, and among them along the one from the entry point of lowest index; so
 * the route is read from the shared search, except where the need's municipality has social
 * services of its own (entry points too): a search from those alone, limited to the actors at
 * least as near them as the consortia, says which actors take their parent from it instead.
 */
public final class RingScanReferrals implements ReferralAlgorithm {

    /** The hops a referral's cost counts when no tie leads to its provider. */
    public static final int UNREACHABLE_HOPS = 10;

    private static final int ROOT = -1;
    private static final int UNREACHED = -2;

    private final Network network;

    /** The territory tree, and the municipalities within a distance. */
    private final Territories territories;
    /** The services: where each is available, its categories, provider and free places. */
    private final Services services;
    /** The tie graph, along which a referral's route runs. */
    private final TieGraph ties;

    /**
     * For each territory t, offers[offerStart[t] ..] are (tin of category) << 32 | service for
     * every service available directly in t and each of its categories, ascending.
     */
    private final int[] offerStart;

    private final long[] offers;

    /**
     * The breadth-first search over the tie graph from the entry points every municipality shares
     * (the consortia): each actor's parent ({@link #ROOT} at an entry point, {@link #UNREACHED}
     * when no tie leads there), the edge from its parent to it (whose kind names the tie), depth
     * (hops) and root (the entry point its route ends at).
     */
    private final int[] sharedParent;

    private final int[] sharedEdge;
    private final int[] sharedDepth;
    private final int[] sharedRoot;
    /** For each municipality, its own entry points (its social services), ascending, or null when none. */
    private final int[][] localEntryPoints;

    /** Per-thread scratch arrays, so that a query allocates nothing in proportion to the network. */
    private final ThreadLocal<Scratch> scratch;

    public RingScanReferrals(Network network) {
        this.network = Objects.requireNonNull(network, "network");
        Network n = network;

        territories = n.territories();
        services = n.services();
        ties = n.tieGraph();
        int[] muns = territories.municipalities();

        // ---- services by territory and category
        int nt = n.territoryCount();
        offerStart = new int[nt + 1];
        for (int t = 0; t < nt; t++) {
            int size = 0;
            for (int j = 0; j < services.availableCountIn(t); j++) {
                size += services.categoryCountOf(services.availableIn(t, j));
            }
            offerStart[t + 1] = offerStart[t] + size;
        }
        offers = new long[offerStart[nt]];
        for (int t = 0, w = 0; t < nt; t++) {
            for (int j = 0; j < services.availableCountIn(t); j++) {
                int s = services.availableIn(t, j);
                for (int k = 0; k < services.categoryCountOf(s); k++) {
                    offers[w++] = ((long) n.categories().tin(services.categoryOf(s, k)) << 32) | s;
                }
            }
            Arrays.sort(offers, offerStart[t], offerStart[t + 1]);
        }

        // ---- routes from the entry points every municipality shares
        int[] shares = new int[n.actorCount()];
        int[][] entryPoints = new int[nt][];
        for (int m : muns) {
            entryPoints[m] = n.actors().entryPoints(m);
            for (int a : entryPoints[m]) {
                shares[a]++;
            }
        }
        localEntryPoints = new int[nt][];
        for (int m : muns) {
            int[] local = Arrays.stream(entryPoints[m])
                    .filter(a -> shares[a] < muns.length)
                    .toArray();
            localEntryPoints[m] = local.length == 0 ? null : local;
        }
        sharedParent = new int[n.actorCount()];
        sharedEdge = new int[n.actorCount()];
        sharedDepth = new int[n.actorCount()];
        sharedRoot = new int[n.actorCount()];
        Arrays.fill(sharedParent, UNREACHED);
        Arrays.fill(sharedDepth, Integer.MAX_VALUE);
        int[] queue = new int[n.actorCount()];
        int head = 0;
        int tail = 0;
        for (int a = 0; a < n.actorCount(); a++) {
            if (muns.length > 0 && shares[a] == muns.length) {
                sharedParent[a] = ROOT;
                sharedDepth[a] = 0;
                sharedRoot[a] = a;
                queue[tail++] = a;
            }
        }
        while (head < tail) {
            int a = queue[head++];
            for (int j = ties.edgeStart(a); j < ties.edgeEnd(a); j++) {
                int b = ties.target(j);
                if (sharedParent[b] == UNREACHED) {
                    sharedParent[b] = a;
                    sharedEdge[b] = j;
                    sharedDepth[b] = sharedDepth[a] + 1;
                    sharedRoot[b] = sharedRoot[a];
                    queue[tail++] = b;
                }
            }
        }

        this.scratch = ThreadLocal.withInitial(() -> new Scratch(network));
    }

    /** Marks by stamp: {@code seen[s] == stamp} means seen in this query; no clearing between queries. */
    private static final class Scratch implements MunicipalityGrid.Visitor {
        final int[] seen;
        /** A candidate service's slot in the candidate arrays, or -1 when it is not a candidate. */
        final int[] slotOf;

        final long[] order;
        final double[] dist;
        final int[] reached;
        final int[] depth;
        final int[] parent;
        final int[] root;
        final int[] edge;
        final int[] queue;
        final int[] wanted;
        final int[] territoryStamp;
        final double[] territoryDist;
        int[] service = new int[64];
        double[] distance = new double[64];
        int[] nearest = new int[64];
        /** The territory the candidate is available in that covers its nearest municipality. */
        int[] via = new int[64];

        int[] heap = new int[16];
        int stamp;
        /** The municipalities in reach so far, in {@link #order}. */
        int count;

        Scratch(Network n) {
            territoryStamp = new int[n.territoryCount()];
            territoryDist = new double[n.territoryCount()];
            seen = new int[n.serviceCount()];
            slotOf = new int[n.serviceCount()];
            order = new long[n.territories().municipalities().length];
            dist = new double[n.territoryCount()];
            reached = new int[n.actorCount()];
            depth = new int[n.actorCount()];
            parent = new int[n.actorCount()];
            root = new int[n.actorCount()];
            edge = new int[n.actorCount()];
            queue = new int[n.actorCount()];
            wanted = new int[n.actorCount()];
        }

        /** Room for candidate slot {@code i}. */
        void reserve(int i) {
            if (i == service.length) {
                service = Arrays.copyOf(service, 2 * i);
                distance = Arrays.copyOf(distance, 2 * i);
                nearest = Arrays.copyOf(nearest, 2 * i);
                via = Arrays.copyOf(via, 2 * i);
            }
        }

        int[] heap(int size) {
            if (heap.length < size) {
                heap = new int[size];
            }
            return heap;
        }

        /** A municipality in reach: its exact distance, and its place in the order to sort. */
        @Override
        public void accept(int mun, double d) {
            dist[mun] = d;
            order[count++] = ((long) Float.floatToIntBits((float) d) << 32) | mun;
        }

        int next() {
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                Arrays.fill(territoryStamp, 0);
                Arrays.fill(reached, 0);
                Arrays.fill(wanted, 0);
                stamp = 1;
            }
            return stamp;
        }
    }

    @Override
    public List<Referral> referrals(Query q) {
        Network n = network;
        if (q.municipality() < 0 || q.municipality() >= n.territoryCount() || !n.isMunicipality(q.municipality())) {
            throw new IllegalArgumentException("the territory is not a municipality");
        }
        if (q.k() < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        if (!(q.maxKm() >= 0)) {
            throw new IllegalArgumentException("maxKm must be 0 or more");
        }
        int m = q.municipality();
        Scratch x = scratch.get();
        int stamp = x.next();
        int count = inReach(m, q.maxKm(), x);
        int found = scan(q, count, x, stamp);
        int[] best = x.heap(Math.min(q.k(), found));
        int size = best(q.k(), found, x, best);
        return explain(best, size, m, x);
    }

    /**
     * Puts the municipalities within maxKm of m in {@code x.order}, nearest first (ordered by
     * float distance, index; the exact distance is kept in {@code x.dist} and a service met again
     * nearer is corrected by the scan), and gives how many.
     */
    private int inReach(int m, double maxKm, Scratch x) {
        x.count = 0;
        territories.within(m, maxKm, x);
        int count = x.count;
        Arrays.sort(x.order, 0, count);
        return count;
    }

    /**
     * Scans the first {@code count} municipalities of {@code x.order} for candidates, into the
     * candidate arrays of x, and gives how many.
     */
    private int scan(Query q, int count, Scratch x, int stamp) {
        Network n = network;
        long[] order = x.order;
        double[] dist = x.dist;
        int[] slotOf = x.slotOf;
        int[] seen = x.seen;
        long lowKey = (long) n.categories().tin(q.category()) << 32;
        long highKey = (long) n.categories().tout(q.category()) << 32;
        int found = 0;
        float kth = Float.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            int mun = (int) order[i];
            double d = dist[mun];
            // Candidates are met in order of float distance, corrections keep it, so the k-th
            // smallest float distance is that of the municipality where the k-th was met; and the
            // scan goes by float distance: every municipality that may tie the k-th is visited.
            if ((float) d > kth) {
                break;
            }
            // The services available in the municipality, then in each territory it is part of:
            // a territory is scanned once, at its nearest municipality (again only if a nearer one
            // turns up among equal float distances), so a district-wide service is met once. The
            // territories below the first scanned already are all scanned, upwards, so the one a
            // service is met in is the nearest it is available in.
            for (int t = mun; t >= 0; t = territories.parent(t)) {
                if (x.territoryStamp[t] == stamp && x.territoryDist[t] <= d) {
                    break;
                }
                x.territoryStamp[t] = stamp;
                x.territoryDist[t] = d;
                int end = offerStart[t + 1];
                for (int j = lowerBound(offers, offerStart[t], end, lowKey); j < end && offers[j] < highKey; j++) {
                    int s = (int) offers[j];
                    if (seen[s] == stamp) {
                        int at = slotOf[s];
                        if (at >= 0 && d < x.distance[at]) {
                            x.distance[at] = d;
                            x.nearest[at] = mun;
                            x.via[at] = t;
                        }
                        continue;
                    }
                    seen[s] = stamp;
                    slotOf[s] = -1;
                    if (!q.includeFull() && services.isFull(s)) {
                        continue;
                    }
                    x.reserve(found);
                    slotOf[s] = found;
                    x.service[found] = s;
                    x.distance[found] = d;
                    x.nearest[found] = mun;
                    x.via[found] = t;
                    found++;
                }
            }
            if (found >= q.k() && kth == Float.POSITIVE_INFINITY) {
                kth = (float) d;
            }
        }
        return found;
    }

    /** The first index in a[from, to) whose value is at least key. */
    private static int lowerBound(long[] a, int from, int to, long key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The best k of the {@code found} candidate slots into {@code best}, best first, and how many:
     * a max-heap of the best so far, its worst at the root, then emptied from the back.
     */
    private int best(int k, int found, Scratch x, int[] best) {
        int size = 0;
        for (int c = 0; c < found; c++) {
            if (size < k) {
                int i = size++;
                while (i > 0 && before(x, best[(i - 1) / 2], c)) {
                    best[i] = best[(i - 1) / 2];
                    i = (i - 1) / 2;
                }
                best[i] = c;
            } else if (before(x, c, best[0])) {
                siftDown(x, best, size, c);
            }
        }
        for (int end = size - 1; end > 0; end--) {
            int worst = best[0];
            siftDown(x, best, end, best[end]);
            best[end] = worst;
        }
        return size;
    }

    /** Puts c at the root of the max-heap best[0, size) and moves it down to its place. */
    private void siftDown(Scratch x, int[] best, int size, int c) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(x, best[child], best[child + 1])) {
                child++;
            }
            if (!before(x, c, best[child])) {
                break;
            }
            best[i] = best[child];
            i = child;
        }
        best[i] = c;
    }

    /** True when candidate slot a ranks before b: nearer, then more free places (unknown last), then lower id. */
    private boolean before(Scratch x, int a, int b) {
        int byDistance = Double.compare(x.distance[a], x.distance[b]);
        if (byDistance != 0) {
            return byDistance < 0;
        }
        int sa = x.service[a];
        int sb = x.service[b];
        int capacityA = services.capacity(sa);
        int capacityB = services.capacity(sb);
        if ((capacityA < 0) != (capacityB < 0)) {
            return capacityA >= 0;
        }
        if (capacityA >= 0) {
            int freeA = capacityA - services.occupied(sa);
            int freeB = capacityB - services.occupied(sb);
            if (freeA != freeB) {
                return freeA > freeB;
            }
        }
        // Services are numbered in the order of their ids.
        return sa < sb;
    }

    private List<Referral> explain(int[] best, int size, int municipality, Scratch x) {
        int[] local = localEntryPoints[municipality];
        int stamp = x.next();
        if (local != null) {
            routesFromLocalEntryPoints(local, best, size, x, stamp);
        }
        List<Referral> referrals = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int c = best[i];
            int s = x.service[c];
            int p = services.provider(s);
            int length = 0;
            int end = p;
            for (; end >= 0; end = local(end, x, stamp) ? x.parent[end] : sharedParent[end]) {
                length++;
            }
            if (end == UNREACHED) {
                length = 0;
            }
            int[] route = new int[length];
            String[] kinds = new String[Math.max(0, length - 1)];
            for (int j = 0, a = p; j < length; j++) {
                route[j] = a;
                if (j < length - 1) {
                    boolean fromLocal = local(a, x, stamp);
                    kinds[j] = ties.kind(fromLocal ? x.edge[a] : sharedEdge[a]);
                    a = fromLocal ? x.parent[a] : sharedParent[a];
                }
            }
            int hops = length == 0 ? UNREACHABLE_HOPS : length - 1;
            double distance = x.distance[c];
            referrals.add(new Referral(
                    s,
                    distance,
                    services.freePlaces(s),
                    x.nearest[c],
                    x.via[c],
                    route,
                    List.of(kinds),
                    distance + hops));
        }
        return referrals;
    }

    /**
     * True when actor a takes its parent (and the tie to it) from the search from the local entry
     * points, false when from the shared one, in the breadth-first search from all the need's
     * entry points at once (its sources ascending, each actor's ties ascending).
     *
     * <p>That search reaches an actor first along its shortest routes from a source, and among
     * them along the one whose source comes first (then whose hops come first in the adjacency).
     * So an actor nearer the shared entry points than the local ones, or as near but with a
     * shared source of lower index, keeps its parent in the shared search; else it takes the one
     * of the search from the local entry points ({@link #routesFromLocalEntryPoints}).
     */
    private boolean local(int a, Scratch x, int stamp) {
        if (x.reached[a] != stamp || x.depth[a] < 0) {
            return false;
        }
        int shared = sharedDepth[a];
        return x.depth[a] < shared || x.depth[a] == shared && x.root[a] < sharedRoot[a];
    }

    /**
     * The breadth-first search over the tie graph from the local entry points at once, into the
     * scratch arrays, limited to the actors at most as far from them as from the shared entry
     * points (the others keep their shared parent, and so does every actor on a shortest route
     * to them); stopped as soon as every provider of the referrals is settled. An actor is
     * reached when its {@code x.reached} is the stamp, with {@code x.depth} -1 when it is farther
     * from the local entry points than from the shared ones.
     */
    private void routesFromLocalEntryPoints(int[] local, int[] best, int size, Scratch x, int stamp) {
        int[] reached = x.reached;
        int[] depth = x.depth;
        int[] queue = x.queue;
        int head = 0;
        int tail = 0;
        for (int a : local) {
            reached[a] = stamp;
            depth[a] = 0;
            x.parent[a] = ROOT;
            x.root[a] = a;
            queue[tail++] = a;
        }
        int missing = 0;
        int limit = 0;
        for (int i = 0; i < size; i++) {
            int p = services.provider(x.service[best[i]]);
            if (x.wanted[p] != stamp && reached[p] != stamp) {
                missing++;
                limit = Math.max(limit, sharedDepth[p]);
            }
            x.wanted[p] = stamp;
        }
        while (head < tail && missing > 0 && depth[queue[head]] < limit) {
            int a = queue[head++];
            int d = depth[a] + 1;
            for (int j = ties.edgeStart(a); j < ties.edgeEnd(a); j++) {
                int b = ties.target(j);
                if (reached[b] != stamp) {
                    reached[b] = stamp;
                    if (d <= sharedDepth[b]) {
                        depth[b] = d;
                        x.parent[b] = a;
                        x.edge[b] = j;
                        x.root[b] = x.root[a];
                        queue[tail++] = b;
                    } else {
                        depth[b] = -1;
                    }
                    if (x.wanted[b] == stamp) {
                        missing--;
                    }
                }
            }
        }
    }
}
