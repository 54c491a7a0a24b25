package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.engine.IntegratedAnswerAlgorithm.Answer;
import it.snodo.engine.IntegratedAnswerAlgorithm.Assignment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactCoverIntegratedAnswers} on tiny hand-built networks, against answers worked out by
 * hand from docs/design.md: the smallest cover (where greedy is not), then fewest new ties
 * (components of the whole tie graph), then shortest total distance, then provider ids; the nearest
 * service of a chosen provider for each category; the category tree; the maxKm bound; uncovered
 * categories; the bounds of the query; and the worked example's integrated answers.
 *
 * <p>The territories: the district {@code ambito-rhodense} (Rho, Pero) and, directly under the
 * province, Bollate. The categories: {@code c01} ... {@code c13}, and {@code abitare} with the child
 * {@code abitare-temporaneo}.
 */
class ExactCoverIntegratedAnswersTest {

    private static final String RHO = "015182";
    private static final String PERO = "015170";
    private static final String BOLLATE = "015027";
    private static final String DISTRICT = "ambito-rhodense";
    private static final String PROVINCE = "prov-mi";

    private static final double[] RHO_AT = {45.5313, 9.0402};
    private static final double[] PERO_AT = {45.5103, 9.0871};
    private static final double[] BOLLATE_AT = {45.5468, 9.1176};

    private static final String ABITARE = "abitare";
    private static final String TEMPORANEO = "abitare-temporaneo";

    /** Territories and categories every test shares; actors, services and ties are each test's own. */
    private static Network.Builder base() {
        Network.Builder b = Network.builder(3)
                .territory(PROVINCE, "Città metropolitana di Milano", "PROVINCE", null, null, null)
                .territory(DISTRICT, "Ambito Rhodense", "DISTRICT", PROVINCE, null, null)
                .territory(RHO, "Rho", "MUNICIPALITY", DISTRICT, RHO_AT[0], RHO_AT[1])
                .territory(PERO, "Pero", "MUNICIPALITY", DISTRICT, PERO_AT[0], PERO_AT[1])
                .territory(BOLLATE, "Bollate", "MUNICIPALITY", PROVINCE, BOLLATE_AT[0], BOLLATE_AT[1])
                .category(ABITARE, "Abitare", null)
                .category(TEMPORANEO, "Abitare temporaneo", ABITARE);
        for (int i = 1; i <= 13; i++) {
            b.category(c(i), "Categoria " + i, null);
        }
        return b;
    }

    private static String c(int i) {
        return String.format("c%02d", i);
    }

    private static Network.Builder coops(Network.Builder b, String... ids) {
        for (String id : ids) {
            b.cooperative(id, id, "A", RHO);
        }
        return b;
    }

    private static Network.Builder service(
            Network.Builder b, String id, String provider, String territory, String... categories) {
        return b.service(id, id, provider, null, null, List.of(categories), List.of(territory));
    }

    private static double km(double[] a, double[] b) {
        return Geo.distanceKm(a[0], a[1], b[0], b[1]);
    }

    private static Answer ask(Network n, String municipality, double maxKm, String... categories) {
        int[] cs = Arrays.stream(categories).mapToInt(n::category).toArray();
        return new ExactCoverIntegratedAnswers(n).answer(n.territory(municipality), cs, maxKm);
    }

    private static List<String> providers(Network n, Answer a) {
        return Arrays.stream(a.providers()).mapToObj(n::actorId).toList();
    }

    private static List<String> uncovered(Network n, Answer a) {
        return Arrays.stream(a.uncovered()).mapToObj(n::categoryCode).toList();
    }

    /** "category:service:provider" for each assignment, in order. */
    private static List<String> assignments(Network n, Answer a) {
        return a.assignments().stream()
                .map(x -> n.categoryCode(x.category()) + ":" + n.serviceId(x.service()) + ":" + n.actorId(x.provider()))
                .toList();
    }

    /** The greedy cover: the provider covering most still-open categories first (ties by id). */
    private static int greedyCoverSize(List<List<Integer>> covers, int universe) {
        boolean[] open = new boolean[universe + 1];
        Arrays.fill(open, 1, universe + 1, true);
        int taken = 0;
        while (IntStream.rangeClosed(1, universe).anyMatch(i -> open[i])) {
            List<Integer> best = null;
            long bestCount = 0;
            for (List<Integer> cover : covers) {
                long count = cover.stream().filter(i -> open[i]).count();
                if (count > bestCount) {
                    best = cover;
                    bestCount = count;
                }
            }
            best.forEach(i -> open[i] = false);
            taken++;
        }
        return taken;
    }

    @Test
    void aCallerShownLargerDistancesGetsTheAnswerThoseDistancesGive() {
        // svc-x1 is in Rho, but shown 5 km away (as a confidential place is); Pero is 4.2 km from Rho.
        Network.Builder b = coops(base(), "coop-x", "coop-y");
        service(b, "svc-x1", "coop-x", RHO, c(1));
        service(b, "svc-x2", "coop-x", RHO, c(2));
        service(b, "svc-y1", "coop-y", PERO, c(1));
        service(b, "svc-y2", "coop-y", RHO, c(2));
        service(b, "svc-y3", "coop-y", RHO, c(1));
        Network n = b.build();
        int hiddenService = n.service("svc-x1");
        IntegratedAnswerAlgorithm.ShownDistance shown = (s, km) -> s == hiddenService ? Math.max(5, km) : km;
        int[] both = {n.category(c(1)), n.category(c(2))};
        ExactCoverIntegratedAnswers engine = new ExactCoverIntegratedAnswers(n);

        // Exact, X and Y both answer at 0 km: ids decide. Shown, X is 5 km away and Y 0 km.
        assertThat(providers(n, ask(n, RHO, 10, c(1), c(2)))).containsExactly("coop-x");
        Answer seen = engine.answer(n.territory(RHO), both, 10, shown);
        assertThat(providers(n, seen)).containsExactly("coop-y");
        assertThat(seen.totalDistanceKm()).isZero();

        // Without svc-y3, Y's nearest answer to c01 is in Pero: 4.2 km shown against X's 5.
        Network.Builder b2 = coops(base(), "coop-x", "coop-y");
        service(b2, "svc-x1", "coop-x", RHO, c(1));
        service(b2, "svc-x2", "coop-x", RHO, c(2));
        service(b2, "svc-y1", "coop-y", PERO, c(1));
        service(b2, "svc-y2", "coop-y", RHO, c(2));
        Network n2 = b2.build();
        int hidden2 = n2.service("svc-x1");
        IntegratedAnswerAlgorithm.ShownDistance shown2 = (s, km) -> s == hidden2 ? Math.max(5, km) : km;
        ExactCoverIntegratedAnswers engine2 = new ExactCoverIntegratedAnswers(n2);
        int rho = n2.territory(RHO);
        assertThat(providers(n2, ask(n2, RHO, 10, c(1), c(2)))).containsExactly("coop-x");
        Answer far = engine2.answer(rho, new int[] {n2.category(c(1)), n2.category(c(2))}, 10, shown2);
        assertThat(providers(n2, far)).containsExactly("coop-y");
        assertThat(far.totalDistanceKm()).isCloseTo(km(RHO_AT, PERO_AT), within(1e-9));

        // A service shown beyond maxKm is not within it, though it is: c01 within 1 km is uncovered.
        Answer near = engine2.answer(rho, new int[] {n2.category(c(1))}, 1, shown2);
        assertThat(providers(n2, near)).isEmpty();
        assertThat(uncovered(n2, near)).containsExactly(c(1));
        assertThat(providers(n2, ask(n2, RHO, 1, c(1)))).containsExactly("coop-x");

        // Within one provider, the service assigned is the one shown nearest.
        Network.Builder b3 = coops(base(), "coop-x");
        service(b3, "svc-x1", "coop-x", RHO, c(1));
        service(b3, "svc-x2", "coop-x", PERO, c(1));
        Network n3 = b3.build();
        int hidden3 = n3.service("svc-x1");
        Answer one = new ExactCoverIntegratedAnswers(n3)
                .answer(
                        n3.territory(RHO),
                        new int[] {n3.category(c(1))},
                        10,
                        (s, km) -> s == hidden3 ? Math.max(5, km) : km);
        assertThat(assignments(n3, one)).containsExactly("c01:svc-x2:coop-x");
        assertThat(assignments(n3, ask(n3, RHO, 10, c(1)))).containsExactly("c01:svc-x1:coop-x");
    }

    @Test
    void theSmallestCoverIsFoundWhereGreedyIsNotMinimal() {
        Network.Builder b = coops(base(), "coop-g", "coop-x", "coop-y");
        service(b, "svc-g", "coop-g", RHO, c(1), c(2), c(3), c(4));
        service(b, "svc-x", "coop-x", RHO, c(1), c(2), c(5));
        service(b, "svc-y", "coop-y", RHO, c(3), c(4), c(6));
        Network n = b.build();

        // Greedy takes G (4 categories), then X and Y for 5 and 6: three providers.
        assertThat(greedyCoverSize(List.of(List.of(1, 2, 3, 4), List.of(1, 2, 5), List.of(3, 4, 6)), 6))
                .isEqualTo(3);

        Answer a = ask(n, RHO, 0, c(1), c(2), c(3), c(4), c(5), c(6));
        assertThat(providers(n, a)).containsExactly("coop-x", "coop-y");
        assertThat(a.minimumProviders()).isEqualTo(2);
        assertThat(a.uncovered()).isEmpty();
        assertThat(a.newTiesNeeded()).isEqualTo(1);
        assertThat(a.totalDistanceKm()).isZero();
        assertThat(assignments(n, a))
                .containsExactly(
                        "c01:svc-x:coop-x",
                        "c02:svc-x:coop-x",
                        "c03:svc-y:coop-y",
                        "c04:svc-y:coop-y",
                        "c05:svc-x:coop-x",
                        "c06:svc-y:coop-y");
    }

    @Test
    void amongEqualCoversTheOneNeedingFewestNewTiesWinsOverDistanceAndIds() {
        // a1+a2 are nearer and first by id, but not tied; q1 and q2 are tied (from q2 to q1) and far.
        Network.Builder b = coops(base(), "coop-a1", "coop-a2", "coop-q1", "coop-q2");
        service(b, "svc-a1", "coop-a1", RHO, c(1));
        service(b, "svc-a2", "coop-a2", RHO, c(2));
        service(b, "svc-q1", "coop-q1", BOLLATE, c(1));
        service(b, "svc-q2", "coop-q2", BOLLATE, c(2));
        Network untied = b.build();
        Network tied = b.tie("coop-q2", "coop-q1", "COLLABORATION", 1.0).build();

        Answer a = ask(untied, RHO, 50, c(1), c(2));
        assertThat(providers(untied, a)).containsExactly("coop-a1", "coop-a2");
        assertThat(a.newTiesNeeded()).isEqualTo(1);
        assertThat(a.totalDistanceKm()).isZero();

        Answer t = ask(tied, RHO, 50, c(1), c(2));
        assertThat(providers(tied, t)).containsExactly("coop-q1", "coop-q2");
        assertThat(t.newTiesNeeded()).isZero();
        assertThat(t.totalDistanceKm()).isCloseTo(2 * km(RHO_AT, BOLLATE_AT), within(1e-9));
        assertThat(assignments(tied, t)).containsExactly("c01:svc-q1:coop-q1", "c02:svc-q2:coop-q2");
    }

    @Test
    void newTiesCountComponentsOfTheWholeTieGraphNotDirectTies() {
        // a1 and a2 are not tied to each other but to a common partner: one component, 0 new ties,
        // so equal to q1+q2 on ties and distance; the ids decide.
        Network.Builder b = coops(base(), "coop-a1", "coop-a2", "coop-q1", "coop-q2")
                .partner("comune-rho", "Comune di Rho", "MUNICIPALITY", RHO)
                .tie("coop-a1", "comune-rho", "CONVENTION", 1.0)
                .tie("comune-rho", "coop-a2", "CONVENTION", 1.0)
                .tie("coop-q1", "coop-q2", "COLLABORATION", 1.0);
        service(b, "svc-a1", "coop-a1", RHO, c(1));
        service(b, "svc-a2", "coop-a2", RHO, c(2));
        service(b, "svc-q1", "coop-q1", RHO, c(1));
        service(b, "svc-q2", "coop-q2", RHO, c(2));
        Network n = b.build();

        Answer a = ask(n, RHO, 0, c(2), c(1));
        assertThat(providers(n, a)).containsExactly("coop-a1", "coop-a2");
        assertThat(a.newTiesNeeded()).isZero();
        assertThat(assignments(n, a)).containsExactly("c02:svc-a2:coop-a2", "c01:svc-a1:coop-a1");
    }

    @Test
    void amongEqualSizeAndTiesTheShortestTotalDistanceWinsOverIds() {
        // No ties: every cover of two needs one new tie. a1 and a2 serve only Pero; q1 and q2 Rho.
        Network.Builder b = coops(base(), "coop-a1", "coop-a2", "coop-q1", "coop-q2");
        service(b, "svc-a1", "coop-a1", PERO, c(1));
        service(b, "svc-a2", "coop-a2", PERO, c(2));
        service(b, "svc-q1", "coop-q1", RHO, c(1));
        service(b, "svc-q2", "coop-q2", RHO, c(2));
        Network n = b.build();

        Answer a = ask(n, RHO, 20, c(1), c(2));
        assertThat(providers(n, a)).containsExactly("coop-q1", "coop-q2");
        assertThat(a.newTiesNeeded()).isEqualTo(1);
        assertThat(a.totalDistanceKm()).isZero();

        // Seen from Pero, the same covers reverse.
        Answer p = ask(n, PERO, 20, c(1), c(2));
        assertThat(providers(n, p)).containsExactly("coop-a1", "coop-a2");
    }

    @Test
    void eachCategoryGetsTheNearestServiceOfAChosenProviderTiesByServiceId() {
        Network.Builder b = coops(base(), "coop-a");
        service(b, "svc-1-far", "coop-a", BOLLATE, c(1), c(2), c(3));
        service(b, "svc-2-pero", "coop-a", PERO, c(1));
        service(b, "svc-3-rho", "coop-a", DISTRICT, c(2));
        service(b, "svc-4-rho", "coop-a", RHO, c(2));
        Network n = b.build();

        Answer a = ask(n, RHO, 50, c(3), c(1), c(2));
        assertThat(providers(n, a)).containsExactly("coop-a");
        assertThat(a.newTiesNeeded()).isZero();
        // c01: Pero is nearer than Bollate; c02: two services at 0 km, the first by id (through the district).
        assertThat(assignments(n, a))
                .containsExactly("c03:svc-1-far:coop-a", "c01:svc-2-pero:coop-a", "c02:svc-3-rho:coop-a");
        assertThat(a.assignments().get(0).distanceKm()).isCloseTo(km(RHO_AT, BOLLATE_AT), within(1e-9));
        assertThat(a.assignments().get(1).distanceKm()).isCloseTo(km(RHO_AT, PERO_AT), within(1e-9));
        assertThat(a.assignments().get(2).distanceKm()).isZero();
        assertThat(a.totalDistanceKm()).isCloseTo(km(RHO_AT, BOLLATE_AT) + km(RHO_AT, PERO_AT), within(1e-9));
    }

    @Test
    void aParentCategoryIsCoveredByAServiceOfAChildCategory() {
        Network.Builder b = coops(base(), "coop-a");
        service(b, "svc-temp", "coop-a", RHO, TEMPORANEO);
        Network n = b.build();

        Answer a = ask(n, RHO, 0, ABITARE);
        assertThat(providers(n, a)).containsExactly("coop-a");
        assertThat(assignments(n, a)).containsExactly("abitare:svc-temp:coop-a");
        assertThat(a.uncovered()).isEmpty();

        // The other way round it does not: a service of the parent does not answer the child.
        Network.Builder p = coops(base(), "coop-a");
        service(p, "svc-abitare", "coop-a", RHO, ABITARE);
        Network np = p.build();
        assertThat(uncovered(np, ask(np, RHO, 0, TEMPORANEO))).containsExactly(TEMPORANEO);
    }

    @Test
    void maxKmExcludesAFarProvider() {
        Network.Builder b = coops(base(), "coop-a1", "coop-a2", "coop-far");
        service(b, "svc-a1", "coop-a1", RHO, c(1));
        service(b, "svc-a2", "coop-a2", RHO, c(2));
        service(b, "svc-far", "coop-far", BOLLATE, c(1), c(2));
        Network n = b.build();
        double d = km(RHO_AT, BOLLATE_AT);

        Answer near = ask(n, RHO, d - 0.01, c(1), c(2));
        assertThat(providers(n, near)).containsExactly("coop-a1", "coop-a2");
        assertThat(near.totalDistanceKm()).isZero();

        Answer far = ask(n, RHO, d + 0.01, c(1), c(2));
        assertThat(providers(n, far)).containsExactly("coop-far");
        assertThat(far.newTiesNeeded()).isZero();
        assertThat(far.totalDistanceKm()).isCloseTo(2 * d, within(1e-9));
    }

    @Test
    void categoriesNoProviderCoversAreReportedAscending() {
        Network.Builder b = coops(base(), "coop-a", "coop-far");
        service(b, "svc-a", "coop-a", RHO, c(1));
        service(b, "svc-far", "coop-far", BOLLATE, c(5));
        Network n = b.build();

        Answer a = ask(n, RHO, 5, c(6), c(1), c(5));
        assertThat(providers(n, a)).containsExactly("coop-a");
        assertThat(uncovered(n, a)).containsExactly(c(5), c(6));
        assertThat(assignments(n, a)).containsExactly("c01:svc-a:coop-a");

        Answer none = ask(n, RHO, 5, c(7));
        assertThat(none.providers()).isEmpty();
        assertThat(none.assignments()).isEmpty();
        assertThat(uncovered(n, none)).containsExactly(c(7));
        assertThat(none.newTiesNeeded()).isZero();
        assertThat(none.totalDistanceKm()).isZero();
    }

    @Test
    void duplicateCategoriesAreAskedOnce() {
        Network.Builder b = coops(base(), "coop-a");
        service(b, "svc-a", "coop-a", RHO, c(1));
        Network n = b.build();

        Answer a = ask(n, RHO, 0, c(1), c(1), c(2), c(2));
        assertThat(assignments(n, a)).containsExactly("c01:svc-a:coop-a");
        assertThat(uncovered(n, a)).containsExactly(c(2));

        // Twelve distinct categories, one of them given twice, are within the bound.
        String[] twelve =
                IntStream.rangeClosed(0, 12).mapToObj(i -> c(Math.max(1, i))).toArray(String[]::new);
        assertThat(ask(n, RHO, 0, twelve).uncovered()).hasSize(11);
    }

    @Test
    void boundsOfTheQueryAreChecked() {
        Network.Builder b = coops(base(), "coop-a");
        service(b, "svc-a", "coop-a", RHO, c(1));
        Network n = b.build();
        ExactCoverIntegratedAnswers answers = new ExactCoverIntegratedAnswers(n);
        int[] thirteen = IntStream.rangeClosed(1, 13).map(i -> n.category(c(i))).toArray();

        assertThatThrownBy(() -> answers.answer(n.territory(RHO), thirteen, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> answers.answer(n.territory(DISTRICT), new int[] {n.category(c(1))}, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> answers.answer(n.territory(RHO), new int[] {n.category(c(1))}, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> answers.answer(n.territory(RHO), new int[] {n.category(c(1))}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> answers.answer(n.territory(RHO), new int[] {n.categoryCount()}, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExactCoverIntegratedAnswers(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theAnswerIsTheSameEveryTime() {
        Network.Builder b = coops(base(), "coop-g", "coop-x", "coop-y", "coop-z");
        service(b, "svc-g", "coop-g", RHO, c(1), c(2), c(3), c(4));
        service(b, "svc-x", "coop-x", PERO, c(1), c(2), c(5));
        service(b, "svc-y", "coop-y", DISTRICT, c(3), c(4), c(6));
        service(b, "svc-z", "coop-z", BOLLATE, c(5), c(6));
        Network n = b.build();
        Answer first = ask(n, RHO, 30, c(1), c(2), c(3), c(4), c(5), c(6));
        for (int i = 0; i < 3; i++) {
            Answer again = ask(n, RHO, 30, c(1), c(2), c(3), c(4), c(5), c(6));
            assertThat(again.providers()).isEqualTo(first.providers());
            assertThat(again.assignments()).isEqualTo(first.assignments());
            assertThat(again.totalDistanceKm()).isEqualTo(first.totalDistanceKm());
        }
    }

    @Test
    void theWorkedExampleNeedsTheExpectedProvidersAndTies() {
        Network n = ExampleNetwork.load();
        ExactCoverIntegratedAnswers answers = new ExactCoverIntegratedAnswers(n);
        for (JsonNode c : ExampleNetwork.expected().get("integratedAnswers")) {
            JsonNode q = c.get("query");
            List<Integer> categories = new ArrayList<>();
            q.get("categories").forEach(code -> categories.add(n.category(code.asText())));
            Answer a = answers.answer(
                    n.territory(q.get("territory").asText()),
                    categories.stream().mapToInt(Integer::intValue).toArray(),
                    q.get("maxKm").asDouble());
            List<String> expectedUncovered = new ArrayList<>();
            c.get("uncovered").forEach(code -> expectedUncovered.add(code.asText()));
            assertThat(a.minimumProviders())
                    .as("%s", q)
                    .isEqualTo(c.get("minimumProviders").asInt());
            assertThat(uncovered(n, a)).as("%s", q).containsExactlyElementsOf(expectedUncovered);
            assertThat(a.newTiesNeeded())
                    .as("%s", q)
                    .isEqualTo(c.get("newTiesNeeded").asInt());
            assertThat(a.assignments()).as("%s", q).hasSize(categories.size() - expectedUncovered.size());
            for (Assignment x : a.assignments()) {
                assertThat(a.providers()).contains(x.provider());
                assertThat(n.services().coversCategory(x.service(), x.category()))
                        .isTrue();
                assertThat(x.distanceKm()).isLessThanOrEqualTo(q.get("maxKm").asDouble());
            }
        }
    }
}
