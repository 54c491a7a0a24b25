package it.snodo.sentreferral;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The sent referrals in memory, as the outcome report and the gap rows count them: one small row
 * per referral and per monthly count, so that a report over a few hundred thousand referrals is a
 * scan of arrays in memory, not an aggregation in Neo4j (which its Community runtime does at about
 * a microsecond a property: seconds at region scale).
 *
 * <p>Neo4j stays the truth. Every write of a referral stamps it with Neo4j's own clock
 * ({@code touched: timestamp()}, one clock for every replica); before each report the ledger reads
 * what was touched since its last read, less a minute for transactions that committed late, and
 * replaces those rows by id. Deletions happen only in the retention job, which bumps a counter in
 * each of its transactions; a ledger that sees the counter move reads everything again. So a
 * report sees every referral committed before it was asked, on this replica or another.
 */
@Component
public class ReferralLedger {

    /** How far back a read looks before its last one: longer than any transaction that writes a referral. */
    static final long MARGIN_MS = 60_000;

    /** One referral, as the report counts it (times in epoch seconds; -1 for none). */
    record Row(
            String service,
            String provider,
            String territory,
            String category,
            int people,
            ReferralStatus status,
            DeclineReason reason,
            long sentAt,
            long answerSeconds,
            long closedAt) {}

    /** One monthly count of the referrals the retention job deleted. */
    record Month(
            String service,
            String provider,
            String territory,
            long monthStart,
            Map<String, Long> counts,
            long[] answerSeconds) {}

    /**
     * What the ledger holds: the rows by id (updated in place under the lock, read by reports
     * without it), the months, and how far it has read.
     */
    private record State(ConcurrentHashMap<String, Row> rows, List<Month> months, long retentionRuns, long readUpTo) {}

    static final String ROW = """
            r.id AS id, r.service AS service, r.provider AS provider, r.territory AS territory,
            r.category AS category, r.people AS people, r.status AS status, r.reason AS reason,
            r.sentAt.epochSeconds AS sentAt, r.answerSeconds AS answerSeconds, r.closedAt.epochSeconds AS closedAt""";

    private final Driver driver;
    private final Map<String, String> interned = new ConcurrentHashMap<>();
    private volatile State state;

    ReferralLedger(Driver driver) {
        this.driver = driver;
    }

    /** The referrals and months as Neo4j holds them now: read again when it may have changed. */
    synchronized Snapshot current() {
        try (Session session = driver.session()) {
            state = session.executeRead(tx -> {
                Record marks = tx.run("""
                        OPTIONAL MATCH (m:SentReferralRetention {key: 'retention'})
                        RETURN coalesce(m.runs, 0) AS runs, timestamp() AS now""").single();
                long runs = marks.get("runs").asLong();
                long now = marks.get("now").asLong();
                State was = state;
                if (was == null || was.retentionRuns() != runs) {
                    return load(tx, runs, now);
                }
                ConcurrentHashMap<String, Row> rows = was.rows();
                tx.run(
                                "MATCH (r:SentReferral) WHERE r.touched >= $from RETURN " + ROW,
                                Map.of("from", was.readUpTo() - MARGIN_MS))
                        .forEachRemaining(r -> rows.put(r.get("id").asString(), row(r)));
                return new State(rows, was.months(), runs, now);
            });
            return new Snapshot(state.rows().values(), state.months());
        }
    }

    /** Forgets everything: the next report reads it all (for tests that delete referrals by hand). */
    synchronized void forget() {
        state = null;
    }

    /** The referrals and months of one moment. */
    record Snapshot(java.util.Collection<Row> rows, List<Month> months) {}

    private State load(TransactionContext tx, long runs, long now) {
        ConcurrentHashMap<String, Row> rows = new ConcurrentHashMap<>();
        tx.run("MATCH (r:SentReferral) RETURN " + ROW)
                .forEachRemaining(r -> rows.put(r.get("id").asString(), row(r)));
        List<Month> months = new ArrayList<>();
        tx.run("""
                MATCH (m:SentReferralMonth)
                RETURN m.service AS service, m.provider AS provider, m.territory AS territory,
                       m.monthStart.epochSeconds AS monthStart, m AS m""").forEachRemaining(r -> {
            Map<String, Long> counts = new HashMap<>();
            r.get("m").asNode().asMap().forEach((k, v) -> {
                if (k.startsWith("n_")) {
                    counts.put(k.substring(2), ((Number) v).longValue());
                }
            });
            months.add(new Month(
                    intern(r.get("service")),
                    intern(r.get("provider")),
                    intern(r.get("territory")),
                    r.get("monthStart").asLong(),
                    counts,
                    r.get("m").asNode().get("answerSeconds").asList(Value::asLong).stream()
                            .mapToLong(Long::longValue)
                            .toArray()));
        });
        return new State(rows, List.copyOf(months), runs, now);
    }

    private Row row(Record r) {
        return new Row(
                intern(r.get("service")),
                intern(r.get("provider")),
                intern(r.get("territory")),
                intern(r.get("category")),
                r.get("people").asInt(),
                ReferralStatus.valueOf(r.get("status").asString()),
                r.get("reason").isNull()
                        ? null
                        : DeclineReason.valueOf(r.get("reason").asString()),
                r.get("sentAt").asLong(),
                r.get("answerSeconds").isNull() ? -1 : r.get("answerSeconds").asLong(),
                r.get("closedAt").isNull() ? -1 : r.get("closedAt").asLong());
    }

    /** One copy of each id, however many referrals name it. */
    private String intern(Value v) {
        return v.isNull() ? null : interned.computeIfAbsent(v.asString(), s -> s);
    }
}
