package it.snodo.network;

import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/**
 * The graph's invariants that a write can break beyond its own rows, checked inside its
 * transaction after it wrote: a territory still larger than its parts, a municipality with needs
 * still a municipality, no cycle in the category tree or in membership, a consortium with members
 * still a consortium.
 */
final class GraphInvariants {

    private GraphInvariants() {}

    /** What a write can break beyond its own rows: children of a territory, needs, members, cycles. */
    static void check(TransactionContext tx, NetworkDocument doc) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> ranks = new HashMap<>();
        for (TerritoryLevel level : TerritoryLevel.values()) {
            ranks.put(level.name(), level.ordinal());
        }
        surrounding(tx, Section.TERRITORIES, doc, "level", Map.of("ranks", ranks), """
                UNWIND $keys AS key
                MATCH (c:Territory)-[:PART_OF]->(t:Territory {id: key})
                WHERE $ranks[c.level] >= $ranks[t.level]
                RETURN t.id AS key, 'is too small: ' + min(c.id) + ' and maybe others are part of it' AS message""", violations);
        surrounding(tx, Section.TERRITORIES, doc, "level", Map.of(), """
                UNWIND $keys AS key
                MATCH (t:Territory {id: key})
                WHERE t.level <> 'MUNICIPALITY' AND EXISTS { (:Need|Space)-[:LOCATED_IN]->(t) }
                RETURN t.id AS key,
                       'must stay MUNICIPALITY: ' + CASE WHEN EXISTS { (:Need)-[:LOCATED_IN]->(t) }
                           THEN 'needs are' ELSE 'spaces are' END + ' located in it' AS message""", violations);
        surrounding(tx, Section.CATEGORIES, doc, "partOf", Map.of(), """
                UNWIND $keys AS key
                MATCH (c:Category {code: key})
                WHERE EXISTS { (c)-[:PART_OF*1..]->(c) }
                RETURN c.code AS key, 'makes the category tree a cycle' AS message""", violations);
        surrounding(tx, Section.COOPERATIVES, doc, "type", Map.of(), """
                UNWIND $keys AS key
                MATCH (c:Cooperative {id: key})
                WHERE c.type <> 'CONSORTIUM' AND EXISTS { (:Cooperative)-[:MEMBER_OF]->(c) }
                RETURN c.id AS key, 'must stay CONSORTIUM: other cooperatives are members of it' AS message""", violations);
        surrounding(tx, Section.COOPERATIVES, doc, "memberOf", Map.of(), """
                UNWIND $keys AS key
                MATCH (c:Cooperative {id: key})
                WHERE EXISTS { (c)-[:MEMBER_OF*1..]->(c) }
                RETURN c.id AS key, 'makes membership a cycle' AS message""", violations);
        surrounding(tx, Section.SKILLS, doc, "partOf", Map.of(), """
                UNWIND $keys AS key
                MATCH (s:Skill {code: key})
                WHERE EXISTS { (s)-[:PART_OF*1..]->(s) }
                RETURN s.code AS key, 'makes the skill tree a cycle' AS message""", violations);
        if (!violations.isEmpty()) {
            throw NetworkStore.brokenGraph(violations);
        }
    }

    /**
     * Runs one check over the keys a section's rows wrote; each row it returns ({@code key},
     * {@code message}) names the row and field at fault.
     */
    private static void surrounding(
            TransactionContext tx,
            Section section,
            NetworkDocument doc,
            String field,
            Map<String, Object> params,
            String query,
            List<Violation> out) {
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
            out.add(new Violation(
                    section.json + "[" + at.get(key) + "]." + field,
                    key,
                    r.get("message").asString()));
        });
    }
}
