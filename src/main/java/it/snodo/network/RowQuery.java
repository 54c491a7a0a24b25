package it.snodo.network;

import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * How the stored rows of one kind are read back in the shape of the document's rows: every
 * {@link EntityKind} has one, and {@code NetworkReader} asks it, knowing no kind. Each projection
 * gives a row with COLLECT subqueries, so a node is one record whatever its relationships. Labels,
 * types and properties are constants of the model; values are always parameters.
 *
 * @param match the pattern of every stored row of the kind, its node (or a tie's relationship) named
 *     {@code x}
 * @param keyed the pattern of the one row with a key, given the Cypher expression of that key as
 *     {@link Row#storedKey()} gives it: an id, a category's code, a tie's map of from, to and kind
 * @param order what a list is ordered by: the key
 * @param ends what the projection needs besides {@code x}, from {@code x} alone: a tie's two actors
 *     (after a list has collected its relationships), nothing for a node
 * @param projection the RETURN clause of a row, its fields named as in the row's body
 * @param filters the predicate of each filter a list takes, by the name of its parameter
 * @param row how a record of the projection becomes the row
 */
record RowQuery(
        String match,
        UnaryOperator<String> keyed,
        String order,
        String ends,
        String projection,
        Map<String, String> filters,
        Function<MapAccessor, Row> row) {

    static final RowQuery TERRITORY = node(
            "Territory",
            "id",
            """
            RETURN x.id AS id, x.name AS name, x.level AS level,
                   COLLECT { MATCH (x)-[:PART_OF]->(p:Territory) RETURN p.id }[0] AS partOf,
                   x.population AS population, x.lat AS lat, x.lon AS lon""",
            Map.of("level", "x.level = $level", "partOf", "EXISTS { (x)-[:PART_OF]->(:Territory {id: $partOf}) }"),
            r -> new Territory(
                    text(r, "id"),
                    text(r, "name"),
                    named(TerritoryLevel.class, r, "level"),
                    text(r, "partOf"),
                    r.get("population").computeOrDefault(Value::asLong, null),
                    decimal(r, "lat"),
                    decimal(r, "lon")));

    static final RowQuery CATEGORY = node(
            "Category",
            "code",
            """
            RETURN x.code AS code, x.name AS name, x.nameEn AS nameEn,
                   COLLECT { MATCH (x)-[:PART_OF]->(p:Category) RETURN p.code }[0] AS partOf""",
            Map.of("partOf", "EXISTS { (x)-[:PART_OF]->(:Category {code: $partOf}) }"),
            r -> new Category(text(r, "code"), text(r, "name"), text(r, "nameEn"), text(r, "partOf")));

    static final RowQuery COOPERATIVE = node(
            "Cooperative",
            "id",
            """
            RETURN x.id AS id, x.name AS name, x.type AS type, x.fiscalCode AS fiscalCode,
                   COLLECT { MATCH (x)-[:BASED_IN]->(t:Territory) RETURN t.id }[0] AS basedIn,
                   COLLECT { MATCH (x)-[:MEMBER_OF]->(c:Cooperative) RETURN c.id }[0] AS memberOf""",
            Map.of(
                    "type",
                    "x.type = $type",
                    "territory",
                    "EXISTS { (x)-[:BASED_IN]->(:Territory {id: $territory}) }",
                    "memberOf",
                    "EXISTS { (x)-[:MEMBER_OF]->(:Cooperative {id: $memberOf}) }"),
            r -> new Cooperative(
                    text(r, "id"),
                    text(r, "name"),
                    named(CooperativeType.class, r, "type"),
                    text(r, "fiscalCode"),
                    text(r, "basedIn"),
                    text(r, "memberOf")));

    static final RowQuery PARTNER = node(
            "Partner",
            "id",
            """
            RETURN x.id AS id, x.name AS name, x.kind AS kind,
                   COLLECT { MATCH (x)-[:BASED_IN]->(t:Territory) RETURN t.id }[0] AS basedIn,
                   x.confidential AS confidential""",
            Map.of(
                    "kind",
                    "x.kind = $kind",
                    "territory",
                    "EXISTS { (x)-[:BASED_IN]->(:Territory {id: $territory}) }",
                    NetworkReader.SHOWN_TO,
                    "coalesce(x.confidential, false) = false"),
            r -> new Partner(
                    text(r, "id"),
                    text(r, "name"),
                    named(PartnerKind.class, r, "kind"),
                    text(r, "basedIn"),
                    flag(r, "confidential")));

    static final RowQuery SERVICE = node(
            "Service",
            "id",
            """
            RETURN x.id AS id, x.name AS name,
                   COLLECT { MATCH (p:Actor)-[:PROVIDES]->(x) RETURN p.id }[0] AS provider,
                   COLLECT { MATCH (x)-[:ADDRESSES]->(c:Category) RETURN c.code ORDER BY c.code } AS categories,
                   COLLECT { MATCH (x)-[:AVAILABLE_IN]->(t:Territory) RETURN t.id ORDER BY t.id } AS territories,
                   x.capacity AS capacity, x.occupied AS occupied, x.confidential AS confidential""",
            Map.of(
                    "provider",
                    "EXISTS { (:Actor {id: $provider})-[:PROVIDES]->(x) }",
                    // Covers, as the analyses say: the category or a narrower one...
                    "category",
                    "EXISTS { (x)-[:ADDRESSES]->(:Category)-[:PART_OF*0..]->" + "(:Category {code: $category}) }",
                    "addresses",
                    "EXISTS { (x)-[:ADDRESSES]->(:Category {code: $addresses}) }",
                    // ... and some municipality of the territory, where the service is available
                    // in that municipality or in a territory it is part of. Two MATCHes: one
                    // pattern would not walk the same PART_OF twice (a district's municipality).
                    "territory",
                    "EXISTS { MATCH (x)-[:AVAILABLE_IN]->(:Territory)<-[:PART_OF*0..]-"
                            + "(m:Territory {level: 'MUNICIPALITY'})"
                            + " MATCH (m)-[:PART_OF*0..]->(:Territory {id: $territory}) }",
                    "availableIn",
                    "EXISTS { (x)-[:AVAILABLE_IN]->(:Territory {id: $availableIn}) }",
                    NetworkReader.SHOWN_TO,
                    "(NOT (coalesce(x.confidential, false)"
                            + " OR EXISTS { (:Partner {confidential: true})-[:PROVIDES]->(x) })"
                            + " OR EXISTS { (:Actor {id: $shownTo})-[:PROVIDES]->(x) })"),
            r -> new Service(
                    text(r, "id"),
                    text(r, "name"),
                    text(r, "provider"),
                    r.get("categories").asList(Value::asString),
                    r.get("territories").asList(Value::asString),
                    whole(r, "capacity"),
                    whole(r, "occupied"),
                    flag(r, "confidential")));

    static final RowQuery NEED = node(
            "Need",
            "id",
            """
            RETURN x.id AS id,
                   COLLECT { MATCH (x)-[:OF_KIND]->(c:Category) RETURN c.code }[0] AS category,
                   COLLECT { MATCH (x)-[:LOCATED_IN]->(t:Territory) RETURN t.id }[0] AS territory,
                   x.people AS people, x.urgency AS urgency, x.recordedAt AS recordedAt, x.source AS source""",
            // As a gap report counts demand: the category or a narrower one, located in the
            // territory or in a municipality of it; ofKind names the need's own category.
            Map.of(
                    "category",
                    "EXISTS { (x)-[:OF_KIND]->(:Category)-[:PART_OF*0..]->" + "(:Category {code: $category}) }",
                    "ofKind",
                    "EXISTS { (x)-[:OF_KIND]->(:Category {code: $ofKind}) }",
                    "territory",
                    "EXISTS { (x)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..]->" + "(:Territory {id: $territory}) }",
                    "urgency",
                    "x.urgency = $urgency"),
            r -> new Need(
                    text(r, "id"),
                    text(r, "category"),
                    text(r, "territory"),
                    whole(r, "people"),
                    named(Urgency.class, r, "urgency"),
                    r.get("recordedAt").computeOrDefault(Value::asLocalDate, null),
                    text(r, "source")));

    static final RowQuery TIE = new RowQuery(
            "(a:Actor)-[x:TIED_TO]->(b:Actor)",
            key -> "(a:Actor {id: " + key + ".from})-[x:TIED_TO {kind: " + key + ".kind}]->(b:Actor {id: " + key
                    + ".to})",
            "a.id, b.id, x.kind",
            ", startNode(x) AS a, endNode(x) AS b",
            """
            RETURN a.id AS from, b.id AS to, x.kind AS kind, x.since AS since, x.strength AS strength""",
            Map.of(
                    "from",
                    "a.id = $from",
                    "to",
                    "b.id = $to",
                    "kind",
                    "x.kind = $kind",
                    "actor",
                    "(a.id = $actor OR b.id = $actor)"),
            r -> new Tie(
                    text(r, "from"),
                    text(r, "to"),
                    named(TieKind.class, r, "kind"),
                    text(r, "since"),
                    decimal(r, "strength")));

    static final RowQuery SKILL = node(
            "Skill",
            "code",
            """
            RETURN x.code AS code, x.name AS name,
                   COLLECT { MATCH (x)-[:PART_OF]->(p:Skill) RETURN p.code }[0] AS partOf""",
            Map.of("partOf", "EXISTS { (x)-[:PART_OF]->(:Skill {code: $partOf}) }"),
            r -> new Skill(text(r, "code"), text(r, "name"), text(r, "partOf")));

    static final RowQuery SKILL_OFFER = pair(
            "OFFERS_SKILL", r -> new SkillOffer(text(r, "cooperative"), text(r, "skill"), whole(r, "hoursPerWeek")));

    static final RowQuery SKILL_REQUEST = pair(
            "SEEKS_SKILL", r -> new SkillRequest(text(r, "cooperative"), text(r, "skill"), whole(r, "hoursPerWeek")));

    static final RowQuery SPACE = node(
            "Space",
            "id",
            """
            RETURN x.id AS id, x.name AS name, x.kind AS kind, x.capacity AS capacity, x.accessible AS accessible,
                   COLLECT { MATCH (a:Actor)-[:OFFERS_SPACE]->(x) RETURN a.id }[0] AS owner,
                   COLLECT { MATCH (x)-[:LOCATED_IN]->(t:Territory) RETURN t.id }[0] AS territory""",
            Map.of(
                    "owner",
                    "EXISTS { (:Actor {id: $owner})-[:OFFERS_SPACE]->(x) }",
                    "kind",
                    "x.kind = $kind",
                    "territory",
                    "EXISTS { (x)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..]->(:Territory {id: $territory}) }",
                    "minCapacity",
                    "x.capacity >= $minCapacity",
                    "accessible",
                    "coalesce(x.accessible, false) = $accessible"),
            r -> new Space(
                    text(r, "id"),
                    text(r, "name"),
                    named(SpaceKind.class, r, "kind"),
                    whole(r, "capacity"),
                    flag(r, "accessible"),
                    text(r, "owner"),
                    text(r, "territory")));

    /**
     * The query of skill offers or requests: relationships of one type from a cooperative to a
     * skill, one per pair, named by the two.
     */
    private static RowQuery pair(String type, Function<MapAccessor, Row> row) {
        return new RowQuery(
                "(a:Cooperative)-[x:" + type + "]->(b:Skill)",
                key -> "(a:Cooperative {id: " + key + ".cooperative})-[x:" + type + "]->(b:Skill {code: " + key
                        + ".skill})",
                "a.id, b.code",
                ", startNode(x) AS a, endNode(x) AS b",
                """
                RETURN a.id AS cooperative, b.code AS skill, x.hoursPerWeek AS hoursPerWeek""",
                Map.of(
                        "cooperative",
                        "a.id = $cooperative",
                        // The skill or a narrower one, as matches read the tree.
                        "skill",
                        "EXISTS { (b)-[:PART_OF*0..]->(:Skill {code: $skill}) }"),
                row);
    }

    /** The query of a kind whose rows are nodes of one label, each named by one property. */
    private static RowQuery node(
            String label, String key, String projection, Map<String, String> filters, Function<MapAccessor, Row> row) {
        return new RowQuery(
                "(x:" + label + ")",
                k -> "(x:" + label + " {" + key + ": " + k + "})",
                "x." + key,
                "",
                projection,
                filters,
                row);
    }

    private static String text(MapAccessor r, String field) {
        return r.get(field).asString(null);
    }

    private static Integer whole(MapAccessor r, String field) {
        return r.get(field).computeOrDefault(Value::asInt, null);
    }

    private static Double decimal(MapAccessor r, String field) {
        return r.get(field).computeOrDefault(Value::asDouble, null);
    }

    private static Boolean flag(MapAccessor r, String field) {
        return r.get(field).computeOrDefault(Value::asBoolean, null);
    }

    private static <E extends Enum<E>> E named(Class<E> type, MapAccessor r, String field) {
        return r.get(field).computeOrDefault(v -> Enum.valueOf(type, v.asString()), null);
    }
}
