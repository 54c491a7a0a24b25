package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.engine.WhatIfAnalysis.Impact;
import it.snodo.engine.WhatIfAnalysis.LostCoverage;
import it.snodo.engine.WhatIfAnalysis.Removal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What-if on a tiny hand-built network. */
class RemovalWhatIfTest {

    /**
     * Two municipalities; coop-a alone answers housing, coop-b and coop-c both answer work.
     * Ties: a–b, b–c, c–a (a triangle) and c–d.
     */
    private final Network n = Network.builder(1)
            .territory("d1", "Distretto", "DISTRICT", null, null, null)
            .territory("m1", "Uno", "MUNICIPALITY", "d1", 45.50, 9.00)
            .territory("m2", "Due", "MUNICIPALITY", "d1", 45.52, 9.02)
            .category("casa", "Casa", null)
            .category("lavoro", "Lavoro", null)
            .cooperative("coop-a", "A", "A", "m1")
            .cooperative("coop-b", "B", "B", "m1")
            .cooperative("coop-c", "C", "B", "m2")
            .partner("partner-d", "D", "ASSOCIATION", "m2")
            .service("s-casa", "Casa", "coop-a", 4, 0, List.of("casa"), List.of("d1"))
            .service("s-lavoro-b", "Lavoro B", "coop-b", 4, 0, List.of("lavoro"), List.of("m1"))
            .service("s-lavoro-c", "Lavoro C", "coop-c", 4, 0, List.of("lavoro"), List.of("d1"))
            .need("n1", "casa", "m1", 5)
            .need("n2", "casa", "m2", 3)
            .need("n3", "casa", "m2", 1)
            .need("n4", "lavoro", "m1", 7)
            .tie("coop-a", "coop-b", "COLLABORATION", 0.5)
            .tie("coop-b", "coop-c", "JOINT_TENDER", 0.5)
            .tie("coop-c", "coop-a", "CONTRACT", 0.5)
            .tie("coop-c", "partner-d", "FUNDING", 0.5)
            .build();

    private Impact remove(int[] actors, int[] services, int[][] ties) {
        return new RemovalWhatIf(n).impact(new Removal(actors, services, ties));
    }

    @Test
    void removingTheOnlyProviderOfACategoryLosesItsNeedsByMunicipality() {
        Impact impact = remove(new int[] {n.actor("coop-a")}, new int[0], new int[0][]);

        assertThat(impact.lostCoverage())
                .containsExactly(
                        new LostCoverage(n.territory("m1"), n.category("casa"), 5),
                        new LostCoverage(n.territory("m2"), n.category("casa"), 4));
        // Without a, b–c–d is a path: c was already a cut point (the only way to d); b is not.
        assertThat(impact.newArticulationPoints()).isEmpty();
    }

    @Test
    void aCategoryWithAnotherAnswerLosesNothing() {
        Impact impact = remove(new int[0], new int[] {n.service("s-lavoro-b")}, new int[0][]);

        assertThat(impact.lostCoverage()).isEmpty();
    }

    @Test
    void servicesLeftOutAnswerNothingBeforeOrAfter() {
        int lavoroC = n.service("s-lavoro-c");
        int[][] noTies = new int[0][];
        // With s-lavoro-c left out, removing b leaves m1's work needs unanswered.
        Impact impact = new RemovalWhatIf(n)
                .impact(new Removal(new int[] {n.actor("coop-b")}, new int[0], noTies), s -> s == lavoroC);
        assertThat(impact.lostCoverage()).containsExactly(new LostCoverage(n.territory("m1"), n.category("lavoro"), 7));
        assertThat(remove(new int[] {n.actor("coop-b")}, new int[0], noTies).lostCoverage())
                .isEmpty();

        // Needs answered only by what is left out are not answered before: removing it loses nothing.
        int casa = n.service("s-casa");
        assertThat(new RemovalWhatIf(n)
                        .impact(new Removal(new int[] {n.actor("coop-a")}, new int[0], noTies), s -> s == casa)
                        .lostCoverage())
                .isEmpty();
    }

    @Test
    void removingATieCanMakeANewArticulationPoint() {
        // Without a–c the triangle becomes the path a–b–c: b now holds a to the rest.
        Impact impact = remove(new int[0], new int[0], new int[][] {{n.actor("coop-c"), n.actor("coop-a")}});

        assertThat(impact.newArticulationPoints()).containsExactly(n.actor("coop-b"));
        assertThat(impact.lostCoverage()).isEmpty();
    }

    @Test
    void nothingRemovedChangesNothing() {
        Impact impact = remove(new int[0], new int[0], new int[0][]);

        assertThat(impact.lostCoverage()).isEmpty();
        assertThat(impact.newArticulationPoints()).isEmpty();
    }
}
