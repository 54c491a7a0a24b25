package it.snodo.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * Reads the network back in the shape of the document's rows: one entity, a filtered page of a
 * kind, or the whole network for export. It knows no kind: each {@link EntityKind} says, in its
 * {@link RowQuery}, what holds its rows, how one is found by its key and how a record becomes one.
 */
@Component
public class NetworkReader {

    /**
     * A filter that leaves out the confidential services (but those the given cooperative
     * provides) and partners: a list filtered by territory must not tell where they are.
     */
    static final String SHOWN_TO = "shownTo";

    private final Driver driver;

    NetworkReader(Driver driver) {
        this.driver = driver;
    }

    /** The page of rows of a kind that match every given filter (a null filter is no filter). */
    <T> PageOf<T> list(EntityKind kind, Map<String, Object> filters, int page, int size) {
        RowQuery q = kind.query;
        Map<String, Object> params = new HashMap<>();
        List<String> predicates = new ArrayList<>();
        filters.forEach((name, value) -> {
            String predicate = q.filters().get(name);
            if (predicate == null) {
                throw new IllegalArgumentException("no filter " + name + " on " + kind);
            }
            if (value != null) {
                predicates.add(predicate);
                params.put(name, value instanceof Enum<?> e ? e.name() : value);
            }
        });
        String where = predicates.isEmpty() ? "" : " WHERE " + String.join(" AND ", predicates);
        long skip = (long) page * size;
        params.put("skip", skip);
        params.put("end", skip + size);
        // Count and page from one list in one statement: under read committed, two statements (or
        // two scans of one) may see different writes, and the total would not be the page's. An
        // empty page still gives one row, with the total and nothing else.
        String query = "MATCH " + q.match() + where + " WITH * ORDER BY " + q.order()
                + " WITH collect(x) AS matching"
                + " WITH size(matching) AS total, matching[$skip..$end] AS page"
                + " UNWIND CASE WHEN page = [] THEN [null] ELSE page END AS x"
                + " WITH total, x" + q.ends() + " " + q.projection() + ", total";
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                long[] total = {0};
                List<T> rows = new ArrayList<>();
                tx.run(query, params).forEachRemaining(r -> {
                    total[0] = r.get("total").asLong();
                    if (skip < total[0]) {
                        rows.add(row(q, r));
                    }
                });
                return new PageOf<>(rows, page, size, total[0], (total[0] + size - 1) / size);
            });
        }
    }

    /**
     * A row and its revision: the network version that last wrote it (0 when written before
     * revisions were kept), read together, so that an ETag always names the row it came with.
     */
    record Revised<T>(T row, long revision) {
    }

    /** One entity by its key. */
    <T> Optional<T> get(EntityKind kind, String key) {
        return this.<T>getRevised(kind, key).map(Revised::row);
    }

    /** One entity by its key (an id, a category's code), with its revision. */
    <T> Optional<Revised<T>> getRevised(EntityKind kind, String key) {
        return revised(kind, key);
    }

    /** One tie by its ends and kind, with its revision. */
    Optional<Revised<Tie>> getTie(String from, String to, TieKind kind) {
        return revised(EntityKind.TIE, new Tie(from, to, kind, null, null).storedKey());
    }

    /** The ids of the confidential partners. */
    java.util.Set<String> confidentialPartners() {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> java.util.Set.copyOf(tx.run(
                    "MATCH (p:Partner {confidential: true}) RETURN p.id AS id").list(r -> r.get("id").asString())));
        }
    }

    private <T> Optional<Revised<T>> revised(EntityKind kind, Object storedKey) {
        RowQuery q = kind.query;
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                var result = tx.run("MATCH " + q.keyed().apply("$key") + " " + q.projection()
                        + ", coalesce(x.writtenAt, 0) AS revision", Map.of("key", storedKey));
                if (!result.hasNext()) {
                    return Optional.empty();
                }
                Record r = result.next();
                return Optional.of(new Revised<>(NetworkReader.<T>row(q, r), r.get("revision").asLong()));
            });
        }
    }

    /**
     * The stored rows of one kind with the given keys, as export gives them, read in {@code tx}
     * (a write's, so that they are what it will change). Each key is as {@link Row#storedKey()}
     * gives it. Keys with nothing stored are left out.
     */
    <T> List<T> stored(TransactionContext tx, EntityKind kind, List<?> keys) {
        RowQuery q = kind.query;
        return tx.run("UNWIND $keys AS key MATCH " + q.keyed().apply("key") + " " + q.projection(),
                Map.of("keys", keys)).list(r -> NetworkReader.<T>row(q, r));
    }

    /** The whole network as one document, each section ordered by key, in one read transaction. */
    public NetworkDocument export() {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                Map<Section, List<Row>> sections = new java.util.EnumMap<>(Section.class);
                for (Section section : Section.values()) {
                    RowQuery q = section.kind.query;
                    sections.put(section, tx.run("MATCH " + q.match() + " WITH * ORDER BY " + q.order() + " "
                            + q.projection()).list(r -> row(q, r)));
                }
                return NetworkDocument.of(sections);
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T row(RowQuery q, Record r) {
        return (T) q.row().apply(r);
    }
}
