package it.snodo.network;

import it.snodo.web.DatabaseUnavailable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The reads of one entity by its key (a {@code GET} of an id, a tie, a skill offer or request)
 * and the ids of the confidential partners, kept in memory for the network version they were read
 * at, so that a read of an entity that nobody wrote since is answered without a Neo4j transaction.
 *
 * <p>Every write of the network raises its version, and this instance knows the newest version
 * it committed or saw ({@link NetworkStore#lastCommitted()}: its own writes before they answer,
 * the others' from the version's poll). An answer is kept under the version known <em>before</em>
 * its read began, and given again only while that is still the newest version known: the row is
 * then at least as new as a read from Neo4j would have been when the version was known, and a
 * write this instance learns of makes every answer kept before it a miss. So an instance answers
 * its own writes at once, and another instance's within one poll, as it does the snapshot
 * (docs/design.md, "Replicas"). The row, its revision (the ETag) and each caller's view of it are
 * as read from Neo4j: a row is kept before a controller hides a confidential place, never after.
 *
 * <p>A call that found Neo4j away, or a poll that turned readiness off, empties the cache, and
 * only reads that reach Neo4j after it fill it again: while Neo4j is known to be away, a read of
 * an entity gets the 503 that every other read gets. An unknown key is never kept; the cache holds at most
 * {@value #MAX_ROWS} rows of one version.
 */
@Component
public class RowCache {

    static final int MAX_ROWS = 10_000;

    /** The rows kept for one version. */
    private record Kept(long version, Map<Object, Object> rows) {}

    /** The key of a kept row: its kind and stored key, or {@link #CONFIDENTIAL_PARTNERS}. */
    private record Key(EntityKind kind, Object key) {}

    private static final Object CONFIDENTIAL_PARTNERS = new Object();

    private final NetworkReader reader;
    private final NetworkStore store;
    private volatile Kept kept = new Kept(-1, Map.of());
    /** Raised by every sign that Neo4j is away: a read begun before one is not kept. */
    private volatile long outages;

    RowCache(NetworkReader reader, NetworkStore store) {
        this.reader = reader;
        this.store = store;
    }

    /** {@link NetworkReader#getRevised}, from memory when nothing was written since it was read. */
    public <T> Optional<NetworkReader.Revised<T>> getRevised(EntityKind kind, String key) {
        return revised(new Key(kind, key), () -> reader.getRevised(kind, key));
    }

    /** {@link NetworkReader#getTie}, from memory when nothing was written since it was read. */
    public Optional<NetworkReader.Revised<Tie>> getTie(String from, String to, TieKind kind) {
        return revised(
                new Key(EntityKind.TIE, new Tie(from, to, kind, null, null).storedKey()),
                () -> reader.getTie(from, to, kind));
    }

    /** {@link NetworkReader#getPair}, from memory when nothing was written since it was read. */
    public <T> Optional<NetworkReader.Revised<T>> getPair(EntityKind kind, String cooperative, String skill) {
        return revised(
                new Key(kind, Map.of("cooperative", cooperative, "skill", skill)),
                () -> reader.getPair(kind, cooperative, skill));
    }

    /** {@link NetworkReader#confidentialPartners}, from memory when nothing was written since. */
    public Set<String> confidentialPartners() {
        return kept(CONFIDENTIAL_PARTNERS, reader::confidentialPartners);
    }

    private <T> Optional<NetworkReader.Revised<T>> revised(Key key, Supplier<Optional<NetworkReader.Revised<T>>> read) {
        NetworkReader.Revised<T> found = kept(key, () -> read.get().orElse(null));
        return Optional.ofNullable(found);
    }

    @SuppressWarnings("unchecked")
    private <T> T kept(Object key, Supplier<T> read) {
        long known = store.lastCommitted();
        Kept now = kept;
        if (now.version() == known) {
            Object row = now.rows().get(key);
            if (row != null) {
                return (T) row;
            }
        }
        long outagesBefore = outages;
        T row = read.get();
        if (row != null) {
            keep(known, outagesBefore, key, row);
        }
        return row;
    }

    /**
     * Keeps a row read after {@code version} was the newest known, unless a newer one is known now
     * or Neo4j was found away since the read began.
     */
    private synchronized void keep(long version, long outagesBefore, Object key, Object row) {
        if (store.lastCommitted() != version || outages != outagesBefore) {
            return;
        }
        Kept now = kept;
        if (now.version() != version || now.rows().size() >= MAX_ROWS) {
            now = new Kept(version, new ConcurrentHashMap<>());
            kept = now;
        }
        now.rows().put(key, row);
    }

    /** A call found Neo4j away: nothing kept is answered again; reads that reach it fill the cache anew. */
    @EventListener
    void onDatabaseUnavailable(DatabaseUnavailable event) {
        forget();
    }

    /** The poll found Neo4j away (readiness off): the same. */
    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.REFUSING_TRAFFIC) {
            forget();
        }
    }

    private synchronized void forget() {
        outages++;
        kept = new Kept(-1, Map.of());
    }
}
