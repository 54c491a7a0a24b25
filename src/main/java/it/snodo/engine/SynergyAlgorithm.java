package it.snodo.engine;

import java.util.List;

/**
 * Who should work together: cooperatives not yet tied that complete each other, share territory and
 * are close in the tie graph, as docs/design.md ("Synergies") defines them. Every suggestion
 * carries its reasons and the numbers behind them.
 */
public interface SynergyAlgorithm {

    /**
     * The best partners for a cooperative, best first: never itself, never a cooperative it is
     * already tied to (in either direction), only those with a positive score.
     *
     * @param cooperative the actor index of a cooperative
     * @param limit how many at most (1 or more)
     * @throws IllegalArgumentException when the actor is not a cooperative or the limit is below 1
     */
    List<Suggestion> suggestions(int cooperative, int limit);

    /**
     * The best partners for a cooperative as if some services did not exist: the municipalities
     * and categories of every cooperative, and the open gaps of every municipality, leave them
     * out; ties are unchanged. The same suggestions as {@link #suggestions(int, int)} on the
     * network without those services.
     *
     * @param leftOut true for a service (index) to leave out
     * @throws IllegalArgumentException when the actor is not a cooperative or the limit is below 1
     */
    List<Suggestion> suggestions(int cooperative, int limit, java.util.function.IntPredicate leftOut);

    /**
     * The best pairs of the whole network, best first, each unordered pair once.
     *
     * @param limit how many at most (1 or more)
     * @throws IllegalArgumentException when the limit is below 1
     */
    List<Pair> top(int limit);

    /**
     * One part of a score.
     *
     * @param kind COMPLEMENTARITY, SHARED_TERRITORY or COMMON_PARTNERS
     * @param detail the part in words, naming what it counts
     * @param value the part's value, as added to the score
     */
    record Reason(String kind, String detail, double value) {}

    /**
     * A cooperative suggested to the one asked about.
     *
     * @param cooperative the actor index of the suggested cooperative
     * @param score the sum of the parts
     * @param reasons one per non-zero part
     */
    record Suggestion(int cooperative, double score, List<Reason> reasons) {}

    /**
     * A pair of cooperatives not tied to each other.
     *
     * @param a the smaller actor index
     * @param b the larger actor index
     * @param score the sum of the parts
     * @param reasons one per non-zero part
     */
    record Pair(int a, int b, double score, List<Reason> reasons) {}
}
