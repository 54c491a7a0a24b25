package it.snodo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;


/**
 * What-if by recomputation on the snapshot with the removals masked out: a need is answered
 * when some remaining service covers its category (or a descendant) and its municipality, looked
 * up in the coverage index; articulation points come from
 * {@link BiconnectivityFragility} (Hopcroft and Tarjan, "Efficient algorithms for graph
 * manipulation", CACM 16(6), 1973) on the tie graph before and after.
 */
public final class RemovalWhatIf implements WhatIfAnalysis {

    private static final FragilityAnalysis FRAGILITY = new BiconnectivityFragility();

    private final Network network;
    private volatile Set<Integer> articulationPointsBefore;

    public RemovalWhatIf(Network network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public Impact impact(Removal removal, java.util.function.IntPredicate leftOut) {
        Network n = network;
        Objects.requireNonNull(leftOut, "leftOut");
        boolean[] actorGone = new boolean[n.actorCount()];
        for (int a : removal.actors()) {
            actorGone[check(a, n.actorCount())] = true;
        }
        boolean[] serviceGone = new boolean[n.serviceCount()];
        for (int s : removal.services()) {
            serviceGone[check(s, n.serviceCount())] = true;
        }
        for (int s = 0; s < n.serviceCount(); s++) {
            serviceGone[s] |= actorGone[n.provider[s]];
        }
        List<int[]> tieGone = new ArrayList<>();
        for (int[] pair : removal.ties()) {
            tieGone.add(new int[] {check(pair[0], n.actorCount()), check(pair[1], n.actorCount())});
        }

        // Needs answered before and not after, summed by (municipality, category).
        java.util.Map<Long, Long> lost = new java.util.TreeMap<>();
        for (int need = 0; need < n.needCount(); need++) {
            int m = n.needTerritory[need];
            int c = n.needCategory[need];
            boolean before = false;
            boolean after = false;
            for (int j = n.coverStart[m]; j < n.coverStart[m + 1] && !after; j++) {
                int s = n.cover[j];
                if (n.coversCategory(s, c) && !leftOut.test(s)) {
                    before = true;
                    after = !serviceGone[s];
                }
            }
            if (before && !after) {
                lost.merge(((long) m << 32) | c, (long) n.needPeople[need], Long::sum);
            }
        }
        List<LostCoverage> lostCoverage = new ArrayList<>();
        // Territories and categories are numbered in id order, so the key order is the answer's.
        lost.forEach((k, people) -> lostCoverage.add(new LostCoverage((int) (k >>> 32), (int) (long) k, people)));

        Set<Integer> after = articulationPoints(actorGone, tieGone);
        after.removeAll(before());
        return new Impact(lostCoverage, List.copyOf(after));
    }

    private Set<Integer> before() {
        Set<Integer> points = articulationPointsBefore;
        if (points == null) {
            points = new TreeSet<>(FRAGILITY.analyze(network).articulationPoints());
            articulationPointsBefore = points;
        }
        return points;
    }

    private Set<Integer> articulationPoints(boolean[] actorGone, List<int[]> tieGone) {
        return new TreeSet<>(FRAGILITY.analyze(network, actorGone, tieGone).articulationPoints());
    }

    private static int check(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no such index " + index);
        }
        return index;
    }
}
