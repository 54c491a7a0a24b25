package it.snodo.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the network back in the shape of the document's rows: one entity, a filtered page of a
 * kind, or the whole network for export. It knows no kind: each {@link EntityKind} says, in its
 * {@link RowQuery}, what holds its rows, how one is found by its key and how a record becomes one.
 *
 * <p>Reads go through Spring Data Neo4j's {@link Neo4jClient}, each in a read-only transaction of
 * the {@code Neo4jTransactionManager} that Spring Boot configures on the same Driver: Neo4j refuses
 * a write in it, and its failures arrive as Spring's {@code DataAccessException}s. Only
 * {@code stored} reads in a write's own Driver transaction, which {@code NetworkStore} hands it.
 */
@Component
public class NetworkReader {

    /**
     * A filter that leaves out the confidential services (but those the given cooperative
     * provides) and partners: a list filtered by territory must not tell where they are.
     */
    public static final String SHOWN_TO = "shownTo";

    private final Neo4jClient neo4j;

    NetworkReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A record of a list: the total of the rows that match, and one of them (none on an empty page). */
    private record Counted(long total, Row row) {}

    /** The page of rows of a kind that match every given filter (a null filter is no filter). */
    @Transactional(readOnly = true)
    public <T> PageOf<T> list(EntityKind kind, Map<String, Object> filters, int page, int size) {
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
        long total = 0;
        List<T> rows = new ArrayList<>();
        for (Counted c : neo4j.query(query)
                .bindAll(params)
                .fetchAs(Counted.class)
                .mappedBy((types, r) -> {
                    long matching = r.get("total").asLong();
                    return new Counted(matching, skip < matching ? q.row().apply(r) : null);
                })
                .all()) {
            total = c.total();
            if (c.row() != null) {
                rows.add(NetworkReader.<T>cast(c.row()));
            }
        }
        return new PageOf<>(rows, page, size, total, (total + size - 1) / size);
    }

    /**
     * A row and its revision: the network version that last wrote it (0 when written before
     * revisions were kept), read together, so that an ETag always names the row it came with.
     */
    public record Revised<T>(T row, long revision) {}

    /** One entity by its key. */
    @Transactional(readOnly = true)
    public <T> Optional<T> get(EntityKind kind, String key) {
        return this.<T>revised(kind, key).map(Revised::row);
    }

    /** One entity by its key (an id, a category's code), with its revision. */
    @Transactional(readOnly = true)
    public <T> Optional<Revised<T>> getRevised(EntityKind kind, String key) {
        return revised(kind, key);
    }

    /** One tie by its ends and kind, with its revision. */
    @Transactional(readOnly = true)
    public Optional<Revised<Tie>> getTie(String from, String to, TieKind kind) {
        return revised(EntityKind.TIE, new Tie(from, to, kind, null, null).storedKey());
    }

    /** One skill offer or request by its cooperative and skill, with its revision. */
    @Transactional(readOnly = true)
    public <T> Optional<Revised<T>> getPair(EntityKind kind, String cooperative, String skill) {
        return revised(kind, Map.of("cooperative", cooperative, "skill", skill));
    }

    /** The point of each of these territories that has one, as {lat, lon}, by id. */
    @Transactional(readOnly = true)
    public Map<String, double[]> points(java.util.Collection<String> ids) {
        Map<String, double[]> points = new HashMap<>();
        neo4j.query("""
                        UNWIND $ids AS id MATCH (t:Territory {id: id})
                        WHERE t.lat IS NOT NULL AND t.lon IS NOT NULL
                        RETURN t.id AS id, t.lat AS lat, t.lon AS lon""")
                .bind(List.copyOf(ids))
                .to("ids")
                .fetch()
                .all()
                .forEach(r -> points.put(
                        (String) r.get("id"),
                        new double[] {((Number) r.get("lat")).doubleValue(), ((Number) r.get("lon")).doubleValue()}));
        return points;
    }

    /** The ids of the confidential partners. */
    @Transactional(readOnly = true)
    public java.util.Set<String> confidentialPartners() {
        return java.util.Set.copyOf(neo4j.query("MATCH (p:Partner {confidential: true}) RETURN p.id AS id")
                .fetchAs(String.class)
                .mappedBy((types, r) -> r.get("id").asString())
                .all());
    }

    private <T> Optional<Revised<T>> revised(EntityKind kind, Object storedKey) {
        RowQuery q = kind.query;
        return neo4j.query("MATCH " + q.keyed().apply("$key") + " " + q.projection()
                        + ", coalesce(x.writtenAt, 0) AS revision")
                .bind(storedKey)
                .to("key")
                .fetchAs(Revised.class)
                .mappedBy((types, r) ->
                        new Revised<>(q.row().apply(r), r.get("revision").asLong()))
                .one()
                .map(NetworkReader::cast);
    }

    /**
     * The stored rows of one kind with the given keys, as export gives them, read in {@code tx}
     * (a write's, so that they are what it will change). Each key is as {@link Row#storedKey()}
     * gives it. Keys with nothing stored are left out.
     */
    <T> List<T> stored(TransactionContext tx, EntityKind kind, List<?> keys) {
        RowQuery q = kind.query;
        return tx.run(
                        "UNWIND $keys AS key MATCH " + q.keyed().apply("key") + " " + q.projection(),
                        Map.of("keys", keys))
                .list(r -> NetworkReader.<T>row(q, r));
    }

    /** The whole network as one document, each section ordered by key, in one read transaction. */
    @Transactional(readOnly = true)
    public NetworkDocument export() {
        Map<Section, List<Row>> sections = new java.util.EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            RowQuery q = section.kind.query;
            sections.put(
                    section,
                    List.copyOf(
                            neo4j.query("MATCH " + q.match() + " WITH * ORDER BY " + q.order() + " " + q.projection())
                                    .fetchAs(Row.class)
                                    .mappedBy((types, r) -> q.row().apply(r))
                                    .all()));
        }
        return NetworkDocument.of(sections);
    }

    private static <T> T row(RowQuery q, Record r) {
        return cast(q.row().apply(r));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
