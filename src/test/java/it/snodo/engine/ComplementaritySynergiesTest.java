package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.snodo.engine.SynergyAlgorithm.Pair;
import it.snodo.engine.SynergyAlgorithm.Reason;
import it.snodo.engine.SynergyAlgorithm.Suggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ComplementaritySynergies} on a tiny hand-built network, against scores worked out by hand
 * from the formula of its Javadoc.
 *
 * <p>The network: the district {@code ambito-rhodense} (Rho, Pero) and Bollate. Categories
 * {@code anziani} with the child {@code anziani-dom}, {@code lavoro}, {@code abitare}. In Rho 10
 * people need {@code anziani}; the only service covering it there is coop-a's {@code anziani-dom}
 * with 2 places, so {@code anziani} is UNDER in Rho and open(Rho) = {anziani}; Pero and Bollate have
 * no open gap. The cooperatives and their M (municipalities) and C (categories):
 * <ul>
 * <li>coop-a, based in Rho, anziani-dom in Rho: M = {Rho}, C = {anziani-dom};
 * <li>coop-b, based in Rho, lavoro in Rho: M = {Rho}, C = {lavoro};
 * <li>coop-c, based in Rho, anziani-dom in Pero: M = {Rho, Pero}, C = {anziani-dom};
 * <li>coop-d, based in Rho, no service, tied to coop-a (a → d) and to comune-rho;
 * <li>coop-e, based in Rho, no service, tied to coop-a (e → a);
 * <li>coop-f, based in Bollate, no service, tied to comune-rho;
 * <li>coop-g, based in Bollate, no service, no tie.
 * </ul>
 * comune-rho is tied to coop-a, coop-d and coop-f (degree 3); asst (a partner) runs an abitare
 * service in Rho and is never suggested.
 */
class ComplementaritySynergiesTest {

    private static final String RHO = "015182";
    private static final String PERO = "015170";
    private static final String BOLLATE = "015027";
    private static final String DISTRICT = "ambito-rhodense";
    private static final String PROVINCE = "prov-mi";

    private static final double AA3 = 1 / Math.log(3);

    private static Network.Builder territories() {
        return Network.builder(5)
                .territory(PROVINCE, "Città metropolitana di Milano", "PROVINCE", null, null, null)
                .territory(DISTRICT, "Ambito Rhodense", "DISTRICT", PROVINCE, null, null)
                .territory(RHO, "Rho", "MUNICIPALITY", DISTRICT, 45.5313, 9.0402)
                .territory(PERO, "Pero", "MUNICIPALITY", DISTRICT, 45.5103, 9.0871)
                .territory(BOLLATE, "Bollate", "MUNICIPALITY", PROVINCE, 45.5468, 9.1176);
    }

    private static Network network() {
        return territories()
                .category("anziani", "Anziani", null)
                .category("anziani-dom", "Anziani domiciliare", "anziani")
                .category("lavoro", "Lavoro", null)
                .category("abitare", "Abitare", null)
                .cooperative("coop-a", "A", "A", RHO)
                .cooperative("coop-b", "B", "B", RHO)
                .cooperative("coop-c", "C", "A", RHO)
                .cooperative("coop-d", "D", "A", RHO)
                .cooperative("coop-e", "E", "A", RHO)
                .cooperative("coop-f", "F", "A", BOLLATE)
                .cooperative("coop-g", "G", "A", BOLLATE)
                .partner("comune-rho", "Comune di Rho", "MUNICIPALITY", RHO)
                .partner("asst", "ASST", "HEALTH_AGENCY", RHO)
                .service("svc-a", "A dom", "coop-a", 2, 0, List.of("anziani-dom"), List.of(RHO))
                .service("svc-b", "B lavoro", "coop-b", 5, 0, List.of("lavoro"), List.of(RHO))
                .service("svc-c", "C dom", "coop-c", 4, 0, List.of("anziani-dom"), List.of(PERO))
                .service("svc-asst", "ASST abitare", "asst", null, null, List.of("abitare"), List.of(RHO))
                .need("need-1", "anziani", RHO, 10)
                .tie("coop-a", "coop-d", "COLLABORATION", 1.0)
                .tie("coop-e", "coop-a", "REFERRAL", 0.5)
                .tie("coop-a", "comune-rho", "CONVENTION", 1.0)
                .tie("coop-d", "comune-rho", "CONVENTION", 1.0)
                .tie("comune-rho", "coop-f", "CONTRACT", 1.0)
                .build();
    }

    private static List<String> ids(Network n, List<Suggestion> suggestions) {
        return suggestions.stream().map(s -> n.actorId(s.cooperative())).toList();
    }

    private static String pair(Network n, Pair p) {
        return n.actorId(p.a()) + "+" + n.actorId(p.b());
    }

    @Test
    void twoCooperativesThatCompleteEachOtherOnAnOpenGapRankFirst() {
        Network n = network();
        List<Suggestion> s = new ComplementaritySynergies(n).suggestions(n.actor("coop-a"), 10);

        // coop-b: shared {Rho}; C(a) Δ C(b) = {anziani-dom, lavoro}; anziani-dom lies under the open
        // anziani in Rho: complementarity 1; overlap 1/1; no common partner: 1 + 2·1 + 0 = 3.
        // coop-c: shared {Rho} of {Rho, Pero}; same categories: 0 + 2·0.5 = 1.
        // coop-f: only comune-rho in common, of degree 3: 1/ln 3.
        assertThat(ids(n, s)).containsExactly("coop-b", "coop-c", "coop-f");
        assertThat(s.get(0).score()).isEqualTo(3.0);
        assertThat(s.get(1).score()).isEqualTo(1.0);
        assertThat(s.get(2).score()).isEqualTo(AA3);
    }

    @Test
    void neverItselfNorOneAlreadyTiedInEitherDirectionNorAPartner() {
        Network n = network();
        ComplementaritySynergies synergies = new ComplementaritySynergies(n);
        List<String> forA = ids(n, synergies.suggestions(n.actor("coop-a"), 100));
        // coop-d (a → d) and coop-e (e → a) share Rho with coop-a, but are tied to it.
        assertThat(forA).doesNotContain("coop-a", "coop-d", "coop-e", "comune-rho", "asst");
        assertThat(ids(n, synergies.suggestions(n.actor("coop-e"), 100))).doesNotContain("coop-a", "coop-e");
        assertThat(ids(n, synergies.suggestions(n.actor("coop-d"), 100))).doesNotContain("coop-a", "coop-d");
        for (Pair p : synergies.top(100)) {
            assertThat(pair(n, p)).isNotIn("coop-a+coop-d", "coop-a+coop-e");
            assertThat(n.isCooperative(p.a()) && n.isCooperative(p.b())).isTrue();
        }
    }

    @Test
    void aCooperativeSharingOnlyACommonPartnerScoresTheAdamicAdarIndex() {
        Network n = network();
        List<Suggestion> forF = new ComplementaritySynergies(n).suggestions(n.actor("coop-f"), 10);
        // coop-a and coop-d are tied to comune-rho (degree 3) as coop-f is; coop-g shares Bollate.
        assertThat(ids(n, forF)).containsExactly("coop-g", "coop-a", "coop-d");
        Suggestion a = forF.get(1);
        assertThat(a.score()).isEqualTo(AA3);
        assertThat(a.reasons()).containsExactly(new Reason("COMMON_PARTNERS", "1 common partner: comune-rho", AA3));
    }

    @Test
    void reasonsCarryTheNumbers() {
        Network n = network();
        List<Suggestion> s = new ComplementaritySynergies(n).suggestions(n.actor("coop-a"), 2);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).reasons())
                .containsExactly(
                        new Reason(
                                "COMPLEMENTARITY",
                                "covers 1 open gap in 1 shared municipality the other cannot: anziani-dom",
                                1.0),
                        new Reason("SHARED_TERRITORY", "serve 1 of 1 municipality together", 1.0));
        assertThat(s.get(1).reasons())
                .containsExactly(new Reason("SHARED_TERRITORY", "serve 1 of 2 municipalities together", 0.5));
        for (Suggestion x : s) {
            double sum = 0;
            for (Reason r : x.reasons()) {
                sum += r.kind().equals("SHARED_TERRITORY") ? 2 * r.value() : r.value();
            }
            assertThat(x.score()).isEqualTo(sum);
        }
    }

    @Test
    void complementarityCountsEveryMunicipalityAndNamesAtMostFiveCategories() {
        Network.Builder b = territories().category("anziani", "Anziani", null).category("lavoro", "Lavoro", null);
        for (int i = 1; i <= 6; i++) {
            b.category("anziani-k" + i, "k" + i, "anziani");
        }
        Network n = b.cooperative("coop-x", "X", "A", RHO)
                .cooperative("coop-y", "Y", "A", PERO)
                .service(
                        "svc-x",
                        "X",
                        "coop-x",
                        0,
                        0,
                        List.of("anziani-k1", "anziani-k2", "anziani-k3", "anziani-k4", "anziani-k5", "anziani-k6"),
                        List.of(DISTRICT))
                .service("svc-y", "Y", "coop-y", 3, 0, List.of("lavoro"), List.of(RHO, PERO))
                .need("need-rho", "anziani", RHO, 10)
                .need("need-pero", "anziani", PERO, 10)
                .build();
        // anziani is UNDER in Rho and in Pero (0 places for 10 people); the six children of
        // anziani that only coop-x addresses answer it: 2 municipalities × 6 categories = 12, and
        // both serve exactly {Rho, Pero}: 12 + 2·1 = 14.
        List<Suggestion> s = new ComplementaritySynergies(n).suggestions(n.actor("coop-y"), 5);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).score()).isEqualTo(14.0);
        assertThat(s.get(0).reasons().get(0))
                .isEqualTo(new Reason(
                        "COMPLEMENTARITY",
                        "covers 12 open gaps in 2 shared municipalities the other cannot: "
                                + "anziani-k1, anziani-k2, anziani-k3, anziani-k4, anziani-k5, ...",
                        12.0));
        assertThat(s.get(0).reasons().get(1))
                .isEqualTo(new Reason("SHARED_TERRITORY", "serve 2 of 2 municipalities together", 1.0));
    }

    @Test
    void topListsEachPairOnceRanked() {
        Network n = network();
        List<Pair> top = new ComplementaritySynergies(n).top(100);
        // By hand: a+b 3; d+e 0 + 2·1 + 1/ln 3 (both tied to coop-a, of degree 3); the pairs at 2
        // (complementarity 1 + 2·0.5, or 0 + 2·1) by ids; a+c 1; a+f and d+f 1/ln 3 (comune-rho).
        // a+d and a+e are tied; a+g, b+f, ... score 0.
        assertThat(top.stream().map(p -> pair(n, p)).toList())
                .containsExactly(
                        "coop-a+coop-b",
                        "coop-d+coop-e",
                        "coop-b+coop-c",
                        "coop-b+coop-d",
                        "coop-b+coop-e",
                        "coop-c+coop-d",
                        "coop-c+coop-e",
                        "coop-f+coop-g",
                        "coop-a+coop-c",
                        "coop-a+coop-f",
                        "coop-d+coop-f");
        assertThat(top.stream().mapToDouble(Pair::score).toArray())
                .containsExactly(3, 2 + AA3, 2, 2, 2, 2, 2, 2, 1, AA3, AA3);
        assertThat(top.get(1).reasons())
                .containsExactly(
                        new Reason("SHARED_TERRITORY", "serve 1 of 1 municipality together", 1.0),
                        new Reason("COMMON_PARTNERS", "1 common partner: coop-a", AA3));
        for (Pair p : top) {
            assertThat(p.a()).isLessThan(p.b());
        }
        assertThat(new ComplementaritySynergies(n)
                        .top(3).stream().map(p -> pair(n, p)).toList())
                .containsExactly("coop-a+coop-b", "coop-d+coop-e", "coop-b+coop-c");
        // A pair scores the same from either side and in top.
        ComplementaritySynergies synergies = new ComplementaritySynergies(n);
        for (Pair p : top) {
            assertThat(synergies.suggestions(p.a(), 100)).contains(new Suggestion(p.b(), p.score(), p.reasons()));
            assertThat(synergies.suggestions(p.b(), 100)).contains(new Suggestion(p.a(), p.score(), p.reasons()));
        }
    }

    @Test
    void theAnswersAreTheSameEveryTime() {
        Network n = network();
        ComplementaritySynergies one = new ComplementaritySynergies(n);
        ComplementaritySynergies other = new ComplementaritySynergies(network());
        for (int a = 0; a < n.actorCount(); a++) {
            if (n.isCooperative(a)) {
                assertThat(one.suggestions(a, 10))
                        .isEqualTo(one.suggestions(a, 10))
                        .isEqualTo(other.suggestions(a, 10));
            }
        }
        assertThat(one.top(5)).isEqualTo(one.top(5)).isEqualTo(other.top(5));
    }

    @Test
    void limitsAndActorsAreChecked() {
        Network n = network();
        ComplementaritySynergies synergies = new ComplementaritySynergies(n);
        assertThat(synergies.suggestions(n.actor("coop-a"), 1)).hasSize(1);
        assertThat(synergies.suggestions(n.actor("coop-g"), 10))
                .extracting(Suggestion::cooperative)
                .containsExactly(n.actor("coop-f"));
        assertThatThrownBy(() -> synergies.suggestions(n.actor("coop-a"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> synergies.suggestions(n.actor("comune-rho"), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> synergies.suggestions(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> synergies.top(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComplementaritySynergies(null)).isInstanceOf(NullPointerException.class);
    }
}
