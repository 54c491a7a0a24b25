package it.snodo.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the network back in the shape of the document's rows: one entity, a filtered page of a
 * kind, or the whole network for export. Each query projects a row with COLLECT subqueries, so a
 * node is one row whatever its relationships.
 */
@Component
public class NetworkReader {

    /** A kind's query: the match, the key to order by, the row projection and the filters it takes. */
    private record Spec(String match, String key, String projection, Map<String, String> filters, Class<?> type) {
    }

    /**
     * A filter that leaves out the confidential services (but those the given cooperative
     * provides) and partners: a list filtered by territory must not tell where they are.
     */
    static final String SHOWN_TO = "shownTo";

    private static final Map<EntityKind, Spec> SPECS = Map.of(
            EntityKind.TERRITORY, new Spec("MATCH (x:Territory)", "x.id", """
                    RETURN x.id AS id, x.name AS name, x.level AS level,
                           COLLECT { MATCH (x)-[:PART_OF]->(p:Territory) RETURN p.id }[0] AS partOf,
                           x.population AS population, x.lat AS lat, x.lon AS lon""",
                    Map.of("level", "x.level = $level",
                            "partOf", "EXISTS { (x)-[:PART_OF]->(:Territory {id: $partOf}) }"), Territory.class),
            EntityKind.CATEGORY, new Spec("MATCH (x:Category)", "x.code", """
                    RETURN x.code AS code, x.name AS name, x.nameEn AS nameEn,
                           COLLECT { MATCH (x)-[:PART_OF]->(p:Category) RETURN p.code }[0] AS partOf""",
                    Map.of("partOf", "EXISTS { (x)-[:PART_OF]->(:Category {code: $partOf}) }"), Category.class),
            EntityKind.COOPERATIVE, new Spec("MATCH (x:Cooperative)", "x.id", """
                    RETURN x.id AS id, x.name AS name, x.type AS type, x.fiscalCode AS fiscalCode,
                           COLLECT { MATCH (x)-[:BASED_IN]->(t:Territory) RETURN t.id }[0] AS basedIn,
                           COLLECT { MATCH (x)-[:MEMBER_OF]->(c:Cooperative) RETURN c.id }[0] AS memberOf""",
                    Map.of("type", "x.type = $type",
                            "territory", "EXISTS { (x)-[:BASED_IN]->(:Territory {id: $territory}) }",
                            "memberOf", "EXISTS { (x)-[:MEMBER_OF]->(:Cooperative {id: $memberOf}) }"),
                    Cooperative.class),
            EntityKind.PARTNER, new Spec("MATCH (x:Partner)", "x.id", """
                    RETURN x.id AS id, x.name AS name, x.kind AS kind,
                           COLLECT { MATCH (x)-[:BASED_IN]->(t:Territory) RETURN t.id }[0] AS basedIn,
                           x.confidential AS confidential""",
                    Map.of("kind", "x.kind = $kind",
                            "territory", "EXISTS { (x)-[:BASED_IN]->(:Territory {id: $territory}) }",
                            SHOWN_TO, "coalesce(x.confidential, false) = false"),
                    Partner.class),
            EntityKind.SERVICE, new Spec("MATCH (x:Service)", "x.id", """
                    RETURN x.id AS id, x.name AS name,
                           COLLECT { MATCH (p:Actor)-[:PROVIDES]->(x) RETURN p.id }[0] AS provider,
                           COLLECT { MATCH (x)-[:ADDRESSES]->(c:Category) RETURN c.code ORDER BY c.code } AS categories,
                           COLLECT { MATCH (x)-[:AVAILABLE_IN]->(t:Territory) RETURN t.id ORDER BY t.id } AS territories,
                           x.capacity AS capacity, x.occupied AS occupied, x.confidential AS confidential""",
                    Map.of("provider", "EXISTS { (:Actor {id: $provider})-[:PROVIDES]->(x) }",
                            // Covers, as the analyses say: the category or a narrower one...
                            "category", "EXISTS { (x)-[:ADDRESSES]->(:Category)-[:PART_OF*0..]->"
                                    + "(:Category {code: $category}) }",
                            "addresses", "EXISTS { (x)-[:ADDRESSES]->(:Category {code: $addresses}) }",
                            // ... and some municipality of the territory, where the service is available
                            // in that municipality or in a territory it is part of. Two MATCHes: one
                            // pattern would not walk the same PART_OF twice (a district's municipality).
                            "territory", "EXISTS { MATCH (x)-[:AVAILABLE_IN]->(:Territory)<-[:PART_OF*0..]-"
                                    + "(m:Territory {level: 'MUNICIPALITY'})"
                                    + " MATCH (m)-[:PART_OF*0..]->(:Territory {id: $territory}) }",
                            "availableIn", "EXISTS { (x)-[:AVAILABLE_IN]->(:Territory {id: $availableIn}) }",
                            SHOWN_TO, "(NOT (coalesce(x.confidential, false)"
                                    + " OR EXISTS { (:Partner {confidential: true})-[:PROVIDES]->(x) })"
                                    + " OR EXISTS { (:Actor {id: $shownTo})-[:PROVIDES]->(x) })"),
                    Service.class),
            EntityKind.NEED, new Spec("MATCH (x:Need)", "x.id", """
                    RETURN x.id AS id,
                           COLLECT { MATCH (x)-[:OF_KIND]->(c:Category) RETURN c.code }[0] AS category,
                           COLLECT { MATCH (x)-[:LOCATED_IN]->(t:Territory) RETURN t.id }[0] AS territory,
                           x.people AS people, x.urgency AS urgency, x.recordedAt AS recordedAt, x.source AS source""",
                    // As a gap report counts demand: the category or a narrower one, located in the
                    // territory or in a municipality of it; ofKind names the need's own category.
                    Map.of("category", "EXISTS { (x)-[:OF_KIND]->(:Category)-[:PART_OF*0..]->"
                                    + "(:Category {code: $category}) }",
                            "ofKind", "EXISTS { (x)-[:OF_KIND]->(:Category {code: $ofKind}) }",
                            "territory", "EXISTS { (x)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..]->"
                                    + "(:Territory {id: $territory}) }",
                            "urgency", "x.urgency = $urgency"),
                    Need.class),
            EntityKind.TIE, new Spec("MATCH (a:Actor)-[x:TIED_TO]->(b:Actor)", "a.id, b.id, x.kind", """
                    RETURN a.id AS from, b.id AS to, x.kind AS kind, x.since AS since, x.strength AS strength""",
                    Map.of("from", "a.id = $from", "to", "b.id = $to", "kind", "x.kind = $kind",
                            "actor", "(a.id = $actor OR b.id = $actor)"),
                    Tie.class));

    private final Driver driver;
    private final ObjectMapper mapper;

    NetworkReader(Driver driver, ObjectMapper mapper) {
        this.driver = driver;
        this.mapper = mapper;
    }

    /** The page of rows of a kind that match every given filter (a null filter is no filter). */
    <T> PageOf<T> list(EntityKind kind, Map<String, Object> filters, int page, int size) {
        Spec spec = SPECS.get(kind);
        Map<String, Object> params = new HashMap<>();
        List<String> predicates = new ArrayList<>();
        filters.forEach((name, value) -> {
            String predicate = spec.filters().get(name);
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
        String query = spec.match() + where + " WITH * ORDER BY " + spec.key()
                + " WITH collect(x) AS matching"
                + " WITH size(matching) AS total, matching[$skip..$end] AS page"
                + " UNWIND CASE WHEN page = [] THEN [null] ELSE page END AS x"
                + " WITH total, x" + (kind == EntityKind.TIE ? ", startNode(x) AS a, endNode(x) AS b " : " ")
                + spec.projection() + ", total";
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                long[] total = {0};
                List<T> rows = new ArrayList<>();
                tx.run(query, params).forEachRemaining(r -> {
                    Map<String, Object> values = new HashMap<>(r.asMap());
                    total[0] = ((Number) values.remove("total")).longValue();
                    if (skip < total[0]) {
                        rows.add(this.<T>toRow(values, spec));
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

    /** One entity by its key, with its revision. */
    <T> Optional<Revised<T>> getRevised(EntityKind kind, String key) {
        String keyPredicate = kind == EntityKind.CATEGORY ? "x.code = $key" : "x.id = $key";
        return revised(kind, " WHERE " + keyPredicate, Map.of("key", key));
    }

    /** The ids of the confidential partners. */
    java.util.Set<String> confidentialPartners() {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> java.util.Set.copyOf(tx.run(
                    "MATCH (p:Partner {confidential: true}) RETURN p.id AS id").list(r -> r.get("id").asString())));
        }
    }

    /** One tie by its ends and kind, with its revision. */
    Optional<Revised<Tie>> getTie(String from, String to, TieKind kind) {
        return revised(EntityKind.TIE, " WHERE a.id = $from AND b.id = $to AND x.kind = $kind",
                Map.of("from", from, "to", to, "kind", kind.name()));
    }

    private <T> Optional<Revised<T>> revised(EntityKind kind, String where, Map<String, Object> params) {
        Spec spec = SPECS.get(kind);
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                var result = tx.run(spec.match() + where + " " + spec.projection()
                        + ", coalesce(x.writtenAt, 0) AS revision", params);
                if (!result.hasNext()) {
                    return Optional.empty();
                }
                Map<String, Object> values = new HashMap<>(result.next().asMap());
                long revision = ((Number) values.remove("revision")).longValue();
                return Optional.of(new Revised<>(this.<T>toRow(values, spec), revision));
            });
        }
    }

    /**
     * The stored rows of one kind with the given keys, as export gives them, read in {@code tx}
     * (a write's, so that they are what it will change). A tie's key is a map of its
     * {@code from}, {@code to} and {@code kind}. Keys with nothing stored are left out.
     */
    <T> List<T> stored(TransactionContext tx, EntityKind kind, List<?> keys) {
        Spec spec = SPECS.get(kind);
        String match = switch (kind) {
            case TERRITORY -> "MATCH (x:Territory {id: key})";
            case CATEGORY -> "MATCH (x:Category {code: key})";
            case COOPERATIVE -> "MATCH (x:Cooperative {id: key})";
            case PARTNER -> "MATCH (x:Partner {id: key})";
            case SERVICE -> "MATCH (x:Service {id: key})";
            case NEED -> "MATCH (x:Need {id: key})";
            case TIE -> "MATCH (a:Actor {id: key.from})-[x:TIED_TO {kind: key.kind}]->(b:Actor {id: key.to})";
        };
        List<T> rows = new ArrayList<>();
        tx.run("UNWIND $keys AS key " + match + " " + spec.projection(), Map.of("keys", keys))
                .forEachRemaining(r -> rows.add(this.<T>toRow(r.asMap(), spec)));
        return rows;
    }

    /** The whole network as one document, each section ordered by key, in one read transaction. */
    public NetworkDocument export() {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                Map<EntityKind, List<Object>> sections = new HashMap<>();
                for (EntityKind kind : EntityKind.values()) {
                    Spec spec = SPECS.get(kind);
                    List<Object> rows = new ArrayList<>();
                    tx.run(spec.match() + " WITH * ORDER BY " + spec.key() + " " + spec.projection())
                            .forEachRemaining(r -> rows.add(toRow(r.asMap(), spec)));
                    sections.put(kind, rows);
                }
                return new NetworkDocument(cast(sections.get(EntityKind.TERRITORY)),
                        cast(sections.get(EntityKind.CATEGORY)), cast(sections.get(EntityKind.COOPERATIVE)),
                        cast(sections.get(EntityKind.PARTNER)), cast(sections.get(EntityKind.SERVICE)),
                        cast(sections.get(EntityKind.NEED)), cast(sections.get(EntityKind.TIE)));
            });
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T toRow(Map<String, Object> values, Spec spec) {
        return (T) mapper.convertValue(values, spec.type());
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<Object> rows) {
        return (List<T>) (List<?>) rows;
    }
}
