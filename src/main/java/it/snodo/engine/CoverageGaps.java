package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Gaps by one pass over the needs located in the territory and one over the services covering
 * it, each lifted up the category tree: a need of category d counts for d and every ancestor of
 * d, and a service addressing d covers d and every ancestor of d (asking for "housing" finds
 * "temporary housing"). The services covering the territory come from the snapshot's coverage
 * index (available in a municipality or in a territory it is part of), so the work is in
 * proportion to what the territory holds, not to the network.
 */
public final class CoverageGaps implements GapAnalysis {

    private final Network network;

    public CoverageGaps(Network network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public List<Row> rows(int territory, java.util.function.IntPredicate leftOut) {
        Network n = network;
        Objects.requireNonNull(leftOut, "leftOut");
        if (territory < 0 || territory >= n.territoryCount()) {
            throw new IllegalArgumentException("no such territory");
        }
        int nc = n.categoryCount();
        long[] demand = new long[nc];
        long[] supply = new long[nc];
        boolean[] unknown = new boolean[nc];
        int[] serviceCount = new int[nc];
        int[] firstProvider = new int[nc];
        Arrays.fill(firstProvider, -1);
        boolean[] severalProviders = new boolean[nc];
        int[] catStamp = new int[nc];
        List<long[]> providerPairs = new ArrayList<>();

        Territories territories = n.territories();
        Categories categories = n.categories();
        Services services = n.services();
        Needs needs = n.needs();
        int municipalities = territories.municipalityCountOf(territory);
        for (int j = 0; j < municipalities; j++) {
            int m = territories.municipalityOf(territory, j);
            for (int k = 0; k < needs.countIn(m); k++) {
                int need = needs.in(m, k);
                for (int c = needs.category(need); c >= 0; c = categories.parent(c)) {
                    demand[c] += needs.people(need);
                }
            }
        }
        boolean[] seen = new boolean[n.serviceCount()];
        int stamp = 0;
        for (int j = 0; j < municipalities; j++) {
            int m = territories.municipalityOf(territory, j);
            for (int k = 0; k < services.coveringCount(m); k++) {
                int s = services.covering(m, k);
                if (seen[s]) {
                    continue;
                }
                seen[s] = true;
                if (leftOut.test(s)) {
                    continue;
                }
                stamp++;
                int p = services.provider(s);
                for (int a = 0; a < services.categoryCountOf(s); a++) {
                    for (int c = services.categoryOf(s, a); c >= 0 && catStamp[c] != stamp; c = categories.parent(c)) {
                        catStamp[c] = stamp;
                        serviceCount[c]++;
                        if (services.capacity(s) < 0) {
                            unknown[c] = true;
                        } else {
                            supply[c] += services.capacity(s) - services.occupied(s);
                        }
                        if (firstProvider[c] < 0) {
                            firstProvider[c] = p;
                        } else if (firstProvider[c] != p) {
                            severalProviders[c] = true;
                        }
                        providerPairs.add(new long[] {c, p});
                    }
                }
            }
        }
        int[] providers = distinctProvidersPerCategory(providerPairs, nc);
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            if (demand[c] == 0 && serviceCount[c] == 0) {
                continue;
            }
            State state;
            if (demand[c] > 0 && serviceCount[c] == 0) {
                state = State.UNCOVERED;
            } else if (!unknown[c] && supply[c] < demand[c]) {
                state = State.UNDER;
            } else if (!severalProviders[c]) {
                state = State.FRAGILE;
            } else {
                state = State.COVERED;
            }
            rows.add(new Row(c, demand[c], supply[c], !unknown[c], providers[c], serviceCount[c], state));
        }
        return rows;
    }

    private static int[] distinctProvidersPerCategory(List<long[]> pairs, int categories) {
        long[] keys = new long[pairs.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (pairs.get(i)[0] << 32) | pairs.get(i)[1];
        }
        Arrays.sort(keys);
        int[] count = new int[categories];
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                count[(int) (keys[i] >>> 32)]++;
            }
        }
        return count;
    }
}
