package it.snodo.network;

import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;

/**
 * The reference checks of a write, inside its transaction: what each row names (a territory, a
 * category, an actor, a consortium) must be what the graph will hold after the write, and no row
 * may take a key that the network gives to something else (ids and category codes share one
 * namespace). One bulk lookup of every key the document names, not one query per row.
 */
final class ReferenceChecks {

    private ReferenceChecks() {}

    /** The keys of the document that the database holds already. */
    record Existing(Set<String> ids, Set<String> codes, Set<String> skills) {

        boolean contains(Row row) {
            // Ties, skill offers and requests are merged whatever: their statement never needs to know.
            return switch (row.entityKind()) {
                case CATEGORY -> codes.contains(row.key());
                case SKILL -> skills.contains(row.key());
                default -> ids.contains(row.key());
            };
        }
    }

    /** What the database says of an id: its kind, and the level or type that references depend on. */
    private record Known(EntityKind kind, String level, String type) {}

    /**
     * Checks every reference of the document against what the graph will hold after the write,
     * and that no row takes a key the network gives to something else; answers the keys the
     * database holds already.
     */
    static Existing check(TransactionContext tx, NetworkDocument doc, NetworkStore.Mode mode) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        Set<String> skillCodes = new LinkedHashSet<>();
        for (Section section : Section.values()) {
            for (Row row : section.rows(doc)) {
                // Codes and ids share one namespace: each key the document defines is looked up in both.
                if (section.kind.sharesIds()) {
                    ids.add(row.key());
                    codes.add(row.key());
                } else if (section.kind == EntityKind.SKILL) {
                    skillCodes.add(row.key());
                }
                for (Reference reference : row.references()) {
                    (switch (reference.target()) {
                                case CATEGORY -> codes;
                                case SKILL -> skillCodes;
                                default -> ids;
                            })
                            .add(reference.key());
                }
            }
        }

        Map<String, Known> db = new HashMap<>();
        List<String> idList = new ArrayList<>(ids);
        for (int from = 0; from < idList.size(); from += NetworkStore.BATCH) {
            tx.run("""
                    UNWIND $ids AS id
                    MATCH (x:Entity {id: id})
                    RETURN id,
                           CASE WHEN x:Territory THEN 'TERRITORY' WHEN x:Cooperative THEN 'COOPERATIVE'
                                WHEN x:Partner THEN 'PARTNER' WHEN x:Service THEN 'SERVICE' WHEN x:Space THEN 'SPACE'
                                ELSE 'NEED' END AS kind,
                           x.level AS level, x.type AS type""", Map.of("ids", idList.subList(from, Math.min(idList.size(), from + NetworkStore.BATCH))))
                    .forEachRemaining(r -> db.put(
                            r.get("id").asString(),
                            new Known(
                                    EntityKind.valueOf(r.get("kind").asString()),
                                    r.get("level").isNull()
                                            ? null
                                            : r.get("level").asString(),
                                    r.get("type").isNull()
                                            ? null
                                            : r.get("type").asString())));
        }
        Set<String> dbCodes = new HashSet<>();
        List<String> codeList = new ArrayList<>(codes);
        for (int from = 0; from < codeList.size(); from += NetworkStore.BATCH) {
            tx.run(
                            "UNWIND $codes AS code MATCH (c:Category {code: code}) RETURN c.code AS code",
                            Map.of(
                                    "codes",
                                    codeList.subList(from, Math.min(codeList.size(), from + NetworkStore.BATCH))))
                    .forEachRemaining(r -> dbCodes.add(r.get("code").asString()));
        }

        Set<String> dbSkills = new HashSet<>();
        List<String> skillList = new ArrayList<>(skillCodes);
        for (int from = 0; from < skillList.size(); from += NetworkStore.BATCH) {
            tx.run(
                            "UNWIND $codes AS code MATCH (s:Skill {code: code}) RETURN s.code AS code",
                            Map.of(
                                    "codes",
                                    skillList.subList(from, Math.min(skillList.size(), from + NetworkStore.BATCH))))
                    .forEachRemaining(r -> dbSkills.add(r.get("code").asString()));
        }

        if (mode != NetworkStore.Mode.UPSERT) {
            checkMode(tx, doc, mode, db, dbCodes, dbSkills);
        }

        // After the write, an id names what the document says, else what the database holds.
        Map<String, Known> after = new HashMap<>(db);
        doc.territories()
                .forEach(t -> after.put(
                        t.id(), new Known(EntityKind.TERRITORY, t.level().name(), null)));
        doc.cooperatives()
                .forEach(c -> after.put(
                        c.id(), new Known(EntityKind.COOPERATIVE, null, c.type().name())));
        doc.partners().forEach(p -> after.put(p.id(), new Known(EntityKind.PARTNER, null, null)));
        Set<String> categories = new HashSet<>(dbCodes);
        doc.categories().forEach(c -> categories.add(c.code()));
        Set<String> skills = new HashSet<>(dbSkills);
        doc.skills().forEach(s -> skills.add(s.code()));

        List<Violation> taken = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (Section section : Section.values()) {
            List<? extends Row> rows = section.rows(doc);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String p = section.json + "[" + i + "].";
                String takenBy = takenBy(row, db, dbCodes);
                if (takenBy != null) {
                    taken.add(new Violation(
                            p + row.entityKind().keyField,
                            row.key(),
                            "is already the " + takenBy + "; ids are unique across the network, category codes"
                                    + " included"));
                }
                checkRow(row, p, after, categories, skills, violations);
            }
        }
        if (!taken.isEmpty()) {
            long rows = NetworkStore.rows(taken);
            throw new EntityConflict(
                    rows + (rows == 1 ? " row takes an id" : " rows take ids")
                            + " that the network gives to something else; nothing was written",
                    taken);
        }
        if (!violations.isEmpty()) {
            throw NetworkStore.brokenGraph(violations);
        }
        return new Existing(db.keySet(), dbCodes, dbSkills);
    }

    /**
     * What else holds a row's key, when the row would take it: "id of a territory", "code of a
     * category", or null. A row that exists already takes nothing: a store written before codes
     * joined the ids' namespace may hold a category and an entity of the same key, and each can
     * still be replaced (a document holding both is refused on its own, naming the clash).
     */
    private static String takenBy(Row row, Map<String, Known> db, Set<String> dbCodes) {
        if (!row.entityKind().sharesIds()) {
            return null;
        }
        Known entity = db.get(row.key());
        if (row.entityKind() == EntityKind.CATEGORY) {
            return entity != null && !dbCodes.contains(row.key()) ? "id of a " + entity.kind().word : null;
        }
        if (entity != null) {
            return entity.kind() == row.entityKind() ? null : "id of a " + entity.kind().word;
        }
        return dbCodes.contains(row.key()) ? "code of a category" : null;
    }

    private static void checkMode(
            TransactionContext tx,
            NetworkDocument doc,
            NetworkStore.Mode mode,
            Map<String, Known> db,
            Set<String> dbCodes,
            Set<String> dbSkills) {
        if (doc.size() != 1) {
            throw new IllegalArgumentException("create and replace take one row");
        }
        Row row = NetworkStore.single(doc);
        EntityKind kind = row.entityKind();
        if (mode == NetworkStore.Mode.CREATE) {
            String takenBy = takenBy(row, db, dbCodes);
            if (takenBy != null) {
                throw new EntityConflict(
                        "'" + row.key() + "' is already the " + takenBy,
                        List.of(Violation.of(
                                kind.keyField,
                                "is already taken; ids are unique across the network, category codes included")));
            }
        }
        boolean exists = switch (kind) {
            case CATEGORY -> dbCodes.contains(row.key());
            case SKILL -> dbSkills.contains(row.key());
            case TIE, SKILL_OFFER, SKILL_REQUEST ->
                tx.run(NetworkStore.matchOne(row) + " RETURN count(x) > 0 AS exists", Map.of("key", row.storedKey()))
                        .single()
                        .get("exists")
                        .asBoolean();
            default -> db.containsKey(row.key()) && db.get(row.key()).kind() == kind;
        };
        if (mode == NetworkStore.Mode.CREATE && exists) {
            throw new EntityConflict(
                    "The " + kind.word + " '" + row.key() + "' exists already",
                    List.of(Violation.of(kind.keyField, "is already taken")));
        }
        if (mode == NetworkStore.Mode.REPLACE && !exists) {
            throw new UnknownEntity("No " + kind.word + " '" + row.key() + "'", List.of());
        }
    }

    /** Checks what a row names against what the graph will hold after the write. */
    private static void checkRow(
            Row row,
            String p,
            Map<String, Known> after,
            Set<String> categories,
            Set<String> skills,
            List<Violation> out) {
        for (Reference reference : row.references()) {
            String field = p + reference.field();
            String key = reference.key();
            switch (reference.target()) {
                case CATEGORY -> {
                    if (!categories.contains(key)) {
                        out.add(new Violation(field, row.key(), "is not a known category: '" + key + "'"));
                    }
                }
                case TERRITORY -> territory(key, field, row.key(), after, out);
                case LARGER_TERRITORY -> {
                    Known parent = territory(key, field, row.key(), after, out);
                    if (parent != null && !reference.level().canBePartOf(TerritoryLevel.valueOf(parent.level()))) {
                        out.add(new Violation(
                                field,
                                row.key(),
                                "is a " + parent.level() + ": a " + reference.level()
                                        + " can only be part of a larger territory"));
                    }
                }
                case MUNICIPALITY -> {
                    Known where = territory(key, field, row.key(), after, out);
                    if (where != null && !TerritoryLevel.MUNICIPALITY.name().equals(where.level())) {
                        out.add(new Violation(
                                field, row.key(), "must be a municipality, '" + key + "' is a " + where.level()));
                    }
                }
                case ACTOR -> actor(key, field, row.key(), after, out);
                case SKILL -> {
                    if (!skills.contains(key)) {
                        out.add(new Violation(field, row.key(), "is not a known skill: '" + key + "'"));
                    }
                }
                case COOPERATIVE -> {
                    Known cooperative = after.get(key);
                    if (cooperative == null || cooperative.kind() != EntityKind.COOPERATIVE) {
                        out.add(new Violation(field, row.key(), "is not a known cooperative: '" + key + "'"));
                    }
                }
                case CONSORTIUM -> {
                    Known consortium = after.get(key);
                    if (consortium == null || consortium.kind() != EntityKind.COOPERATIVE) {
                        out.add(new Violation(field, row.key(), "is not a known cooperative: '" + key + "'"));
                    } else if (!CooperativeType.CONSORTIUM.name().equals(consortium.type())) {
                        out.add(new Violation(
                                field,
                                row.key(),
                                "must be a CONSORTIUM, '" + key + "' is of type " + consortium.type()));
                    }
                }
            }
        }
    }

    private static Known territory(
            String id, String field, String rowKey, Map<String, Known> after, List<Violation> out) {
        Known known = after.get(id);
        if (known == null || known.kind() != EntityKind.TERRITORY) {
            out.add(new Violation(field, rowKey, "is not a known territory: '" + id + "'"));
            return null;
        }
        return known;
    }

    private static void actor(String id, String field, String rowKey, Map<String, Known> after, List<Violation> out) {
        Known known = after.get(id);
        if (known == null || (known.kind() != EntityKind.COOPERATIVE && known.kind() != EntityKind.PARTNER)) {
            out.add(new Violation(field, rowKey, "is not a known cooperative or partner: '" + id + "'"));
        }
    }
}
