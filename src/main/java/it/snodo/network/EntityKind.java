package it.snodo.network;

/** What an id names. Ids of territories, actors, services and needs share one namespace. */
enum EntityKind {
    TERRITORY("territory"), CATEGORY("category"), COOPERATIVE("cooperative"), PARTNER("partner"),
    SERVICE("service"), NEED("need"), TIE("tie");

    final String word;

    EntityKind(String word) {
        this.word = word;
    }

    static EntityKind of(Row row) {
        if (row instanceof Territory) {
            return TERRITORY;
        } else if (row instanceof Category) {
            return CATEGORY;
        } else if (row instanceof Cooperative) {
            return COOPERATIVE;
        } else if (row instanceof Partner) {
            return PARTNER;
        } else if (row instanceof Service) {
            return SERVICE;
        } else if (row instanceof Need) {
            return NEED;
        }
        return TIE;
    }
}
