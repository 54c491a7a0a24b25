package it.snodo.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exchange of skills against every integer split of the hours, on tiny cases. */
class SkillExchangeTest {

    /** The tree: "area" above "edu" and "med"; "adm" apart. */
    private static final Map<String, String> PART_OF = Map.of("edu", "area", "med", "area");

    private static boolean skillWithin(String skill, String broader) {
        for (String s = skill; s != null; s = PART_OF.get(s)) {
            if (s.equals(broader)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] SKILLS = {"area", "edu", "med", "adm"};

    /** Cooperatives c0..c3 on a line, 0, 7, 13 and 30 km; c4 has no base. */
    private static Double km(String a, String b) {
        int[] at = {0, 7, 13, 30, -1};
        int x = at[a.charAt(1) - '0'];
        int y = at[b.charAt(1) - '0'];
        return x < 0 || y < 0 ? null : (double) Math.abs(x - y);
    }

    @Test
    void aHandMadeCaseMatchesTheMostHoursNearest() {
        List<SkillExchange.Hours> requests =
                List.of(new SkillExchange.Hours("c0", "area", 5), new SkillExchange.Hours("c2", "edu", 4));
        List<SkillExchange.Hours> offers = List.of(
                new SkillExchange.Hours("c1", "edu", 6),
                new SkillExchange.Hours("c1", "med", 2),
                new SkillExchange.Hours("c3", "edu", 9),
                new SkillExchange.Hours("c0", "area", 9));
        SkillExchange.Result r =
                SkillExchange.exchange(requests, offers, 20, SkillExchangeTest::skillWithin, SkillExchangeTest::km);
        // c0's own offer never counts; "area" is not narrower than "edu"; c3 is 30 km from c0, 17 from c2.
        // c1 (8 hours) can serve both, but 9 are requested: c2, which may also take from c3, takes one there.
        assertThat(r.requestedHours()).isEqualTo(9);
        assertThat(r.matchedHours()).isEqualTo(9);
        assertThat(r.hoursKm()).isEqualTo(5 * 7 + 3 * 6 + 1 * 17.0);
        assertThat(r.assignments())
                .containsExactly(
                        new SkillExchange.Assignment("c1", "c0", "area", 5, 7),
                        new SkillExchange.Assignment("c1", "c2", "edu", 3, 6),
                        new SkillExchange.Assignment("c3", "c2", "edu", 1, 17));
        assertThat(r.unmatched()).isEmpty();
    }

    @Test
    void randomTinyCasesAgreeWithEveryIntegerSplit() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<SkillExchange.Hours> requests = new ArrayList<>();
            List<SkillExchange.Hours> offers = new ArrayList<>();
            int nr = 1 + random.nextInt(3);
            int no = 1 + random.nextInt(3);
            for (int i = 0; i < nr; i++) {
                requests.add(new SkillExchange.Hours(
                        "c" + random.nextInt(5), SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(4)));
            }
            for (int i = 0; i < no; i++) {
                offers.add(new SkillExchange.Hours(
                        "c" + random.nextInt(5), SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(4)));
            }
            double maxKm = new double[] {0, 7, 15, 40}[random.nextInt(4)];
            SkillExchange.Result r = SkillExchange.exchange(
                    requests, offers, maxKm, SkillExchangeTest::skillWithin, SkillExchangeTest::km);
            double[] best = brute(requests, offers, maxKm);
            String what = requests + " " + offers + " " + maxKm;
            assertThat(r.matchedHours()).as(what).isEqualTo((long) best[0]);
            assertThat(r.hoursKm()).as(what).isCloseTo(best[1], within(0.0015));
            long unmatched = r.unmatched().stream()
                    .mapToLong(SkillExchange.Hours::hoursPerWeek)
                    .sum();
            assertThat(r.requestedHours() - unmatched).as(what).isEqualTo(r.matchedHours());
        }
    }

    /** {most hours matched, least hours · km among those} over every integer split. */
    private static double[] brute(List<SkillExchange.Hours> requests, List<SkillExchange.Hours> offers, double maxKm) {
        List<int[]> pairs = new ArrayList<>();
        List<Double> kms = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            for (int o = 0; o < offers.size(); o++) {
                SkillExchange.Hours q = requests.get(r);
                SkillExchange.Hours f = offers.get(o);
                Double d = km(q.cooperative(), f.cooperative());
                if (!q.cooperative().equals(f.cooperative())
                        && skillWithin(f.skill(), q.skill())
                        && d != null
                        && d <= maxKm) {
                    pairs.add(new int[] {r, o});
                    kms.add(d);
                }
            }
        }
        double[] best = {0, 0};
        split(0, pairs, kms, new int[requests.size()], new int[offers.size()], requests, offers, 0, 0, best);
        return best;
    }

    private static void split(
            int i,
            List<int[]> pairs,
            List<Double> kms,
            int[] taken,
            int[] lent,
            List<SkillExchange.Hours> requests,
            List<SkillExchange.Hours> offers,
            long matched,
            double km,
            double[] best) {
        if (i == pairs.size()) {
            if (matched > best[0] || matched == best[0] && km < best[1]) {
                best[0] = matched;
                best[1] = km;
            }
            return;
        }
        int r = pairs.get(i)[0];
        int o = pairs.get(i)[1];
        int most = Math.min(
                requests.get(r).hoursPerWeek() - taken[r], offers.get(o).hoursPerWeek() - lent[o]);
        for (int h = 0; h <= most; h++) {
            taken[r] += h;
            lent[o] += h;
            split(i + 1, pairs, kms, taken, lent, requests, offers, matched + h, km + h * kms.get(i), best);
            taken[r] -= h;
            lent[o] -= h;
        }
    }
}
