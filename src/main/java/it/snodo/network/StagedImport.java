package it.snodo.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A large import, written in many small transactions and made the network by one last one: still
 * all or nothing.
 *
 * <ol>
 *   <li>A read transaction checks every reference and finds the rows that change something, at
 *       the network version it reads (as a one-transaction import does under the version lock).
 *   <li>An {@code (:StagedImport {id})} node is made, then the new rows are written in batches of
 *       their own transactions as nodes labelled {@code Staged} only, with the relationships
 *       between them. Nothing Snodo reads meets them: every read names a label of the model, and
 *       staged nodes carry none of them nor any relationship to a node that does.
 *   <li>The last transaction takes the version lock. If another write landed since the checks,
 *       it checks again under the lock (and refuses the import if one of its new rows was made
 *       meanwhile). Then the staged nodes take their labels (the uniqueness constraints are
 *       checked then), the new rows' relationships to existing nodes are made, the existing rows
 *       that change are written, the graph's invariants are checked, the audit entry is
 *       appended, and the version is bumped: one commit makes the whole import the network.
 * </ol>
 *
 * A failure removes what was staged; a process that dies leaves only staged nodes, which the
 * sweep removes once their import has not been touched for {@code snodo.import.abandoned-after}
 * (at every start, and every minute). Only a service's own reads are protected by the labels: a
 * person querying Neo4j by hand sees {@code :Staged} nodes while an import runs.
 */
final class StagedImport {

    private static final Logger log = LoggerFactory.getLogger(StagedImport.class);

    /** What the staging wrote and what the last transaction still has to write. */
    private record Plan(
            long checkedAt,
            NetworkDocument changed,
            Map<Section, List<Map<String, Object>>> staged,
            Map<Section, List<Map<String, Object>>> stagedRels,
            Map<Section, List<Map<String, Object>>> linked,
            Map<Section, List<Map<String, Object>>> known,
            Set<String> freshIds,
            Set<String> freshSkills) {}

    private final Driver driver;

    StagedImport(Driver driver) {
        this.driver = driver;
    }

    /** The checks and the diff that decide what an import writes, as a one-transaction import makes them. */
    interface Checks {
        ReferenceChecks.Existing references(TransactionContext tx);

        NetworkDocument changed(TransactionContext tx, ReferenceChecks.Existing existing);
    }

    /** What the last transaction does beyond the rows: the invariants and the audit, at the version. */
    interface Finish {
        void run(TransactionContext tx, NetworkDocument changed, long version);
    }

    /** An import whose rows are staged, not yet switched in. */
    static final class Staging {
        final String id;
        final NetworkDocument document;
        private final Plan plan;
        private final long started = System.nanoTime();

        private Staging(String id, NetworkDocument document, Plan plan) {
            this.id = id;
            this.document = document;
            this.plan = plan;
        }
    }

    /**
     * Writes a document staged and switches it in; returns the version that holds it, or -1 when
     * the document changes nothing (the caller then writes it the ordinary way, which records that).
     */
    long write(NetworkDocument document, Checks checks, Finish finish) {
        Staging staging = stage(document, checks);
        return staging == null ? -1 : switchIn(staging, checks, finish);
    }

    /**
     * Checks a document and stages the rows it changes; null when it changes nothing. On a failure
     * what was staged is removed.
     */
    Staging stage(NetworkDocument document, Checks checks) {
        Plan plan;
        long checking = System.nanoTime();
        try (Session session = driver.session()) {
            plan = session.executeRead(tx -> {
                long version = NetworkStore.readVersion(tx);
                ReferenceChecks.Existing existing = checks.references(tx);
                NetworkDocument changed = checks.changed(tx, existing);
                return plan(version, changed, existing);
            });
        }
        if (plan.changed().size() == 0) {
            return null;
        }
        log.info("Import of {} rows checked in {} ms", document.size(), (System.nanoTime() - checking) / 1_000_000);
        Staging staging = new Staging(UUID.randomUUID().toString(), document, plan);
        String id = staging.id;
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run(
                            "CREATE (:StagedImport {id: $id, touched: timestamp(), rows: $rows})",
                            Map.of("id", id, "rows", plan.changed().size()))
                    .consume());
        }
        long expected = plan.checkedAt() + 1;
        try {
            Map<String, Object> prefixes = Map.of("k", id + "/k/", "s", id + "/s/");
            for (Section section : Section.values()) {
                List<Map<String, Object>> nodes = plan.staged().getOrDefault(section, List.of());
                List<Map<String, Object>> rels = plan.stagedRels().getOrDefault(section, List.of());
                List<String> statements = Writes.staged(section);
                if (section.kind.isRelationship()) {
                    batches(id, statements.get(0), rels, section, expected, prefixes);
                } else {
                    batches(id, statements.get(0), nodes, section, expected, prefixes);
                    batches(id, statements.get(1), rels, section, expected, prefixes);
                }
            }
            return staging;
        } catch (RuntimeException e) {
            throw removing(id, e);
        }
    }

    /**
     * Makes a staged import the network, in one transaction; answers its version. On a failure
     * (a conflict with a write made meanwhile, a broken invariant, the import swept away) nothing
     * of it is written and what was staged is removed.
     */
    long switchIn(Staging staging, Checks checks, Finish finish) {
        long staged = System.nanoTime();
        try {
            long version = switchIn(staging.id, staging.plan, checks, finish);
            log.info(
                    "Staged import {}: {} rows staged in {} ms, switched in at version {} in {} ms",
                    staging.id,
                    staging.plan.changed().size(),
                    (staged - staging.started) / 1_000_000,
                    version,
                    (System.nanoTime() - staged) / 1_000_000);
            return version;
        } catch (RuntimeException e) {
            throw removing(staging.id, e);
        }
    }

    private RuntimeException removing(String id, RuntimeException e) {
        try {
            remove(driver, id);
        } catch (RuntimeException cleanup) {
            e.addSuppressed(cleanup);
        }
        return e;
    }

    private Plan plan(long version, NetworkDocument changed, ReferenceChecks.Existing existing) {
        Set<String> freshIds = new HashSet<>();
        Set<String> freshSkills = new HashSet<>();
        for (Section section : Section.values()) {
            if (section.kind.isRelationship()) {
                continue;
            }
            for (Row row : section.rows(changed)) {
                if (!existing.contains(row)) {
                    (section == Section.SKILLS ? freshSkills : freshIds).add(row.key());
                }
            }
        }
        Map<Section, List<Map<String, Object>>> staged = new HashMap<>();
        Map<Section, List<Map<String, Object>>> stagedRels = new HashMap<>();
        Map<Section, List<Map<String, Object>>> linked = new HashMap<>();
        for (Section section : Section.values()) {
            for (Row row : section.rows(changed)) {
                Map<String, Object> p = row.parameters();
                if (!fresh(section, p, row, freshIds, freshSkills)) {
                    continue;
                }
                if (section.kind.isRelationship()) {
                    stagedRels.computeIfAbsent(section, s -> new ArrayList<>()).add(p);
                    continue;
                }
                staged.computeIfAbsent(section, s -> new ArrayList<>()).add(p);
                // Each relationship field split: to staged nodes now, to existing nodes at the switch-in.
                Map<String, Object> toStaged = new HashMap<>(p);
                Map<String, Object> toExisting = new HashMap<>(p);
                boolean any = false;
                boolean anyStaged = false;
                for (String field : Writes.relationshipFields(section)) {
                    Set<String> freshTargets = Writes.namesSkills(section, field) ? freshSkills : freshIds;
                    Object value = p.get(field);
                    if (value instanceof List<?> list) {
                        List<Object> in = new ArrayList<>();
                        List<Object> out = new ArrayList<>();
                        for (Object v : list) {
                            (freshTargets.contains(v) ? in : out).add(v);
                        }
                        toStaged.put(field, in);
                        toExisting.put(field, out);
                        any |= !out.isEmpty();
                        anyStaged |= !in.isEmpty();
                    } else if (value != null && freshTargets.contains(value)) {
                        toExisting.put(field, null);
                        anyStaged = true;
                    } else {
                        toStaged.put(field, null);
                        any |= value != null;
                    }
                }
                if (anyStaged) {
                    stagedRels.computeIfAbsent(section, s -> new ArrayList<>()).add(toStaged);
                }
                if (any) {
                    linked.computeIfAbsent(section, s -> new ArrayList<>()).add(toExisting);
                }
            }
        }
        return new Plan(
                version,
                changed,
                staged,
                stagedRels,
                linked,
                known(changed, freshIds, freshSkills),
                freshIds,
                freshSkills);
    }

    /**
     * Whether a row is written by the staging: a new node, or a tie (an offer, a request) between
     * two new nodes.
     */
    private static boolean fresh(
            Section section, Map<String, Object> p, Row row, Set<String> freshIds, Set<String> freshSkills) {
        return switch (section) {
            case TIES -> freshIds.contains(p.get("from")) && freshIds.contains(p.get("to"));
            case SKILL_OFFERS, SKILL_REQUESTS ->
                freshIds.contains(p.get("cooperative")) && freshSkills.contains(p.get("skill"));
            case SKILLS -> freshSkills.contains(row.key());
            default -> freshIds.contains(row.key());
        };
    }

    /** The rows the last transaction writes as a one-transaction import does: those not staged. */
    private static Map<Section, List<Map<String, Object>>> known(
            NetworkDocument changed, Set<String> freshIds, Set<String> freshSkills) {
        Map<Section, List<Map<String, Object>>> known = new HashMap<>();
        for (Section section : Section.values()) {
            for (Row row : section.rows(changed)) {
                Map<String, Object> p = row.parameters();
                if (!fresh(section, p, row, freshIds, freshSkills)) {
                    known.computeIfAbsent(section, s -> new ArrayList<>()).add(p);
                }
            }
        }
        return known;
    }

    private void batches(
            String id,
            String statement,
            List<Map<String, Object>> rows,
            Section section,
            long version,
            Map<String, Object> prefixes) {
        for (int from = 0; from < rows.size(); from += NetworkStore.BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + NetworkStore.BATCH));
            try (Session session = driver.session()) {
                session.executeWrite(tx -> {
                    touch(tx, id);
                    Map<String, Object> params = new HashMap<>(prefixes);
                    params.put("rows", batch);
                    params.put("import", id);
                    params.put("section", section.name());
                    params.put("version", version);
                    tx.run(statement, params).consume();
                    return null;
                });
            }
        }
    }

    /** Keeps the import alive for the sweep; fails when the sweep took it for abandoned. */
    private static void touch(TransactionContext tx, String id) {
        boolean alive = tx.run(
                                "MATCH (i:StagedImport {id: $id}) SET i.touched = timestamp() RETURN count(i) AS n",
                                Map.of("id", id))
                        .single()
                        .get("n")
                        .asLong()
                > 0;
        if (!alive) {
            throw new EntityConflict(
                    "The import was removed as abandoned before it finished (untouched for longer than"
                            + " snodo.import.abandoned-after); nothing was written: import again",
                    List.of());
        }
    }

    private long switchIn(String id, Plan plan, Checks checks, Finish finish) {
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> {
                long now = tx.run(NetworkStore.LOCK_VERSION)
                        .single()
                        .get("version")
                        .asLong();
                touch(tx, id);
                NetworkDocument changed = plan.changed();
                Map<Section, List<Map<String, Object>>> knownRows = plan.known();
                if (now != plan.checkedAt()) {
                    // Another write landed since the checks: check again, under the lock this time.
                    log.info(
                            "The network changed while import {} was staged (version {}, then {}): checked again",
                            id,
                            plan.checkedAt(),
                            now);
                    ReferenceChecks.Existing existing = checks.references(tx);
                    List<String> madeMeanwhile = new ArrayList<>();
                    for (Section section : Section.values()) {
                        if (section.kind.isRelationship()) {
                            continue;
                        }
                        for (Row row : section.rows(plan.changed())) {
                            boolean fresh = (section == Section.SKILLS ? plan.freshSkills() : plan.freshIds())
                                    .contains(row.key());
                            if (fresh && existing.contains(row)) {
                                madeMeanwhile.add(row.key());
                            }
                        }
                    }
                    if (!madeMeanwhile.isEmpty()) {
                        throw new EntityConflict(
                                madeMeanwhile.size() + " of the import's new rows were written by another write"
                                        + " while it was staged (" + madeMeanwhile.get(0)
                                        + (madeMeanwhile.size() > 1 ? " and others" : "")
                                        + "); nothing was written: import again",
                                List.of());
                    }
                    tx.run("""
                            MATCH (x:Staged {import: $import})-[t:TIED_TO|OFFERS_SKILL|SEEKS_SKILL]->()
                            SET t.writtenAt = $version""", Map.of("import", id, "version", now + 1)).consume();
                    // The rows that exist are compared again: a row written meanwhile is written again.
                    changed = checks.changed(tx, existing);
                    knownRows = known(changed, plan.freshIds(), plan.freshSkills());
                }
                long version = now + 1;
                tx.run("MATCH (v:NetworkVersion {key: 'network'}) SET v.value = $version", Map.of("version", version))
                        .consume();
                for (Section section : Section.values()) {
                    if (!section.kind.isRelationship() && plan.staged().containsKey(section)) {
                        tx.run(
                                        Writes.switchIn(section),
                                        Map.of("import", id, "section", section.name(), "version", version))
                                .consume();
                    }
                }
                for (Section section : Section.values()) {
                    List<Map<String, Object>> linked = plan.linked().getOrDefault(section, List.of());
                    List<Map<String, Object>> known = knownRows.getOrDefault(section, List.of());
                    if (section.kind.isRelationship()) {
                        NetworkStore.run(tx, Writes.statements(section, false), known, version);
                    } else {
                        NetworkStore.run(
                                tx, List.of(Writes.statements(section, true).get(1)), linked, version);
                        NetworkStore.run(tx, Writes.statements(section, false), known, version);
                    }
                }
                finish.run(tx, changed, version);
                tx.run("MATCH (i:StagedImport {id: $id}) DELETE i", Map.of("id", id))
                        .consume();
                return version;
            });
        }
    }

    /** Removes one import's staged rows, in batches, and then its node. */
    static void remove(Driver driver, String id) {
        try (Session session = driver.session()) {
            long removed;
            do {
                removed = session.executeWrite(tx -> tx.run("""
                        MATCH (x:Staged {import: $id}) WITH x LIMIT $batch
                        DETACH DELETE x RETURN count(*) AS n""", Map.of("id", id, "batch", NetworkStore.BATCH))
                        .single()
                        .get("n")
                        .asLong());
            } while (removed > 0);
            session.executeWrite(tx -> tx.run("MATCH (i:StagedImport {id: $id}) DELETE i", Map.of("id", id))
                    .consume());
        }
    }

    /**
     * Removes what imports left staged and did not touch for {@code abandonedAfterMillis}, and
     * staged rows whose import node is gone (a process killed while removing them); answers how
     * many imports it removed.
     */
    static int sweep(Driver driver, long abandonedAfterMillis) {
        List<String> abandoned;
        try (Session session = driver.session()) {
            abandoned = session.executeRead(tx -> tx.run("""
                    MATCH (i:StagedImport) WHERE i.touched <= timestamp() - $after RETURN i.id AS id
                    UNION
                    MATCH (x:Staged) WITH DISTINCT x.import AS id
                    WHERE NOT EXISTS { MATCH (i:StagedImport {id: id}) } RETURN id""", Map.of("after", abandonedAfterMillis))
                    .list(r -> r.get("id").asString()));
        }
        int removed = 0;
        for (String id : abandoned) {
            try (Session session = driver.session()) {
                // The import's node goes first, only if still abandoned: the import, if it still
                // runs, then fails at its next touch instead of switching in a part of its rows. A
                // switch-in in progress holds the node's lock; once it commits the node is gone.
                long taken = session.executeWrite(tx -> tx.run("""
                        OPTIONAL MATCH (i:StagedImport {id: $id})
                        WITH i WHERE i IS NULL OR i.touched <= timestamp() - $after
                        DELETE i
                        RETURN count(*) AS n""", Map.of("id", id, "after", abandonedAfterMillis))
                        .single()
                        .get("n")
                        .asLong());
                if (taken == 0) {
                    continue;
                }
                log.warn("Removing the staged rows of import {}, abandoned before it finished", id);
                remove(driver, id);
                removed++;
            } catch (RuntimeException e) {
                log.warn("Could not remove the staged rows of import {} now: {}", id, e.getMessage());
            }
        }
        return removed;
    }
}
