package it.snodo.network;

import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/** Deletes that keep the graph whole. */
final class Deletes {

    private Deletes() {}

    /**
     * What a delete removed, for its audit entry: the kinds, and every id (a tie by its key,
     * from:kind:to), the entity named first.
     */
    record Removed(List<String> kinds, List<String> ids) {}

    static Removed delete(TransactionContext tx, EntityKind kind, String id) {
        Map<String, Object> p = Map.of("id", id);
        Removed removed = new Removed(List.of(kind.name()), List.of(id));
        switch (kind) {
            case TERRITORY -> {
                exists(tx, "MATCH (x:Territory {id: $id}) RETURN count(x) AS n", p, kind, id);
                refuseIfUsed(tx, """
                        MATCH (x:Territory {id: $id})
                        RETURN COUNT { (:Territory)-[:PART_OF]->(x) } AS parts,
                               COUNT { (:Actor)-[:BASED_IN]->(x) } AS actors,
                               COUNT { (:Service)-[:AVAILABLE_IN]->(x) } AS services,
                               COUNT { (:Need)-[:LOCATED_IN]->(x) } AS needs,
                               COUNT { (:Space)-[:LOCATED_IN]->(x) } AS spaces""", p, kind, id);
                tx.run("MATCH (x:Territory {id: $id}) DETACH DELETE x", p).consume();
            }
            case CATEGORY -> {
                exists(tx, "MATCH (x:Category {code: $id}) RETURN count(x) AS n", p, kind, id);
                refuseIfUsed(tx, """
                        MATCH (x:Category {code: $id})
                        RETURN COUNT { (:Category)-[:PART_OF]->(x) } AS subcategories,
                               COUNT { (:Service)-[:ADDRESSES]->(x) } AS services,
                               COUNT { (:Need)-[:OF_KIND]->(x) } AS needs""", p, kind, id);
                tx.run("MATCH (x:Category {code: $id}) DETACH DELETE x", p).consume();
            }
            case COOPERATIVE, PARTNER -> {
                String label = kind == EntityKind.COOPERATIVE ? "Cooperative" : "Partner";
                exists(tx, "MATCH (x:" + label + " {id: $id}) RETURN count(x) AS n", p, kind, id);
                if (kind == EntityKind.COOPERATIVE) {
                    refuseIfUsed(tx, """
                            MATCH (x:Cooperative {id: $id})
                            RETURN COUNT { (:Cooperative)-[:MEMBER_OF]->(x) } AS members""", p, kind, id);
                }
                removed = withServicesAndTies(tx, label, kind, id);
                // Its services and spaces go with it (each has exactly one provider or owner); its
                // ties, skill offers and requests too.
                tx.run("""
                        MATCH (x:%s {id: $id})
                        CALL (x) { MATCH (x)-[:PROVIDES|OFFERS_SPACE]->(s) DETACH DELETE s }
                        DETACH DELETE x""".formatted(label), p).consume();
            }
            case SERVICE -> {
                exists(tx, "MATCH (x:Service {id: $id}) RETURN count(x) AS n", p, kind, id);
                tx.run("MATCH (x:Service {id: $id}) DETACH DELETE x", p).consume();
            }
            case NEED -> {
                exists(tx, "MATCH (x:Need {id: $id}) RETURN count(x) AS n", p, kind, id);
                tx.run("MATCH (x:Need {id: $id}) DETACH DELETE x", p).consume();
            }
            case SKILL -> {
                exists(tx, "MATCH (x:Skill {code: $id}) RETURN count(x) AS n", p, kind, id);
                refuseIfUsed(tx, """
                        MATCH (x:Skill {code: $id})
                        RETURN COUNT { (:Skill)-[:PART_OF]->(x) } AS narrowerSkills,
                               COUNT { (:Cooperative)-[:OFFERS_SKILL]->(x) } AS offers,
                               COUNT { (:Cooperative)-[:SEEKS_SKILL]->(x) } AS requests""", p, kind, id);
                tx.run("MATCH (x:Skill {code: $id}) DETACH DELETE x", p).consume();
            }
            case SPACE -> {
                exists(tx, "MATCH (x:Space {id: $id}) RETURN count(x) AS n", p, kind, id);
                tx.run("MATCH (x:Space {id: $id}) DETACH DELETE x", p).consume();
            }
            case TIE, SKILL_OFFER, SKILL_REQUEST ->
                throw new IllegalArgumentException(kind + " rows are deleted by their ends");
        }
        return removed;
    }

    /** An actor, the services it provides and its ties either way: what deleting the actor removes. */
    private static Removed withServicesAndTies(TransactionContext tx, String label, EntityKind kind, String id) {
        var record = tx.run("""
                MATCH (x:%s {id: $id})
                RETURN COLLECT { MATCH (x)-[:PROVIDES]->(s:Service) RETURN s.id AS sid ORDER BY sid } AS services,
                       COLLECT { MATCH (x)-[t:TIED_TO]-(:Actor)
                                 RETURN DISTINCT startNode(t).id + ':' + t.kind + ':' + endNode(t).id AS key
                                 ORDER BY key } AS ties,
                       COLLECT { MATCH (x)-[:OFFERS_SPACE]->(s:Space) RETURN s.id AS sid ORDER BY sid } AS spaces
                """.formatted(label), Map.of("id", id)).single();
        List<String> services = record.get("services").asList(v -> v.asString());
        List<String> ties = record.get("ties").asList(v -> v.asString());
        List<String> spaces = record.get("spaces").asList(v -> v.asString());
        List<String> kinds = new ArrayList<>(List.of(kind.name()));
        List<String> ids = new ArrayList<>(List.of(id));
        if (!services.isEmpty()) {
            kinds.add(EntityKind.SERVICE.name());
            ids.addAll(services);
        }
        if (!ties.isEmpty()) {
            kinds.add(EntityKind.TIE.name());
            ids.addAll(ties);
        }
        if (!spaces.isEmpty()) {
            kinds.add(EntityKind.SPACE.name());
            ids.addAll(spaces);
        }
        return new Removed(kinds, ids);
    }

    static void exists(TransactionContext tx, String query, Map<String, Object> p, EntityKind kind, String id) {
        if (tx.run(query, p).single().get("n").asLong() == 0) {
            throw new UnknownEntity("No " + kind.word + " '" + id + "'", List.of());
        }
    }

    private static void refuseIfUsed(
            TransactionContext tx, String query, Map<String, Object> p, EntityKind kind, String id) {
        var record = tx.run(query, p).single();
        StringBuilder uses = new StringBuilder();
        for (String key : record.keys()) {
            long n = record.get(key).asLong();
            if (n > 0) {
                uses.append(uses.isEmpty() ? "" : ", ").append(n).append(' ').append(key);
            }
        }
        if (!uses.isEmpty()) {
            throw new EntityConflict(
                    "The " + kind.word + " '" + id + "' is in use (" + uses + "); remove or move those first",
                    List.of(Violation.of("id", "is in use: " + uses)));
        }
    }
}
