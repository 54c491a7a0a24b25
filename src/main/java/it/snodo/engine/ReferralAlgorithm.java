package it.snodo.engine;

import java.util.List;

/**
 * Where to send a need: the services that can answer a category of need in a municipality,
 * ranked and explained, as docs/design.md ("Referrals") defines them.
 */
public interface ReferralAlgorithm {

    /**
     * The referrals for a query, best first.
     *
     * @throws IllegalArgumentException when the territory is not a municipality or a bound is off
     */
    List<Referral> referrals(Query query);

    /**
     * A need to place.
     *
     * @param category the category index: services covering it or a descendant answer
     * @param municipality the territory index of the need's municipality
     * @param k how many referrals at most
     * @param maxKm how far a service may be, in km
     * @param includeFull whether services with no free place are listed
     */
    record Query(int category, int municipality, int k, double maxKm, boolean includeFull) {}

    /**
     * One service to send the need to.
     *
     * @param service the service index
     * @param distanceKm 0 when it covers the municipality, else the distance to the nearest
     *     municipality it covers
     * @param freePlaces capacity − occupied, or null when unknown
     * @param nearestMunicipality the municipality it covers nearest to the need (the need's own at 0 km)
     * @param availableIn the territory through which it covers that municipality (the
     *     municipality itself, or a district or province it is part of)
     * @param route the actors from the service's provider, tie by tie, to the nearest entry point
     *     of the network (the consortium or the municipality's social services); empty when no tie
     *     leads there, the provider alone when it is an entry point itself
     * @param routeTies the tie kinds along {@code route}, one fewer than its actors
     * @param cost {@code distanceKm} plus one per tie hop of the route, or plus
     *     {@value RingScanReferrals#UNREACHABLE_HOPS} when no route exists
     */
    record Referral(
            int service,
            double distanceKm,
            Integer freePlaces,
            int nearestMunicipality,
            int availableIn,
            int[] route,
            List<String> routeTies,
            double cost) {

        /** Tie hops from the entry point to the provider, or null when none leads there. */
        public Integer tieHops() {
            return route.length == 0 ? null : route.length - 1;
        }
    }
}
