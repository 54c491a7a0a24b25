package it.snodo.network;

import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks a document passes on its own, before the database is asked: no key defined twice (a
 * category's code counts as an id), municipalities with a point, nothing part of, member of or
 * tied to itself.
 */
public final class DocumentChecks {

    private DocumentChecks() {}

    static List<Violation> check(NetworkDocument document) {
        List<Violation> violations = new ArrayList<>();
        // Territories, categories, actors, services, needs and spaces share one namespace; ties,
        // skills, skill offers and requests have their own.
        Map<String, String> shared = new HashMap<>();
        for (Section section : Section.values()) {
            Set<String> seen = new HashSet<>();
            List<? extends Row> rows = section.rows(document);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String prefix = section.json + "[" + i + "]";
                String keyField = section.kind.keyField;
                if (!seen.add(row.key())) {
                    violations.add(
                            new Violation(prefix + "." + keyField, row.key(), "is defined twice in " + section.json));
                } else if (section.kind.sharesIds()) {
                    String previous = shared.putIfAbsent(row.key(), section.json);
                    if (previous != null) {
                        violations.add(new Violation(
                                prefix + "." + keyField,
                                row.key(),
                                "is already the id of a row of " + previous + "; ids are unique across the network"));
                    }
                }
                checkRow(row, prefix, violations);
            }
        }
        return violations;
    }

    /** What is wrong with a row on its own, its fields named after {@code prefix} ("" for a body). */
    public static void checkRow(Row row, String prefix, List<Violation> violations) {
        String dot = prefix.isEmpty() ? "" : prefix + ".";
        for (Violation v : row.violations()) {
            violations.add(new Violation(dot + v.field(), v.id(), v.message()));
        }
    }
}
