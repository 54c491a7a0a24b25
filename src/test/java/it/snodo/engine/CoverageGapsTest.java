package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.engine.GapAnalysis.Row;
import it.snodo.engine.GapAnalysis.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gap rows on tiny hand-built networks, with the numbers worked out by hand. */
class CoverageGapsTest {

    /** Two municipalities in one district; housing with one child category; two cooperatives. */
    private static Network.Builder base() {
        return Network.builder(1)
                .territory("prov", "Provincia", "PROVINCE", null, null, null)
                .territory("d1", "Distretto", "DISTRICT", "prov", null, null)
                .territory("m1", "Uno", "MUNICIPALITY", "d1", 45.50, 9.00)
                .territory("m2", "Due", "MUNICIPALITY", "d1", 45.52, 9.02)
                .category("casa", "Casa", null)
                .category("casa.temp", "Casa temporanea", "casa")
                .category("lavoro", "Lavoro", null)
                .cooperative("coop-a", "A", "A", "m1")
                .cooperative("coop-b", "B", "B", "m2");
    }

    private static Row row(Network n, List<Row> rows, String code) {
        return rows.stream()
                .filter(r -> n.categoryCode(r.category()).equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + code));
    }

    @Test
    void aDistrictCoveredOnlyByADistrictWideServiceSumsItsMunicipalities() {
        Network n = base().service("s1", "Rete", "coop-a", 10, 4, List.of("casa.temp"), List.of("d1"))
                .need("n1", "casa.temp", "m1", 3)
                .need("n2", "casa.temp", "m2", 2)
                .build();
        List<Row> district = new CoverageGaps(n).rows(n.territory("d1"));

        // demand 3 + 2 = 5, supply 10 − 4 = 6, one provider: not UNDER, so FRAGILE
        assertThat(row(n, district, "casa.temp"))
                .isEqualTo(new Row(n.category("casa.temp"), 5, 6, true, 1, 1, State.FRAGILE));
        // the parent counts the child's needs and is covered by the child's service
        assertThat(row(n, district, "casa")).isEqualTo(new Row(n.category("casa"), 5, 6, true, 1, 1, State.FRAGILE));
        assertThat(district).hasSize(2);

        List<Row> m2 = new CoverageGaps(n).rows(n.territory("m2"));
        assertThat(row(n, m2, "casa.temp").demand()).isEqualTo(2);
        assertThat(row(n, m2, "casa.temp").supply()).isEqualTo(6);
    }

    @Test
    void servicesLeftOutCountForNothingButTheDemandStays() {
        Network n = base().service("s1", "Rifugio", "coop-a", 4, 1, List.of("casa.temp"), List.of("m1"))
                .service("s2", "Rete", "coop-b", 2, 0, List.of("casa.temp"), List.of("m1"))
                .service("s3", "Lavoro", "coop-a", 3, 0, List.of("lavoro"), List.of("m1"))
                .need("n1", "casa.temp", "m1", 4)
                .build();
        int m1 = n.territory("m1");
        int left = n.service("s1");
        List<Row> all = new CoverageGaps(n).rows(m1);
        assertThat(row(n, all, "casa.temp"))
                .isEqualTo(new Row(n.category("casa.temp"), 4, 5, true, 2, 2, State.COVERED));

        List<Row> without = new CoverageGaps(n).rows(m1, s -> s == left);
        // demand 4 against s2's 2 places alone
        assertThat(row(n, without, "casa.temp"))
                .isEqualTo(new Row(n.category("casa.temp"), 4, 2, true, 1, 1, State.UNDER));
        assertThat(row(n, without, "lavoro")).isEqualTo(row(n, all, "lavoro"));
        // The rows are those of the network without s1.
        Network n2 = base().service("s2", "Rete", "coop-b", 2, 0, List.of("casa.temp"), List.of("m1"))
                .service("s3", "Lavoro", "coop-a", 3, 0, List.of("lavoro"), List.of("m1"))
                .need("n1", "casa.temp", "m1", 4)
                .build();
        assertThat(without).isEqualTo(new CoverageGaps(n2).rows(n2.territory("m1")));
        // Left out everywhere, a category with no demand has no row.
        int work = n.service("s3");
        assertThat(new CoverageGaps(n).rows(m1, s -> s == work).stream().map(r -> n.categoryCode(r.category())))
                .doesNotContain("lavoro");
    }

    @Test
    void aNeedInAChildCategoryCoveredByNothingIsUncovered() {
        Network n = base().service("s1", "Casa generica", "coop-a", 5, 0, List.of("casa"), List.of("m1"))
                .need("n1", "casa.temp", "m1", 4)
                .build();
        List<Row> rows = new CoverageGaps(n).rows(n.territory("m1"));

        // a service addressing the parent does not cover the child
        assertThat(row(n, rows, "casa.temp"))
                .isEqualTo(new Row(n.category("casa.temp"), 4, 0, true, 0, 0, State.UNCOVERED));
        assertThat(row(n, rows, "casa").state()).isEqualTo(State.FRAGILE);
    }

    @Test
    void unknownCapacityMakesSupplyUnknownAndNeverUnder() {
        Network n = base().service("s1", "Lavoro A", "coop-a", 2, 0, List.of("lavoro"), List.of("m1"))
                .service("s2", "Lavoro B", "coop-b", null, null, List.of("lavoro"), List.of("d1"))
                .need("n1", "lavoro", "m1", 50)
                .build();
        Row row = row(n, new CoverageGaps(n).rows(n.territory("m1")), "lavoro");

        assertThat(row.supplyKnown()).isFalse();
        assertThat(row.supply()).isEqualTo(2);
        assertThat(row.providers()).isEqualTo(2);
        assertThat(row.state()).isEqualTo(State.COVERED);
    }

    @Test
    void fewerFreePlacesThanPeopleIsUnderBeforeFragile() {
        Network n = base().service("s1", "Casa A", "coop-a", 3, 2, List.of("casa.temp"), List.of("m1"))
                .service("s2", "Casa A bis", "coop-a", 4, 5, List.of("casa.temp"), List.of("m1"))
                .need("n1", "casa.temp", "m1", 2)
                .build();
        Row row = row(n, new CoverageGaps(n).rows(n.territory("m1")), "casa.temp");

        // free places (3 − 2) + (4 − 5) = 0 < 2: UNDER, though one provider would also make it FRAGILE
        assertThat(row).isEqualTo(new Row(n.category("casa.temp"), 2, 0, true, 1, 2, State.UNDER));
    }

    @Test
    void categoriesWithNeitherDemandNorServiceAreNotListed() {
        Network n = base().need("n1", "lavoro", "m2", 1).build();
        List<Row> rows = new CoverageGaps(n).rows(n.territory("d1"));

        assertThat(rows).extracting(r -> n.categoryCode(r.category())).containsExactly("lavoro");
        assertThat(new CoverageGaps(n).rows(n.territory("m1"))).isEmpty();
    }
}
