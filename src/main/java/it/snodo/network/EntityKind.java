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
    TIE("tie", "kind", RowQuery.TIE);

    public final String word;
    /** The field of a row that names it in errors: its id, a category's code, a tie's kind. */
    final String keyField;
    /** How its rows are read: what holds them, how one is found by its key, and how a record becomes one. */
    final RowQuery query;

    EntityKind(String word, String keyField, RowQuery query) {
        this.word = word;
        this.keyField = keyField;
        this.query = query;
    }
}
