package it.snodo.network;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Cypher that writes each section, batched with {@code UNWIND $rows}. A row replaces its
 * entity: every property is set (null removes it) and its relationships become exactly those the
 * row names. Rows for entities that do not exist yet take a cheaper path: CREATE, nothing to
 * compare or delete. Nodes of a section are written before its relationships, so that a row may
 * name another row of the same section (a district of a new province); new rows of a section that
 * cannot name its own rows are created with their relationships in one statement. Every row written records
 * the network version that wrote it ({@code writtenAt}, parameter {@code $version}): its revision,
 * for ETags. Labels and types here are constants of the model; values are always parameters.
 */
final class Writes {

    private Writes() {}

    /** A relationship a row sets: {@code (x)-[:type]->(target {targetKey: row.field})}, or inbound. */
    private record Rel(
            String type, boolean outgoing, String targetLabel, String targetKey, String field, boolean many) {}

    /** How a section's rows map to nodes. */
    private record Spec(String labels, String key, String properties, List<Rel> rels) {

        String label() {
            return labels.split(":")[0];
        }

        /** Whether a relationship may end at a node of this section (a row naming another row). */
        boolean names(Rel rel) {
            return List.of(labels.split(":")).contains(rel.targetLabel());
        }
    }

    private static final String ENTITY = "Entity";

    private static Spec spec(Section section) {
        return switch (section) {
            case TERRITORIES ->
                new Spec(
                        "Territory:" + ENTITY,
                        "id",
                        """
                    x.name = row.name, x.level = row.level, x.population = row.population,
                    x.lat = row.lat, x.lon = row.lon,
                    x.location = CASE WHEN row.lat IS NULL OR row.lon IS NULL THEN null
                                      ELSE point({latitude: row.lat, longitude: row.lon}) END""",
                        List.of(new Rel("PART_OF", true, "Territory", "id", "partOf", false)));
            case CATEGORIES ->
                new Spec(
                        "Category",
                        "code",
                        "x.name = row.name, x.nameEn = row.nameEn",
                        List.of(new Rel("PART_OF", true, "Category", "code", "partOf", false)));
            case COOPERATIVES ->
                new Spec(
                        "Cooperative:Actor:" + ENTITY,
                        "id",
                        "x.name = row.name, x.type = row.type, x.fiscalCode = row.fiscalCode",
                        List.of(
                                new Rel("BASED_IN", true, "Territory", "id", "basedIn", false),
                                new Rel("MEMBER_OF", true, "Cooperative", "id", "memberOf", false)));
            case PARTNERS ->
                new Spec(
                        "Partner:Actor:" + ENTITY,
                        "id",
                        "x.name = row.name, x.kind = row.kind, x.confidential = row.confidential",
                        List.of(new Rel("BASED_IN", true, "Territory", "id", "basedIn", false)));
            case SERVICES ->
                new Spec(
                        "Service:" + ENTITY,
                        "id",
                        """
                    x.name = row.name, x.capacity = row.capacity, x.occupied = row.occupied,
                    x.confidential = row.confidential""",
                        List.of(
                                new Rel("PROVIDES", false, "Actor", "id", "provider", false),
                                new Rel("ADDRESSES", true, "Category", "code", "categories", true),
                                new Rel("AVAILABLE_IN", true, "Territory", "id", "territories", true)));
            case NEEDS ->
                new Spec(
                        "Need:" + ENTITY,
                        "id",
                        """
                    x.people = row.people, x.urgency = row.urgency, x.recordedAt = row.recordedAt,
                    x.source = row.source""",
                        List.of(
                                new Rel("OF_KIND", true, "Category", "code", "category", false),
                                new Rel("LOCATED_IN", true, "Territory", "id", "territory", false)));
            case SKILLS ->
                new Spec(
                        "Skill",
                        "code",
                        "x.name = row.name",
                        List.of(new Rel("PART_OF", true, "Skill", "code", "partOf", false)));
            case SPACES ->
                new Spec(
                        "Space:" + ENTITY,
                        "id",
                        "x.name = row.name, x.kind = row.kind, x.capacity = row.capacity, x.accessible = row.accessible",
                        List.of(
                                new Rel("OFFERS_SPACE", false, "Actor", "id", "owner", false),
                                new Rel("LOCATED_IN", true, "Territory", "id", "territory", false)));
            case TIES, SKILL_OFFERS, SKILL_REQUESTS -> null;
        };
    }

    /**
     * The statements that write rows of a section, in order.
     *
     * @param fresh true when none of the rows' entities exists yet
     */
    static List<String> statements(Section section, boolean fresh) {
        if (section == Section.TIES) {
            return List.of("""
                    UNWIND $rows AS row
                    MATCH (a:Actor {id: row.from})
                    MATCH (b:Actor {id: row.to})
                    MERGE (a)-[t:TIED_TO {kind: row.kind}]->(b)
                    SET t.since = row.since, t.strength = row.strength, t.writtenAt = $version""");
        }
        if (section == Section.SKILL_OFFERS || section == Section.SKILL_REQUESTS) {
            return List.of("""
                    UNWIND $rows AS row
                    MATCH (a:Cooperative {id: row.cooperative})
                    MATCH (b:Skill {code: row.skill})
                    MERGE (a)-[x:%s]->(b)
                    SET x.hoursPerWeek = row.hoursPerWeek, x.writtenAt = $version""".formatted(section == Section.SKILL_OFFERS ? "OFFERS_SKILL" : "SEEKS_SKILL"));
        }
        Spec spec = spec(section);
        if (fresh && spec.rels().stream().noneMatch(spec::names)) {
            // No row can name another of its own section: create each node and its relationships
            // in one pass, sparing a second statement that finds every new node again by its key.
            return List.of("UNWIND $rows AS row\nCREATE (x:%s {%s: row.%2$s})\nSET %s, x.writtenAt = $version\n"
                            .formatted(spec.labels(), spec.key(), spec.properties())
                    + "WITH x, row\n"
                    + spec.rels().stream().map(Writes::create).collect(Collectors.joining("\n")));
        }
        String nodes = fresh
                ? "UNWIND $rows AS row\nCREATE (x:%s {%s: row.%2$s})\nSET %s, x.writtenAt = $version"
                        .formatted(spec.labels(), spec.key(), spec.properties())
                : "UNWIND $rows AS row\nMATCH (x:%s {%s: row.%2$s})\nSET %s, x.writtenAt = $version"
                        .formatted(spec.label(), spec.key(), spec.properties());
        String rels = "UNWIND $rows AS row\nMATCH (x:%s {%s: row.%2$s})\n".formatted(spec.label(), spec.key())
                + spec.rels().stream()
                        .map(rel -> fresh ? create(rel) : replace(rel))
                        .collect(Collectors.joining("\n"));
        return List.of(nodes, rels);
    }

    private static String create(Rel rel) {
        return "CALL (x, row) {\n  " + target(rel) + "\n  CREATE " + pattern(rel) + "\n}";
    }

    private static String replace(Rel rel) {
        String unwanted = rel.many()
                ? "NOT y.%s IN row.%s".formatted(rel.targetKey(), rel.field())
                : "row.%2$s IS NULL OR y.%1$s <> row.%2$s".formatted(rel.targetKey(), rel.field());
        String old = rel.outgoing() ? "(x)-[r:%s]->(y)" : "(x)<-[r:%s]-(y)";
        return "CALL (x, row) {\n  MATCH " + old.formatted(rel.type()) + " WHERE " + unwanted + " DELETE r\n}\n"
                + "CALL (x, row) {\n  " + target(rel) + "\n  MERGE " + pattern(rel) + "\n}";
    }

    private static String target(Rel rel) {
        return rel.many()
                ? "UNWIND row.%s AS value MATCH (y:%s {%s: value})"
                        .formatted(rel.field(), rel.targetLabel(), rel.targetKey())
                : "MATCH (y:%s {%s: row.%s})".formatted(rel.targetLabel(), rel.targetKey(), rel.field());
    }

    private static String pattern(Rel rel) {
        return (rel.outgoing() ? "(x)-[:%s]->(y)" : "(x)<-[:%s]-(y)").formatted(rel.type());
    }
}
