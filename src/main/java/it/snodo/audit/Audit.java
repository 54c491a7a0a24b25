package it.snodo.audit;

import it.snodo.web.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit entries, each in the transaction of the write it records: a write that rolls back
 * leaves no entry, and no write commits without one. Entries are {@code (:AuditEntry)} nodes,
 * outside the network: nothing in Snodo changes or deletes them.
 *
 * <p>An entry names the ids it touched up to {@value #MAX_IDS}; beyond that (a large import) it
 * keeps the counts and says the list is cut. It never holds field values: no need's people,
 * category or place, only its id.
 *
 * <p>The trail is listed through Spring Data Neo4j's {@link Neo4jClient}, in a read-only
 * transaction.
 */
@Component
public class Audit {

    /** The most ids one entry lists. */
    public static final int MAX_IDS = 1000;

    /**
     * One entry, as {@code GET /api/v1/audit} lists it.
     *
     * @param fromStatus for a move of a sent referral, the status it left (null for its sending and
     *     for every other write)
     * @param toStatus for a move of a sent referral, the status it reached
     * @param unchanged true for a write that found nothing to change (an import of what is stored):
     *     it names no ids, and its network version is the one it found
     */
    public record Entry(
            String at,
            String keyId,
            String role,
            String action,
            List<String> kinds,
            List<String> ids,
            boolean idsCut,
            long rows,
            Long networkVersion,
            boolean unchanged,
            String fromStatus,
            String toStatus) {}

    private final Neo4jClient neo4j;

    Audit(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Records a write in {@code tx}. The caller is the current request's key, or SYSTEM (the demo
     * loaded at start, an operator's call in-process).
     *
     * @param ids every id the write touched, in order (only the first {@value #MAX_IDS} are kept)
     */
    public static void record(
            TransactionContext tx, String action, List<String> kinds, List<String> ids, Long networkVersion) {
        record(tx, action, kinds, ids, networkVersion, false);
    }

    /**
     * Records a write in {@code tx}, saying whether it changed nothing.
     *
     * @param unchanged true when the write found everything as it would have written it
     */
    public static void record(
            TransactionContext tx,
            String action,
            List<String> kinds,
            List<String> ids,
            Long networkVersion,
            boolean unchanged) {
        Caller caller = Caller.current().orElse(null);
        Map<String, Object> p = new HashMap<>();
        p.put("at", Instant.now().toString());
        p.put("keyId", caller == null ? "system" : caller.keyId());
        p.put("role", caller == null ? "SYSTEM" : caller.role().name());
        p.put("action", action);
        p.put("kinds", kinds);
        p.put("ids", ids.size() > MAX_IDS ? List.copyOf(ids.subList(0, MAX_IDS)) : ids);
        p.put("idsCut", ids.size() > MAX_IDS);
        p.put("rows", (long) ids.size());
        p.put("networkVersion", networkVersion);
        p.put("unchanged", unchanged);
        tx.run("""
                CREATE (:AuditEntry {at: datetime($at), keyId: $keyId, role: $role, action: $action, kinds: $kinds,
                                     ids: $ids, idsCut: $idsCut, rows: $rows, networkVersion: $networkVersion,
                                     unchanged: $unchanged})""", p).consume();
    }

    /**
     * One write of several committed together ({@link #recordEach}), with the caller that made it
     * (not the thread's: the writes of a group commit come from many requests).
     *
     * @param caller the key that made the write, or null for SYSTEM
     * @param id the one id the write touched
     */
    public record OneWrite(Caller caller, String action, String kind, String id) {}

    /**
     * Records each write of a group committed in {@code tx} as its own entry, as {@link #record}
     * would one by one: each its caller, action, kind and id, all at {@code networkVersion}. One
     * statement for the whole group.
     */
    public static void recordEach(TransactionContext tx, List<OneWrite> writes, long networkVersion) {
        String at = Instant.now().toString();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OneWrite w : writes) {
            Map<String, Object> row = new HashMap<>();
            row.put("keyId", w.caller() == null ? "system" : w.caller().keyId());
            row.put("role", w.caller() == null ? "SYSTEM" : w.caller().role().name());
            row.put("action", w.action());
            row.put("kind", w.kind());
            row.put("id", w.id());
            rows.add(row);
        }
        tx.run("""
                UNWIND $rows AS row
                CREATE (:AuditEntry {at: datetime($at), keyId: row.keyId, role: row.role, action: row.action,
                                     kinds: [row.kind], ids: [row.id], idsCut: false, rows: 1,
                                     networkVersion: $networkVersion, unchanged: false})""", Map.of("rows", rows, "at", at, "networkVersion", networkVersion))
                .consume();
    }

    /**
     * Records a move of a sent referral in {@code tx}: who made it, when, on which referral, from
     * which status to which ({@code from} null for the referral's sending). Readable as the
     * referral's history by the keys that may see it, and in the audit list by planners.
     */
    public static void recordMove(
            TransactionContext tx, Instant at, String action, String referral, String from, String to) {
        Caller caller = Caller.current().orElse(null);
        Map<String, Object> p = new HashMap<>();
        p.put("at", at.toString());
        p.put("keyId", caller == null ? "system" : caller.keyId());
        p.put("role", caller == null ? "SYSTEM" : caller.role().name());
        p.put("action", action);
        p.put("referral", referral);
        p.put("from", from);
        p.put("to", to);
        tx.run("""
                CREATE (:AuditEntry {at: datetime($at), keyId: $keyId, role: $role, action: $action,
                                     kinds: ['SENT_REFERRAL'], ids: [$referral], idsCut: false, rows: 1,
                                     unchanged: false, referral: $referral, fromStatus: $from, toStatus: $to})""", p).consume();
    }

    /**
     * Entries newest first: since an instant (inclusive), touching an id, of an entity kind; at
     * most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<Entry> list(Instant since, String entity, String kind, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (since != null) {
            where.add("e.at >= datetime($since)");
            p.put("since", since.toString());
        }
        if (entity != null) {
            where.add("$entity IN e.ids");
            p.put("entity", entity);
        }
        if (kind != null) {
            where.add("$kind IN e.kinds");
            p.put("kind", kind);
        }
        p.put("limit", limit);
        String query = "MATCH (e:AuditEntry)" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + """

                RETURN toString(e.at) AS at, e.keyId AS keyId, e.role AS role, e.action AS action, e.kinds AS kinds,
                       e.ids AS ids, e.idsCut AS idsCut, e.rows AS rows, e.networkVersion AS networkVersion,
                       coalesce(e.unchanged, false) AS unchanged, e.fromStatus AS fromStatus, e.toStatus AS toStatus
                ORDER BY e.at DESC, elementId(e) DESC
                LIMIT $limit""";
        return List.copyOf(neo4j.query(query)
                .bindAll(p)
                .fetchAs(Entry.class)
                .mappedBy((types, r) -> entry(r))
                .all());
    }

    private static Entry entry(Record r) {
        return new Entry(
                r.get("at").asString(),
                r.get("keyId").asString(),
                r.get("role").asString(),
                r.get("action").asString(),
                r.get("kinds").asList(v -> v.asString()),
                r.get("ids").asList(v -> v.asString()),
                r.get("idsCut").asBoolean(),
                r.get("rows").asLong(),
                r.get("networkVersion").isNull()
                        ? null
                        : r.get("networkVersion").asLong(),
                r.get("unchanged").asBoolean(),
                r.get("fromStatus").asString(null),
                r.get("toStatus").asString(null));
    }
}
