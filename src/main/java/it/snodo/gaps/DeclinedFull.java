package it.snodo.gaps;

import it.snodo.engine.Network;
import it.snodo.sentreferral.ReferralOutcomes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people declined as FULL that gap rows show, on one snapshot: for a territory and a category,
 * the people of the referrals sent from the territory's municipalities, of the category or a
 * narrower one, declined as FULL in the year before now. Referrals from a municipality or of a
 * category the snapshot no longer holds count nowhere.
 */
final class DeclinedFull {

    /** One (municipality, category) of the snapshot with its people. */
    private record Entry(int municipality, int[] categories, long people) {}

    private final Network network;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Integer, List<Entry>> byMunicipality = new HashMap<>();

    DeclinedFull(Network network, List<ReferralOutcomes.DeclinedFull> declined) {
        this.network = network;
        Map<Integer, int[]> ancestors = new HashMap<>();
        for (ReferralOutcomes.DeclinedFull d : declined) {
            if (!network.hasTerritory(d.territory()) || !network.hasCategory(d.category())) {
                continue;
            }
            int category = network.category(d.category());
            Entry e = new Entry(
                    network.territory(d.territory()), ancestors.computeIfAbsent(category, this::ancestors), d.people());
            entries.add(e);
            byMunicipality
                    .computeIfAbsent(e.municipality(), m -> new ArrayList<>())
                    .add(e);
        }
    }

    /** The category and every broader one. */
    private int[] ancestors(int category) {
        List<Integer> found = new ArrayList<>();
        for (int c = category; c >= 0; c = network.categories().parent(c)) {
            found.add(c);
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** True when nothing was declined as FULL: every row's count is 0. */
    boolean none() {
        return entries.isEmpty();
    }

    /** The people declined as FULL in a territory, by category index. */
    long[] of(int territory) {
        long[] people = new long[network.categoryCount()];
        // A municipality is part of no other municipality: its own entries are all there is.
        List<Entry> candidates =
                network.isMunicipality(territory) ? byMunicipality.getOrDefault(territory, List.of()) : entries;
        for (Entry e : candidates) {
            if (network.territories().isPartOf(e.municipality(), territory)) {
                for (int c : e.categories()) {
                    people[c] += e.people();
                }
            }
        }
        return people;
    }
}
