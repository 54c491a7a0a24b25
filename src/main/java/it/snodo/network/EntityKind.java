package it.snodo.network;

/** What an id names. Ids of territories, actors, services and needs share one namespace. */
enum EntityKind {
    TERRITORY("territory", "id"), CATEGORY("category", "code"), COOPERATIVE("cooperative", "id"),
    PARTNER("partner", "id"), SERVICE("service", "id"), NEED("need", "id"), TIE("tie", "kind");

    final String word;
    /** The field of a row that names it in errors: its id, a category's code, a tie's kind. */
    final String keyField;

    EntityKind(String word, String keyField) {
        this.word = word;
        this.keyField = keyField;
    }
}
