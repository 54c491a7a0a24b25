package it.snodo.engine;

import java.util.List;

/**
 * What is missing where: per category, the demand recorded in a territory against the services
 * that cover it there, as docs/design.md ("Gaps") defines them.
 */
public interface GapAnalysis {

    /** The gap rows of a territory (a municipality, or a larger territory summed over its municipalities). */
    default List<Row> rows(int territory) {
        return rows(territory, service -> false);
    }

    /**
     * The gap rows of a territory as if some services did not exist: the demand is the same, the
     * covering services, supply and providers leave them out.
     *
     * @param leftOut true for a service (index) to leave out
     */
    List<Row> rows(int territory, java.util.function.IntPredicate leftOut);

    /** How a category stands in a territory, decided in this order. */
    enum State {
        /** Demand and no covering service. */
        UNCOVERED,
        /** Known free places fewer than the people in need. */
        UNDER,
        /** Every covering service belongs to one provider. */
        FRAGILE,
        /** None of the above. */
        COVERED
    }

    /**
     * One category in one territory.
     *
     * @param category the category index
     * @param demand the people of the needs located there, of the category or a descendant
     * @param supply the known free places of the covering services (capacity − occupied)
     * @param supplyKnown false when a covering service has no capacity
     * @param providers how many distinct providers (cooperatives and partners) run the covering services
     * @param services how many distinct services cover the category there
     * @param state the state, as decided from the above
     */
    record Row(int category, long demand, long supply, boolean supplyKnown, int providers, int services, State state) {}
}
