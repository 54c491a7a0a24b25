package it.snodo.engine;

import java.util.List;

/**
 * What the network would lose without some actors, services or ties, computed on the snapshot
 * and never written: the needs that lose their last answer, and the actors that become
 * articulation points of the tie graph, as docs/design.md defines it ("What if").
 */
public interface WhatIfAnalysis {

    default Impact impact(Removal removal) {
        return impact(removal, service -> false);
    }

    /**
     * The impact as if some services did not exist, before the removal as after it: a need they
     * alone answer is not answered before, so it loses nothing.
     *
     * @param leftOut true for a service (index) to leave out
     */
    Impact impact(Removal removal, java.util.function.IntPredicate leftOut);

    /**
     * What to take away.
     *
     * @param actors actor indices, removed with their services and ties
     * @param services service indices
     * @param ties pairs of actor indices: every tie between each pair, whatever its kind
     */
    record Removal(int[] actors, int[] services, int[][] ties) {}

    /**
     * Needs of one category in one municipality that no service would answer any more.
     *
     * @param people the people of those needs
     */
    record LostCoverage(int territory, int category, long people) {}

    /**
     * @param lostCoverage ordered by territory id, then category code
     * @param newArticulationPoints actors whose removal would then split the tie graph and did
     *     not before, ascending
     */
    record Impact(List<LostCoverage> lostCoverage, List<Integer> newArticulationPoints) {}
}
