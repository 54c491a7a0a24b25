package it.snodo.sentreferral;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the closed referrals (COMPLETED, DROPPED, DECLINED, CANCELLED) closed longer ago than
 * {@code snodo.referrals.retention}, once a day, after adding their counts to the monthly counts
 * ({@code (:SentReferralMonth)}, one per month sent, service, provider, municipality and category)
 * that keep the outcome report right over long periods. Each batch adds and deletes in one
 * transaction: a referral is counted once, in its month or by itself, never both or neither.
 * Batches take the retention node's write lock first, so the job running on several replicas at
 * once counts each referral once. Their audit entries, and so their history, stay.
 */
@Component
public class ReferralRetention {

    private static final Logger log = LoggerFactory.getLogger(ReferralRetention.class);

    static final int BATCH = 5_000;

    /**
     * Taken first in each batch's transaction: the job runs on every replica at the same time, and
     * two batches reading the same referrals would each add them to their months. The second waits
     * here, then finds them gone. Creating the node moves no ledger (it reads no runs as 0).
     */
    private static final String LOCK = """
            MERGE (x:SentReferralRetention {key: 'retention'})
            ON CREATE SET x.runs = 0
            SET x.runs = x.runs""";

    private static final String FOLD = """
            MATCH (r:SentReferral)
            WHERE r.status IN ['COMPLETED', 'DROPPED', 'DECLINED', 'CANCELLED'] AND r.closedAt < datetime($before)
            WITH r LIMIT $batch
            WITH r, substring(toString(r.sentAt), 0, 7) AS month
            WITH month, r.service AS service, coalesce(r.provider, '') AS provider, r.territory AS territory,
                 r.category AS category, collect(r) AS referrals
            MERGE (m:SentReferralMonth {key: month + '|' + service + '|' + provider + '|' + territory + '|' + category})
            ON CREATE SET m.month = month, m.monthStart = datetime(month + '-01T00:00:00Z'), m.service = service,
                          m.provider = CASE provider WHEN '' THEN null ELSE provider END, m.territory = territory,
                          m.category = category, m.answerSeconds = []
            SET m.answerSeconds = m.answerSeconds
                    + [x IN referrals WHERE x.answerSeconds IS NOT NULL | x.answerSeconds],
                m.n_COMPLETED = coalesce(m.n_COMPLETED, 0) + size([x IN referrals WHERE x.status = 'COMPLETED']),
                m.n_DROPPED = coalesce(m.n_DROPPED, 0) + size([x IN referrals WHERE x.status = 'DROPPED']),
                m.n_CANCELLED = coalesce(m.n_CANCELLED, 0) + size([x IN referrals WHERE x.status = 'CANCELLED']),
                m.n_DECLINED_FULL = coalesce(m.n_DECLINED_FULL, 0)
                    + size([x IN referrals WHERE x.status = 'DECLINED' AND coalesce(x.reason, 'OTHER') = 'FULL']),
                m.n_DECLINED_NOT_ELIGIBLE = coalesce(m.n_DECLINED_NOT_ELIGIBLE, 0)
                    + size([x IN referrals WHERE x.status = 'DECLINED' AND coalesce(x.reason, 'OTHER') = 'NOT_ELIGIBLE']),
                m.n_DECLINED_OUT_OF_AREA = coalesce(m.n_DECLINED_OUT_OF_AREA, 0)
                    + size([x IN referrals WHERE x.status = 'DECLINED' AND coalesce(x.reason, 'OTHER') = 'OUT_OF_AREA']),
                m.n_DECLINED_OTHER = coalesce(m.n_DECLINED_OTHER, 0)
                    + size([x IN referrals WHERE x.status = 'DECLINED' AND coalesce(x.reason, 'OTHER') = 'OTHER'])
            WITH collect(referrals) AS groups
            // Every ledger reads everything again after a deletion: it cannot learn of one otherwise.
            CALL (groups) {
              WITH groups WHERE size(groups) > 0
              MERGE (x:SentReferralRetention {key: 'retention'})
              SET x.runs = coalesce(x.runs, 0) + 1
            }
            UNWIND groups AS referrals
            UNWIND referrals AS r
            DETACH DELETE r
            RETURN count(*) AS deleted""";

    private final Driver driver;
    private final Clock clock;
    private final ReferralProperties properties;

    ReferralRetention(Driver driver, Clock clock, ReferralProperties properties) {
        this.driver = driver;
        this.clock = clock;
        this.properties = properties;
    }

    /** The daily run, at {@code snodo.referrals.retention-cron} (a Spring cron expression; "-" never). */
    @Scheduled(cron = "${snodo.referrals.retention-cron:0 17 3 * * *}")
    public void daily() {
        long deleted = run();
        if (deleted > 0) {
            log.info(
                    "Retention: {} closed referrals older than {} folded into monthly counts and deleted",
                    deleted,
                    properties.retention());
        }
    }

    /** Folds and deletes every closed referral past the retention; returns how many. */
    public long run() {
        Instant before = clock.instant()
                .atOffset(ZoneOffset.UTC)
                .minus(properties.retention())
                .toInstant();
        long total = 0;
        try (Session session = driver.session()) {
            while (true) {
                long deleted = session.executeWrite(tx -> {
                    tx.run(LOCK).consume();
                    return tx.run(FOLD, Map.<String, Object>of("before", before.toString(), "batch", BATCH))
                            .single()
                            .get("deleted")
                            .asLong();
                });
                total += deleted;
                if (deleted < BATCH) {
                    return total;
                }
            }
        }
    }
}
