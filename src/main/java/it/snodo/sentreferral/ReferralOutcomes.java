package it.snodo.sentreferral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.springframework.stereotype.Component;

/**
 * What became of the referrals sent, per service, and the people declined as FULL that gap rows
 * show, counted in memory over the {@link ReferralLedger}. The report counts the referrals kept and
 * the monthly counts the retention job folded the old ones into, so that a report over a long
 * period stays right after the referrals themselves are gone.
 */
@Component
public class ReferralOutcomes {

    /** How far back {@link #declinedFull} looks. */
    public static final Duration DECLINED_FULL_WINDOW = Duration.ofDays(365);

    private final ReferralLedger ledger;
    private final Clock clock;
    private final ReferralProperties properties;

    ReferralOutcomes(ReferralLedger ledger, Clock clock, ReferralProperties properties) {
        this.ledger = ledger;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * One service's row of the report.
     *
     * @param acceptanceRate accepted / (accepted + declined); null when both are 0
     * @param medianHoursToAnswer from sentAt to answeredAt, over the referrals answered; null when none was
     */
    public record ServiceOutcome(
            String service,
            String provider,
            long sent,
            long accepted,
            Map<DeclineReason, Long> declined,
            long completed,
            long dropped,
            long cancelled,
            long pending,
            long overdue,
            Double acceptanceRate,
            Double medianHoursToAnswer) {}

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
        /** The kept referrals' seconds to answer, gathered before they join {@link #answerSeconds}. */
        long[] kept = new long[0];

        int keptCount;

        void answered(long seconds) {
            if (keptCount == kept.length) {
                kept = Arrays.copyOf(kept, Math.max(4, 2 * keptCount));
            }
            kept[keptCount++] = seconds;
        }

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
            long declinedAll =
                    declined.values().stream().mapToLong(Long::longValue).sum();
            Double rate = accepted + declinedAll == 0 ? null : (double) accepted / (accepted + declinedAll);
            return new ServiceOutcome(
                    shownService,
                    shownProvider,
                    sent,
                    accepted,
                    declined,
                    completed,
                    dropped,
                    cancelled,
                    pending,
                    overdue,
                    rate,
                    median(answerSeconds));
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
    public List<ServiceOutcome> outcomes(List<String> territories, Instant since, BiPredicate<String, String> named) {
        ReferralLedger.Snapshot ledger = this.ledger.current();
        Set<String> from = territories == null ? null : new HashSet<>(territories);
        long sinceSeconds = since == null ? Long.MIN_VALUE : since.getEpochSecond();
        // Strictly before: sentAt + answerWithin < now, at the precision of seconds the ledger keeps.
        long overdueBefore = clock.instant().minus(properties.answerWithin()).getEpochSecond();
        // Grouped in a hash map (a sorted one costs a comparison of ids per referral), sorted once at the end.
        Map<String, Tally> tallies = new HashMap<>();
        for (ReferralLedger.Row r : ledger.rows()) {
            if (r.sentAt() < sinceSeconds || from != null && !from.contains(r.territory())) {
                continue;
            }
            Tally t = tallies.computeIfAbsent(r.service(), Tally::new);
            if (t.provider == null) {
                t.provider = r.provider();
            }
            count(t, r.status(), r.reason(), 1);
            if (r.status() == ReferralStatus.SENT && r.sentAt() < overdueBefore) {
                t.overdue++;
            }
            if (r.answerSeconds() >= 0) {
                t.answered(r.answerSeconds());
            }
        }
        for (ReferralLedger.Month m : ledger.months()) {
            if (m.monthStart() < sinceSeconds || from != null && !from.contains(m.territory())) {
                continue;
            }
            Tally t = tallies.computeIfAbsent(m.service(), Tally::new);
            if (t.provider == null) {
                t.provider = m.provider();
            }
            m.counts().forEach((key, n) -> {
                if (key.startsWith("DECLINED_")) {
                    count(t, ReferralStatus.DECLINED, DeclineReason.valueOf(key.substring("DECLINED_".length())), n);
                } else {
                    count(t, ReferralStatus.valueOf(key), null, n);
                }
            });
            if (m.answerSeconds().length > 0) {
                t.answerSeconds.add(m.answerSeconds());
            }
        }
        List<ServiceOutcome> rows = new ArrayList<>();
        Tally hidden = null;
        List<Tally> sorted = new ArrayList<>(tallies.values());
        sorted.sort(java.util.Comparator.comparing(t -> t.service));
        for (Tally t : sorted) {
            if (t.keptCount > 0) {
                t.answerSeconds.add(Arrays.copyOf(t.kept, t.keptCount));
            }
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

    /** Counts {@code n} referrals of a status (and reason, for a decline) in a tally. */
    private static void count(Tally t, ReferralStatus status, DeclineReason reason, long n) {
        t.sent += n;
        switch (status) {
            case SENT -> t.pending += n;
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
    public record DeclinedFull(String territory, String category, long people) {}

    /**
     * Every (municipality, category) with people declined as FULL in the {@link #DECLINED_FULL_WINDOW}
     * before now, counted from the decline; sorted by municipality, then category.
     */
    public List<DeclinedFull> declinedFull() {
        long from = clock.instant().minus(DECLINED_FULL_WINDOW).getEpochSecond();
        Map<String, Map<String, Long>> people = new TreeMap<>();
        for (ReferralLedger.Row r : ledger.current().rows()) {
            if (r.status() == ReferralStatus.DECLINED && r.reason() == DeclineReason.FULL && r.closedAt() >= from) {
                people.computeIfAbsent(r.territory(), k -> new TreeMap<>())
                        .merge(r.category(), (long) r.people(), Long::sum);
            }
        }
        List<DeclinedFull> rows = new ArrayList<>();
        people.forEach((territory, byCategory) ->
                byCategory.forEach((category, n) -> rows.add(new DeclinedFull(territory, category, n))));
        return rows;
    }
}
