package it.snodo.sentreferral;

import it.snodo.audit.Audit;
import it.snodo.network.PageOf;
import it.snodo.network.Urgency;
import it.snodo.web.Caller;
import it.snodo.web.Role;
import it.snodo.web.Violation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The sent referrals in Neo4j: {@code (:SentReferral)-[:TO]->(:Service)}, {@code -[:OF_KIND]->(:Category)},
 * {@code -[:FROM]->(:Territory)}. The ids of the service, its provider, the category and the
 * municipality are kept on the node too, as they were when it was sent: the lists and the outcome
 * report filter and group by them without walking the graph, and a referral keeps saying where it
 * was sent after its service is deleted.
 *
 * <p>Nothing here takes the network's version lock: a referral is not the map, and help desks
 * must not wait behind each other. Two answers racing for one referral are serialised by the
 * referral's own write lock, taken before its status is read: exactly one wins.
 */
@Component
public class SentReferrals {

    /** The statuses of a referral ever accepted. */
    static final List<String> EVER_ACCEPTED = List.of("ACCEPTED", "COMPLETED", "DROPPED");

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String VIEW = """
            r {.id, .service, .provider, .category, .territory, .people, .urgency, .status, .reason, .sentBy,
               sentAt: toString(r.sentAt), answeredAt: toString(r.answeredAt), closedAt: toString(r.closedAt)}""";

    private final Driver driver;
    private final Clock clock;
    private final ReferralProperties properties;

    SentReferrals(Driver driver, Clock clock, ReferralProperties properties) {
        this.driver = driver;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * A referral as the API shows it.
     *
     * @param overdue still SENT after the answer time
     */
    public record SentReferral(
            String id,
            String service,
            String provider,
            String category,
            String territory,
            int people,
            Urgency urgency,
            ReferralStatus status,
            DeclineReason reason,
            Instant sentAt,
            Instant answeredAt,
            Instant closedAt,
            String sentBy,
            boolean overdue) {}

    /** What a help desk sends. */
    public record NewReferral(String service, String category, String territory, int people, Urgency urgency) {}

    /** One move in a referral's history, from the audit trail. */
    public record HistoryEntry(
            Instant at, String action, ReferralStatus from, ReferralStatus to, String keyId, String role) {}

    /** A new, random id: {@code sr-} and 16 hex digits, not guessable, not sequential. */
    static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "sr-" + HexFormat.of().formatHex(bytes);
    }

    /** The instant before which a referral still SENT is overdue. */
    Instant overdueBefore() {
        return clock.instant().minus(properties.answerWithin());
    }

    /**
     * Records a referral sent now by the caller: refused with 422, nothing written, when the
     * service, category or municipality does not exist or the service does not cover the category.
     */
    public SentReferral send(NewReferral body) {
        Instant now = clock.instant();
        String id = newId();
        Caller caller = Caller.current().orElse(null);
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> {
                Map<String, Object> p = new HashMap<>();
                p.put("service", body.service());
                p.put("category", body.category());
                p.put("territory", body.territory());
                Record check = tx.run("""
                        OPTIONAL MATCH (s:Service {id: $service})
                        OPTIONAL MATCH (c:Category {code: $category})
                        OPTIONAL MATCH (t:Territory {id: $territory})
                        RETURN s IS NOT NULL AS service, c IS NOT NULL AS category, t IS NOT NULL AS territory,
                               t.level AS level, [(s)<-[:PROVIDES]-(a:Actor) | a.id][0] AS provider,
                               EXISTS { MATCH (s)-[:ADDRESSES]->(:Category)-[:PART_OF*0..]->(c) } AS covers""", p).single();
                List<Violation> errors = new ArrayList<>();
                if (!check.get("service").asBoolean()) {
                    errors.add(new Violation("service", body.service(), "names no service"));
                }
                if (!check.get("category").asBoolean()) {
                    errors.add(new Violation("category", body.category(), "names no category"));
                }
                if (!check.get("territory").asBoolean()) {
                    errors.add(new Violation("territory", body.territory(), "names no territory"));
                } else if (!"MUNICIPALITY".equals(check.get("level").asString(null))) {
                    errors.add(new Violation(
                            "territory",
                            body.territory(),
                            "must be a municipality, not a "
                                    + check.get("level").asString(null)));
                }
                if (errors.isEmpty() && !check.get("covers").asBoolean()) {
                    errors.add(new Violation(
                            "category",
                            body.category(),
                            "is not covered by the service '" + body.service()
                                    + "' (it must address the category or a narrower one)"));
                }
                if (!errors.isEmpty()) {
                    throw ReferralProblem.broken(errors);
                }
                p.put("id", id);
                p.put("provider", check.get("provider").asString(null));
                p.put("people", body.people());
                p.put("urgency", body.urgency() == null ? null : body.urgency().name());
                p.put("sentAt", now.toString());
                p.put("sentBy", caller == null ? "system" : caller.keyId());
                Record created = tx.run("""
                        MATCH (s:Service {id: $service}), (c:Category {code: $category}), (t:Territory {id: $territory})
                        CREATE (r:SentReferral {id: $id, service: $service, provider: $provider, category: $category,
                                                territory: $territory, people: $people, urgency: $urgency,
                                                status: 'SENT', sentAt: datetime($sentAt), sentBy: $sentBy,
                                                touched: timestamp()})
                        CREATE (r)-[:TO]->(s), (r)-[:OF_KIND]->(c), (r)-[:FROM]->(t)
                        RETURN""" + " " + VIEW + " AS r", p).single();
                Audit.recordMove(tx, now, "SEND", id, null, ReferralStatus.SENT.name());
                return view(created.get("r"), overdueBefore());
            });
        }
    }

    /**
     * Makes a move on a referral, for the caller: 404 when it may not see it, 403 when it sees it
     * but may not make that move, 409 naming the status when the state machine does not allow it.
     *
     * @param reason the reason of a decline; null for every other move
     */
    public SentReferral move(String id, Move move, DeclineReason reason) {
        Instant now = clock.instant();
        Caller caller = Caller.current().orElse(null);
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> {
                // The write lock first: a racing move waits here and then reads the status this one wrote.
                var locked = tx.run(
                                "MATCH (r:SentReferral {id: $id}) SET r.moving = true RETURN count(r) AS n",
                                Map.of("id", id))
                        .single()
                        .get("n")
                        .asLong();
                if (locked == 0) {
                    throw ReferralProblem.notFound(id);
                }
                SentReferral before = read(tx, id);
                if (!visible(caller, before)) {
                    throw ReferralProblem.notFound(id);
                }
                requireMayMake(caller, before, move);
                if (before.status() != move.from()) {
                    throw ReferralProblem.wrongStatus(id, move, before.status());
                }
                Map<String, Object> p = new HashMap<>();
                p.put("id", id);
                p.put("to", move.to().name());
                p.put("now", now.toString());
                p.put("answers", move.answers());
                p.put("closes", move.to().closed());
                p.put("reason", reason == null ? null : reason.name());
                Record moved = tx.run("""
                        MATCH (r:SentReferral {id: $id})
                        SET r.status = $to, r.reason = $reason,
                            r.answeredAt = CASE WHEN $answers THEN datetime($now) ELSE r.answeredAt END,
                            r.answerSeconds = CASE WHEN $answers
                                THEN duration.inSeconds(r.sentAt, datetime($now)).seconds ELSE r.answerSeconds END,
                            r.closedAt = CASE WHEN $closes THEN datetime($now) ELSE r.closedAt END,
                            r.touched = timestamp()
                        REMOVE r.moving
                        RETURN""" + " " + VIEW + " AS r", p).single();
                Audit.recordMove(
                        tx,
                        now,
                        move.name(),
                        id,
                        before.status().name(),
                        move.to().name());
                return view(moved.get("r"), overdueBefore());
            });
        }
    }

    private static void requireMayMake(Caller caller, SentReferral referral, Move move) {
        if (caller == null || caller.role() == Role.PLANNER) {
            return;
        }
        if (move.byProvider()) {
            if (caller.role() != Role.COOPERATIVE || !caller.cooperative().equals(referral.provider())) {
                throw ReferralProblem.forbidden("A " + caller.role() + " key may not " + move.path()
                        + " a referral: only the key of the cooperative that provides the service, or a PLANNER,"
                        + " answers for it");
            }
        } else if (!caller.keyId().equals(referral.sentBy())) {
            throw ReferralProblem.forbidden("A " + caller.role() + " key may not cancel a referral it did not send:"
                    + " only the key that sent it, or a PLANNER, may");
        }
    }

    /**
     * True when the caller may see the referral: a planner (and code outside a request) every one,
     * a cooperative those sent to its services, a help desk those it sent. A READER none.
     */
    static boolean visible(Caller caller, SentReferral r) {
        if (caller == null) {
            return true;
        }
        return switch (caller.role()) {
            case PLANNER -> true;
            case COOPERATIVE -> caller.cooperative().equals(r.provider());
            case HELP_DESK -> caller.keyId().equals(r.sentBy());
            case READER -> false;
        };
    }

    /** The referral, if the caller may see it; else 404. */
    public SentReferral get(String id) {
        Caller caller = Caller.current().orElse(null);
        try (Session session = driver.session()) {
            SentReferral r = session.executeRead(tx -> read(tx, id));
            if (r == null || !visible(caller, r)) {
                throw ReferralProblem.notFound(id);
            }
            return r;
        }
    }

    /** The moves of a referral the caller may see, oldest first; 404 as for {@link #get}. */
    public List<HistoryEntry> history(String id) {
        get(id);
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (e:AuditEntry {referral: $id})
                    RETURN e.at AS at, e.action AS action, e.fromStatus AS from, e.toStatus AS to, e.keyId AS keyId,
                           e.role AS role
                    ORDER BY e.at, elementId(e)""", Map.of("id", id))
                    .list(r -> new HistoryEntry(
                            r.get("at").asZonedDateTime().toInstant(),
                            r.get("action").asString(),
                            r.get("from").isNull()
                                    ? null
                                    : ReferralStatus.valueOf(r.get("from").asString()),
                            ReferralStatus.valueOf(r.get("to").asString()),
                            r.get("keyId").asString(),
                            r.get("role").asString())));
        }
    }

    private SentReferral read(TransactionContext tx, String id) {
        var rows = tx.run("MATCH (r:SentReferral {id: $id}) RETURN " + VIEW + " AS r", Map.of("id", id))
                .list();
        return rows.isEmpty() ? null : view(rows.get(0).get("r"), overdueBefore());
    }

    /**
     * What a list asks for; null fields do not filter.
     *
     * @param territories the municipalities the referrals were sent from
     * @param categories the categories they are of
     * @param since sentAt at least this
     */
    public record Filter(
            ReferralStatus status,
            String service,
            String provider,
            List<String> territories,
            List<String> categories,
            Boolean overdue,
            Instant since) {}

    /** The referrals the caller may see that match, newest first, then by id. */
    public PageOf<SentReferral> list(Filter f, int page, int size) {
        Caller caller = Caller.current().orElse(null);
        List<String> where = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (caller != null && caller.role() == Role.COOPERATIVE) {
            where.add("r.provider = $shownTo");
            p.put("shownTo", caller.cooperative());
        } else if (caller != null && caller.role() != Role.PLANNER) {
            where.add("r.sentBy = $shownTo");
            p.put("shownTo", caller.keyId());
        }
        if (f.status() != null) {
            where.add("r.status = $status");
            p.put("status", f.status().name());
        }
        if (f.service() != null) {
            where.add("r.service = $service");
            p.put("service", f.service());
        }
        if (f.provider() != null) {
            where.add("r.provider = $provider");
            p.put("provider", f.provider());
        }
        if (f.territories() != null) {
            where.add("r.territory IN $territories");
            p.put("territories", f.territories());
        }
        if (f.categories() != null) {
            where.add("r.category IN $categories");
            p.put("categories", f.categories());
        }
        if (f.since() != null) {
            where.add("r.sentAt >= datetime($since)");
            p.put("since", f.since().toString());
        }
        Instant overdueBefore = overdueBefore();
        if (f.overdue() != null) {
            String overdue = "(r.status = 'SENT' AND r.sentAt < datetime($overdueBefore))";
            where.add(f.overdue() ? overdue : "NOT " + overdue);
            p.put("overdueBefore", overdueBefore.toString());
        }
        String match = "MATCH (r:SentReferral)" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        p.put("skip", (long) page * size);
        p.put("limit", size);
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                long total = tx.run(match + " RETURN count(r) AS n", p)
                        .single()
                        .get("n")
                        .asLong();
                List<SentReferral> rows = tx.run(
                                match + " WITH r ORDER BY r.sentAt DESC, r.id SKIP $skip LIMIT $limit" + " RETURN "
                                        + VIEW + " AS r",
                                p)
                        .list(r -> view(r.get("r"), overdueBefore));
                return new PageOf<>(rows, page, size, total, size == 0 ? 0 : (total + size - 1) / size);
            });
        }
    }

    private static SentReferral view(Value v, Instant overdueBefore) {
        ReferralStatus status = ReferralStatus.valueOf(v.get("status").asString());
        Instant sentAt = instant(v.get("sentAt"));
        return new SentReferral(
                v.get("id").asString(),
                v.get("service").asString(),
                v.get("provider").asString(null),
                v.get("category").asString(),
                v.get("territory").asString(),
                v.get("people").asInt(),
                v.get("urgency").isNull()
                        ? null
                        : Urgency.valueOf(v.get("urgency").asString()),
                status,
                v.get("reason").isNull()
                        ? null
                        : DeclineReason.valueOf(v.get("reason").asString()),
                sentAt,
                instant(v.get("answeredAt")),
                instant(v.get("closedAt")),
                v.get("sentBy").asString(),
                status == ReferralStatus.SENT && sentAt.isBefore(overdueBefore));
    }

    private static Instant instant(Value v) {
        return v.isNull() ? null : java.time.OffsetDateTime.parse(v.asString()).toInstant();
    }
}
