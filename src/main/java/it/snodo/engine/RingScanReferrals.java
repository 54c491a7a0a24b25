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

    private static final double EPSILON_KM = 1e-6;

    private final Network network;

    public RingScanReferrals(Network network) {
        this.network = Objects.requireNonNull(network, "network");
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

        // The municipalities within maxKm, nearest first (ordered by float distance, index; the
        // exact distance is kept and a service met again nearer is corrected below).
        int[] muns = n.municipalities;
        long[] order = new long[muns.length];
        double[] dist = new double[n.territoryCount()];
        int count = 0;
        for (int mun : muns) {
            double d = mun == m ? 0 : Geo.distanceKm(mLat, mLon, n.lat[mun], n.lon[mun]);
            if (d <= q.maxKm()) {
                dist[mun] = d;
                order[count++] = ((long) Float.floatToIntBits((float) d) << 32) | mun;
            }
        }
        Arrays.sort(order, 0, count);

        List<Candidate> found = new ArrayList<>();
        int[] foundAt = new int[n.serviceCount()];
        Arrays.fill(foundAt, -1);
        boolean[] seen = new boolean[n.serviceCount()];
        double kth = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            int mun = (int) order[i];
            double d = dist[mun];
            if (d > kth + EPSILON_KM) {
                break;
            }
            for (int j = n.coverStart[mun]; j < n.coverStart[mun + 1]; j++) {
                int s = n.cover[j];
                if (seen[s]) {
                    int at = foundAt[s];
                    if (at >= 0 && d < found.get(at).distance) {
                        found.set(at, new Candidate(s, d, mun));
                    }
                    continue;
                }
                seen[s] = true;
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
            if (found.size() >= q.k()) {
                double[] ds = found.stream().mapToDouble(c -> c.distance).sorted().toArray();
                kth = ds[q.k() - 1];
            }
        }
        found.sort(Comparator.comparingDouble((Candidate c) -> c.distance)
                .thenComparing(c -> n.freePlaces(c.service), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(c -> n.serviceId(c.service)));
        List<Candidate> best = found.subList(0, Math.min(q.k(), found.size()));
        return explain(best, m);
    }

    private record Candidate(int service, double distance, int municipality) {
    }

    private List<Referral> explain(List<Candidate> best, int municipality) {
        Network n = network;
        int[] parent = routesToEntryPoints(best, municipality);
        List<Referral> referrals = new ArrayList<>(best.size());
        for (Candidate c : best) {
            int p = n.provider(c.service);
            int[] route;
            List<String> ties = new ArrayList<>();
            if (parent[p] == UNSEEN) {
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

    private static final int UNSEEN = -2;
    private static final int ROOT = -1;

    /**
     * Parent pointers of a breadth-first search over the tie graph from every entry point at
     * once (the consortia and the social services of the municipality), stopped as soon as every
     * provider of the referrals is reached.
     */
    private int[] routesToEntryPoints(List<Candidate> best, int municipality) {
        Network n = network;
        int[] parent = new int[n.actorCount()];
        Arrays.fill(parent, UNSEEN);
        int[] queue = new int[n.actorCount()];
        int head = 0;
        int tail = 0;
        for (int a = 0; a < n.actorCount(); a++) {
            boolean consortium = n.cooperative[a] && Network.CONSORTIUM.equals(n.actorType[a]);
            boolean socialServices = !n.cooperative[a] && Network.MUNICIPALITY.equals(n.actorType[a])
                    && n.actorBasedIn[a] == municipality;
            if (consortium || socialServices) {
                parent[a] = ROOT;
                queue[tail++] = a;
            }
        }
        int missing = 0;
        boolean[] wanted = new boolean[n.actorCount()];
        for (Candidate c : best) {
            int p = n.provider(c.service);
            if (!wanted[p] && parent[p] == UNSEEN) {
                missing++;
            }
            wanted[p] = true;
        }
        while (head < tail && missing > 0) {
            int a = queue[head++];
            for (int j = n.adjStart[a]; j < n.adjStart[a + 1]; j++) {
                int b = n.adj[j];
                if (parent[b] == UNSEEN) {
                    parent[b] = a;
                    queue[tail++] = b;
                    if (wanted[b]) {
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
