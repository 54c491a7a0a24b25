package it.snodo.network;

import it.snodo.audit.Audit;
import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every write to the network goes through here, in one Neo4j transaction each: the import of a
 * document and the CRUD writes alike (a create is the import of a one-row document).
 *
 * <p>A write first bumps the network version, which write-locks one node: writes are serialised,
 * so the reference checks that follow see exactly what the write will change. Then it checks
 * every reference against the document and the database ({@link ReferenceChecks}), writes with
 * batched {@code UNWIND ... MERGE} ({@link Writes}), checks what the write may have broken around
 * it ({@link GraphInvariants}), appends its audit entry, and commits — or throws a domain
 * exception ({@link NetworkProblem}) and leaves the database as it was. An import locks the version without bumping it and writes only the rows
 * that differ from what is stored: when none does, it commits nothing but its audit entry, and
 * the version stays.
 *
 * <p>The write of one need (create, replace, delete), the help desks' frequent write, goes
 * through {@link NeedWrites} instead: queued, and committed with every other need write queued at
 * that moment in one transaction that does all of the above once for the group.
 */
@Component
public class NetworkStore implements org.springframework.beans.factory.DisposableBean {

    static final int BATCH = 10_000;

    static final String BUMP_VERSION = """
            MERGE (v:NetworkVersion {key: 'network'})
            ON CREATE SET v.value = 0
            SET v.value = v.value + 1
            RETURN v.value AS version""";

    /**
     * Locks the version without bumping it (a write that writes nothing): an import bumps it only
     * once it knows that it changes something. {@code v.value + 0}, not {@code v.value}: Cypher
     * takes the node's lock before it reads a property that a SET computes from, but a plain
     * {@code SET v.value = v.value} reads the value first, so a statement that waited behind a
     * writer would write back (and answer) the version from before that writer's bump.
     */
    private static final String LOCK_VERSION = """
            MERGE (v:NetworkVersion {key: 'network'})
            ON CREATE SET v.value = 0
            SET v.value = v.value + 0
            RETURN v.value AS version""";

    private final Driver driver;
    private final ApplicationEventPublisher events;
    private final NetworkReader reader;
    private final AtomicLong lastCommitted = new AtomicLong();
    private final NeedWrites needWrites;

    NetworkStore(Driver driver, ApplicationEventPublisher events, NetworkReader reader) {
        this.driver = driver;
        this.events = events;
        this.reader = reader;
        this.needWrites = new NeedWrites(
                driver,
                group -> committed(
                        group.version(),
                        v -> NetworkChanged.of(
                                v,
                                new NetworkDocument(null, null, null, null, null, group.written(), null),
                                group.deleted().stream()
                                        .map(id -> new NetworkChanged.Deleted(EntityKind.NEED, id))
                                        .toList())),
                problem -> problem instanceof BrokenGraph broken ? asSingleRow(broken) : problem);
    }

    @Override
    public void destroy() {
        needWrites.close();
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

    /** How a document's rows meet what exists: merge them in, or create/replace one entity. */
    public enum Mode {
        UPSERT,
        CREATE,
        REPLACE
    }

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

    public long write(NetworkDocument document, Mode mode) {
        return write(document, mode, null);
    }

    /**
     * Writes one row (create or replace), or a document (upsert).
     *
     * @param ifMatch for a replace, the revisions the entity may be at (an If-Match header); null
     *     for none: the write then goes through whatever the entity's revision (last writer wins)
     */
    public long write(NetworkDocument document, Mode mode, java.util.Collection<Long> ifMatch) {
        if (mode != Mode.UPSERT && document.size() == 1 && document.needs().size() == 1) {
            // The frequent write: committed with the others queued at the same moment (NeedWrites).
            return needWrites.write(
                    document.needs().get(0),
                    mode == Mode.CREATE ? NeedWrites.Op.CREATE : NeedWrites.Op.REPLACE,
                    ifMatch);
        }
        try {
            return writeAll(document, mode, ifMatch, false).version();
        } catch (BrokenGraph e) {
            if (mode == Mode.UPSERT) {
                throw e;
            }
            throw asSingleRow(e);
        }
    }

    /** One entity on its own: names its fields as in its own body, not as a document row. */
    private static BrokenGraph asSingleRow(BrokenGraph e) {
        List<Violation> fields = e.errors().stream()
                .map(v -> new Violation(v.field().replaceFirst("^[a-z]+\\[0\\]\\.", ""), v.id(), v.message()))
                .toList();
        return new BrokenGraph(e.getMessage().replace("1 row breaks", "The write would break"), fields);
    }

    /**
     * Imports a document only into a network that was never written to (version 0, as a database
     * that never held one), or writes nothing. The version is read under its lock, in the write's
     * own transaction: of several services starting together on one empty database, exactly one
     * writes the document, and the others find the version it committed.
     *
     * @return the version that holds the document, or empty when the network had been written to
     */
    public java.util.OptionalLong writeIntoNeverWritten(NetworkDocument document) {
        Written written = writeAll(document, Mode.UPSERT, null, true);
        return written.rows() == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(written.version());
    }

    /**
     * What a write wrote: the rows that changed (all of them, but for an import), at which version;
     * no rows for a write into a never-written network that found it written, at the version found.
     */
    private record Written(long version, NetworkDocument rows) {}

    private Written writeAll(
            NetworkDocument document, Mode mode, java.util.Collection<Long> ifMatch, boolean neverWrittenOnly) {
        try (Session session = driver.session()) {
            Written written = session.executeWrite(tx -> {
                // An import bumps the version only if it changes something; it takes the lock all the same.
                long version = mode == Mode.UPSERT
                        ? tx.run(LOCK_VERSION).single().get("version").asLong() + 1
                        : tx.run(BUMP_VERSION).single().get("version").asLong();
                if (neverWrittenOnly && version > 1) {
                    // Read under the lock: a write committed before it is seen, one after it waits.
                    return new Written(version - 1, null);
                }
                ReferenceChecks.Existing existing = ReferenceChecks.check(tx, document, mode);
                if (ifMatch != null) {
                    checkRevision(tx, single(document), ifMatch);
                }
                NetworkDocument changed = mode == Mode.UPSERT ? changed(tx, document, existing) : document;
                if (changed.size() == 0) {
                    Audit.record(tx, "IMPORT", List.of(), List.of(), version - 1, true);
                    return new Written(version - 1, changed);
                }
                if (mode == Mode.UPSERT) {
                    tx.run(
                                    "MATCH (v:NetworkVersion {key: 'network'}) SET v.value = $version",
                                    Map.of("version", version))
                            .consume();
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
                GraphInvariants.check(tx, document);
                audit(tx, mode, changed, version);
                return new Written(version, changed);
            });
            if (written.rows() == null || written.rows().size() == 0) {
                observed(written.version());
                return written;
            }
            NetworkDocument rows = written.rows();
            committed(written.version(), v -> NetworkChanged.of(v, rows, List.of()));
            return written;
        }
    }

    /**
     * The rows of an import that change what is stored: new rows, and rows whose properties or
     * relationships differ from the stored ones, compared as export gives them. The stored rows
     * are read once, in batches, by key.
     */
    private NetworkDocument changed(
            TransactionContext tx, NetworkDocument document, ReferenceChecks.Existing existing) {
        Map<Section, List<Row>> changed = new java.util.EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            List<Row> known = new ArrayList<>();
            for (Row row : section.rows(document)) {
                // A tie (an offer, a request) is known when stored: the read below tells.
                if (section.kind.isRelationship() || existing.contains(row)) {
                    known.add(row);
                }
            }
            Map<String, Map<String, Object>> stored = new HashMap<>();
            for (int from = 0; from < known.size(); from += BATCH) {
                List<Object> keys = known.subList(from, Math.min(known.size(), from + BATCH)).stream()
                        .map(Row::storedKey)
                        .toList();
                reader.<Row>stored(tx, section.kind, keys).forEach(row -> stored.put(row.key(), row.parameters()));
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
    public long delete(EntityKind kind, String id) {
        if (kind == EntityKind.NEED) {
            return needWrites.delete(id);
        }
        try (Session session = driver.session()) {
            return committed(
                    session.executeWrite(tx -> {
                        long version =
                                tx.run(BUMP_VERSION).single().get("version").asLong();
                        Deletes.Removed removed = Deletes.delete(tx, kind, id);
                        Audit.record(tx, "DELETE", removed.kinds(), removed.ids(), version);
                        return version;
                    }),
                    // These remove the entity alone; an actor, a territory, a category may take more with them.
                    v -> switch (kind) {
                        case SERVICE, SKILL, SPACE -> NetworkChanged.deleted(v, kind, id);
                        default -> NetworkChanged.of(v);
                    });
        }
    }

    /** Deletes one tie. */
    public long deleteTie(String from, String to, TieKind kind) {
        try (Session session = driver.session()) {
            return committed(
                    session.executeWrite(tx -> {
                        long version =
                                tx.run(BUMP_VERSION).single().get("version").asLong();
                        long deleted = tx.run("""
                        MATCH (:Actor {id: $from})-[t:TIED_TO {kind: $kind}]->(:Actor {id: $to})
                        DELETE t RETURN count(*) AS n""", Map.of("from", from, "to", to, "kind", kind.name()))
                                .single()
                                .get("n")
                                .asLong();
                        if (deleted == 0) {
                            throw new UnknownEntity(
                                    "No " + kind + " tie from '" + from + "' to '" + to + "'", List.of());
                        }
                        Audit.record(
                                tx,
                                "DELETE",
                                List.of(EntityKind.TIE.name()),
                                List.of(new Tie(from, to, kind, null, null).key()),
                                version);
                        return version;
                    }),
                    NetworkChanged::of);
        }
    }

    /** Deletes one skill offer or request, named by its cooperative and skill. */
    public long deletePair(EntityKind kind, String cooperative, String skill) {
        String type = switch (kind) {
            case SKILL_OFFER -> "OFFERS_SKILL";
            case SKILL_REQUEST -> "SEEKS_SKILL";
            default -> throw new IllegalArgumentException(kind + " is not named by a cooperative and a skill");
        };
        try (Session session = driver.session()) {
            return committed(
                    session.executeWrite(tx -> {
                        long version =
                                tx.run(BUMP_VERSION).single().get("version").asLong();
                        long deleted = tx.run(
                                        "MATCH (:Cooperative {id: $cooperative})-[x:" + type
                                                + "]->(:Skill {code: $skill}) DELETE x RETURN count(*) AS n",
                                        Map.of("cooperative", cooperative, "skill", skill))
                                .single()
                                .get("n")
                                .asLong();
                        if (deleted == 0) {
                            throw new UnknownEntity(
                                    "No " + kind.word + " of '" + cooperative + "' for the skill '" + skill + "'",
                                    List.of());
                        }
                        Audit.record(tx, "DELETE", List.of(kind.name()), List.of(cooperative + ":" + skill), version);
                        return version;
                    }),
                    v -> NetworkChanged.deleted(v, kind, cooperative + ":" + skill));
        }
    }

    /**
     * Removes the whole network (not the keys), in one transaction. For tests and for an operator starting over;
     * the version goes on growing, so that nothing mistakes the empty network for an older one.
     */
    public long clear() {
        try (Session session = driver.session()) {
            return committed(
                    session.executeWrite(tx -> {
                        long version =
                                tx.run(BUMP_VERSION).single().get("version").asLong();
                        // The network only: the version and the keys stay.
                        tx.run("MATCH (n) WHERE n:Entity OR n:Category OR n:Skill DETACH DELETE n")
                                .consume();
                        Audit.record(tx, "CLEAR", List.of(), List.of(), version);
                        return version;
                    }),
                    NetworkChanged::of);
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
        Audit.record(
                tx,
                switch (mode) {
                    case UPSERT -> "IMPORT";
                    case CREATE -> "CREATE";
                    case REPLACE -> "REPLACE";
                },
                kinds,
                ids,
                version);
    }

    static void run(TransactionContext tx, List<String> statements, List<Map<String, Object>> rows, long version) {
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
    static void checkRevision(TransactionContext tx, Row row, java.util.Collection<Long> ifMatch) {
        var result =
                tx.run(matchOne(row) + " RETURN coalesce(x.writtenAt, 0) AS revision", Map.of("key", row.storedKey()));
        long now = result.single().get("revision").asLong();
        if (!ifMatch.contains(now)) {
            throw new StaleRevision(
                    "'" + row.key() + "' is at revision " + now + ", not the one"
                            + " If-Match names: read it again (GET gives its ETag) and redo the change",
                    List.of(Violation.of("If-Match", "must be \"" + now + "\", the entity's current ETag")));
        }
    }

    /** Matches the stored row {@code x} of the row's key, given as the parameter {@code $key}. */
    static String matchOne(Row row) {
        return switch (row.entityKind()) {
            case TIE -> "MATCH (:Actor {id: $key.from})-[x:TIED_TO {kind: $key.kind}]->(:Actor {id: $key.to})";
            case SKILL_OFFER ->
                "MATCH (:Cooperative {id: $key.cooperative})-[x:OFFERS_SKILL]->(:Skill {code: $key.skill})";
            case SKILL_REQUEST ->
                "MATCH (:Cooperative {id: $key.cooperative})-[x:SEEKS_SKILL]->(:Skill {code: $key.skill})";
            case CATEGORY -> "MATCH (x:Category {code: $key})";
            case SKILL -> "MATCH (x:Skill {code: $key})";
            default -> "MATCH (x:Entity {id: $key})";
        };
    }

    static Row single(NetworkDocument doc) {
        for (Section section : Section.values()) {
            if (!section.rows(doc).isEmpty()) {
                return section.rows(doc).get(0);
            }
        }
        throw new IllegalArgumentException("empty document");
    }

    /** How many document rows a list of violations names ({@code needs[3].people} names {@code needs[3]}). */
    static long rows(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field().replaceAll("\\].*", "]"))
                .distinct()
                .count();
    }

    static BrokenGraph brokenGraph(List<Violation> violations) {
        long rows = rows(violations);
        return new BrokenGraph(
                rows + (rows == 1 ? " row breaks" : " rows break") + " the network graph; nothing was written",
                violations);
    }
}
