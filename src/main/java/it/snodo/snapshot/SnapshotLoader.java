package it.snodo.snapshot;

import it.snodo.engine.Network;
import it.snodo.neo4j.EmbeddedNeo4j;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Loads the engine's snapshot from Neo4j in a few bulk reads of flat rows, one per kind.
 *
 * <p>Neo4j reads are read-committed, so a write could land between two of the reads, and a
 * read may even meet an entity that a concurrent write is deleting. The version is read before
 * and after, each time under the version's write lock (so that a write being committed is done
 * first: see {@link #settledVersion}), and the load is repeated when they
 * differ or when the rows do not make a whole network (a reference to nothing, an id gone);
 * writes bump the version, so an unchanged version and a whole network mean no write landed in
 * between. After two such attempts, the load holds the lock for its whole read.
 *
 * <p>The reads are the same Cypher statements either way they run: over the Driver (an external
 * server), or in-process on the embedded database, when the service runs one, which spares the
 * rows' trip through Bolt (packed by the server, unpacked by the Driver).
 */
@Component
class SnapshotLoader {

    private static final int ATTEMPTS = 5;
    /** Attempts that read without holding writes back. */
    private static final int OPTIMISTIC = 2;

    private final Driver driver;
    /** The embedded database, read in-process; null to read over the Driver. */
    private final GraphDatabaseService database;

    /**
     * @param inProcess {@code snodo.snapshot.in-process} (default true): read the embedded
     *     database in-process when the service runs one; false reads it over Bolt, as an external
     *     server is read
     */
    @Autowired
    SnapshotLoader(
            Driver driver,
            ObjectProvider<EmbeddedNeo4j> embedded,
            @org.springframework.beans.factory.annotation.Value("${snodo.snapshot.in-process:true}")
                    boolean inProcess) {
        this(
                driver,
                inProcess
                        ? embedded.stream()
                                .map(EmbeddedNeo4j::database)
                                .findFirst()
                                .orElse(null)
                        : null);
    }

    /** A loader that reads in-process from {@code database}, or over the Driver when it is null. */
    SnapshotLoader(Driver driver, GraphDatabaseService database) {
        this.driver = driver;
        this.database = database;
    }

    /** The database's network version, without loading anything. */
    long version() {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> version(bolt(tx)));
        }
    }

    Network load() {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // Optimistic reads first; when writes keep coming, the last attempts hold the
            // version lock (a write transaction that writes nothing): writes wait for the
            // load instead of starving it.
            try {
                Network network = attempt > OPTIMISTIC ? locked() : optimistic();
                if (network != null) {
                    return network;
                }
            } catch (org.neo4j.driver.exceptions.ServiceUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                // Rows torn by a concurrent write: load again.
                last = e;
            }
        }
        throw new IllegalStateException("the network kept changing while the snapshot was loaded", last);
    }

    /**
     * The network read without holding writes back, or null when a write landed meanwhile: the
     * settled version before and after the reads, equal, prove that none did.
     */
    private Network optimistic() {
        long before = settledVersion();
        Network network = inTransaction(false, db -> read(db, before));
        return settledVersion() == before ? network : null;
    }

    /** The network read holding the version's write lock: writes wait until it is read. */
    private Network locked() {
        return inTransaction(true, db -> read(db, lockVersion(db)));
    }

    /**
     * The version once the write being committed now, if any, is done: read under the version's
     * write lock (in a transaction of its own, which changes nothing), which every write takes
     * first and holds until it is committed. A plain read makes no promise about a commit in
     * flight.
     */
    private long settledVersion() {
        return inTransaction(true, SnapshotLoader::lockVersion);
    }

    /** Takes the version's write lock in this transaction, and reads the version under it. */
    private static long lockVersion(Statements db) {
        long[] version = {0};
        // Cypher locks before it reads when a SET's value is an expression of the property it
        // sets; "SET v.value = v.value" reads first, and would write back a version that a write
        // committed while it waited for the lock (SnapshotLoaderIT catches that).
        db.run(
                "MATCH (v:NetworkVersion {key: 'network'}) SET v.value = v.value + 0 RETURN v.value",
                r -> version[0] = ((Number) r.value(0)).longValue());
        return version[0];
    }

    /** Runs {@code work} in one transaction, in-process or over the Driver; a write one commits. */
    private <T> T inTransaction(boolean write, Function<Statements, T> work) {
        if (database != null) {
            try (Transaction tx = database.beginTx()) {
                T result = work.apply(embedded(tx));
                if (write) {
                    tx.commit();
                }
                return result;
            }
        }
        try (Session session = driver.session()) {
            TransactionCallback<T> callback = tx -> work.apply(bolt(tx));
            return write ? session.executeWrite(callback) : session.executeRead(callback);
        }
    }

    /**
     * The network, at the version read before: the caller proves that nothing changed meanwhile.
     *
     * <p>Territories, categories and actors are read first with their internal node ids; every
     * later reference to one (a service's provider, categories and territories, a need's, a
     * tie's ends) is that id, mapped here to the id read once, rather than the key read again
     * from the store for each row. Internal ids are reused after a delete, so they name the same
     * node only within one read of the network: a write in between changes the version and the
     * load is repeated (and a reference to a node not read is a torn read, repeated too). Services
     * and needs come in id order, which the engine numbers them in.
     */
    private static Network read(Statements db, long version) {
        Network.Builder b = Network.builder(version);
        Keys territories = new Keys();
        db.run(
                """
                MATCH (t:Territory)
                RETURN id(t), t.id, t.name, t.level, t.lat, t.lon,
                       COLLECT { MATCH (t)-[:PART_OF]->(p:Territory) RETURN p.id }[0]""",
                r -> b.territory(
                        territories.put(r.value(0), id(r.value(1))),
                        text(r.value(2)),
                        id(r.value(3)),
                        text(r.value(6)),
                        number(r.value(4)),
                        number(r.value(5))));
        Keys categories = new Keys();
        db.run("""
                MATCH (c:Category)
                RETURN id(c), c.code, c.name, COLLECT { MATCH (c)-[:PART_OF]->(p:Category) RETURN p.code }[0]""", r -> b.category(categories.put(r.value(0), id(r.value(1))), text(r.value(2)), text(r.value(3))));
        Keys actors = new Keys();
        db.run("""
                MATCH (a:Actor)
                RETURN id(a), a.id, a.name, a:Cooperative, coalesce(a.type, a.kind), coalesce(a.confidential, false),
                       COLLECT { MATCH (a)-[:BASED_IN]->(t:Territory) RETURN id(t) }[0]""", r -> {
            String id = actors.put(r.value(0), id(r.value(1)));
            String basedIn = r.value(6) == null ? null : territories.get(r.value(6));
            if (flag(r.value(3))) {
                b.cooperative(id, text(r.value(2)), text(r.value(4)), basedIn);
            } else {
                b.partner(id, text(r.value(2)), text(r.value(4)), basedIn);
            }
            if (flag(r.value(5))) {
                b.confidential(id);
            }
        });
        db.run("""
                MATCH (p:Actor)-[:PROVIDES]->(s:Service)
                RETURN s.id, s.name, id(p), s.capacity, s.occupied, coalesce(s.confidential, false),
                       COLLECT { MATCH (s)-[:ADDRESSES]->(c:Category) RETURN id(c) },
                       COLLECT { MATCH (s)-[:AVAILABLE_IN]->(t:Territory) RETURN id(t) }
                ORDER BY s.id""", r -> {
            String id = id(r.value(0));
            b.service(
                    id,
                    text(r.value(1)),
                    actors.get(r.value(2)),
                    integer(r.value(3)),
                    integer(r.value(4)),
                    categories.all(r.value(6)),
                    territories.all(r.value(7)));
            if (flag(r.value(5))) {
                b.confidential(id);
            }
        });
        db.run(
                """
                MATCH (n:Need)-[:OF_KIND]->(c:Category)
                MATCH (n)-[:LOCATED_IN]->(t:Territory)
                RETURN n.id, id(c), id(t), n.people, n.urgency
                ORDER BY n.id""",
                r -> b.need(
                        id(r.value(0)),
                        categories.get(r.value(1)),
                        territories.get(r.value(2)),
                        integer(r.value(3)),
                        text(r.value(4))));
        db.run("""
                MATCH (a:Actor)-[t:TIED_TO]->(c:Actor)
                RETURN id(a), id(c), t.kind, t.strength""", r -> b.tie(actors.get(r.value(0)), actors.get(r.value(1)), id(r.value(2)), number(r.value(3))));
        return b.build();
    }

    /** The keys of one kind's nodes by internal node id, valid within one read of the network. */
    private static final class Keys {

        private final Map<Long, String> byNode = new HashMap<>();

        String put(Object node, String key) {
            byNode.put((Long) node, key);
            return key;
        }

        /** The key of a node read, or a torn read: a node created after its kind was read. */
        String get(Object node) {
            String key = byNode.get((Long) node);
            if (key == null) {
                throw new IllegalStateException("a reference to a node not read: written while being read");
            }
            return key;
        }

        List<String> all(Object nodes) {
            List<?> list = (List<?>) nodes;
            List<String> keys = new ArrayList<>(list.size());
            for (Object node : list) {
                keys.add(get(node));
            }
            return keys;
        }
    }

    private static long version(Statements db) {
        long[] version = {0};
        db.run("OPTIONAL MATCH (v:NetworkVersion {key: 'network'}) RETURN v.value", r -> {
            Object v = r.value(0);
            version[0] = v == null ? 0 : ((Number) v).longValue();
        });
        return version[0];
    }

    /** The loader's statements, run in one transaction, over the Driver or in-process. */
    @FunctionalInterface
    private interface Statements {
        void run(String cypher, Consumer<Row> rows);
    }

    /**
     * A row's values by column, as plain Java: null, String, Long, Double, Boolean or a List of
     * them.
     */
    @FunctionalInterface
    private interface Row {
        Object value(int column);
    }

    private static Statements bolt(TransactionContext tx) {
        return (cypher, rows) -> {
            var result = tx.run(cypher);
            while (result.hasNext()) {
                Record record = result.next();
                rows.accept(column -> plain(record.get(column)));
            }
        };
    }

    private static Object plain(Value v) {
        return v.isNull() ? null : v.asObject();
    }

    private static Statements embedded(Transaction tx) {
        return (cypher, rows) -> {
            try (Result result = tx.execute(cypher)) {
                List<String> columns = result.columns();
                result.accept(row -> {
                    rows.accept(column -> row.get(columns.get(column)));
                    return true;
                });
            }
        };
    }

    private static String id(Object v) {
        if (v == null) {
            throw new IllegalStateException("an entity without its key: deleted while being read");
        }
        return (String) v;
    }

    private static String text(Object v) {
        return (String) v;
    }

    private static boolean flag(Object v) {
        return (Boolean) v;
    }

    private static Double number(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static Integer integer(Object v) {
        return v == null ? null : Math.toIntExact(((Number) v).longValue());
    }
}
