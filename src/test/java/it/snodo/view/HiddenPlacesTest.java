package it.snodo.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.snodo.engine.ComplementaritySynergies;
import it.snodo.engine.CoverageGaps;
import it.snodo.engine.ExactCoverIntegratedAnswers;
import it.snodo.engine.GapAnalysis;
import it.snodo.engine.Network;
import it.snodo.engine.ReferralAlgorithm;
import it.snodo.engine.ReferralAlgorithm.Referral;
import it.snodo.engine.RemovalWhatIf;
import it.snodo.engine.RingScanReferrals;
import it.snodo.engine.WhatIfAnalysis;
import it.snodo.web.ApiException;
import it.snodo.web.Caller;
import it.snodo.web.Role;
import it.snodo.web.Violation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The confidential-places policy as every analysis asks it (docs/design.md, "Confidential places"). */
class HiddenPlacesTest {

    private static final ConfidentialPlaces PLANNER = of(Role.PLANNER, null);
    private static final ConfidentialPlaces RUNS_IT = of(Role.COOPERATIVE, "c1");
    private static final ConfidentialPlaces READER = of(Role.READER, null);

    private static ConfidentialPlaces of(Role role, String cooperative) {
        return ConfidentialPlaces.of(Optional.of(new Caller("k", role, cooperative)));
    }

    /**
     * Town and, 2.1 km north of it, North, in one district. c1, based in North, runs a confidential
     * shelter in Town (4 free places); c2 a day centre in Town (capacity unknown) and a service in
     * North (2 free); c3 a service in North (1 free). 9 people need category a in Town. p, a
     * confidential partner, is based in Town.
     */
    private final Network n = Network.builder(1)
            .territory("d", "District", "DISTRICT", null, null, null)
            .territory("m", "Town", "MUNICIPALITY", "d", 45.0, 9.0)
            .territory("north", "North", "MUNICIPALITY", "d", 45.019, 9.0)
            .category("a", "A", null)
            .cooperative("c1", "One", "A", "north")
            .cooperative("c2", "Two", "A", "m")
            .cooperative("c3", "Three", "A", "north")
            .partner("p", "Partner", "ASSOCIATION", "m")
            .service("s1", "Shelter", "c1", 6, 2, List.of("a"), List.of("m"))
            .service("s2", "North Two", "c2", 2, 0, List.of("a"), List.of("north"))
            .service("s3", "North Three", "c3", 1, 0, List.of("a"), List.of("north"))
            .service("s4", "Day centre", "c2", null, null, List.of("a"), List.of("m"))
            .need("n1", "a", "m", 9)
            .confidential("s1")
            .confidential("p")
            .build();

    private final RingScanReferrals referrals = new RingScanReferrals(n);

    private List<String> referred(ConfidentialPlaces caller, int k, double maxKm) {
        return caller
                .hiddenIn(n)
                .referrals(referrals, new ReferralAlgorithm.Query(n.category("a"), n.territory("m"), k, maxKm, false))
                .stream()
                .map(r -> n.serviceId(r.service()) + "@" + Math.round(r.distanceKm() * 10) / 10.0)
                .toList();
    }

    @Test
    void referralsAreRankedAndCutByTheDistanceShown() {
        List<String> exact = List.of("s1@0.0", "s4@0.0", "s2@2.1", "s3@2.1");
        assertEquals(exact, referred(PLANNER, 10, 25));
        assertEquals(exact, referred(RUNS_IT, 10, 25));
        assertEquals(List.of("s4@0.0", "s2@2.1", "s3@2.1", "s1@5.0"), referred(READER, 10, 25));
        // The best 2 by the distance shown, not the best 2 by the true one.
        assertEquals(List.of("s4@0.0", "s2@2.1"), referred(READER, 2, 25));
        // Shown at 5 km, the shelter is not within 4.
        assertEquals(List.of("s4@0.0", "s2@2.1", "s3@2.1"), referred(READER, 10, 4));
        assertEquals(List.of("s1@0.0", "s4@0.0"), referred(PLANNER, 10, 0));
    }

    @Test
    void aHiddenReferralsCostCountsTheDistanceShown() {
        Referral shelter = READER.hiddenIn(n)
                .referrals(referrals, new ReferralAlgorithm.Query(n.category("a"), n.territory("m"), 10, 25, false))
                .get(3);
        assertEquals(n.service("s1"), shelter.service());
        assertEquals(5, shelter.distanceKm(), 1e-9);
        assertEquals(5 + RingScanReferrals.UNREACHABLE_HOPS, shelter.cost(), 1e-9);
        assertTrue(READER.hiddenIn(n).hides(shelter.service()));
    }

    @Test
    void municipalityGapRowsLeaveHiddenPlacesOutAndDistrictRowsCountThem() {
        CoverageGaps gaps = new CoverageGaps(n);
        GapAnalysis.Row planner =
                PLANNER.hiddenIn(n).gapRows(gaps, n.territory("m")).get(0);
        GapAnalysis.Row reader =
                READER.hiddenIn(n).gapRows(gaps, n.territory("m")).get(0);
        assertEquals(GapAnalysis.State.COVERED, planner.state());
        assertEquals(2, planner.services());
        // Without the shelter, the day centre (one provider) answers alone.
        assertEquals(GapAnalysis.State.FRAGILE, reader.state());
        assertEquals(1, reader.services());
        assertEquals(planner.demand(), reader.demand());
        assertEquals(gaps.rows(n.territory("m"), READER.hiddenIn(n)::hides), List.of(reader));
        assertEquals(gaps.rows(n.territory("d")), READER.hiddenIn(n).gapRows(gaps, n.territory("d")));
        assertEquals(gaps.rows(n.territory("m")), RUNS_IT.hiddenIn(n).gapRows(gaps, n.territory("m")));
    }

    @Test
    void anIntegratedAnswerIsChosenByTheDistancesShown() {
        ExactCoverIntegratedAnswers answers = new ExactCoverIntegratedAnswers(n);
        int[] a = {n.category("a")};
        assertArrayEquals(
                new int[] {n.actor("c1")},
                PLANNER.hiddenIn(n)
                        .integratedAnswer(answers, n.territory("m"), a, 25)
                        .providers());
        assertArrayEquals(
                new int[] {n.actor("c2")},
                READER.hiddenIn(n)
                        .integratedAnswer(answers, n.territory("m"), a, 25)
                        .providers());
    }

    @Test
    void synergiesAreThoseOfTheNetworkWithoutHiddenPlaces() {
        ComplementaritySynergies synergies = new ComplementaritySynergies(n);
        int c3 = n.actor("c3");
        HiddenPlaces hidden = READER.hiddenIn(n);
        assertEquals(synergies.suggestions(c3, 10, hidden::hides), hidden.suggestions(synergies, c3, 10));
        assertEquals(synergies.suggestions(c3, 10), PLANNER.hiddenIn(n).suggestions(synergies, c3, 10));
        assertNotEquals(synergies.suggestions(c3, 10), hidden.suggestions(synergies, c3, 10));
    }

    private static WhatIfAnalysis.Removal removing(int[] actors, int[] services) {
        return new WhatIfAnalysis.Removal(actors, services, new int[0][]);
    }

    @Test
    void aWhatIfIsOfTheNetworkWithoutHiddenPlaces() {
        RemovalWhatIf whatIf = new RemovalWhatIf(n);
        WhatIfAnalysis.Removal withoutTwo = removing(new int[] {n.actor("c2")}, new int[0]);
        // The shelter still answers Town for those who see it; for the others Town loses its 9.
        assertEquals(List.of(), PLANNER.hiddenIn(n).whatIf(whatIf, withoutTwo).lostCoverage());
        assertEquals(
                List.of(new WhatIfAnalysis.LostCoverage(n.territory("m"), n.category("a"), 9)),
                READER.hiddenIn(n).whatIf(whatIf, withoutTwo).lostCoverage());
    }

    @Test
    void aWhatIfWithoutAHiddenPlaceOrItsProviderIsRefused() {
        RemovalWhatIf whatIf = new RemovalWhatIf(n);
        ApiException.Forbidden e = assertThrows(
                ApiException.Forbidden.class,
                () -> READER.hiddenIn(n).whatIf(whatIf, removing(new int[0], new int[] {n.service("s2"), n.service("s1")
                })));
        assertEquals(List.of(Violation.of("remove", "must not name 's1'")), e.errors());
        e = assertThrows(
                ApiException.Forbidden.class,
                () -> READER.hiddenIn(n).whatIf(whatIf, removing(new int[] {n.actor("c1")}, new int[0])));
        assertEquals(List.of(Violation.of("remove", "must not name 'c1'")), e.errors());
        assertDoesNotThrow(() -> RUNS_IT.hiddenIn(n).whatIf(whatIf, removing(new int[] {n.actor("c1")}, new int[0])));
        assertDoesNotThrow(() -> PLANNER.hiddenIn(n).whatIf(whatIf, removing(new int[0], new int[] {n.service("s1")})));
    }

    @Test
    void territoryMeasuresLeaveConfidentialPartnersOutButForPlanners() {
        int m = n.territory("m");
        assertTrue(READER.hiddenIn(n).measuresWithoutConfidential(m));
        assertTrue(RUNS_IT.hiddenIn(n).measuresWithoutConfidential(m));
        assertFalse(READER.hiddenIn(n).measuresWithoutConfidential(-1));
        assertFalse(PLANNER.hiddenIn(n).measuresWithoutConfidential(m));
    }

    @Test
    void answersThatCountEveryPlaceAreForThoseWhoSeeEveryPlace() {
        assertDoesNotThrow(() -> PLANNER.requireSeesAll("x"));
        assertDoesNotThrow(() -> ConfidentialPlaces.of(Optional.empty()).requireSeesAll("x"));
        assertEquals(
                "Only a PLANNER key may ask for x; this is a COOPERATIVE key",
                assertThrows(ApiException.Forbidden.class, () -> RUNS_IT.requireSeesAll("ask for x"))
                        .getMessage());
    }
}
