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
 * <p>Three indexes are built once per snapshot, when this is constructed:
 * <ul>
 * <li>a uniform grid of latitude-longitude cells over the municipalities (Bentley and Friedman,
 *     "Data structures for range searching", ACM Computing Surveys 11(4), 1979), so that only the
 *     cells meeting a box that holds every point within {@code maxKm} are read;</li>
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
    /** Municipalities per grid cell, about; and at most this many cells along a side. */
    private static final double MUNICIPALITIES_PER_CELL = 2;
    private static final int MAX_CELLS_PER_SIDE = 2048;

    private final Network network;

    /** The grid: cell (row, col) holds cellMun[cellStart[row * cols + col] ..]. */
    private final double minLat;
    private final double minLon;
    private final double maxLon;
    private final double cellLat;
    private final double cellLon;
    private final int rows;
    private final int cols;
    private final int[] cellStart;
    private final int[] cellMun;

    /**
     * For each territory t, offers[offerStart[t] ..] are (tin of category) << 32 | service for
     * every service available directly in t and each of its categories, ascending.
     */
    private final int[] offerStart;
    private final long[] offers;

    /**
     * The breadth-first search over the tie graph from the entry points every municipality shares
     * (the consortia): each actor's parent ({@link #ROOT} at an entry point, {@link #UNREACHED}
     * when no tie leads there), the kind of the tie to it, depth (hops) and root (the entry point
     * its route ends at).
     */
    private final int[] sharedParent;
    private final int[] sharedKind;
    private final int[] sharedDepth;
    private final int[] sharedRoot;
    /** For each municipality, its own entry points (its social services), ascending, or null when none. */
    private final int[][] localEntryPoints;

    /** Per-thread scratch arrays, so that a query allocates nothing in proportion to the network. */
    private final ThreadLocal<Scratch> scratch;

    public RingScanReferrals(Network network) {
        this.network = Objects.requireNonNull(network, "network");
        Network n = network;

        // ---- grid
        int[] muns = n.municipalities;
        double loLat = Double.POSITIVE_INFINITY;
        double hiLat = Double.NEGATIVE_INFINITY;
        double loLon = Double.POSITIVE_INFINITY;
        double hiLon = Double.NEGATIVE_INFINITY;
        for (int m : muns) {
            loLat = Math.min(loLat, n.lat[m]);
            hiLat = Math.max(hiLat, n.lat[m]);
            loLon = Math.min(loLon, n.lon[m]);
            hiLon = Math.max(hiLon, n.lon[m]);
        }
        if (muns.length == 0) {
            loLat = hiLat = loLon = hiLon = 0;
        }
        double side = Math.sqrt((hiLat - loLat) * (hiLon - loLon) * MUNICIPALITIES_PER_CELL / Math.max(1, muns.length));
        rows = side > 0 ? (int) Math.min(MAX_CELLS_PER_SIDE, Math.ceil((hiLat - loLat) / side)) : 1;
        cols = side > 0 ? (int) Math.min(MAX_CELLS_PER_SIDE, Math.ceil((hiLon - loLon) / side)) : 1;
        minLat = loLat;
        minLon = loLon;
        maxLon = hiLon;
        cellLat = hiLat > loLat ? (hiLat - loLat) / rows : 1;
        cellLon = hiLon > loLon ? (hiLon - loLon) / cols : 1;
        cellStart = new int[rows * cols + 1];
        cellMun = new int[muns.length];
        for (int m : muns) {
            cellStart[cell(n.lat[m], n.lon[m]) + 1]++;
        }
        for (int c = 0; c < rows * cols; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] cellFill = Arrays.copyOf(cellStart, rows * cols);
        for (int m : muns) {
            cellMun[cellFill[cell(n.lat[m], n.lon[m])]++] = m;
        }

        // ---- services by territory and category
        int nt = n.territoryCount();
        offerStart = new int[nt + 1];
        for (int t = 0; t < nt; t++) {
            int size = 0;
            for (int j = n.availStart[t]; j < n.availStart[t + 1]; j++) {
                int s = n.avail[j];
                size += n.svcCatStart[s + 1] - n.svcCatStart[s];
            }
            offerStart[t + 1] = offerStart[t] + size;
        }
        offers = new long[offerStart[nt]];
        for (int t = 0, w = 0; t < nt; t++) {
            for (int j = n.availStart[t]; j < n.availStart[t + 1]; j++) {
                int s = n.avail[j];
                for (int k = n.svcCatStart[s]; k < n.svcCatStart[s + 1]; k++) {
                    offers[w++] = ((long) n.tin[n.svcCat[k]] << 32) | s;
                }
            }
            Arrays.sort(offers, offerStart[t], offerStart[t + 1]);
        }

        // ---- routes from the entry points every municipality shares
        int[] shares = new int[n.actorCount()];
        int[][] entryPoints = new int[nt][];
        for (int m : muns) {
            entryPoints[m] = n.entryPoints(m);
            for (int a : entryPoints[m]) {
                shares[a]++;
            }
        }
        localEntryPoints = new int[nt][];
        for (int m : muns) {
            int[] local = Arrays.stream(entryPoints[m]).filter(a -> shares[a] < muns.length).toArray();
            localEntryPoints[m] = local.length == 0 ? null : local;
        }
        sharedParent = new int[n.actorCount()];
        sharedKind = new int[n.actorCount()];
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
            for (int j = n.adjStart[a]; j < n.adjStart[a + 1]; j++) {
                int b = n.adj[j];
                if (sharedParent[b] == UNREACHED) {
                    sharedParent[b] = a;
                    sharedKind[b] = n.adjKind[j];
                    sharedDepth[b] = sharedDepth[a] + 1;
                    sharedRoot[b] = sharedRoot[a];
                    queue[tail++] = b;
                }
            }
        }

        this.scratch = ThreadLocal.withInitial(() -> new Scratch(network));
    }

    /** The grid cell of a point of the municipalities' box. */
    private int cell(double lat, double lon) {
        int row = Math.min(rows - 1, (int) ((lat - minLat) / cellLat));
        int col = Math.min(cols - 1, (int) ((lon - minLon) / cellLon));
        return row * cols + col;
    }

    /** Marks by stamp: {@code seen[s] == stamp} means seen in this query; no clearing between queries. */
    private static final class Scratch {
        final int[] seen;
        /** A candidate service's slot in the candidate arrays, or -1 when it is not a candidate. */
        final int[] slotOf;
        final long[] order;
        final double[] dist;
        final int[] reached;
        final int[] depth;
        final int[] parent;
        final int[] root;
        final int[] kind;
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

        Scratch(Network n) {
            territoryStamp = new int[n.territoryCount()];
            territoryDist = new double[n.territoryCount()];
            seen = new int[n.serviceCount()];
            slotOf = new int[n.serviceCount()];
            order = new long[n.municipalities.length];
            dist = new double[n.territoryCount()];
            reached = new int[n.actorCount()];
            depth = new int[n.actorCount()];
            parent = new int[n.actorCount()];
            root = new int[n.actorCount()];
            kind = new int[n.actorCount()];
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
        Network n = network;
        double mLat = n.lat[m];
        double mLon = n.lon[m];
        long[] order = x.order;
        double[] dist = x.dist;
        int count = 0;
        // A box around the need that holds every point within maxKm: only the grid cells that meet
        // it are read, and in them the box skips the trigonometry for most municipalities.
        // Latitude: d >= R·|Δφ|. Longitude, from the haversine formula with both latitudes at
        // most φmax from the equator: sin(d/2R) >= cos φmax · sin(|Δλ|/2).
        double half = maxKm / (2 * Geo.EARTH_RADIUS_KM);
        double dLatMax = Math.toDegrees(2 * half) * 1.000001 + 1e-9;
        double cosMax = Math.cos(Math.toRadians(Math.min(90, Math.abs(mLat) + dLatMax)));
        double dLonMax = half >= Math.PI / 2 || Math.sin(half) >= cosMax ? 360
                : Math.toDegrees(2 * Math.asin(Math.sin(half) / cosMax)) * 1.000001 + 1e-9;
        int row0 = (int) Math.max(0, Math.min(rows - 1, Math.floor((mLat - dLatMax - minLat) / cellLat)));
        int row1 = (int) Math.max(0, Math.min(rows - 1, Math.floor((mLat + dLatMax - minLat) / cellLat)));
        // The longitudes within dLonMax of the need's, modulo 360°, as runs of columns.
        int from = 0;
        int to = cols - 1;
        int shift = 0;
        int lastShift = 0;
        if (dLonMax < 180) {
            shift = (int) Math.floor((minLon - (mLon + dLonMax)) / 360);
            lastShift = (int) Math.ceil((maxLon - (mLon - dLonMax)) / 360);
        }
        int done = -1;
        for (; shift <= lastShift; shift++) {
            if (dLonMax < 180) {
                double lo = mLon - dLonMax + 360.0 * shift;
                double hi = mLon + dLonMax + 360.0 * shift;
                if (hi < minLon || lo > maxLon) {
                    continue;
                }
                from = (int) Math.max(done + 1, Math.floor((lo - minLon) / cellLon));
                to = (int) Math.min(cols - 1, Math.floor((hi - minLon) / cellLon));
            }
            for (int row = row0; row <= row1; row++) {
                for (int c = cellStart[row * cols + from]; c < cellStart[row * cols + to + 1]; c++) {
                    int mun = cellMun[c];
                    if (Math.abs(n.lat[mun] - mLat) > dLatMax) {
                        continue;
                    }
                    double dLon = Math.abs(n.lon[mun] - mLon);
                    if (Math.min(dLon, 360 - dLon) > dLonMax) {
                        continue;
                    }
                    double d = mun == m ? 0 : Geo.distanceKm(mLat, mLon, n.lat[mun], n.lon[mun]);
                    if (d <= maxKm) {
                        dist[mun] = d;
                        order[count++] = ((long) Float.floatToIntBits((float) d) << 32) | mun;
                    }
                }
            }
            done = Math.max(done, to);
        }
        Arrays.sort(order, 0, count);
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
        long lowKey = (long) n.tin[q.category()] << 32;
        long highKey = (long) n.tout[q.category()] << 32;
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
            for (int t = mun; t >= 0; t = n.territoryParent[t]) {
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
                    if (!q.includeFull() && n.capacity[s] >= 0 && n.capacity[s] - n.occupied[s] <= 0) {
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
        int[] capacity = network.capacity;
        if ((capacity[sa] < 0) != (capacity[sb] < 0)) {
            return capacity[sa] >= 0;
        }
        if (capacity[sa] >= 0) {
            int freeA = capacity[sa] - network.occupied[sa];
            int freeB = capacity[sb] - network.occupied[sb];
            if (freeA != freeB) {
                return freeA > freeB;
            }
        }
        // Services are numbered in the order of their ids.
        return sa < sb;
    }

    private List<Referral> explain(int[] best, int size, int municipality, Scratch x) {
        Network n = network;
        int[] local = localEntryPoints[municipality];
        int stamp = x.next();
        if (local != null) {
            routesFromLocalEntryPoints(local, best, size, x, stamp);
        }
        List<Referral> referrals = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int c = best[i];
            int s = x.service[c];
            int p = n.provider(s);
            int length = 0;
            int end = p;
            for (; end >= 0; end = local(end, x, stamp) ? x.parent[end] : sharedParent[end]) {
                length++;
            }
            if (end == UNREACHED) {
                length = 0;
            }
            int[] route = new int[length];
            String[] ties = new String[Math.max(0, length - 1)];
            for (int j = 0, a = p; j < length; j++) {
                route[j] = a;
                if (j < length - 1) {
                    boolean fromLocal = local(a, x, stamp);
                    ties[j] = n.kindNames[fromLocal ? x.kind[a] : sharedKind[a]];
                    a = fromLocal ? x.parent[a] : sharedParent[a];
                }
            }
            int hops = length == 0 ? UNREACHABLE_HOPS : length - 1;
            double distance = x.distance[c];
            referrals.add(new Referral(s, distance, n.freePlaces(s), x.nearest[c], x.via[c],
                    route, List.of(ties), distance + hops));
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
        Network n = network;
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
            int p = n.provider(x.service[best[i]]);
            if (x.wanted[p] != stamp && reached[p] != stamp) {
                missing++;
                limit = Math.max(limit, sharedDepth[p]);
            }
            x.wanted[p] = stamp;
        }
        while (head < tail && missing > 0 && depth[queue[head]] < limit) {
            int a = queue[head++];
            int d = depth[a] + 1;
            for (int j = n.adjStart[a]; j < n.adjStart[a + 1]; j++) {
                int b = n.adj[j];
                if (reached[b] != stamp) {
                    reached[b] = stamp;
                    if (d <= sharedDepth[b]) {
                        depth[b] = d;
                        x.parent[b] = a;
                        x.kind[b] = n.adjKind[j];
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
