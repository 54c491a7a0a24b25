package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import it.snodo.engine.ReferralAlgorithm.Query;
import it.snodo.engine.ReferralAlgorithm.Referral;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RingScanReferrals} on tiny hand-built networks, against answers worked out by hand from
 * docs/design.md: ranking by distance, then free places (unknown last), then id; the category tree;
 * coverage through a district; the distance to the nearest covered municipality; the maxKm, k and
 * includeFull bounds; the tie route from an entry point that explains each referral and its cost;
 * and distances that tie exactly, or differ by less than a float can tell, between municipalities.
 *
 * <p>The territories: the district {@code ambito-rhodense} (Rho, Pero, Arese) and, directly under
 * the province, Bollate and Settimo Milanese. The categories: {@code abitare} with the child
 * {@code abitare-temporaneo}, and {@code lavoro}.
 */
class RingScanReferralsTest {

    private static final String RHO = "015182";
    private static final String PERO = "015170";
    private static final String ARESE = "015009";
    private static final String BOLLATE = "015027";
    private static final String SETTIMO = "015211";
    private static final String DISTRICT = "ambito-rhodense";
    private static final String PROVINCE = "prov-mi";

    private static final double[] RHO_AT = {45.5313, 9.0402};
    private static final double[] PERO_AT = {45.5103, 9.0871};
    private static final double[] ARESE_AT = {45.5530, 9.0770};
    private static final double[] BOLLATE_AT = {45.5468, 9.1176};
    private static final double[] SETTIMO_AT = {45.4790, 9.0560};

    private static final String ABITARE = "abitare";
    private static final String TEMPORANEO = "abitare-temporaneo";
    private static final String LAVORO = "lavoro";

    /** The territories, categories and actors every test shares; services and ties are each test's own. */
    private static Network.Builder base() {
        return Network.builder(7)
                .territory(PROVINCE, "Città metropolitana di Milano", "PROVINCE", null, null, null)
                .territory(DISTRICT, "Ambito Rhodense", "DISTRICT", PROVINCE, null, null)
                .territory(RHO, "Rho", "MUNICIPALITY", DISTRICT, RHO_AT[0], RHO_AT[1])
                .territory(PERO, "Pero", "MUNICIPALITY", DISTRICT, PERO_AT[0], PERO_AT[1])
                .territory(ARESE, "Arese", "MUNICIPALITY", DISTRICT, ARESE_AT[0], ARESE_AT[1])
                .territory(BOLLATE, "Bollate", "MUNICIPALITY", PROVINCE, BOLLATE_AT[0], BOLLATE_AT[1])
                .territory(SETTIMO, "Settimo Milanese", "MUNICIPALITY", PROVINCE, SETTIMO_AT[0], SETTIMO_AT[1])
                .category(ABITARE, "Abitare", null)
                .category(TEMPORANEO, "Abitare temporaneo", ABITARE)
                .category(LAVORO, "Lavoro", null)
                .cooperative("consorzio", "Consorzio", "CONSORTIUM", RHO)
                .cooperative("coop-a", "Cooperativa A", "A", RHO)
                .cooperative("coop-b", "Cooperativa B", "B", PERO)
                .cooperative("coop-c", "Cooperativa C", "MIXED", ARESE)
                .partner("comune-pero", "Comune di Pero", "MUNICIPALITY", PERO)
                .partner("asst", "ASST Rhodense", "HEALTH_AGENCY", RHO);
    }

    private static double km(double[] a, double[] b) {
        return Geo.distanceKm(a[0], a[1], b[0], b[1]);
    }

    private static List<Referral> ask(
            Network n, String category, String municipality, int k, double maxKm, boolean includeFull) {
        return new RingScanReferrals(n)
                .referrals(new Query(n.category(category), n.territory(municipality), k, maxKm, includeFull));
    }

    private static List<String> ids(Network n, List<Referral> referrals) {
        return referrals.stream().map(r -> n.serviceId(r.service())).toList();
    }

    private static List<String> route(Network n, Referral r) {
        return Arrays.stream(r.route()).mapToObj(n::actorId).toList();
    }

    @Test
    void equalDistancesAreBrokenByFreePlacesThenUnknownCapacityLastThenId() {
        Network n = base().service("svc-d", "D", "coop-a", 4, 1, List.of(ABITARE), List.of(RHO)) // free 3
                .service("svc-e", "E", "coop-a", null, null, List.of(ABITARE), List.of(RHO)) // unknown
                .service("svc-a", "A", "coop-a", 10, 7, List.of(ABITARE), List.of(RHO)) // free 3
                .service("svc-c", "C", "coop-a", null, 2, List.of(ABITARE), List.of(DISTRICT)) // unknown
                .service("svc-b", "B", "coop-a", 5, null, List.of(ABITARE), List.of(RHO)) // free 5
                .service("svc-f", "F", "coop-a", 100, 0, List.of(ABITARE), List.of(PERO)) // farther
                .build();

        List<Referral> found = ask(n, ABITARE, RHO, 10, 25, false);

        assertThat(ids(n, found)).containsExactly("svc-b", "svc-a", "svc-d", "svc-c", "svc-e", "svc-f");
        assertThat(found).extracting(Referral::freePlaces).containsExactly(5, 3, 3, null, null, 100);
        assertThat(found)
                .extracting(Referral::distanceKm)
                .containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, km(RHO_AT, PERO_AT));
        assertThat(found.get(5).distanceKm()).isGreaterThan(4);
    }

    @Test
    void askingForAParentFindsAChildServiceButAskingForAChildDoesNotFindAParentOnlyService() {
        Network n = base().service("svc-child", "Temporary housing", "coop-a", 5, 0, List.of(TEMPORANEO), List.of(RHO))
                .service("svc-parent", "Housing desk", "coop-a", 3, 0, List.of(ABITARE), List.of(RHO))
                .service("svc-both", "Work and housing", "coop-a", 1, 0, List.of(LAVORO, TEMPORANEO), List.of(RHO))
                .service("svc-work", "Work", "coop-a", 9, 0, List.of(LAVORO), List.of(RHO))
                .build();

        assertThat(ids(n, ask(n, ABITARE, RHO, 10, 0, false))).containsExactly("svc-child", "svc-parent", "svc-both");
        assertThat(ids(n, ask(n, TEMPORANEO, RHO, 10, 0, false))).containsExactly("svc-child", "svc-both");
        assertThat(ids(n, ask(n, LAVORO, RHO, 10, 0, false))).containsExactly("svc-work", "svc-both");
    }

    @Test
    void aServiceAvailableInADistrictCoversItsMunicipalitiesAtDistanceZero() {
        Network n = base().service("svc-district", "District-wide", "coop-a", 4, 0, List.of(ABITARE), List.of(DISTRICT))
                .service("svc-rho", "Rho and district", "coop-a", 2, 0, List.of(ABITARE), List.of(DISTRICT, RHO))
                .build();

        List<Referral> inPero = ask(n, ABITARE, PERO, 10, 0, false);
        assertThat(ids(n, inPero)).containsExactly("svc-district", "svc-rho");
        for (Referral r : inPero) {
            assertThat(r.distanceKm()).isZero();
            assertThat(n.territoryId(r.nearestMunicipality())).isEqualTo(PERO);
            assertThat(n.territoryId(r.availableIn())).isEqualTo(DISTRICT);
        }

        // Listed both in Rho and in its district: it covers Rho through Rho itself, the nearest of the two.
        List<Referral> inRho = ask(n, ABITARE, RHO, 10, 0, false);
        assertThat(ids(n, inRho)).containsExactly("svc-district", "svc-rho");
        assertThat(n.territoryId(inRho.get(0).availableIn())).isEqualTo(DISTRICT);
        assertThat(n.territoryId(inRho.get(1).availableIn())).isEqualTo(RHO);

        // Bollate is outside the district: the distance is to the district's municipality nearest to it.
        double toArese = km(BOLLATE_AT, ARESE_AT);
        assertThat(toArese).isLessThan(km(BOLLATE_AT, PERO_AT)).isLessThan(km(BOLLATE_AT, RHO_AT));
        List<Referral> inBollate = ask(n, ABITARE, BOLLATE, 10, 25, false);
        assertThat(ids(n, inBollate)).containsExactly("svc-district", "svc-rho");
        for (Referral r : inBollate) {
            assertThat(r.distanceKm()).isCloseTo(toArese, within(1e-9));
            assertThat(n.territoryId(r.nearestMunicipality())).isEqualTo(ARESE);
            assertThat(n.territoryId(r.availableIn())).isEqualTo(DISTRICT);
        }
        assertThat(ask(n, ABITARE, BOLLATE, 10, 0, false)).isEmpty();
    }

    @Test
    void aNearbyServiceIsAsFarAsItsNearestCoveredMunicipality() {
        Network n = base().service("svc-pa", "Pero and Arese", "coop-a", 6, 1, List.of(ABITARE), List.of(PERO, ARESE))
                .service("svc-settimo", "Settimo", "coop-a", 6, 1, List.of(ABITARE), List.of(SETTIMO))
                .build();
        double toPero = km(RHO_AT, PERO_AT);
        double toArese = km(RHO_AT, ARESE_AT);
        double toSettimo = km(RHO_AT, SETTIMO_AT);
        assertThat(toArese).isLessThan(toPero).isLessThan(toSettimo);

        List<Referral> found = ask(n, ABITARE, RHO, 10, 25, false);

        assertThat(ids(n, found)).containsExactly("svc-pa", "svc-settimo");
        assertThat(found.get(0).distanceKm()).isCloseTo(toArese, within(1e-9));
        assertThat(n.territoryId(found.get(0).nearestMunicipality())).isEqualTo(ARESE);
        assertThat(n.territoryId(found.get(0).availableIn())).isEqualTo(ARESE);
        assertThat(found.get(0).freePlaces()).isEqualTo(5);
        assertThat(found.get(1).distanceKm()).isCloseTo(toSettimo, within(1e-9));
        assertThat(n.territoryId(found.get(1).nearestMunicipality())).isEqualTo(SETTIMO);
    }

    @Test
    void maxKmCutsServicesFartherAway() {
        Network n = base().service("svc-here", "Rho", "coop-a", 1, 0, List.of(ABITARE), List.of(RHO))
                .service("svc-arese", "Arese", "coop-a", 1, 0, List.of(ABITARE), List.of(ARESE))
                .service("svc-settimo", "Settimo", "coop-a", 1, 0, List.of(ABITARE), List.of(SETTIMO))
                .build();
        double toArese = km(RHO_AT, ARESE_AT);
        double toSettimo = km(RHO_AT, SETTIMO_AT);

        assertThat(ids(n, ask(n, ABITARE, RHO, 10, 0, false))).containsExactly("svc-here");
        assertThat(ids(n, ask(n, ABITARE, RHO, 10, toArese - 1e-6, false))).containsExactly("svc-here");
        assertThat(ids(n, ask(n, ABITARE, RHO, 10, toArese, false))).containsExactly("svc-here", "svc-arese");
        assertThat(ids(n, ask(n, ABITARE, RHO, 10, toSettimo - 1e-6, false))).containsExactly("svc-here", "svc-arese");
        assertThat(ids(n, ask(n, ABITARE, RHO, 10, toSettimo + 1e-6, false)))
                .containsExactly("svc-here", "svc-arese", "svc-settimo");
    }

    @Test
    void kSmallerThanTheAnswersKeepsTheBestK() {
        Network n = base().service("svc-1", "1", "coop-a", 2, 0, List.of(ABITARE), List.of(SETTIMO))
                .service("svc-2", "2", "coop-a", 2, 0, List.of(ABITARE), List.of(ARESE))
                .service("svc-3", "3", "coop-a", 2, 0, List.of(ABITARE), List.of(RHO))
                .service("svc-4", "4", "coop-a", 9, 0, List.of(ABITARE), List.of(RHO))
                .service("svc-5", "5", "coop-a", 2, 0, List.of(ABITARE), List.of(PERO))
                .build();

        assertThat(ids(n, ask(n, ABITARE, RHO, 10, 25, false)))
                .containsExactly("svc-4", "svc-3", "svc-2", "svc-5", "svc-1");
        assertThat(ids(n, ask(n, ABITARE, RHO, 3, 25, false))).containsExactly("svc-4", "svc-3", "svc-2");
        assertThat(ids(n, ask(n, ABITARE, RHO, 1, 25, false))).containsExactly("svc-4");
    }

    @Test
    void fullServicesAreLeftOutUnlessAskedForAndUnknownCapacityIsKept() {
        Network n = base().service("svc-full", "Full", "coop-a", 5, 5, List.of(ABITARE), List.of(RHO)) // free 0
                .service("svc-over", "Over", "coop-a", 3, 4, List.of(ABITARE), List.of(RHO)) // free -1
                .service("svc-zero", "No places", "coop-a", 0, null, List.of(ABITARE), List.of(RHO)) // free 0
                .service("svc-unknown", "Unknown", "coop-a", null, 10, List.of(ABITARE), List.of(RHO))
                .service("svc-open", "Open", "coop-a", 4, null, List.of(ABITARE), List.of(RHO)) // free 4
                .build();

        List<Referral> open = ask(n, ABITARE, RHO, 10, 0, false);
        assertThat(ids(n, open)).containsExactly("svc-open", "svc-unknown");
        assertThat(open).extracting(Referral::freePlaces).containsExactly(4, null);

        List<Referral> all = ask(n, ABITARE, RHO, 10, 0, true);
        assertThat(ids(n, all)).containsExactly("svc-open", "svc-full", "svc-zero", "svc-over", "svc-unknown");
        assertThat(all).extracting(Referral::freePlaces).containsExactly(4, 0, 0, -1, null);
    }

    /** A point due east (positive km) or west (negative km) of {@code from}, exactly that far, by bisection. */
    private static double[] eastOf(double[] from, double km) {
        double lo = from[1];
        double hi = from[1] + Math.signum(km);
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (Geo.distanceKm(from[0], from[1], from[0], mid) < Math.abs(km)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new double[] {from[0], hi};
    }

    /** A point due north of {@code from}, exactly that far, by bisection. */
    private static double[] northOf(double[] from, double km) {
        double lo = from[0];
        double hi = from[0] + 1;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (Geo.distanceKm(from[0], from[1], mid, from[1]) < km) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new double[] {hi, from[1]};
    }

    /** The need's municipality {@code 015100} and the given ones around it, all directly under the province. */
    private static Network.Builder around(double[] need, String[] ids, double[][] points) {
        Network.Builder b = Network.builder(9)
                .territory(PROVINCE, "Città metropolitana di Milano", "PROVINCE", null, null, null)
                .territory("015100", "Need", "MUNICIPALITY", PROVINCE, need[0], need[1])
                .category(ABITARE, "Abitare", null)
                .cooperative("consorzio", "Consorzio", "CONSORTIUM", "015100");
        for (int i = 0; i < ids.length; i++) {
            b.territory(ids[i], ids[i], "MUNICIPALITY", PROVINCE, points[i][0], points[i][1]);
        }
        return b;
    }

    @Test
    void servicesExactlyAsFarFromTwoMunicipalitiesAreRankedByFreePlacesWhateverK() {
        // East and west of the need by the same longitude difference: exactly the same distance.
        double[] need = {45.5, 9.0};
        double[] east = {45.5, 9.05};
        double[] west = {45.5, 8.95};
        assertThat(km(need, east)).isEqualTo(km(need, west)).isGreaterThan(3);
        // Once with the roomier service east (the lower id), once west (the higher id).
        for (boolean roomyEast : new boolean[] {true, false}) {
            Network n = around(need, new String[] {"015101", "015102"}, new double[][] {east, west})
                    .service("svc-east", "East", "consorzio", roomyEast ? 5 : 1, 0, List.of(ABITARE), List.of("015101"))
                    .service("svc-west", "West", "consorzio", roomyEast ? 1 : 5, 0, List.of(ABITARE), List.of("015102"))
                    .build();
            List<String> best = roomyEast ? List.of("svc-east", "svc-west") : List.of("svc-west", "svc-east");

            assertThat(ids(n, ask(n, ABITARE, "015100", 2, 25, false)))
                    .as("roomy east %s", roomyEast)
                    .isEqualTo(best);
            assertThat(ids(n, ask(n, ABITARE, "015100", 1, 25, false)))
                    .as("roomy east %s, k 1", roomyEast)
                    .isEqualTo(best.subList(0, 1));
        }
    }

    @Test
    void aServiceCoveringTwoAlmostEquallyFarMunicipalitiesIsAsFarAsTheNearerExactly() {
        // Two municipalities about 20 km away, 0.3 mm apart in distance (the same float, not the same double).
        double[] need = {45.5, 9.0};
        double[] farther = eastOf(need, 20 + 0.2e-6);
        double[] nearer = eastOf(need, -(20 - 0.1e-6));
        double dFarther = km(need, farther);
        double dNearer = km(need, nearer);
        assertThat(dNearer).isLessThan(dFarther);
        assertThat((float) dNearer).isEqualTo((float) dFarther);
        // Once with the farther one first in id order, once with the nearer one first.
        for (boolean fartherFirst : new boolean[] {true, false}) {
            String fartherId = fartherFirst ? "015101" : "015102";
            String nearerId = fartherFirst ? "015102" : "015101";
            Network n = around(need, new String[] {fartherId, nearerId}, new double[][] {farther, nearer})
                    .service("svc", "Both", "consorzio", 3, 0, List.of(ABITARE), List.of(fartherId, nearerId))
                    .build();

            List<Referral> found = ask(n, ABITARE, "015100", 1, 25, false);

            assertThat(ids(n, found)).containsExactly("svc");
            assertThat(found.get(0).distanceKm())
                    .as("farther first %s", fartherFirst)
                    .isEqualTo(dNearer);
            assertThat(n.territoryId(found.get(0).nearestMunicipality())).isEqualTo(nearerId);
            assertThat(n.territoryId(found.get(0).availableIn())).isEqualTo(nearerId);
        }
    }

    @Test
    void aNearerServiceIsNotMissedBehindAFartherMunicipalityOfTheSameRoundedDistance() {
        // Three municipalities about 20 km away whose distances round to the same float (20.0f) but
        // differ in double by up to 1.7e-6 km: z, then x 1.7e-6 km farther, then y 0.1e-6 km nearer
        // than z. In id order z < x < y.
        double[] need = {45.5, 9.0};
        double[] z = eastOf(need, 20 - 0.8e-6);
        double[] x = northOf(need, 20 + 0.9e-6);
        double[] y = eastOf(need, -(20 - 0.9e-6));
        double dz = km(need, z);
        double dx = km(need, x);
        double dy = km(need, y);
        assertThat(dy).isLessThan(dz);
        assertThat(dx - dz).isGreaterThan(1.5e-6);
        assertThat(List.of((float) dz, (float) dx, (float) dy)).containsOnly(20.0f);
        Network n = around(need, new String[] {"015101", "015102", "015103"}, new double[][] {z, x, y})
                .service("svc-z", "At z", "consorzio", 3, 0, List.of(ABITARE), List.of("015101"))
                .service("svc-y", "At y", "consorzio", 3, 0, List.of(ABITARE), List.of("015103"))
                .build();

        assertThat(ids(n, ask(n, ABITARE, "015100", 2, 25, false))).containsExactly("svc-y", "svc-z");
        // The nearest service, y's, is the one answer when k is 1.
        List<Referral> best = ask(n, ABITARE, "015100", 1, 25, false);
        assertThat(ids(n, best)).containsExactly("svc-y");
        assertThat(best.get(0).distanceKm()).isEqualTo(dy);
    }

    @Test
    void aTerritoryThatIsNotAMunicipalityIsRefused() {
        Network n = base().service("svc", "S", "coop-a", 1, 0, List.of(ABITARE), List.of(DISTRICT))
                .build();
        RingScanReferrals referrals = new RingScanReferrals(n);
        int abitare = n.category(ABITARE);

        assertThatThrownBy(() -> referrals.referrals(new Query(abitare, n.territory(DISTRICT), 5, 10, false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> referrals.referrals(new Query(abitare, n.territory(PROVINCE), 5, 10, false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(referrals.referrals(new Query(abitare, n.territory(RHO), 5, 10, false)))
                .hasSize(1);
    }

    @Test
    void aProviderTwoTiesFromTheConsortiumCostsTheDistancePlusTwo() {
        Network n = base().service("svc-b", "B's", "coop-b", 3, 1, List.of(ABITARE), List.of(PERO))
                .tie("consorzio", "coop-a", "CONVENTION", 0.8)
                .tie("coop-b", "coop-a", "CO_DESIGN", 0.5)
                .tie("coop-a", "coop-b", "COLLABORATION", 0.2)
                .build();
        double toPero = km(RHO_AT, PERO_AT);

        List<Referral> found = ask(n, ABITARE, RHO, 10, 25, false);

        assertThat(found).hasSize(1);
        Referral r = found.get(0);
        assertThat(route(n, r)).containsExactly("coop-b", "coop-a", "consorzio");
        assertThat(r.routeTies()).containsExactly("CO_DESIGN", "CONVENTION");
        assertThat(r.tieHops()).isEqualTo(2);
        assertThat(r.distanceKm()).isCloseTo(toPero, within(1e-9));
        assertThat(r.cost()).isCloseTo(toPero + 2, within(1e-9));
    }

    @Test
    void aProviderNoTieReachesHasNoRouteAndCostsTheDistancePlusTheUnreachableHops() {
        Network n = base().service("svc-c", "C's", "coop-c", 3, 1, List.of(ABITARE), List.of(ARESE))
                .service("svc-cons", "Consortium's", "consorzio", 3, 1, List.of(ABITARE), List.of(PERO))
                .tie("consorzio", "coop-a", "CONVENTION", 0.8)
                .tie("asst", "coop-b", "FUNDING", 1.0)
                .build();
        double toArese = km(RHO_AT, ARESE_AT);
        double toPero = km(RHO_AT, PERO_AT);

        List<Referral> found = ask(n, ABITARE, RHO, 10, 25, false);

        assertThat(ids(n, found)).containsExactly("svc-c", "svc-cons");
        Referral unreachable = found.get(0);
        assertThat(unreachable.route()).isEmpty();
        assertThat(unreachable.routeTies()).isEmpty();
        assertThat(unreachable.tieHops()).isNull();
        assertThat(unreachable.cost()).isCloseTo(toArese + RingScanReferrals.UNREACHABLE_HOPS, within(1e-9));
        assertThat(RingScanReferrals.UNREACHABLE_HOPS).isEqualTo(10);

        // The consortium is an entry point itself: its route is just itself, no hop.
        Referral own = found.get(1);
        assertThat(route(n, own)).containsExactly("consorzio");
        assertThat(own.routeTies()).isEmpty();
        assertThat(own.cost()).isCloseTo(toPero, within(1e-9));
    }

    @Test
    void theSocialServicesOfTheNeedsMunicipalityAreAnEntryPoint() {
        Network n = base().service("svc-c", "C's", "coop-c", 3, 1, List.of(ABITARE), List.of(ARESE))
                .service(
                        "svc-comune",
                        "Segretariato sociale",
                        "comune-pero",
                        null,
                        null,
                        List.of(ABITARE),
                        List.of(PERO))
                // From the consortium, coop-c is three hops away; from the municipality of Pero, one.
                .tie("consorzio", "coop-a", "CONVENTION", 0.8)
                .tie("coop-a", "coop-b", "CO_DESIGN", 0.5)
                .tie("coop-b", "coop-c", "JOINT_TENDER", 0.5)
                .tie("comune-pero", "coop-c", "REFERRAL", null)
                .build();
        double peroToArese = km(PERO_AT, ARESE_AT);
        double rhoToArese = km(RHO_AT, ARESE_AT);
        double rhoToPero = km(RHO_AT, PERO_AT);

        List<Referral> inPero = ask(n, ABITARE, PERO, 10, 25, false);
        assertThat(ids(n, inPero)).containsExactly("svc-comune", "svc-c");
        assertThat(route(n, inPero.get(0))).containsExactly("comune-pero");
        assertThat(inPero.get(0).cost()).isZero();
        assertThat(route(n, inPero.get(1))).containsExactly("coop-c", "comune-pero");
        assertThat(inPero.get(1).routeTies()).containsExactly("REFERRAL");
        assertThat(inPero.get(1).cost()).isCloseTo(peroToArese + 1, within(1e-9));

        // In Rho the municipality of Pero is no entry point: coop-c is reached from the consortium,
        // and the municipality of Pero through coop-c.
        List<Referral> inRho = ask(n, ABITARE, RHO, 10, 25, false);
        assertThat(ids(n, inRho)).containsExactly("svc-c", "svc-comune");
        assertThat(inRho.get(0).distanceKm()).isCloseTo(rhoToArese, within(1e-9));
        assertThat(route(n, inRho.get(0))).containsExactly("coop-c", "coop-b", "coop-a", "consorzio");
        assertThat(inRho.get(0).routeTies()).containsExactly("JOINT_TENDER", "CO_DESIGN", "CONVENTION");
        assertThat(inRho.get(0).cost()).isCloseTo(rhoToArese + 3, within(1e-9));
        assertThat(route(n, inRho.get(1))).containsExactly("comune-pero", "coop-c", "coop-b", "coop-a", "consorzio");
        assertThat(inRho.get(1).cost()).isCloseTo(rhoToPero + 4, within(1e-9));
    }

    @Test
    void betweenRoutesOfEqualHopsTheOneToTheEntryPointOfLowerIdIsTaken() {
        // coop-c is two hops from the consortium (through coop-a) and two from the municipality of
        // Pero (through coop-b); "comune-pero" comes before "consorzio".
        Network n = base().service("svc-c", "C's", "coop-c", 3, 1, List.of(ABITARE), List.of(ARESE))
                .tie("consorzio", "coop-a", "CONVENTION", 0.8)
                .tie("coop-a", "coop-c", "CO_DESIGN", 0.5)
                .tie("comune-pero", "coop-b", "REFERRAL", null)
                .tie("coop-b", "coop-c", "JOINT_TENDER", 0.5)
                .build();

        Referral inPero = ask(n, ABITARE, PERO, 10, 25, false).get(0);
        assertThat(route(n, inPero)).containsExactly("coop-c", "coop-b", "comune-pero");
        assertThat(inPero.routeTies()).containsExactly("JOINT_TENDER", "REFERRAL");
        Referral inRho = ask(n, ABITARE, RHO, 10, 25, false).get(0);
        assertThat(route(n, inRho)).containsExactly("coop-c", "coop-a", "consorzio");
        assertThat(inRho.routeTies()).containsExactly("CO_DESIGN", "CONVENTION");
    }

    @Test
    void municipalitiesAcrossTheAntimeridianAreAsNearAsTheyAre() {
        double[] west = {0, 179.95};
        double[] east = {0.05, -179.95};
        double[] far = {10, 0};
        Network n = Network.builder(1)
                .territory("r", "R", "REGION", null, null, null)
                .territory("west", "West", "MUNICIPALITY", "r", west[0], west[1])
                .territory("east", "East", "MUNICIPALITY", "r", east[0], east[1])
                .territory("far", "Far", "MUNICIPALITY", "r", far[0], far[1])
                .category(ABITARE, "Abitare", null)
                .cooperative("consorzio", "Consorzio", "CONSORTIUM", "west")
                .service("svc-east", "East's", "consorzio", 3, 0, List.of(ABITARE), List.of("east"))
                .service("svc-far", "Far's", "consorzio", 3, 0, List.of(ABITARE), List.of("far"))
                .build();

        List<Referral> found = ask(n, ABITARE, "west", 10, 25, false);
        assertThat(ids(n, found)).containsExactly("svc-east");
        assertThat(found.get(0).distanceKm())
                .isCloseTo(km(west, east), within(1e-9))
                .isLessThan(25);
        assertThat(ask(n, ABITARE, "west", 10, 10, false)).isEmpty();
    }
}
