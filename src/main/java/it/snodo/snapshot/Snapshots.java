package it.snodo.snapshot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import it.snodo.engine.EngineSnapshot;
import it.snodo.engine.Network;
import it.snodo.engine.UnknownEntity;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkChanged;
import it.snodo.network.NetworkStore;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engine's current snapshot of the network ({@link EngineSnapshot}: the network, its
 * algorithms and its analyses), rebuilt off the request path after every committed write and
 * swapped atomically: readers never block on a rebuild and never see half a change. A write of
 * needs or services, the most frequent ones, patches the snapshot on the writer's thread before
 * the write returns ({@link EngineSnapshot#patched}: the needs, the services and what reads them
 * are built again, everything else is shared), and so does a write of what the snapshot does not
 * hold (skills, spaces: the same snapshot at the new version). A read that must see the writes before it waits, bounded, for a
 * snapshot that holds them ({@link #fresh()}).
 *
 * <p>Writes made elsewhere (another replica on the same Neo4j, or by hand) are found by polling
 * the version node every {@code snodo.snapshot.poll} (default 2 s): one read of one property, since
 * every write of the network bumps it in its own transaction. A write elsewhere is in this
 * replica's answers within one poll and one build.
 */
@Component
public class Snapshots implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    private final SnapshotLoader loader;
    private final NetworkStore store;
    private final Duration freshness;
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "snapshot-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    /** Patchable changes that came before the ones they follow, by version; guarded by {@code swapped}. */
    private final java.util.TreeMap<Long, NetworkChanged> pending = new java.util.TreeMap<>();

    private final AtomicBoolean rebuilding = new AtomicBoolean();
    /** The version the last poll found in the database. */
    private volatile long polled;

    private final Object swapped = new Object();
    private volatile EngineSnapshot current;
    /** When the current snapshot was swapped in (built or patched), in epoch milliseconds. */
    private volatile long swappedAt;
    /** 1 while the last poll reached Neo4j, 0 after one that did not. */
    private final java.util.concurrent.atomic.AtomicInteger neo4jAnswers =
            new java.util.concurrent.atomic.AtomicInteger(1);

    private final Timer builds;
    private final ApplicationEventPublisher events;
    /** True once the service has started: from then on, readiness follows Neo4j. */
    private volatile boolean started;

    Snapshots(
            SnapshotLoader loader,
            NetworkStore store,
            @Value("${snodo.snapshot.freshness-wait:5s}") Duration freshness,
            MeterRegistry meters,
            ApplicationEventPublisher events) {
        this.events = events;
        this.loader = loader;
        this.store = store;
        this.freshness = freshness;
        this.builds = Timer.builder("snodo.snapshot.build")
                .description("Snapshots built from Neo4j, and how long each took")
                .register(meters);
        Gauge.builder("snodo.snapshot.version", this, s -> s.current == null ? Double.NaN : s.current.version())
                .description("The network version the engine answers from")
                .register(meters);
        Gauge.builder(
                        "snodo.snapshot.age",
                        this,
                        s -> s.current == null ? Double.NaN : (System.currentTimeMillis() - s.swappedAt) / 1000.0)
                .baseUnit("seconds")
                .description("Seconds since the snapshot answered from was built or patched")
                .register(meters);
        Gauge.builder(
                        "snodo.snapshot.size",
                        this,
                        s -> s.current == null
                                ? Double.NaN
                                : s.current.network().arrayBytes())
                .baseUnit("bytes")
                .description("Bytes of the snapshot's arrays")
                .register(meters);
        Gauge.builder("snodo.neo4j.available", neo4jAnswers, java.util.concurrent.atomic.AtomicInteger::get)
                .description("1 while the last poll of the network version reached Neo4j, else 0")
                .register(meters);
    }

    @Override
    public void afterPropertiesSet() {
        rebuild(true);
    }

    /** The current snapshot, whatever its version. */
    public EngineSnapshot current() {
        return current;
    }

    /**
     * A snapshot that holds every write this service has committed, waiting for the rebuild
     * if need be — at most {@code snodo.snapshot.freshness-wait}, after which the newest
     * snapshot is answered.
     */
    public EngineSnapshot fresh() {
        long wanted = store.lastCommitted();
        EngineSnapshot engine = current;
        if (engine.version() >= wanted) {
            return engine;
        }
        // The commit's event has asked for the rebuild already (and the poll retries a failed one).
        long deadline = System.nanoTime() + freshness.toNanos();
        synchronized (swapped) {
            while ((engine = current).version() < wanted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Answering from snapshot {} while version {} is committed", engine.version(), wanted);
                    return engine;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(swapped, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return current;
                }
            }
        }
        return engine;
    }

    /**
     * Waits, with no bound, for a snapshot that holds every write this service has committed:
     * for a write made while the service starts (the demo), which the service is not ready
     * before. A failed rebuild is retried by the poll, so the wait ends when Neo4j answers.
     */
    public EngineSnapshot awaitCommitted() {
        long wanted = store.lastCommitted();
        synchronized (swapped) {
            while (current.version() < wanted) {
                try {
                    swapped.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return current;
        }
    }

    /** Builds and swaps in a snapshot now, on the caller's thread; for operators and benchmarks. */
    public EngineSnapshot rebuildNow() {
        rebuild(true);
        return current;
    }

    /**
     * After a commit, on the writer's thread: a write of needs, services, or what the snapshot does
     * not hold (skills, spaces) patches the snapshot at once ({@link NetworkChanged#patchable}),
     * anything else asks for a rebuild. Writes commit in version order (each locks the version
     * first), but their events may come here out of order: a patchable change whose version is not
     * the next one waits, and is applied as soon as the versions before it are in the snapshot
     * (by patches or by a rebuild).
     */
    @EventListener
    void onChange(NetworkChanged change) {
        if (!change.patchable()) {
            requestRebuild();
            return;
        }
        synchronized (swapped) {
            if (current == null || change.version() <= current.version()) {
                return;
            }
            pending.put(change.version(), change);
            if (!applyPending()) {
                requestRebuild();
            }
        }
    }

    /**
     * Applies the waiting patchable changes that follow the current snapshot, in order; drops
     * those it already holds. False when one could not be applied (it names something the
     * snapshot does not have): then only a rebuild will do.
     */
    private boolean applyPending() {
        pending.headMap(current.version(), true).clear();
        NetworkChanged next;
        while ((next = pending.remove(current.version() + 1)) != null) {
            long started = System.nanoTime();
            Network.Patch patch = patch(next);
            try {
                current = current.patched(next.version(), patch);
                swappedAt = System.currentTimeMillis();
            } catch (UnknownEntity e) {
                pending.clear();
                return false;
            }
            swapped.notifyAll();
            log.debug(
                    "Snapshot of network version {} patched with {} needs and {} services written, {} and {} deleted in {} µs",
                    next.version(),
                    patch.needsWritten().size(),
                    patch.servicesWritten().size(),
                    patch.needsDeleted().size(),
                    patch.servicesDeleted().size(),
                    (System.nanoTime() - started) / 1000);
        }
        return true;
    }

    /** What a patchable change writes into the snapshot: its needs and services (the rest it does not hold). */
    private static Network.Patch patch(NetworkChanged change) {
        return new Network.Patch(
                change.written().needs().stream()
                        .map(n -> new Network.NeedValues(
                                n.id(),
                                n.category(),
                                n.territory(),
                                n.people(),
                                n.urgency() == null ? null : n.urgency().name()))
                        .toList(),
                change.deletedOf(EntityKind.NEED),
                change.written().services().stream()
                        .map(s -> new Network.ServiceValues(
                                s.id(),
                                s.name(),
                                s.provider(),
                                s.capacity(),
                                s.occupied(),
                                s.categories(),
                                s.territories(),
                                Boolean.TRUE.equals(s.confidential())))
                        .toList(),
                change.deletedOf(EntityKind.SERVICE));
    }

    @Scheduled(fixedDelayString = "${snodo.snapshot.poll:2s}", initialDelayString = "${snodo.snapshot.poll:2s}")
    void poll() {
        try {
            long version = loader.version();
            if (neo4jAnswers.getAndSet(1) == 0 && started) {
                log.info("Neo4j answers again: ready");
                AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
            polled = version;
            if (version > current.version()) {
                store.observed(version);
                if (!rebuilding.get()) {
                    requestRebuild();
                }
                // else the rebuild under way may have read before this version: it asks for
                // another when it is done and finds itself older than the last poll.
            }
        } catch (RuntimeException e) {
            if (neo4jAnswers.getAndSet(0) == 1 && started) {
                // Analyses still answer from the snapshot, but nothing that needs the database
                // does: a load balancer should send the traffic to a replica that reaches it.
                log.warn("Neo4j does not answer: not ready until it does ({})", e.getMessage());
                AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
            }
            log.debug("Cannot poll the network version: {}", e.getMessage());
        }
    }

    /** The start is over (Spring Boot turns readiness on right after): readiness follows Neo4j from now. */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        started = true;
    }

    /** Asks for a rebuild; requests that come while one is pending are served by that one. */
    void requestRebuild() {
        if (rebuildPending.compareAndSet(false, true)) {
            rebuilder.execute(() -> {
                rebuilding.set(true);
                rebuildPending.set(false);
                try {
                    rebuild(false);
                    if (current.version() < polled) {
                        requestRebuild();
                    }
                } catch (RuntimeException e) {
                    log.error("Snapshot rebuild failed; answering from version {}", current.version(), e);
                } finally {
                    rebuilding.set(false);
                }
            });
        }
    }

    /**
     * Builds a snapshot from the database and swaps it in when it is newer than the current one
     * (or as new, when {@code evenIfSame}: for {@link #rebuildNow}). A rebuild asked for by a poll
     * that read a version just before the writer's own patch swapped it in finds the patched
     * snapshot as new as itself, and leaves it: the patch holds the same network.
     */
    private void rebuild(boolean evenIfSame) {
        long started = System.nanoTime();
        EngineSnapshot engine = EngineSnapshot.of(loader.load());
        builds.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        synchronized (swapped) {
            if (current == null
                    || engine.version() > current.version()
                    || evenIfSame && engine.version() == current.version()) {
                current = engine;
                swappedAt = System.currentTimeMillis();
            }
            if (!applyPending()) {
                requestRebuild();
            }
            swapped.notifyAll();
        }
        store.observed(engine.version());
        log.info(
                "Snapshot of network version {} built in {} ms ({} services, {} actors, {} tied pairs)",
                engine.version(),
                (System.nanoTime() - started) / 1_000_000,
                engine.network().serviceCount(),
                engine.network().actorCount(),
                engine.network().tiedPairCount());
    }

    @Override
    public void destroy() {
        rebuilder.shutdownNow();
    }
}
