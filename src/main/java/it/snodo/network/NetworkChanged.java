package it.snodo.network;

import java.util.List;

/**
 * Published after a write to the network is committed. When the write touched needs alone, it
 * says which, so that the snapshot can be patched instead of rebuilt.
 *
 * @param needsWritten the needs the write created or replaced, or null when the write was not of needs alone
 * @param needsDeleted the ids of the needs it deleted, or null likewise
 */
public record NetworkChanged(long version, List<Need> needsWritten, List<String> needsDeleted) {

    /** A change the snapshot learns only by reading the database again. */
    static NetworkChanged of(long version) {
        return new NetworkChanged(version, null, null);
    }

    /** A change of needs alone. */
    static NetworkChanged ofNeeds(long version, List<Need> written, List<String> deleted) {
        return new NetworkChanged(version, List.copyOf(written), List.copyOf(deleted));
    }

    /** True when the write touched needs alone, and the snapshot can be patched. */
    public boolean needsOnly() {
        return needsWritten != null && needsDeleted != null;
    }
}
