package it.snodo.engine;

/** An id that names nothing of the kind asked for in the snapshot. */
public final class UnknownEntity extends RuntimeException {

    private final String kind;
    private final String id;

    public UnknownEntity(String kind, String id) {
        super("No " + kind + " '" + id + "' in the network");
        this.kind = kind;
        this.id = id;
    }

    /** What was looked for: territory, category, actor, service. */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
