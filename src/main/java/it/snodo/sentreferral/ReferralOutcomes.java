package it.snodo.sentreferral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Component;

/**
 * What became of the referrals sent, per service, and the people declined as FULL that gap rows
 * show. Both count the referrals kept and the monthly counts the retention job folded the old ones
 * into, so that a report over a long period stays right after the referrals themselves are gone.
 */
@Component
public class ReferralOutcomes {

    /** How far back {@link #declinedFull} looks. */
    public static final Duration DECLINED_FULL_WINDOW = Duration.ofDays(365);

    private final Driver driver;
    private final Clock clock;
    private final ReferralProperties properties;

    ReferralOutcomes(Driver driver, Clock clock, ReferralProperties properties) {
        this.driver = driver;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * One service's row of the report.
     *
     * @param acceptanceRate accepted / (accepted + declined); null when both are 0
     * @param medianHoursToAnswer from sentAt to answeredAt, over the referrals answered; null when none was
     */
    public record ServiceOutcome(String service, String provider, long sent, long accepted,
            Map<DeclineReason, Long> declined, long completed, long dropped, long cancelled, long pending,
            long overdue, Double acceptanceRate, Double medianHoursToAnswer) {
    }

    /** The counts of one service before they are shown: summed over the kept referrals and the months. */
    static final class Tally {
        final String service;
        String provider;
        long sent;
        long accepted;
        final Map<DeclineReason, Long> declined = new EnumMap<>(DeclineReason.class);
        long completed;
        long dropped;
        long cancelled;
        long pending;
        long overdue;
        final List<long[]> answerSeconds = new ArrayList<>();

        Tally(String service) {
            this.service = service;
            for (DeclineReason reason : DeclineReason.values()) {
                declined.put(reason, 0L);
            }
        }

        void add(Tally o) {
            sent += o.sent;
            accepted += o.accepted;
            o.declined.forEach((k, v) -> declined.merge(k, v, Long::sum));
            completed += o.completed;
            dropped += o.dropped;
            cancelled += o.cancelled;
            pending += o.pending;
            overdue += o.overdue;
            answerSeconds.addAll(o.answerSeconds);
        }

        ServiceOutcome outcome(String shownService, String shownProvider) {
            long declinedAll = declined.values().stream().mapToLong(Long::longValue).sum();
            Double rate = accepted + declinedAll == 0 ? null : (double) accepted / (accepted + declinedAll);
            return new ServiceOutcome(shownService, shownProvider, sent, accepted, declined, completed, dropped,
                    cancelled, pending, overdue, rate, median(answerSeconds));
        }
    }

    /** The median of the seconds given, in hours: the middle one, or the mean of the two middle ones. */
    static Double median(List<long[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        if (n == 0) {
            return null;
        }
        long[] all = new long[n];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        double seconds = n % 2 == 1 ? all[n / 2] : (all[n / 2 - 1] + all[n / 2]) / 2.0;
        return seconds / 3600.0;
    }

    /**
     * The outcome rows of the referrals sent from {@code territories} (all when null) since
     * {@code since} (all when null), sorted by service id; {@code named} tells which services (by id and
     * provider) the caller may see named: the others are summed into one last row without service or provider.
     */
    public List<ServiceOutcome> outcomes(List<String> territories, Instant since,
            BiPredicate<String, String> named) {
        Map<String, Object> p = new HashMap<>();
        p.put("territories", territories);
        p.put("since", since == null ? null : since.toString());
        p.put("overdueBefore", clock.instant().minus(properties.answerWithin()).toString());
        Map<String, Tally> tallies = new TreeMap<>();
        try (Session session = driver.session()) {
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (r:SentReferral)
                        WHERE ($since IS NULL OR r.sentAt >= datetime($since))
                          AND ($territories IS NULL OR r.territory IN $territories)
                        WITH r.service AS service, r.provider AS provider, r.status AS status, r.reason AS reason,
                             r.sentAt < datetime($overdueBefore) AS late, r.answerSeconds AS seconds
                        RETURN service, provider, status, reason, count(*) AS n,
                               sum(CASE WHEN status = 'SENT' AND late THEN 1 ELSE 0 END) AS overdue,
                               collect(seconds) AS seconds""", p).forEachRemaining(r -> add(tallies, r, false));
                tx.run("""
                        MATCH (m:SentReferralMonth)
                        WHERE ($since IS NULL OR m.monthStart >= datetime($since))
                          AND ($territories IS NULL OR m.territory IN $territories)
                        UNWIND [k IN keys(m) WHERE k STARTS WITH 'n_'] AS k
                        RETURN m.service AS service, m.provider AS provider, substring(k, 2) AS status,
                               null AS reason, 0 AS overdue, sum(m[k]) AS n, [] AS seconds
                        UNION ALL
                        MATCH (m:SentReferralMonth)
                        WHERE ($since IS NULL OR m.monthStart >= datetime($since))
                          AND ($territories IS NULL OR m.territory IN $territories)
                        RETURN m.service AS service, m.provider AS provider, null AS status, null AS reason,
                               0 AS overdue, 0 AS n, m.answerSeconds AS seconds""", p)
                        .forEachRemaining(r -> add(tallies, r, true));
                return null;
            });
        }
        List<ServiceOutcome> rows = new ArrayList<>();
        Tally hidden = null;
        for (Tally t : tallies.values()) {
            if (named.test(t.service, t.provider)) {
                rows.add(t.outcome(t.service, t.provider));
            } else {
                if (hidden == null) {
                    hidden = new Tally(null);
                }
                hidden.add(t);
            }
        }
        if (hidden != null) {
            rows.add(hidden.outcome(null, null));
        }
        return rows;
    }

    /**
     * Adds one result row. A kept referral's row is a (service, provider, status, reason) group; a
     * month's row is one count keyed {@code STATUS} or {@code DECLINED_REASON}, or its answer times.
     */
    private static void add(Map<String, Tally> tallies, Record r, boolean month) {
        String service = r.get("service").asString();
        Tally t = tallies.computeIfAbsent(service, Tally::new);
        if (t.provider == null) {
            t.provider = r.get("provider").asString(null);
        }
        long[] seconds = r.get("seconds").asList(v -> v.asLong()).stream().mapToLong(Long::longValue).toArray();
        if (seconds.length > 0) {
            t.answerSeconds.add(seconds);
        }
        if (r.get("status").isNull()) {
            return;
        }
        long n = r.get("n").asLong();
        String status = r.get("status").asString();
        DeclineReason reason = null;
        if (status.startsWith("DECLINED_")) {
            reason = DeclineReason.valueOf(status.substring("DECLINED_".length()));
            status = "DECLINED";
        } else if (!r.get("reason").isNull()) {
            reason = DeclineReason.valueOf(r.get("reason").asString());
        }
        t.sent += n;
        switch (ReferralStatus.valueOf(status)) {
            case SENT -> {
                t.pending += n;
                t.overdue += r.get("overdue").asLong();
            }
            case ACCEPTED -> t.accepted += n;
            case COMPLETED -> {
                t.accepted += n;
                t.completed += n;
            }
            case DROPPED -> {
                t.accepted += n;
                t.dropped += n;
            }
            case DECLINED -> t.declined.merge(reason == null ? DeclineReason.OTHER : reason, n, Long::sum);
            case CANCELLED -> t.cancelled += n;
        }
    }

    /** The people declined as FULL in the year before now, by the municipality sent from and the category. */
    public record DeclinedFull(String territory, String category, long people) {
    }

    /** Every (municipality, category) with people declined as FULL in the {@link #DECLINED_FULL_WINDOW} before now. */
    public List<DeclinedFull> declinedFull() {
        Map<String, Object> p = Map.of("from", clock.instant().minus(DECLINED_FULL_WINDOW).toString());
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (r:SentReferral {status: 'DECLINED'})
                    WHERE r.reason = 'FULL' AND r.closedAt >= datetime($from)
                    RETURN r.territory AS territory, r.category AS category, sum(r.people) AS people
                    ORDER BY territory, category""", p).list(r -> new DeclinedFull(r.get("territory").asString(),
                            r.get("category").asString(), r.get("people").asLong())));
        }
    }
}
