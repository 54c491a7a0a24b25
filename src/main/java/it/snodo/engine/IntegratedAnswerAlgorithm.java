package it.snodo.engine;

import java.util.List;

/**
 * Who should answer a bundle of needs together: the smallest set of providers whose services,
 * within a distance of a municipality, cover every category of the bundle that can be covered,
 * as docs/design.md defines the integrated answer ("Integrated answers").
 */
public interface IntegratedAnswerAlgorithm {

    /**
     * The integrated answer for a bundle of categories in a municipality.
     *
     * @param municipality the territory index of the municipality
     * @param categories the category indices asked for; a category given twice is asked once
     * @param maxKm how far a service may be, in km (0: only services covering the municipality)
     * @throws IllegalArgumentException when the territory is not a municipality, a category does
     *     not exist, maxKm is negative, or the bundle is larger than the implementation allows
     */
    default Answer answer(int municipality, int[] categories, double maxKm) {
        return answer(municipality, categories, maxKm, ShownDistance.EXACT);
    }

    /**
     * The integrated answer as a caller who is shown some distances larger than they are sees it:
     * every choice (which services are within maxKm, which is nearest, which set is shortest) and
     * every distance of the answer use the shown distance.
     *
     * @param shown the distance shown for a service at a true distance; never less than it, and
     *     never decreasing as the true distance grows
     * @throws IllegalArgumentException as {@link #answer(int, int[], double)}
     */
    Answer answer(int municipality, int[] categories, double maxKm, ShownDistance shown);

    /** The distance a caller is shown for a service, given the true one. */
    @FunctionalInterface
    interface ShownDistance {

        /** Every distance as it is. */
        ShownDistance EXACT = (service, km) -> km;

        double km(int service, double km);
    }

    /**
     * The service that answers one category of the bundle.
     *
     * @param category the category index, as asked
     * @param service the nearest service of a chosen provider covering the category (ties by service id)
     * @param provider the provider of that service
     * @param distanceKm 0 when the service covers the municipality, else the distance to the
     *     nearest municipality it covers
     */
    record Assignment(int category, int service, int provider, double distanceKm) {}

    /**
     * The answer.
     *
     * @param providers the chosen providers (actor indices), ascending; empty when nothing can be covered
     * @param assignments one per covered category, in the order the categories were asked
     * @param uncovered the categories asked that no provider covers within maxKm, ascending
     * @param newTiesNeeded the number of tie-graph components the providers fall in, minus one
     *     (0 when there is no provider)
     * @param totalDistanceKm the sum of the assignments' distances
     */
    record Answer(
            int[] providers, List<Assignment> assignments, int[] uncovered, int newTiesNeeded, double totalDistanceKm) {

        /** How many providers the answer needs: the size of the smallest cover. */
        public int minimumProviders() {
            return providers.length;
        }
    }
}
