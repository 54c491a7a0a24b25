package it.snodo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What-if by recomputation on the snapshot with the removals masked out: a need is answered
 * when some remaining service covers its category (or a descendant) and its municipality, looked
 * up in the coverage index, and only the needs of the municipalities a removed service covers are
 * looked at (no other can lose an answer); the new articulation points are those of the tie
 * graph without the removals that are not those of the whole tie graph, both from {@link TieGraph}'s depth-first
 * search with low points (Hopcroft and Tarjan, "Algorithm 447: efficient algorithms for graph
 * manipulation", CACM 16(6), 1973), which lists no component. The whole graph's are computed
 * once per snapshot; the graph without the removals is a view that skips them as it goes.
 */
public final class RemovalWhatIf implements WhatIfAnalysis {

    private final Network network;

    public RemovalWhatIf(Network network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public Impact impact(Removal removal, java.util.function.IntPredicate leftOut) {
        Network n = network;
        Objects.requireNonNull(leftOut, "leftOut");
        Territories territories = n.territories();
        Services services = n.services();
        Needs needs = n.needs();
        boolean[] actorGone = new boolean[n.actorCount()];
        for (int a : removal.actors()) {
            actorGone[check(a, n.actorCount())] = true;
        }
        boolean[] serviceGone = new boolean[n.serviceCount()];
        for (int s : removal.services()) {
            serviceGone[check(s, n.serviceCount())] = true;
        }
        for (int s = 0; s < n.serviceCount(); s++) {
            serviceGone[s] |= actorGone[services.provider(s)];
        }
        List<int[]> tieGone = new ArrayList<>();
        for (int[] pair : removal.ties()) {
            tieGone.add(new int[] {check(pair[0], n.actorCount()), check(pair[1], n.actorCount())});
        }

        // Only a need of a municipality that some removed service covers can lose its last answer.
        boolean[] touched = new boolean[n.territoryCount()];
        for (int s = 0; s < n.serviceCount(); s++) {
            if (serviceGone[s]) {
                for (int k = 0; k < services.territoryCountOf(s); k++) {
                    int t = services.territoryOf(s, k);
                    for (int j = 0; j < territories.municipalityCountOf(t); j++) {
                        touched[territories.municipalityOf(t, j)] = true;
                    }
                }
            }
        }

        // Needs answered before and not after, summed by (municipality, category).
        java.util.Map<Long, Long> lost = new java.util.TreeMap<>();
        // Only municipalities are ever touched.
        for (int m = 0; m < n.territoryCount(); m++) {
            if (!touched[m]) {
                continue;
            }
            for (int i = 0; i < needs.countIn(m); i++) {
                int need = needs.in(m, i);
                int c = needs.category(need);
                boolean before = false;
                boolean after = false;
                for (int j = 0; j < services.coveringCount(m) && !after; j++) {
                    int s = services.covering(m, j);
                    if (services.coversCategory(s, c) && !leftOut.test(s)) {
                        before = true;
                        after = !serviceGone[s];
                    }
                }
                if (before && !after) {
                    lost.merge(((long) m << 32) | c, (long) needs.people(need), Long::sum);
                }
            }
        }
        List<LostCoverage> lostCoverage = new ArrayList<>();
        // Territories and categories are numbered in id order, so the key order is the answer's.
        lost.forEach((k, people) -> lostCoverage.add(new LostCoverage((int) (k >>> 32), (int) (long) k, people)));

        // New articulation points: those of the graph after, less those of the graph before (both ascending).
        TieGraph ties = n.tieGraph();
        int[] before = ties.articulationPoints();
        int[] after = ties.without(actorGone, tieGone).articulationPoints();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0, j = 0; i < after.length; i++) {
            while (j < before.length && before[j] < after[i]) {
                j++;
            }
            if (j == before.length || before[j] != after[i]) {
                fresh.add(after[i]);
            }
        }
        return new Impact(lostCoverage, List.copyOf(fresh));
    }

    private static int check(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no such index " + index);
        }
        return index;
    }
}
