package it.snodo.sentreferral;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.SnodoIT;
import it.snodo.sentreferral.ReferralOutcomes.ServiceOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outcome report on random sets of referrals and moves, against a straightforward recount of
 * what the test itself did; and the same report after the retention job folded part of them into
 * monthly counts, for windows that start on a month.
 */
class OutcomesRecountIT extends SnodoIT {

    @Autowired
    SentReferrals referrals;

    @Autowired
    ReferralOutcomes outcomes;

    @Autowired
    ReferralRetention retention;

    @Autowired
    Driver driver;

    @Autowired
    ReferralLedger ledger;

    /** What the test did to one referral. */
    static final class Truth {
        String service;
        String provider;
        String territory;
        Instant sentAt;
        Instant answeredAt;
        ReferralStatus status = ReferralStatus.SENT;
        DeclineReason reason;
        boolean everAccepted;
    }

    /** (service, its provider, a category it covers) of the example network. */
    record Target(String service, String provider, String category) {}

    static final List<Target> TARGETS = List.of(
            new Target("ex-svc-0004", "ex-coop-001", "ex-anziani.lavoro"),
            new Target("ex-svc-0006", "ex-coop-002", "ex-famiglia_minori.diurno"),
            new Target("ex-svc-0012", "ex-coop-005", "ex-poverta_disagio_adulti.domiciliare"),
            new Target("ex-svc-0025", "ex-partner-002", "ex-disabili"));

    static final List<String> MUNICIPALITIES = List.of("ex015154", "ex015058", "ex015007", "ex015105");

    @Test
    void theReportIsARecountOfWhatHappened() {
        importOk(example());
        for (long seed = 1; seed <= 4; seed++) {
            try (var session = driver.session()) {
                session.run("MATCH (n) WHERE n:SentReferral OR n:SentReferralMonth DETACH DELETE n")
                        .consume();
            }
            ledger.forget();
            Random random = new Random(seed);
            Instant start = Instant.parse("2023-01-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(60)));
            clock.set(start);
            Map<String, Truth> truth = new TreeMap<>();
            List<String> open = new ArrayList<>();
            for (int step = 0; step < 220; step++) {
                clock.advance(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 8)));
                if (open.isEmpty() || random.nextInt(3) == 0) {
                    Target target = TARGETS.get(random.nextInt(TARGETS.size()));
                    String territory = MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size()));
                    var sent = referrals.send(new SentReferrals.NewReferral(
                            target.service(), target.category(), territory, 1 + random.nextInt(5), null));
                    Truth t = new Truth();
                    t.service = target.service();
                    t.provider = target.provider();
                    t.territory = territory;
                    t.sentAt = clock.instant();
                    truth.put(sent.id(), t);
                    open.add(sent.id());
                    continue;
                }
                String id = open.get(random.nextInt(open.size()));
                Truth t = truth.get(id);
                Move move = random.nextInt(7) == 0
                        ? Move.values()[random.nextInt(Move.values().length)]
                        : t.status == ReferralStatus.SENT
                                ? List.of(Move.ACCEPT, Move.DECLINE, Move.CANCEL)
                                        .get(random.nextInt(3))
                                : List.of(Move.COMPLETE, Move.DROP).get(random.nextInt(2));
                DeclineReason reason = DeclineReason.values()[random.nextInt(DeclineReason.values().length)];
                if (move.from() != t.status) {
                    ReferralStatus before = t.status;
                    try {
                        referrals.move(id, move, reason);
                        throw new AssertionError(move + " from " + before + " went through");
                    } catch (RuntimeException e) {
                        assertThat(e).isInstanceOf(ReferralProblem.class);
                    }
                    continue;
                }
                referrals.move(id, move, move == Move.DECLINE ? reason : null);
                if (move.answers()) {
                    t.answeredAt = clock.instant();
                }
                t.status = move.to();
                t.reason = move == Move.DECLINE ? reason : null;
                t.everAccepted |= move == Move.ACCEPT;
                if (t.status.closed()) {
                    open.remove(id);
                }
            }
            Instant end = clock.instant();
            List<Instant> sinces = List.of(
                    start.minusSeconds(1),
                    start.plus(Duration.ofDays(90 + random.nextInt(200))),
                    end.minus(Duration.ofDays(20)));
            for (Instant since : sinces) {
                for (List<String> territories : List.of(MUNICIPALITIES, MUNICIPALITIES.subList(0, 2))) {
                    assertThat(outcomes.outcomes(territories, since, (s, p) -> true))
                            .as("seed %d since %s in %s", seed, since, territories)
                            .isEqualTo(recount(truth, territories, since, end));
                }
            }
            assertThat(outcomes.outcomes(null, null, (s, p) -> true))
                    .isEqualTo(recount(truth, MUNICIPALITIES, null, end));

            // Retention folds the old closed ones into months; windows that start on a month are unchanged.
            Instant monthStart = Instant.parse(end.toString().substring(0, 7) + "-01T00:00:00Z")
                    .minus(Duration.ofDays(400));
            Instant firstOfMonth = Instant.parse(monthStart.toString().substring(0, 7) + "-01T00:00:00Z");
            List<ServiceOutcome> all = outcomes.outcomes(null, null, (s, p) -> true);
            List<ServiceOutcome> fromMonth = outcomes.outcomes(null, firstOfMonth, (s, p) -> true);
            List<ServiceOutcome> oneDistrict = outcomes.outcomes(MUNICIPALITIES.subList(0, 2), null, (s, p) -> true);
            long folded = retention.run();
            assertThat(folded).as("seed %d folds something", seed).isPositive();
            assertThat(outcomes.outcomes(null, null, (s, p) -> true)).isEqualTo(all);
            assertThat(outcomes.outcomes(null, firstOfMonth, (s, p) -> true)).isEqualTo(fromMonth);
            assertThat(outcomes.outcomes(MUNICIPALITIES.subList(0, 2), null, (s, p) -> true))
                    .isEqualTo(oneDistrict);
        }
    }

    private List<ServiceOutcome> recount(
            Map<String, Truth> truth, List<String> territories, Instant since, Instant now) {
        Instant overdueBefore = now.minus(Duration.ofDays(5));
        Map<String, List<Truth>> byService = new TreeMap<>();
        truth.values().stream()
                .filter(t -> territories.contains(t.territory))
                .filter(t -> since == null || !t.sentAt.isBefore(since))
                .forEach(t -> byService
                        .computeIfAbsent(t.service, k -> new ArrayList<>())
                        .add(t));
        List<ServiceOutcome> rows = new ArrayList<>();
        byService.forEach((service, ts) -> {
            Map<DeclineReason, Long> declined = new EnumMap<>(DeclineReason.class);
            for (DeclineReason r : DeclineReason.values()) {
                declined.put(
                        r,
                        ts.stream()
                                .filter(t -> t.status == ReferralStatus.DECLINED && t.reason == r)
                                .count());
            }
            long accepted = ts.stream().filter(t -> t.everAccepted).count();
            long declinedAll =
                    declined.values().stream().mapToLong(Long::longValue).sum();
            List<Long> seconds = ts.stream()
                    .filter(t -> t.answeredAt != null)
                    .map(t -> Duration.between(t.sentAt, t.answeredAt).getSeconds())
                    .sorted()
                    .toList();
            Double median = seconds.isEmpty()
                    ? null
                    : seconds.size() % 2 == 1
                            ? seconds.get(seconds.size() / 2) / 3600.0
                            : (seconds.get(seconds.size() / 2 - 1) + seconds.get(seconds.size() / 2)) / 2.0 / 3600.0;
            rows.add(new ServiceOutcome(
                    service,
                    ts.get(0).provider,
                    ts.size(),
                    accepted,
                    declined,
                    count(ts, ReferralStatus.COMPLETED),
                    count(ts, ReferralStatus.DROPPED),
                    count(ts, ReferralStatus.CANCELLED),
                    count(ts, ReferralStatus.SENT),
                    ts.stream()
                            .filter(t -> t.status == ReferralStatus.SENT && t.sentAt.isBefore(overdueBefore))
                            .count(),
                    accepted + declinedAll == 0 ? null : (double) accepted / (accepted + declinedAll),
                    median));
        });
        return rows;
    }

    private static long count(List<Truth> ts, ReferralStatus status) {
        return ts.stream().filter(t -> t.status == status).count();
    }
}
