package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Referrals by a scan of municipalities in rings of growing distance from the need.
 *
 * <p>The municipalities within {@code maxKm} are taken nearest first; each brings the services
 * that cover it (a precomputed index: available in it or in a territory it is part of), of which
 * those covering the category (an interval test on the category tree's Euler tour) are
 * candidates. The first municipality at which a service is met gives its distance, which is the
 * smallest by construction; the scan stops as soon as k candidates are certain and no farther
 * municipality can tie them. Candidates are ranked by distance, then free places (more first,
 * unknown last), then id. This is the nearest-neighbour search of a k-NN query over a
 * precomputed coverage index (see e.g. Roussopoulos et al., "Nearest neighbor queries", SIGMOD
 * 1995), with the distance of a service being that of its nearest covered municipality.
 *
 * <p>Each referral is then explained by the shortest tie route from its provider to an entry
 * point of the network, found by one breadth-first search from all entry points at once.
 */
public final class RingScanReferrals implements ReferralAlgorithm {

    /** The hops a referral's cost counts when no tie leads to its provider. */
    public static final int UNREACHABLE_HOPS = 10;

    private final Network network;
    /** Per-thread scratch arrays, so that a query allocates nothing in proportion to the network. */
    private final ThreadLocal<Scratch> scratch;

    public RingScanReferrals(Network network) {
        this.network = Objects.requireNonNull(network, "network");
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(network));
    }

    /** Marks by stamp: {@code seen[s] == stamp} means seen in this query; no clearing between queries. */
    private static final class Scratch {
        final int[] seen;
        final int[] foundAt;
        final long[] order;
        final double[] dist;
        final int[] parent;
        final int[] parentStamp;
        final int[] queue;
        final int[] wanted;
        final int[] territoryStamp;
        final double[] territoryDist;
        double[] distances = new double[64];
        int stamp;

        Scratch(Network n) {
            territoryStamp = new int[n.territoryCount()];
            territoryDist = new double[n.territoryCount()];
            seen = new int[n.serviceCount()];
            foundAt = new int[n.serviceCount()];
            order = new long[n.municipalities.length];
            dist = new double[n.territoryCount()];
            parent = new int[n.actorCount()];
            parentStamp = new int[n.actorCount()];
            queue = new int[n.actorCount()];
            wanted = new int[n.actorCount()];
        }

        double[] distances(int size) {
            if (distances.length < size) {
                distances = new double[Math.max(size, 2 * distances.length)];
            }
            return distances;
        }

        int next() {
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                Arrays.fill(territoryStamp, 0);
                Arrays.fill(parentStamp, 0);
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
        double mLat = n.lat[m];
        double mLon = n.lon[m];
        Scratch x = scratch.get();
        int stamp = x.next();

        // The municipalities within maxKm, nearest first (ordered by float distance, index; the
        // exact distance is kept and a service met again nearer is corrected below).
        int[] muns = n.municipalities;
        long[] order = x.order;
        double[] dist = x.dist;
        int count = 0;
        // A box around the need that holds every point within maxKm skips the trigonometry for
        // most municipalities. Latitude: d >= R·|Δφ|. Longitude, from the haversine formula with
        // both latitudes at most φmax from the equator: sin(d/2R) >= cos φmax · sin(|Δλ|/2).
        double half = q.maxKm() / (2 * Geo.EARTH_RADIUS_KM);
        double dLatMax = Math.toDegrees(2 * half) * 1.000001 + 1e-9;
        double cosMax = Math.cos(Math.toRadians(Math.min(90, Math.abs(mLat) + dLatMax)));
        double dLonMax = half >= Math.PI / 2 || Math.sin(half) >= cosMax ? 360
                : Math.toDegrees(2 * Math.asin(Math.sin(half) / cosMax)) * 1.000001 + 1e-9;
        for (int mun : muns) {
            if (Math.abs(n.lat[mun] - mLat) > dLatMax) {
                continue;
            }
            double dLon = Math.abs(n.lon[mun] - mLon);
            if (Math.min(dLon, 360 - dLon) > dLonMax) {
                continue;
            }
            double d = mun == m ? 0 : Geo.distanceKm(mLat, mLon, n.lat[mun], n.lon[mun]);
            if (d <= q.maxKm()) {
                dist[mun] = d;
                order[count++] = ((long) Float.floatToIntBits((float) d) << 32) | mun;
            }
        }
        Arrays.sort(order, 0, count);

        List<Candidate> found = new ArrayList<>();
        int[] foundAt = x.foundAt;
        int[] seen = x.seen;
        double kth = Double.POSITIVE_INFINITY;
        int kthAt = -1;
        for (int i = 0; i < count; i++) {
            int mun = (int) order[i];
            double d = dist[mun];
            // Rounding to float keeps order (d <= kth implies (float) d <= (float) kth), and the
            // scan goes by float distance: every municipality that may tie the k-th is visited.
            if ((float) d > (float) kth) {
                break;
            }
            // The services available in the municipality, then in each territory it is part of:
            // a territory is scanned once, at its nearest municipality (again only if a nearer one
            // turns up among equal float distances), so a district-wide service is met once.
            for (int t = mun; t >= 0; t = n.territoryParent[t]) {
                if (x.territoryStamp[t] == stamp && x.territoryDist[t] <= d) {
                    break;
                }
                x.territoryStamp[t] = stamp;
                x.territoryDist[t] = d;
                for (int j = n.availStart[t]; j < n.availStart[t + 1]; j++) {
                    int s = n.avail[j];
                    if (seen[s] == stamp) {
                        int at = foundAt[s];
                        if (at >= 0 && d < found.get(at).distance) {
                            found.set(at, new Candidate(s, d, mun));
                        }
                        continue;
                    }
                    seen[s] = stamp;
                    foundAt[s] = -1;
                    if (!n.coversCategory(s, q.category())) {
                        continue;
                    }
                    Integer free = n.freePlaces(s);
                    if (!q.includeFull() && free != null && free <= 0) {
                        continue;
                    }
                    foundAt[s] = found.size();
                    found.add(new Candidate(s, d, mun));
                }
            }
            if (found.size() >= q.k() && found.size() != kthAt) {
                kthAt = found.size();
                double[] ds = x.distances(found.size());
                for (int c = 0; c < found.size(); c++) {
                    ds[c] = found.get(c).distance;
                }
                Arrays.sort(ds, 0, found.size());
                kth = ds[q.k() - 1];
            }
        }
        found.sort(Comparator.comparingDouble((Candidate c) -> c.distance)
                .thenComparing(c -> n.freePlaces(c.service), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(c -> n.serviceId(c.service)));
        List<Candidate> best = found.subList(0, Math.min(q.k(), found.size()));
        return explain(best, m, x);
    }

    private record Candidate(int service, double distance, int municipality) {
    }

    private List<Referral> explain(List<Candidate> best, int municipality, Scratch x) {
        Network n = network;
        int stamp = x.next();
        int[] parent = routesToEntryPoints(best, municipality, x, stamp);
        List<Referral> referrals = new ArrayList<>(best.size());
        for (Candidate c : best) {
            int p = n.provider(c.service);
            int[] route;
            List<String> ties = new ArrayList<>();
            if (x.parentStamp[p] != stamp) {
                route = new int[0];
            } else {
                List<Integer> actors = new ArrayList<>();
                for (int a = p; a != ROOT; a = parent[a]) {
                    if (!actors.isEmpty()) {
                        ties.add(n.tieKind(actors.get(actors.size() - 1), a));
                    }
                    actors.add(a);
                }
                route = actors.stream().mapToInt(Integer::intValue).toArray();
            }
            int hops = route.length == 0 ? UNREACHABLE_HOPS : route.length - 1;
            referrals.add(new Referral(c.service, c.distance, n.freePlaces(c.service), c.municipality,
                    availableIn(c.service, c.municipality), route, List.copyOf(ties), c.distance + hops));
        }
        return referrals;
    }

    private static final int ROOT = -1;

    /**
     * Parent pointers of a breadth-first search over the tie graph from every entry point at
     * once (the consortia and the social services of the municipality), stopped as soon as every
     * provider of the referrals is reached.
     */
    private int[] routesToEntryPoints(List<Candidate> best, int municipality, Scratch x, int stamp) {
        Network n = network;
        int[] parent = x.parent;
        int[] reached = x.parentStamp;
        int[] queue = x.queue;
        int head = 0;
        int tail = 0;
        for (int a : n.entryPoints(municipality)) {
            parent[a] = ROOT;
            reached[a] = stamp;
            queue[tail++] = a;
        }
        int missing = 0;
        for (Candidate c : best) {
            int p = n.provider(c.service);
            if (x.wanted[p] != stamp && reached[p] != stamp) {
                missing++;
            }
            x.wanted[p] = stamp;
        }
        while (head < tail && missing > 0) {
            int a = queue[head++];
            for (int j = n.adjStart[a]; j < n.adjStart[a + 1]; j++) {
                int b = n.adj[j];
                if (reached[b] != stamp) {
                    reached[b] = stamp;
                    parent[b] = a;
                    queue[tail++] = b;
                    if (x.wanted[b] == stamp) {
                        missing--;
                    }
                }
            }
        }
        return parent;
    }

    /** The territory through which service s covers municipality m: m itself, else its nearest ancestor. */
    private int availableIn(int s, int m) {
        Network n = network;
        for (int t = m; t >= 0; t = n.territoryParent[t]) {
            if (Arrays.binarySearch(n.svcTer, n.svcTerStart[s], n.svcTerStart[s + 1], t) >= 0) {
                return t;
            }
        }
        throw new IllegalStateException("service " + s + " does not cover " + m);
    }
}
