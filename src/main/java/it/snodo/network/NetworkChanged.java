package it.snodo.network;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Published after a write to the network is committed. When the write touched only kinds the
 * snapshot can take without reading the database, it says what it wrote and deleted, so that the
 * snapshot can be patched instead of rebuilt.
 *
 * @param written the rows the write created or replaced, or null when the snapshot must read the
 *     database again
 * @param deleted what the write deleted, or null likewise
 */
public record NetworkChanged(long version, NetworkDocument written, List<Deleted> deleted) {

    /** One entity (or skill offer, request) a write deleted, by its key. */
    public record Deleted(EntityKind kind, String key) {}

    /**
     * The kinds a snapshot is patched with: needs and services, which it holds and patches, and
     * skills, skill offers and requests and spaces, which it does not hold (the sharing endpoints
     * read them from Neo4j). Territories, categories, actors and ties change what everything else
     * is built on: those writes rebuild.
     */
    private static final Set<EntityKind> PATCHED = EnumSet.of(
            EntityKind.NEED,
            EntityKind.SERVICE,
            EntityKind.SKILL,
            EntityKind.SKILL_OFFER,
            EntityKind.SKILL_REQUEST,
            EntityKind.SPACE);

    /** A change the snapshot learns only by reading the database again. */
    static NetworkChanged of(long version) {
        return new NetworkChanged(version, null, null);
    }

    /** The rows a write wrote and what it deleted. */
    static NetworkChanged of(long version, NetworkDocument written, List<Deleted> deleted) {
        return new NetworkChanged(version, written, List.copyOf(deleted));
    }

    /** The delete of one entity, or of a skill offer or request (key {@code cooperative:skill}). */
    static NetworkChanged deleted(long version, EntityKind kind, String key) {
        return of(version, NetworkDocument.empty(), List.of(new Deleted(kind, key)));
    }

    /** True when the write touched only the kinds the snapshot is patched with. */
    public boolean patchable() {
        if (written == null || deleted == null) {
            return false;
        }
        for (Section section : Section.values()) {
            if (!PATCHED.contains(section.kind) && !section.rows(written).isEmpty()) {
                return false;
            }
        }
        return deleted.stream().allMatch(d -> PATCHED.contains(d.kind()));
    }

    /** The keys of the entities of a kind the write deleted. */
    public List<String> deletedOf(EntityKind kind) {
        return deleted.stream().filter(d -> d.kind() == kind).map(Deleted::key).toList();
    }
}
