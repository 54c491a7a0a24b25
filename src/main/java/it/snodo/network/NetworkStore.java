package it.snodo.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import it.snodo.audit.Audit;
import it.snodo.web.Violation;

/**
 * Every write to the network goes through here, in one Neo4j transaction each: the import of a
 * document and the CRUD writes alike (a create is the import of a one-row document).
 *
 * <p>A write first bumps the network version, which write-locks one node: writes are serialised,
 * so the reference checks that follow see exactly what the write will change. Then it checks
 * every reference against the document and the database, writes with batched {@code UNWIND ...
 * MERGE}, checks what the write may have broken around it, and commits — or throws and leaves the
 * database as it was. An import locks the version without bumping it and writes only the rows
 * that differ from what is stored: when none does, it commits nothing but its audit entry, and
 * the version stays.
 */
@Component
public class NetworkStore {

    static final int BATCH = 10_000;

    private static final String BUMP_VERSION = """
            MERGE (v:NetworkVersion {key: 'network'})
            ON CREATE SET v.value = 0
            SET v.value = v.value + 1
            RETURN v.value AS version""";

    /**
     * Locks the version without bumping it (a write that writes nothing): an import bumps it only
     * once it knows that it changes something.
     */
    private static final String LOCK_VERSION = """
            MERGE (v:NetworkVersion {key: 'network'})
            ON CREATE SET v.value = 0
            SET v.value = v.value
            RETURN v.value AS version""";

    private final Driver driver;
    private final ApplicationEventPublisher events;
    private final NetworkReader reader;
    private final AtomicLong lastCommitted = new AtomicLong();

    NetworkStore(Driver driver, ApplicationEventPublisher events, NetworkReader reader) {
        this.driver = driver;
        this.events = events;
        this.reader = reader;
    }

    /**
     * The newest version this service has committed or seen in the database: a read that must
     * see every write made before it waits for a snapshot of at least this version.
     */
    public long lastCommitted() {
        return lastCommitted.get();
    }

    /** Notes a version seen in the database, written by another service or by hand. */
    public void observed(long version) {
        lastCommitted.accumulateAndGet(version, Math::max);
    }

    private long committed(long version, java.util.function.LongFunction<NetworkChanged> change) {
        observed(version);
        events.publishEvent(change.apply(version));
        return version;
    }

    private static boolean needsOnly(NetworkDocument d) {
        return d.size() == d.needs().size();
    }

    /** How a document's rows meet what exists: merge them in, or create/replace one entity. */
    enum Mode { UPSERT, CREATE, REPLACE }

    /** The version of the network now: how many writes were committed. */
    public long version() {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                var result = tx.run("OPTIONAL MATCH (v:NetworkVersion {key: 'network'}) RETURN v.value AS version");
                var value = result.single().get("version");
                return value.isNull() ? 0L : value.asLong();
            });
        }
    }

    /**
     * Writes a valid document (rows already checked on their own) all or nothing; returns the
     * version that holds it: a new one, or the current one when the document changes nothing.
     */
    public long write(NetworkDocument document) {
        return write(document, Mode.UPSERT);
    }

    long write(NetworkDocument document, Mode mode) {
        return write(document, mode, null);
    }

    /**
     * Writes one row (create or replace), or a document (upsert).
     *
     * @param ifMatch for a replace, the revisions the entity may be at (an If-Match header); null
     *     for none: the write then goes through whatever the entity's revision (last writer wins)
     */
    long write(NetworkDocument document, Mode mode, java.util.Collection<Long> ifMatch) {
        try {
            return writeAll(document, mode, ifMatch);
        } catch (BrokenGraph e) {
            if (mode == Mode.UPSERT) {
                throw e;
            }
            // One entity on its own: name its fields as in its own body, not as a document row.
            List<Violation> fields = e.errors().stream()
                    .map(v -> new Violation(v.field().replaceFirst("^[a-z]+\\[0\\]\\.", ""), v.id(), v.message()))
                    .toList();
            throw new BrokenGraph(e.getMessage().replace("1 row breaks", "The write would break"),
                    fields);
        }
    }

    /** What a write wrote: the rows that changed (all of them, but for an import), at which version. */
    private record Written(long version, NetworkDocument rows) {
    }

    private long writeAll(NetworkDocument document, Mode mode, java.util.Collection<Long> ifMatch) {
        try (Session session = driver.session()) {
            Written written = session.executeWrite(tx -> {
                // An import bumps the version only if it changes something; it takes the lock all the same.
                long version = mode == Mode.UPSERT
                        ? tx.run(LOCK_VERSION).single().get("version").asLong() + 1
                        : tx.run(BUMP_VERSION).single().get("version").asLong();
                Existing existing = checkReferences(tx, document, mode);
                if (ifMatch != null) {
                    checkRevision(tx, single(document), ifMatch);
                }
                NetworkDocument changed = mode == Mode.UPSERT ? changed(tx, document, existing) : document;
                if (changed.size() == 0) {
                    Audit.record(tx, "IMPORT", List.of(), List.of(), version - 1, true);
                    return new Written(version - 1, changed);
                }
                if (mode == Mode.UPSERT) {
                    tx.run("MATCH (v:NetworkVersion {key: 'network'}) SET v.value = $version",
                            Map.of("version", version)).consume();
                }
                for (Section section : Section.values()) {
                    List<Map<String, Object>> fresh = new ArrayList<>();
                    List<Map<String, Object>> known = new ArrayList<>();
                    for (Row row : section.rows(changed)) {
                        (existing.contains(row) ? known : fresh).add(row.parameters());
                    }
                    run(tx, Writes.statements(section, true), fresh, version);
                    run(tx, Writes.statements(section, false), known, version);
                }
                checkSurroundings(tx, document);
                audit(tx, mode, changed, version);
                return new Written(version, changed);
            });
            if (written.rows().size() == 0) {
                observed(written.version());
                return written.version();
            }
            NetworkDocument rows = written.rows();
            return committed(written.version(), v -> needsOnly(rows)
                    ? NetworkChanged.ofNeeds(v, rows.needs(), List.of()) : NetworkChanged.of(v));
        }
    }

    /**
     * The rows of an import that change what is stored: new rows, and rows whose properties or
     * relationships differ from the stored ones, compared as export gives them. The stored rows
     * are read once, in batches, by key.
     */
    private NetworkDocument changed(TransactionContext tx, NetworkDocument document, Existing existing) {
        Map<Section, List<Row>> changed = new java.util.EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            List<Row> known = new ArrayList<>();
            for (Row row : section.rows(document)) {
                // A tie is known when stored: the read below tells.
                if (section == Section.TIES || existing.contains(row)) {
                    known.add(row);
                }
            }
            Map<String, Map<String, Object>> stored = new HashMap<>();
            for (int from = 0; from < known.size(); from += BATCH) {
                List<Object> keys = known.subList(from, Math.min(known.size(), from + BATCH)).stream()
                        .map(Row::storedKey).toList();
                reader.<Row>stored(tx, section.kind, keys)
                        .forEach(row -> stored.put(row.key(), row.parameters()));
            }
            List<Row> rows = new ArrayList<>();
            for (Row row : section.rows(document)) {
                Map<String, Object> was = stored.get(row.key());
                if (was == null || !was.equals(row.parameters())) {
                    rows.add(row);
                }
            }
            changed.put(section, rows);
        }
        return NetworkDocument.of(changed);
    }

    /**
     * Deletes one entity as the graph allows: an actor with its services and ties; a territory or
     * category only when nothing uses it; a consortium only when it has no members.
     */
    long delete(EntityKind kind, String id) {
        try (Session session = driver.session()) {
            return committed(session.executeWrite(tx -> {
                long version = tx.run(BUMP_VERSION).single().get("version").asLong();
                Deletes.Removed removed = Deletes.delete(tx, kind, id);
                Audit.record(tx, "DELETE", removed.kinds(), removed.ids(), version);
                return version;
            }), v -> kind == EntityKind.NEED ? NetworkChanged.ofNeeds(v, List.of(), List.of(id)) : NetworkChanged.of(v));
        }
    }

    /** Deletes one tie. */
    long deleteTie(String from, String to, TieKind kind) {
        try (Session session = driver.session()) {
            return committed(session.executeWrite(tx -> {
                long version = tx.run(BUMP_VERSION).single().get("version").asLong();
                long deleted = tx.run("""
                        MATCH (:Actor {id: $from})-[t:TIED_TO {kind: $kind}]->(:Actor {id: $to})
                        DELETE t RETURN count(*) AS n""", Map.of("from", from, "to", to, "kind", kind.name()))
                        .single().get("n").asLong();
                if (deleted == 0) {
                    throw new UnknownEntity("No " + kind + " tie from '" + from + "' to '" + to + "'", List.of());
                }
                Audit.record(tx, "DELETE", List.of(EntityKind.TIE.name()),
                        List.of(new Tie(from, to, kind, null, null).key()), version);
                return version;
            }), NetworkChanged::of);
        }
    }

    /**
     * Removes the whole network (not the keys), in one transaction. For tests and for an operator starting over;
     * the version goes on growing, so that nothing mistakes the empty network for an older one.
     */
    public long clear() {
        try (Session session = driver.session()) {
            return committed(session.executeWrite(tx -> {
                long version = tx.run(BUMP_VERSION).single().get("version").asLong();
                // The network only: the version and the keys stay.
                tx.run("MATCH (n) WHERE n:Entity OR n:Category DETACH DELETE n").consume();
                Audit.record(tx, "CLEAR", List.of(), List.of(), version);
                return version;
            }), NetworkChanged::of);
        }
    }

    /** Records the write in its own transaction: the kinds and keys of its rows, never their values. */
    private static void audit(TransactionContext tx, Mode mode, NetworkDocument document, long version) {
        List<String> kinds = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Section section : Section.values()) {
            List<? extends Row> rows = section.rows(document);
            if (!rows.isEmpty()) {
                kinds.add(section.kind.name());
                rows.forEach(row -> ids.add(row.key()));
            }
        }
        Audit.record(tx, switch (mode) {
            case UPSERT -> "IMPORT";
            case CREATE -> "CREATE";
            case REPLACE -> "REPLACE";
        }, kinds, ids, version);
    }

    private static void run(TransactionContext tx, List<String> statements, List<Map<String, Object>> rows,
            long version) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            for (String statement : statements) {
                tx.run(statement, Map.of("rows", batch, "version", version)).consume();
            }
        }
    }

    /**
     * Refuses a replace whose If-Match names none of the revisions the row is at now. Race-free:
     * the version bump before it holds every other write back.
     */
    private static void checkRevision(TransactionContext tx, Row row, java.util.Collection<Long> ifMatch) {
        var result = tx.run(matchOne(row) + " RETURN coalesce(x.writtenAt, 0) AS revision",
                Map.of("key", row.storedKey()));
        long now = result.single().get("revision").asLong();
        if (!ifMatch.contains(now)) {
            throw new StaleRevision("'" + row.key() + "' is at revision " + now + ", not the one"
                    + " If-Match names: read it again (GET gives its ETag) and redo the change",
                    List.of(Violation.of("If-Match", "must be \"" + now + "\", the entity's current ETag")));
        }
    }

    /** Matches the stored row {@code x} of the row's key, given as the parameter {@code $key}. */
    private static String matchOne(Row row) {
        return switch (row.entityKind()) {
            case TIE -> "MATCH (:Actor {id: $key.from})-[x:TIED_TO {kind: $key.kind}]->(:Actor {id: $key.to})";
            case CATEGORY -> "MATCH (x:Category {code: $key})";
            default -> "MATCH (x:Entity {id: $key})";
        };
    }

    // ---------------------------------------------------------------- reference checks

    /** The keys of the document that the database holds already. */
    private record Existing(Set<String> ids, Set<String> codes) {

        boolean contains(Row row) {
            // Ties are merged whatever: their statement never needs to know.
            return row.entityKind() == EntityKind.CATEGORY ? codes.contains(row.key()) : ids.contains(row.key());
        }
    }

    /** What the database says of an id: its kind, and the level or type that references depend on. */
    private record Known(EntityKind kind, String level, String type) {
    }

    private Existing checkReferences(TransactionContext tx, NetworkDocument doc, Mode mode) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Section section : Section.values()) {
            for (Row row : section.rows(doc)) {
                // Codes and ids share one namespace: each key the document defines is looked up in both.
                if (section != Section.TIES) {
                    ids.add(row.key());
                    codes.add(row.key());
                }
                for (Reference reference : row.references()) {
                    (reference.target() == Reference.Target.CATEGORY ? codes : ids).add(reference.key());
                }
            }
        }

        Map<String, Known> db = new HashMap<>();
        List<String> idList = new ArrayList<>(ids);
        for (int from = 0; from < idList.size(); from += BATCH) {
            tx.run("""
                    UNWIND $ids AS id
                    MATCH (x:Entity {id: id})
                    RETURN id,
                           CASE WHEN x:Territory THEN 'TERRITORY' WHEN x:Cooperative THEN 'COOPERATIVE'
                                WHEN x:Partner THEN 'PARTNER' WHEN x:Service THEN 'SERVICE' ELSE 'NEED' END AS kind,
                           x.level AS level, x.type AS type""",
                    Map.of("ids", idList.subList(from, Math.min(idList.size(), from + BATCH))))
                    .forEachRemaining(r -> db.put(r.get("id").asString(), new Known(
                            EntityKind.valueOf(r.get("kind").asString()),
                            r.get("level").isNull() ? null : r.get("level").asString(),
                            r.get("type").isNull() ? null : r.get("type").asString())));
        }
        Set<String> dbCodes = new HashSet<>();
        List<String> codeList = new ArrayList<>(codes);
        for (int from = 0; from < codeList.size(); from += BATCH) {
            tx.run("UNWIND $codes AS code MATCH (c:Category {code: code}) RETURN c.code AS code",
                    Map.of("codes", codeList.subList(from, Math.min(codeList.size(), from + BATCH))))
                    .forEachRemaining(r -> dbCodes.add(r.get("code").asString()));
        }

        if (mode != Mode.UPSERT) {
            checkMode(tx, doc, mode, db, dbCodes);
        }

        // After the write, an id names what the document says, else what the database holds.
        Map<String, Known> after = new HashMap<>(db);
        doc.territories().forEach(t -> after.put(t.id(), new Known(EntityKind.TERRITORY, t.level().name(), null)));
        doc.cooperatives().forEach(c -> after.put(c.id(), new Known(EntityKind.COOPERATIVE, null, c.type().name())));
        doc.partners().forEach(p -> after.put(p.id(), new Known(EntityKind.PARTNER, null, null)));
        Set<String> categories = new HashSet<>(dbCodes);
        doc.categories().forEach(c -> categories.add(c.code()));

        List<Violation> taken = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (Section section : Section.values()) {
            List<? extends Row> rows = section.rows(doc);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String p = section.json + "[" + i + "].";
                String takenBy = takenBy(row, db, dbCodes);
                if (takenBy != null) {
                    taken.add(new Violation(p + row.entityKind().keyField, row.key(),
                            "is already the " + takenBy + "; ids are unique across the network, category codes"
                                    + " included"));
                }
                checkRow(row, p, after, categories, violations);
            }
        }
        if (!taken.isEmpty()) {
            long rows = rows(taken);
            throw new EntityConflict(rows + (rows == 1 ? " row takes an id" : " rows take ids")
                    + " that the network gives to something else; nothing was written", taken);
        }
        if (!violations.isEmpty()) {
            throw brokenGraph(violations);
        }
        return new Existing(db.keySet(), dbCodes);
    }

    /**
     * What else holds a row's key, when the row would take it: "id of a territory", "code of a
     * category", or null. A row that exists already takes nothing: a store written before codes
     * joined the ids' namespace may hold a category and an entity of the same key, and each can
     * still be replaced (a document holding both is refused on its own, naming the clash).
     */
    private static String takenBy(Row row, Map<String, Known> db, Set<String> dbCodes) {
        if (row.entityKind() == EntityKind.TIE) {
            return null;
        }
        Known entity = db.get(row.key());
        if (row.entityKind() == EntityKind.CATEGORY) {
            return entity != null && !dbCodes.contains(row.key()) ? "id of a " + entity.kind().word : null;
        }
        if (entity != null) {
            return entity.kind() == row.entityKind() ? null : "id of a " + entity.kind().word;
        }
        return dbCodes.contains(row.key()) ? "code of a category" : null;
    }

    private static void checkMode(TransactionContext tx, NetworkDocument doc, Mode mode, Map<String, Known> db,
            Set<String> dbCodes) {
        if (doc.size() != 1) {
            throw new IllegalArgumentException("create and replace take one row");
        }
        Row row = single(doc);
        EntityKind kind = row.entityKind();
        if (mode == Mode.CREATE) {
            String takenBy = takenBy(row, db, dbCodes);
            if (takenBy != null) {
                throw new EntityConflict("'" + row.key() + "' is already the " + takenBy,
                        List.of(Violation.of(kind.keyField,
                                "is already taken; ids are unique across the network, category codes included")));
            }
        }
        boolean exists = switch (kind) {
            case CATEGORY -> dbCodes.contains(row.key());
            case TIE -> tx.run(matchOne(row) + " RETURN count(x) > 0 AS exists", Map.of("key", row.storedKey()))
                    .single().get("exists").asBoolean();
            default -> db.containsKey(row.key()) && db.get(row.key()).kind() == kind;
        };
        if (mode == Mode.CREATE && exists) {
            throw new EntityConflict("The " + kind.word + " '" + row.key() + "' exists already",
                    List.of(Violation.of(kind.keyField, "is already taken")));
        }
        if (mode == Mode.REPLACE && !exists) {
            throw new UnknownEntity("No " + kind.word + " '" + row.key() + "'", List.of());
        }
    }

    static Row single(NetworkDocument doc) {
        for (Section section : Section.values()) {
            if (!section.rows(doc).isEmpty()) {
                return section.rows(doc).get(0);
            }
        }
        throw new IllegalArgumentException("empty document");
    }

    /** Checks what a row names against what the graph will hold after the write. */
    private static void checkRow(Row row, String p, Map<String, Known> after, Set<String> categories,
            List<Violation> out) {
        for (Reference reference : row.references()) {
            String field = p + reference.field();
            String key = reference.key();
            switch (reference.target()) {
                case CATEGORY -> {
                    if (!categories.contains(key)) {
                        out.add(new Violation(field, row.key(), "is not a known category: '" + key + "'"));
                    }
                }
                case TERRITORY -> territory(key, field, row.key(), after, out);
                case LARGER_TERRITORY -> {
                    Known parent = territory(key, field, row.key(), after, out);
                    if (parent != null && !reference.level().canBePartOf(TerritoryLevel.valueOf(parent.level()))) {
                        out.add(new Violation(field, row.key(), "is a " + parent.level()
                                + ": a " + reference.level() + " can only be part of a larger territory"));
                    }
                }
                case MUNICIPALITY -> {
                    Known where = territory(key, field, row.key(), after, out);
                    if (where != null && !TerritoryLevel.MUNICIPALITY.name().equals(where.level())) {
                        out.add(new Violation(field, row.key(), "must be a municipality, '" + key
                                + "' is a " + where.level()));
                    }
                }
                case ACTOR -> actor(key, field, row.key(), after, out);
                case CONSORTIUM -> {
                    Known consortium = after.get(key);
                    if (consortium == null || consortium.kind() != EntityKind.COOPERATIVE) {
                        out.add(new Violation(field, row.key(), "is not a known cooperative: '" + key + "'"));
                    } else if (!CooperativeType.CONSORTIUM.name().equals(consortium.type())) {
                        out.add(new Violation(field, row.key(), "must be a CONSORTIUM, '" + key
                                + "' is of type " + consortium.type()));
                    }
                }
            }
        }
    }

    private static Known territory(String id, String field, String rowKey, Map<String, Known> after,
            List<Violation> out) {
        Known known = after.get(id);
        if (known == null || known.kind() != EntityKind.TERRITORY) {
            out.add(new Violation(field, rowKey, "is not a known territory: '" + id + "'"));
            return null;
        }
        return known;
    }

    private static void actor(String id, String field, String rowKey, Map<String, Known> after,
            List<Violation> out) {
        Known known = after.get(id);
        if (known == null || (known.kind() != EntityKind.COOPERATIVE && known.kind() != EntityKind.PARTNER)) {
            out.add(new Violation(field, rowKey, "is not a known cooperative or partner: '" + id + "'"));
        }
    }

    // ---------------------------------------------------------------- after the write

    /** What a write can break beyond its own rows: children of a territory, needs, members, cycles. */
    private void checkSurroundings(TransactionContext tx, NetworkDocument doc) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> ranks = new HashMap<>();
        for (TerritoryLevel level : TerritoryLevel.values()) {
            ranks.put(level.name(), level.ordinal());
        }
        surrounding(tx, Section.TERRITORIES, doc, "level", Map.of("ranks", ranks), """
                UNWIND $keys AS key
                MATCH (c:Territory)-[:PART_OF]->(t:Territory {id: key})
                WHERE $ranks[c.level] >= $ranks[t.level]
                RETURN t.id AS key, 'is too small: ' + min(c.id) + ' and maybe others are part of it' AS message""",
                violations);
        surrounding(tx, Section.TERRITORIES, doc, "level", Map.of(), """
                UNWIND $keys AS key
                MATCH (t:Territory {id: key})
                WHERE t.level <> 'MUNICIPALITY' AND EXISTS { (:Need)-[:LOCATED_IN]->(t) }
                RETURN t.id AS key, 'must stay MUNICIPALITY: needs are located in it' AS message""", violations);
        surrounding(tx, Section.CATEGORIES, doc, "partOf", Map.of(), """
                UNWIND $keys AS key
                MATCH (c:Category {code: key})
                WHERE EXISTS { (c)-[:PART_OF*1..]->(c) }
                RETURN c.code AS key, 'makes the category tree a cycle' AS message""", violations);
        surrounding(tx, Section.COOPERATIVES, doc, "type", Map.of(), """
                UNWIND $keys AS key
                MATCH (c:Cooperative {id: key})
                WHERE c.type <> 'CONSORTIUM' AND EXISTS { (:Cooperative)-[:MEMBER_OF]->(c) }
                RETURN c.id AS key, 'must stay CONSORTIUM: other cooperatives are members of it' AS message""",
                violations);
        surrounding(tx, Section.COOPERATIVES, doc, "memberOf", Map.of(), """
                UNWIND $keys AS key
                MATCH (c:Cooperative {id: key})
                WHERE EXISTS { (c)-[:MEMBER_OF*1..]->(c) }
                RETURN c.id AS key, 'makes membership a cycle' AS message""", violations);
        if (!violations.isEmpty()) {
            throw brokenGraph(violations);
        }
    }

    /**
     * Runs one check over the keys a section's rows wrote; each row it returns ({@code key},
     * {@code message}) names the row and field at fault.
     */
    private static void surrounding(TransactionContext tx, Section section, NetworkDocument doc, String field,
            Map<String, Object> params, String query, List<Violation> out) {
        List<? extends Row> rows = section.rows(doc);
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            at.put(rows.get(i).key(), i);
        }
        Map<String, Object> all = new HashMap<>(params);
        all.put("keys", List.copyOf(at.keySet()));
        tx.run(query, all).forEachRemaining(r -> {
            String key = r.get("key").asString();
            out.add(new Violation(section.json + "[" + at.get(key) + "]." + field, key, r.get("message").asString()));
        });
    }

    /** How many document rows a list of violations names ({@code needs[3].people} names {@code needs[3]}). */
    static long rows(List<Violation> violations) {
        return violations.stream().map(v -> v.field().replaceAll("\\].*", "]")).distinct().count();
    }

    static BrokenGraph brokenGraph(List<Violation> violations) {
        long rows = rows(violations);
        return new BrokenGraph(rows + (rows == 1 ? " row breaks" : " rows break")
                + " the network graph; nothing was written", violations);
    }
}
