package it.snodo.network;

/**
 * A key that a row names in one of its fields, and what that key must name once the write is
 * done: the reference checks read every row's references, and know no kind of row.
 *
 * @param field the field, as named in the row's own body ({@code territories[2]})
 * @param key the key it names
 * @param target what the key must name
 * @param level for a territory's parent, the level of the territory that is part of it
 */
public record Reference(String field, String key, Target target, TerritoryLevel level) {

    /** What a reference may name. */
    public enum Target {
        /** Any territory. */
        TERRITORY,
        /** A territory larger than {@code level}: the parent of a territory. */
        LARGER_TERRITORY,
        /** A municipality. */
        MUNICIPALITY,
        /** A category. */
        CATEGORY,
        /** A cooperative or a partner. */
        ACTOR,
        /** A cooperative of type CONSORTIUM. */
        CONSORTIUM,
        /** A cooperative of any type. */
        COOPERATIVE,
        /** A skill. */
        SKILL
    }

    static Reference to(Target target, String field, String key) {
        return new Reference(field, key, target, null);
    }
}
