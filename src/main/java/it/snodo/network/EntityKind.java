package it.snodo.network;

/**
 * What an id names, and how its stored rows are read back. Ids of territories, actors, services
 * and needs share one namespace.
 */
public enum EntityKind {
    TERRITORY("territory", "id", RowQuery.TERRITORY),
    CATEGORY("category", "code", RowQuery.CATEGORY),
    COOPERATIVE("cooperative", "id", RowQuery.COOPERATIVE),
    PARTNER("partner", "id", RowQuery.PARTNER),
    SERVICE("service", "id", RowQuery.SERVICE),
    NEED("need", "id", RowQuery.NEED),
    TIE("tie", "kind", RowQuery.TIE),
    SKILL("skill", "code", RowQuery.SKILL),
    SKILL_OFFER("skill offer", "skill", RowQuery.SKILL_OFFER),
    SKILL_REQUEST("skill request", "skill", RowQuery.SKILL_REQUEST),
    SPACE("space", "id", RowQuery.SPACE);

    public final String word;
    /**
     * The field of a row that names it in errors: its id, a category's or skill's code, a tie's kind,
     * a skill offer's or request's skill.
     */
    final String keyField;
    /** How its rows are read: what holds them, how one is found by its key, and how a record becomes one. */
    final RowQuery query;

    /** Whether its rows are relationships between two nodes, named by their ends (ties, skill offers and requests). */
    boolean isRelationship() {
        return this == TIE || this == SKILL_OFFER || this == SKILL_REQUEST;
    }

    /** Whether its keys share the one namespace of ids and category codes (skills have their own). */
    boolean sharesIds() {
        return !isRelationship() && this != SKILL;
    }

    EntityKind(String word, String keyField, RowQuery query) {
        this.word = word;
        this.keyField = keyField;
        this.query = query;
    }
}
