package it.snodo.snapshot;

import it.snodo.engine.Network;
import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** The snapshot's reads as they were before issue 17 item 8, for {@link SnapshotBench}: one optimistic attempt. */
final class BeforeLoader {

    private BeforeLoader() {}

    static Network load(Driver driver) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                long before = version(tx);
                Network.Builder b = Network.builder(before);
                tx.run("""
                            MATCH (t:Territory)
                            RETURN t.id AS id, t.name AS name, t.level AS level, t.lat AS lat, t.lon AS lon,
                                   COLLECT { MATCH (t)-[:PART_OF]->(p:Territory) RETURN p.id }[0] AS partOf""")
                        .forEachRemaining(r -> b.territory(
                                id(r.get("id")),
                                text(r.get("name")),
                                id(r.get("level")),
                                text(r.get("partOf")),
                                number(r.get("lat")),
                                number(r.get("lon"))));
                tx.run("""
                            MATCH (c:Category)
                            RETURN c.code AS code, c.name AS name,
                                   COLLECT { MATCH (c)-[:PART_OF]->(p:Category) RETURN p.code }[0] AS partOf""")
                        .forEachRemaining(
                                r -> b.category(id(r.get("code")), text(r.get("name")), text(r.get("partOf"))));
                tx.run("""
                            MATCH (a:Actor)
                            RETURN a.id AS id, a.name AS name, a:Cooperative AS cooperative,
                                   coalesce(a.type, a.kind) AS type, coalesce(a.confidential, false) AS confidential,
                                   COLLECT { MATCH (a)-[:BASED_IN]->(t:Territory) RETURN t.id }[0] AS basedIn""").forEachRemaining(r -> {
                    if (r.get("cooperative").asBoolean()) {
                        b.cooperative(
                                id(r.get("id")), text(r.get("name")), text(r.get("type")), text(r.get("basedIn")));
                    } else {
                        b.partner(id(r.get("id")), text(r.get("name")), text(r.get("type")), text(r.get("basedIn")));
                    }
                    if (r.get("confidential").asBoolean()) {
                        b.confidential(id(r.get("id")));
                    }
                });
                tx.run("""
                            MATCH (p:Actor)-[:PROVIDES]->(s:Service)
                            RETURN s.id AS id, s.name AS name, p.id AS provider, s.capacity AS capacity,
                                   s.occupied AS occupied, coalesce(s.confidential, false) AS confidential,
                                   COLLECT { MATCH (s)-[:ADDRESSES]->(c:Category) RETURN c.code } AS categories,
                                   COLLECT { MATCH (s)-[:AVAILABLE_IN]->(t:Territory) RETURN t.id } AS territories""").forEachRemaining(r -> {
                    b.service(
                            id(r.get("id")),
                            text(r.get("name")),
                            id(r.get("provider")),
                            integer(r.get("capacity")),
                            integer(r.get("occupied")),
                            strings(r.get("categories")),
                            strings(r.get("territories")));
                    if (r.get("confidential").asBoolean()) {
                        b.confidential(id(r.get("id")));
                    }
                });
                tx.run("""
                            MATCH (n:Need)-[:OF_KIND]->(c:Category)
                            MATCH (n)-[:LOCATED_IN]->(t:Territory)
                            RETURN n.id AS id, c.code AS category, t.id AS territory, n.people AS people,
                                   n.urgency AS urgency""")
                        .forEachRemaining(r -> b.need(
                                id(r.get("id")),
                                id(r.get("category")),
                                id(r.get("territory")),
                                r.get("people").asInt(),
                                text(r.get("urgency"))));
                tx.run("""
                            MATCH (a:Actor)-[t:TIED_TO]->(c:Actor)
                            RETURN a.id AS from, c.id AS to, t.kind AS kind, t.strength AS strength""")
                        .forEachRemaining(r -> b.tie(
                                id(r.get("from")), id(r.get("to")), id(r.get("kind")), number(r.get("strength"))));
                if (version(tx) != before) {
                    throw new IllegalStateException("the network changed while it was read");
                }
                return b.build();
            });
        }
    }

    private static long version(TransactionContext tx) {
        Value v = tx.run("OPTIONAL MATCH (v:NetworkVersion {key: 'network'}) RETURN v.value AS version")
                .single()
                .get("version");
        return v.isNull() ? 0 : v.asLong();
    }

    private static String id(Value v) {
        if (v.isNull()) {
            throw new IllegalStateException("an entity without its key: deleted while being read");
        }
        return v.asString();
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static Double number(Value v) {
        return v.isNull() ? null : v.asDouble();
    }

    private static Integer integer(Value v) {
        return v.isNull() ? null : v.asInt();
    }

    private static List<String> strings(Value v) {
        return v.asList(Value::asString);
    }
}
