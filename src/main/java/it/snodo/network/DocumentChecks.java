package it.snodo.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import it.snodo.web.Violation;

/**
 * The checks a document passes on its own, before the database is asked: no key defined twice (a
 * category's code counts as an id), municipalities with a point, nothing part of, member of or
 * tied to itself.
 */
final class DocumentChecks {

    private DocumentChecks() {
    }

    static List<Violation> check(NetworkDocument document) {
        List<Violation> violations = new ArrayList<>();
        // Territories, categories, actors, services and needs share one namespace; ties have their own.
        Map<String, String> shared = new HashMap<>();
        for (Section section : Section.values()) {
            Set<String> seen = new HashSet<>();
            List<? extends Row> rows = section.rows(document);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String prefix = section.json + "[" + i + "]";
                String keyField = section == Section.CATEGORIES ? "code" : section == Section.TIES ? "kind" : "id";
                if (!seen.add(row.key())) {
                    violations.add(new Violation(prefix + "." + keyField, row.key(),
                            "is defined twice in " + section.json));
                } else if (section != Section.TIES) {
                    String previous = shared.putIfAbsent(row.key(), section.json);
                    if (previous != null) {
                        violations.add(new Violation(prefix + "." + keyField, row.key(),
                                "is already the id of a row of " + previous + "; ids are unique across the network"));
                    }
                }
                checkRow(row, prefix, violations);
            }
        }
        return violations;
    }

    static void checkRow(Row row, String prefix, List<Violation> violations) {
        String dot = prefix.isEmpty() ? "" : prefix + ".";
        if (row instanceof Territory t) {
            if (t.level() == TerritoryLevel.MUNICIPALITY) {
                if (t.lat() == null) {
                    violations.add(new Violation(dot + "lat", t.id(), "is required for a municipality"));
                }
                if (t.lon() == null) {
                    violations.add(new Violation(dot + "lon", t.id(), "is required for a municipality"));
                }
            } else if ((t.lat() == null) != (t.lon() == null)) {
                violations.add(new Violation(dot + (t.lat() == null ? "lat" : "lon"), t.id(),
                        "must be given together with " + (t.lat() == null ? "lon" : "lat")));
            }
            if (t.id().equals(t.partOf())) {
                violations.add(new Violation(dot + "partOf", t.id(), "cannot be the territory itself"));
            }
            if (t.level() == TerritoryLevel.REGION && t.partOf() != null) {
                violations.add(new Violation(dot + "partOf", t.id(), "must be empty: a region is part of nothing"));
            }
        } else if (row instanceof Category c) {
            if (c.code().equals(c.partOf())) {
                violations.add(new Violation(dot + "partOf", c.code(), "cannot be the category itself"));
            }
        } else if (row instanceof Cooperative c) {
            if (c.id().equals(c.memberOf())) {
                violations.add(new Violation(dot + "memberOf", c.id(), "cannot be the cooperative itself"));
            }
        } else if (row instanceof Tie t) {
            if (t.from().equals(t.to())) {
                violations.add(new Violation(dot + "to", t.key(), "cannot be the same actor as from"));
            }
        }
    }
}
