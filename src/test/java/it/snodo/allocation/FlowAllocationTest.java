package it.snodo.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.snodo.engine.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The allocation on hand-worked networks, on many small random ones against a brute force that
 * enumerates every integer allocation (docs/design.md, "Allocation", read plainly), and on larger
 * random ones against JGraphT's minimum-cost flow over every need → service pair.
 */
class FlowAllocationTest {

    private static final String[] URGENCIES = {null, "LOW", "MEDIUM", "HIGH"};
    private static final String[] CATEGORIES = {"c", "c.a", "c.b", "d"};

    /** Two municipalities 2.2 km apart in one district, a category with two children. */
    private static Network.Builder base() {
        return Network.builder(1)
                .territory("d1", "Distretto", "DISTRICT", null, null, null)
                .territory("m1", "Uno", "MUNICIPALITY", "d1", 45.50, 9.00)
                .territory("m2", "Due", "MUNICIPALITY", "d1", 45.52, 9.00)
                .category("c", "C", null)
                .category("c.a", "C a", "c")
                .category("c.b", "C b", "c")
                .category("d", "D", null)
                .cooperative("coop", "Coop", "A", "m1");
    }

    @Test
    void theUrgentGoFirstThenTheNearest() {
        Network n = base().service("s1", "S1", "coop", 3, 1, List.of("c"), List.of("m1"))
                .service("s2", "S2", "coop", null, null, List.of("c"), List.of("m1"))
                .service("s3", "S3", "coop", 4, 4, List.of("c"), List.of("m2"))
                .need("n1", "c", "m2", 2, "LOW")
                .need("n2", "c", "m2", 2, "HIGH")
                .need("n4", "c.a", "m1", 3, "HIGH")
                .need("n3", "d", "m1", 5, "HIGH")
                .build();
        FlowAllocation.Result r = new FlowAllocation(n).allocate(new FlowAllocation.Query(n.category("c"), 10, -1));
        double km = n.services().within(n.territory("m2"), 10).get(n.service("s1"));
        // n4's category is narrower than s1's: s1 does not cover it.
        assertThat(r.demand()).isEqualTo(7);
        assertThat(r.placed()).isEqualTo(2);
        assertThat(r.weightedPlaced()).isEqualTo(8);
        assertThat(r.peopleKm()).isCloseTo(2 * km, within(0.001));
        assertThat(r.assignments()).containsExactly(new FlowAllocation.Assignment(1, n.service("s1"), 2, km));
        assertThat(r.unplaced())
                .containsExactly(
                        new FlowAllocation.Unplaced(n.territory("m1"), n.category("c.a"), 3),
                        new FlowAllocation.Unplaced(n.territory("m2"), n.category("c"), 2));
        assertThat(r.services()).containsExactly(new FlowAllocation.ServiceUse(n.service("s1"), 2, 2));
        assertThat(r.unknownCapacity()).containsExactly(n.service("s2"));
    }

    @Test
    void aNarrowerServiceTakesOnlyItsOwnNeeds() {
        Network n = base().service("s1", "S1", "coop", 5, 0, List.of("c.b"), List.of("d1"))
                .need("n1", "c.a", "m1", 2, "HIGH")
                .need("n2", "c.b", "m1", 1, "LOW")
                .build();
        FlowAllocation.Result r =
                new FlowAllocation(n).allocate(new FlowAllocation.Query(n.category("c"), 0, n.territory("m1")));
        assertThat(r.weightedPlaced()).isEqualTo(1);
        assertThat(r.peopleKm()).isEqualTo(0);
    }

    @Test
    void randomNetworksAgreeWithEveryIntegerAllocation() {
        Random random = new Random(15);
        for (int round = 0; round < 600; round++) {
            Network n = randomNetwork(random);
            String category = random.nextBoolean() ? "c" : CATEGORIES[random.nextInt(CATEGORIES.length)];
            double maxKm = new double[] {0, 3, 8, 20, 60}[random.nextInt(5)];
            int territory = random.nextInt(3) == 0 ? n.territory("m" + random.nextInt(4)) : -1;
            FlowAllocation.Query q = new FlowAllocation.Query(n.category(category), maxKm, territory);
            // A third of the rounds hide some services: shown at the distance rounded up to 5 km.
            boolean[] hidden = new boolean[n.serviceCount()];
            for (int s = 0; s < hidden.length; s++) {
                hidden[s] = round % 3 == 0 && random.nextBoolean();
            }
            FlowAllocation.ShownDistance shown = banded(hidden);
            FlowAllocation.Result r = new FlowAllocation(n).allocate(q, shown);
            double[] best = bruteForce(n, q, shown);
            assertThat(r.weightedPlaced()).as("round %d", round).isEqualTo((long) best[0]);
            assertThat(r.peopleKm()).as("round %d", round).isCloseTo(best[1], within(0.0015));
            checkConsistent(n, r);
        }
    }

    @Test
    void largerRandomNetworksAgreeWithJGraphTOverEveryPair() {
        Random random = new Random(16);
        for (int round = 0; round < 60; round++) {
            Network n = largerNetwork(random);
            String category = random.nextInt(3) == 0 ? "c" : CATEGORIES[random.nextInt(CATEGORIES.length)];
            double maxKm = new double[] {0, 5, 12, 30}[random.nextInt(4)];
            FlowAllocation.Query q = new FlowAllocation.Query(n.category(category), maxKm, -1);
            boolean[] hidden = new boolean[n.serviceCount()];
            for (int s = 0; s < hidden.length; s++) {
                hidden[s] = round % 2 == 0 && random.nextInt(4) == 0;
            }
            FlowAllocation.ShownDistance shown = banded(hidden);
            FlowAllocation.Result r = new FlowAllocation(n).allocate(q, shown);
            double[] judged = DirectAllocation.judge(n, q, shown);
            assertThat(r.weightedPlaced()).as("round %d", round).isEqualTo((long) judged[0]);
            // The judge counts in metres, the allocation in millimetres: equal to a metre a person.
            assertThat(r.peopleKm()).as("round %d", round).isCloseTo(judged[1], within(0.001 * r.placed() + 0.0015));
            checkConsistent(n, r);
            for (FlowAllocation.Assignment a : r.assignments()) {
                int m = n.needs().territory(a.need());
                Double km = n.services().within(m, maxKm).get(a.service());
                assertThat(km).as("round %d", round).isNotNull();
                assertThat(a.distanceKm()).isEqualTo(shown.km(a.service(), km));
                assertThat(a.distanceKm()).isLessThanOrEqualTo(maxKm);
                assertThat(n.services().coversCategory(a.service(), n.needs().category(a.need())))
                        .isTrue();
            }
        }
    }

    /** 12 municipalities over about 40 km in two districts, 12 services, 30 needs. */
    private static Network largerNetwork(Random random) {
        Network.Builder b = Network.builder(1)
                .territory("d1", "Uno", "DISTRICT", null, null, null)
                .territory("d2", "Due", "DISTRICT", null, null, null)
                .category("c", "C", null)
                .category("c.a", "C a", "c")
                .category("c.b", "C b", "c")
                .category("d", "D", null)
                .cooperative("coop", "Coop", "A", null);
        for (int m = 0; m < 12; m++) {
            b.territory(
                    "m" + m,
                    "M" + m,
                    "MUNICIPALITY",
                    m < 6 ? "d1" : "d2",
                    45.4 + random.nextDouble() * 0.3,
                    8.8 + random.nextDouble() * 0.35);
        }
        for (int s = 0; s < 12; s++) {
            Integer capacity = random.nextInt(8) == 0 ? null : random.nextInt(9);
            Integer occupied = random.nextBoolean() ? null : random.nextInt(3);
            List<String> where = new ArrayList<>();
            int places = random.nextInt(5) == 0 ? 1 : 1 + random.nextInt(3);
            for (int i = 0; i < places; i++) {
                String t = random.nextInt(6) == 0 ? "d" + (1 + random.nextInt(2)) : "m" + random.nextInt(12);
                if (!where.contains(t)) {
                    where.add(t);
                }
            }
            List<String> addressed = new ArrayList<>(List.of(CATEGORIES[random.nextInt(CATEGORIES.length)]));
            if (random.nextInt(3) == 0) {
                String other = CATEGORIES[random.nextInt(CATEGORIES.length)];
                if (!addressed.contains(other)) {
                    addressed.add(other);
                }
            }
            b.service("s" + s, "S" + s, "coop", capacity, occupied, addressed, where);
        }
        for (int i = 0; i < 30; i++) {
            b.need(
                    "n" + i,
                    CATEGORIES[random.nextInt(CATEGORIES.length)],
                    "m" + random.nextInt(12),
                    1 + random.nextInt(4),
                    URGENCIES[random.nextInt(URGENCIES.length)]);
        }
        return b.build();
    }

    /** The hidden services shown at their distance rounded up to 5 km, as confidential places are. */
    private static FlowAllocation.ShownDistance banded(boolean[] hidden) {
        return new FlowAllocation.ShownDistance() {
            @Override
            public boolean hides(int service) {
                return hidden[service];
            }

            @Override
            public double km(int service, double km) {
                return hidden[service] ? Math.ceil(km / 5) * 5 : km;
            }
        };
    }

    private static void checkConsistent(Network n, FlowAllocation.Result r) {
        long placed = 0;
        for (FlowAllocation.Assignment a : r.assignments()) {
            placed += a.people();
        }
        assertThat(r.placed()).isEqualTo(placed);
        long unplaced =
                r.unplaced().stream().mapToLong(FlowAllocation.Unplaced::people).sum();
        assertThat(placed + unplaced).isEqualTo(r.demand());
        for (FlowAllocation.ServiceUse u : r.services()) {
            assertThat(u.used()).isLessThanOrEqualTo(u.freePlaces());
        }
    }

    private static Network randomNetwork(Random random) {
        Network.Builder b = Network.builder(1)
                .territory("d1", "Distretto", "DISTRICT", null, null, null)
                .category("c", "C", null)
                .category("c.a", "C a", "c")
                .category("c.b", "C b", "c")
                .category("d", "D", null)
                .cooperative("coop", "Coop", "A", null);
        for (int m = 0; m < 4; m++) {
            b.territory("m" + m, "M" + m, "MUNICIPALITY", "d1", 45.5 + random.nextDouble() * 0.3, 9.0);
        }
        int services = 1 + random.nextInt(3);
        for (int s = 0; s < services; s++) {
            Integer capacity = random.nextInt(6) == 0 ? null : random.nextInt(4);
            Integer occupied = random.nextBoolean() ? null : random.nextInt(2);
            String where = random.nextInt(4) == 0 ? "d1" : "m" + random.nextInt(4);
            b.service(
                    "s" + s,
                    "S" + s,
                    "coop",
                    capacity,
                    occupied,
                    List.of(CATEGORIES[random.nextInt(CATEGORIES.length)]),
                    List.of(where));
        }
        int needs = 1 + random.nextInt(3);
        for (int i = 0; i < needs; i++) {
            b.need(
                    "n" + i,
                    CATEGORIES[random.nextInt(CATEGORIES.length)],
                    "m" + random.nextInt(4),
                    1 + random.nextInt(3),
                    URGENCIES[random.nextInt(URGENCIES.length)]);
        }
        return b.build();
    }

    /**
     * {Σ weight · x, Σ x · km rounded to 3 decimals} of the best integer allocation, by trying
     * every one: the pairs a need may use are read straight off the definition.
     */
    private static double[] bruteForce(Network n, FlowAllocation.Query q, FlowAllocation.ShownDistance shown) {
        List<int[]> pairs = new ArrayList<>();
        List<Double> kms = new ArrayList<>();
        int[] left = new int[n.needCount()];
        int[] free = new int[n.serviceCount()];
        for (int s = 0; s < n.serviceCount(); s++) {
            Integer f = n.services().freePlaces(s);
            free[s] = f == null ? 0 : Math.max(0, f);
        }
        for (int i = 0; i < n.needCount(); i++) {
            int m = n.needs().territory(i);
            boolean inTerritory = q.territory() < 0 || n.territories().isPartOf(m, q.territory());
            if (!inTerritory || !n.categories().isWithin(n.needs().category(i), q.category())) {
                continue;
            }
            left[i] = n.needs().people(i);
            Map<Integer, Double> within = n.services().within(m, q.maxKm());
            for (int s = 0; s < n.serviceCount(); s++) {
                if (free[s] > 0
                        && within.containsKey(s)
                        && shown.km(s, within.get(s)) <= q.maxKm()
                        && n.services().coversCategory(s, q.category())
                        && n.services().coversCategory(s, n.needs().category(i))) {
                    pairs.add(new int[] {i, s, FlowAllocation.weight(n.needs().urgency(i))});
                    kms.add(shown.km(s, within.get(s)));
                }
            }
        }
        double[] best = {0, 0};
        search(pairs, kms, 0, left, free, 0, 0, best);
        return new double[] {best[0], Math.round(best[1] * 1000) / 1000.0};
    }

    private static void search(
            List<int[]> pairs,
            List<Double> kms,
            int at,
            int[] left,
            int[] free,
            long weight,
            double km,
            double[] best) {
        if (at == pairs.size()) {
            if (weight > best[0] || weight == best[0] && km < best[1]) {
                best[0] = weight;
                best[1] = km;
            }
            return;
        }
        int[] p = pairs.get(at);
        int most = Math.min(left[p[0]], free[p[1]]);
        for (int x = 0; x <= most; x++) {
            left[p[0]] -= x;
            free[p[1]] -= x;
            search(pairs, kms, at + 1, left, free, weight + (long) x * p[2], km + x * kms.get(at), best);
            left[p[0]] += x;
            free[p[1]] += x;
        }
    }
}
