package it.snodo.network;

import it.snodo.audit.Audit;
import it.snodo.web.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of the writes of one need each (create, replace, delete): the most frequent
 * writes, made by help desks. Each such write is queued; one thread takes everything queued and
 * commits it as one transaction that locks and bumps the network version once, so N writers pay
 * for one lock, one version and one commit to disk instead of N, one after the other.
 *
 * <p>Inside the group's transaction everything a single write does is done, in the same order
 * and under the same lock: the reference checks (one bulk read for the group; a write the bulk
 * read does not find plainly valid is checked again on its own by the checks of a single write,
 * which give the same refusal a write alone would get), If-Match against the need's revision,
 * the rows written, one audit entry per write with its own caller. A refused write is left out
 * before anything is written and answers its own problem; the others go on. A group never holds
 * two writes of the same need: the second waits for the next group, so each write of a need has
 * its own revision and If-Match picks exactly one winner among writers that read the same one.
 * A failure of the transaction itself (Neo4j away) fails every write of the group, and the
 * database is as it was.
 */
final class NeedWrites {

    private static final Logger log = LoggerFactory.getLogger(NeedWrites.class);

    /** The most writes one group commits. */
    static final int MAX_GROUP = 500;

    enum Op {
        CREATE,
        REPLACE,
        DELETE
    }

    /** One queued write: a need created or replaced, or the id of one deleted. */
    private record Pending(
            Op op, Need need, String id, Collection<Long> ifMatch, Caller caller, CompletableFuture<Long> done) {}

    /** What a committed group wrote, for the snapshot's patch. */
    record Committed(long version, List<Need> written, List<String> deleted) {}

    /** Thrown inside the transaction when every write of the group was refused: it rolls the bump back. */
    private static final class NothingToWrite extends RuntimeException {
        NothingToWrite() {
            super(null, null, false, false);
        }
    }

    private final Driver driver;
    private final Consumer<Committed> onCommit;
    private final Function<NetworkProblem, NetworkProblem> asSingle;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param onCommit after a group commits, on the group's thread, before any of its writers is
     *     answered: notes the version and patches the snapshot, so each writer reads its own write
     * @param asSingle how a single write names its problem (the fields of its own body)
     */
    NeedWrites(Driver driver, Consumer<Committed> onCommit, Function<NetworkProblem, NetworkProblem> asSingle) {
        this.driver = driver;
        this.onCommit = onCommit;
        this.asSingle = asSingle;
        this.thread = new Thread(this::run, "need-writes");
        thread.setDaemon(true);
        thread.start();
    }

    /** Creates or replaces one need; answers the version that holds it. */
    long write(Need need, Op op, Collection<Long> ifMatch) {
        return submit(new Pending(op, need, need.id(), ifMatch, caller(), new CompletableFuture<>()));
    }

    /** Deletes one need; answers the version that no longer holds it. */
    long delete(String id) {
        return submit(new Pending(Op.DELETE, null, id, null, caller(), new CompletableFuture<>()));
    }

    private static Caller caller() {
        return Caller.current().orElse(null);
    }

    private long submit(Pending pending) {
        if (closed) {
            throw new IllegalStateException("The service is stopping: the write was not made");
        }
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            throw new IllegalStateException("The service is stopping: the write was not made");
        }
        try {
            // Not interruptible: once queued, the write's outcome is known only when its group ends.
            return pending.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Stops taking writes; those still queued fail, none is left waiting. */
    void close() {
        closed = true;
        thread.interrupt();
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("The service stopped: the write was not made"));
        }
    }

    private void run() {
        List<Pending> carried = new ArrayList<>();
        while (!closed) {
            List<Pending> candidates = new ArrayList<>(carried);
            carried.clear();
            try {
                if (candidates.isEmpty()) {
                    candidates.add(queue.take());
                }
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(candidates, Math.max(0, MAX_GROUP - candidates.size()));
            // One write per need in a group; a later write of the same need waits for the next, in order.
            List<Pending> group = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Pending p : candidates) {
                if (group.size() < MAX_GROUP && ids.add(p.id())) {
                    group.add(p);
                } else {
                    carried.add(p);
                }
            }
            try {
                commit(group);
            } catch (Throwable t) {
                // commit answers every write itself; this is a bug's last guard, so no writer waits forever.
                log.error("Group of need writes failed unexpectedly", t);
                group.forEach(p -> p.done().completeExceptionally(t));
            }
        }
        carried.forEach(p -> p.done()
                .completeExceptionally(new IllegalStateException("The service stopped: the write was not made")));
        close();
    }

    private void commit(List<Pending> group) {
        Map<Pending, RuntimeException> refused = new HashMap<>();
        Committed committed;
        try (Session session = driver.session()) {
            committed = session.executeWrite(tx -> {
                refused.clear(); // a retried attempt starts again from the start
                return attempt(tx, group, refused);
            });
        } catch (NothingToWrite e) {
            committed = null;
        } catch (RuntimeException e) {
            group.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        if (committed != null) {
            onCommit.accept(committed);
        }
        for (Pending p : group) {
            RuntimeException problem = refused.get(p);
            if (problem != null) {
                p.done().completeExceptionally(problem);
            } else {
                p.done().complete(committed.version());
            }
        }
    }

    private Committed attempt(TransactionContext tx, List<Pending> group, Map<Pending, RuntimeException> refused) {
        long version = tx.run(NetworkStore.BUMP_VERSION).single().get("version").asLong();
        List<Map<String, Object>> lookups = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("i", i);
            row.put("id", p.id());
            row.put("category", p.need() == null ? null : p.need().category());
            row.put("territory", p.need() == null ? null : p.need().territory());
            lookups.add(row);
        }
        List<Record> found = tx.run("""
                UNWIND $rows AS row
                OPTIONAL MATCH (x:Entity {id: row.id})
                OPTIONAL MATCH (k:Category {code: row.id})
                OPTIONAL MATCH (c:Category {code: row.category})
                OPTIONAL MATCH (t:Territory {id: row.territory})
                RETURN row.i AS i, x IS NOT NULL AS entity, coalesce(x:Need, false) AS need,
                       k IS NOT NULL AS code, coalesce(x.writtenAt, 0) AS revision,
                       c IS NOT NULL AS category, t.level AS level
                ORDER BY i""", Map.of("rows", lookups)).list();

        List<Map<String, Object>> fresh = new ArrayList<>();
        List<Map<String, Object>> known = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<Need> written = new ArrayList<>();
        List<Audit.OneWrite> entries = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            Record r = found.get(i);
            if (!plainlyValid(p, r)) {
                try {
                    checkAlone(tx, p);
                } catch (NetworkProblem problem) {
                    refused.put(p, p.op() == Op.DELETE ? problem : asSingle.apply(problem));
                    continue;
                }
            }
            switch (p.op()) {
                case CREATE -> fresh.add(p.need().parameters());
                case REPLACE -> known.add(p.need().parameters());
                case DELETE -> deleted.add(p.id());
            }
            if (p.need() != null) {
                written.add(p.need());
            }
            entries.add(new Audit.OneWrite(p.caller(), p.op().name(), EntityKind.NEED.name(), p.id()));
        }
        if (entries.isEmpty()) {
            throw new NothingToWrite();
        }
        NetworkStore.run(tx, Writes.statements(Section.NEEDS, true), fresh, version);
        NetworkStore.run(tx, Writes.statements(Section.NEEDS, false), known, version);
        if (!deleted.isEmpty()) {
            tx.run("UNWIND $ids AS id MATCH (x:Need {id: id}) DETACH DELETE x", Map.of("ids", deleted))
                    .consume();
        }
        GraphInvariants.check(tx, NetworkDocument.of(Map.of(Section.NEEDS, written)));
        Audit.recordEach(tx, entries, version);
        return new Committed(version, written, deleted);
    }

    /**
     * True when the bulk read shows the write valid as it stands: a create of a free id, a replace
     * or delete of a stored need at a revision If-Match names, a known category, a municipality.
     * Anything else is checked again on its own ({@link #checkAlone}), never let through.
     */
    private static boolean plainlyValid(Pending p, Record r) {
        boolean need = r.get("need").asBoolean();
        return switch (p.op()) {
            case DELETE -> need;
            case CREATE ->
                !r.get("entity").asBoolean()
                        && !r.get("code").asBoolean()
                        && r.get("category").asBoolean()
                        && TerritoryLevel.MUNICIPALITY
                                .name()
                                .equals(r.get("level").asString(null));
            case REPLACE ->
                need
                        && r.get("category").asBoolean()
                        && TerritoryLevel.MUNICIPALITY
                                .name()
                                .equals(r.get("level").asString(null))
                        && (p.ifMatch() == null
                                || p.ifMatch().contains(r.get("revision").asLong()));
        };
    }

    /** The checks of a single write, which throw the problem a write alone would answer. */
    private static void checkAlone(TransactionContext tx, Pending p) {
        if (p.op() == Op.DELETE) {
            Deletes.exists(
                    tx, "MATCH (x:Need {id: $id}) RETURN count(x) AS n", Map.of("id", p.id()), EntityKind.NEED, p.id());
            return;
        }
        NetworkStore.Mode mode = p.op() == Op.CREATE ? NetworkStore.Mode.CREATE : NetworkStore.Mode.REPLACE;
        ReferenceChecks.check(tx, NetworkDocument.of(p.need()), mode);
        if (p.ifMatch() != null) {
            NetworkStore.checkRevision(tx, p.need(), p.ifMatch());
        }
    }
}
