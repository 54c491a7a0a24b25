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

    /** Reads begun and reads finished, one at a time; guarded by {@code this}. */
    private long readsBegun;

    private long readsDone;
    private boolean reading;
    /** How many times the ledger was forgotten: a read under way when it is forgotten is not kept. */
    private long forgets;

    /**
     * The referrals and months as Neo4j holds them now: read again when it may have changed.
     * Every caller gets a read that began after it called, so it sees every write committed
     * before; callers that come while a read is under way wait for the next one and share it,
     * instead of each reading in turn (reports at once would otherwise queue behind each other).
     */
    Snapshot current() {
        long mine;
        long forgotten;
        synchronized (this) {
            long wanted = readsBegun + 1;
            while (true) {
                if (readsDone >= wanted) {
                    State now = state;
                    if (now != null) {
                        return new Snapshot(now.rows().values(), now.months());
                    }
                    wanted = readsBegun + 1; // forgotten since: a new read is needed
                }
                if (!reading) {
                    reading = true;
                    mine = ++readsBegun;
                    forgotten = forgets;
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the sent referrals", e);
                }
            }
        }
        State read = null;
        try {
            read = read();
        } finally {
            synchronized (this) {
                reading = false;
                if (read != null && forgotten == forgets) {
                    state = read;
                    readsDone = mine;
                }
                notifyAll();
            }
        }
        return new Snapshot(read.rows().values(), read.months());
    }

    private State read() {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
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
        }
    }

    /** Forgets everything: the next report reads it all (for tests that delete referrals by hand). */
    synchronized void forget() {
        forgets++;
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
