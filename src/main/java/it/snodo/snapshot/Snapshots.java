package it.snodo.snapshot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import it.snodo.engine.BiconnectivityFragility;
import it.snodo.engine.BoundedYenConnectionPaths;
import it.snodo.engine.BrandesLouvainMeasures;
import it.snodo.engine.ComplementaritySynergies;
import it.snodo.engine.ConnectionPathAlgorithm;
import it.snodo.engine.CoverageGaps;
import it.snodo.engine.ExactCoverIntegratedAnswers;
import it.snodo.engine.FragilityAnalysis;
import it.snodo.engine.GapAnalysis;
import it.snodo.engine.IntegratedAnswerAlgorithm;
import it.snodo.engine.Network;
import it.snodo.engine.NetworkMeasures;
import it.snodo.engine.ReferralAlgorithm;
import it.snodo.engine.RemovalWhatIf;
import it.snodo.engine.RingScanReferrals;
import it.snodo.engine.SynergyAlgorithm;
import it.snodo.engine.UnknownEntity;
import it.snodo.engine.WhatIfAnalysis;
import it.snodo.network.NetworkChanged;
import it.snodo.network.NetworkStore;
import it.snodo.network.SnapshotIds;

/**
 * The engine's current snapshot of the network, rebuilt off the request path after every
 * committed write and swapped atomically: readers never block on a rebuild and never see half a
 * change. A write of needs alone, the most frequent one, patches the snapshot on the writer's
 * thread before the write returns (the needs' arrays are rebuilt, everything else is shared). A
 * read that must see the writes before it waits, bounded, for a snapshot that holds them
 * ({@link #fresh()}).
 *
 * <p>Writes made elsewhere (another instance, or by hand in Neo4j) are found by polling the
 * version every {@code snodo.snapshot.poll} (default 2 s).
 */
@Component
public class Snapshots implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    /**
     * A snapshot and the algorithms built over it, which share its lifetime. Whole-network
     * analyses that cost more than a query (betweenness, communities, fragility) are computed at
     * most once per snapshot, on first use, and kept with it.
     */
    public static final class Engine {

        private static final String TOP_SYNERGIES = "top-synergies";

        private final Network network;
        private final SnapshotIds ids;
        private final ReferralAlgorithm referrals;
        private final ConnectionPathAlgorithm paths;
        private final GapAnalysis gaps;
        private final WhatIfAnalysis whatIf;
        private final SynergyAlgorithm synergies;
        private final IntegratedAnswerAlgorithm integratedAnswers;
        private final java.util.concurrent.ConcurrentMap<Object, Object> cache =
                new java.util.concurrent.ConcurrentHashMap<>();

        private Engine(Network network) {
            this.network = network;
            this.ids = new SnapshotIds(network);
            this.referrals = new RingScanReferrals(network);
            this.paths = new BoundedYenConnectionPaths(network);
            this.gaps = new CoverageGaps(network);
            this.whatIf = new RemovalWhatIf(network);
            this.synergies = new ComplementaritySynergies(network);
            this.integratedAnswers = new ExactCoverIntegratedAnswers(network);
        }

        /** The same snapshot with other needs: only what reads needs is built again. */
        private Engine(Engine base, Network network) {
            this.network = network;
            this.ids = new SnapshotIds(network);
            this.referrals = base.referrals;
            this.paths = base.paths;
            this.gaps = new CoverageGaps(network);
            this.whatIf = new RemovalWhatIf(network);
            // Synergies score open gaps, which needs change.
            this.synergies = new ComplementaritySynergies(network);
            this.integratedAnswers = base.integratedAnswers;
            // Of the cached analyses, only the top synergies read needs.
            base.cache.forEach((key, value) -> {
                if (!(key instanceof List<?> k && TOP_SYNERGIES.equals(k.get(0)))) {
                    cache.put(key, value);
                }
            });
        }

        static Engine of(Network network) {
            return new Engine(network);
        }

        /** This engine over {@code network}, which differs from its own in needs alone. */
        Engine withNeeds(Network network) {
            return new Engine(this, network);
        }

        public Network network() {
            return network;
        }

        public long version() {
            return network.version();
        }

        /** The ids of a request translated to this snapshot's indexes, or refused as the API refuses them. */
        public SnapshotIds ids() {
            return ids;
        }

        public ReferralAlgorithm referrals() {
            return referrals;
        }

        public ConnectionPathAlgorithm paths() {
            return paths;
        }

        public GapAnalysis gaps() {
            return gaps;
        }

        public WhatIfAnalysis whatIf() {
            return whatIf;
        }

        public SynergyAlgorithm synergies() {
            return synergies;
        }

        public IntegratedAnswerAlgorithm integratedAnswers() {
            return integratedAnswers;
        }

        /** The best pairs of the whole network, up to {@code limit}, computed once per snapshot and limit. */
        public List<SynergyAlgorithm.Pair> topSynergies(int limit) {
            return cached(List.of(TOP_SYNERGIES, limit), () -> synergies.top(limit));
        }

        /** The fragility of the whole tie graph, computed once per snapshot. */
        public FragilityAnalysis.Fragility fragility() {
            return cached("fragility", () -> new BiconnectivityFragility().analyze(network));
        }

        /** The measures of the whole tie graph (territory -1) or of the actors based in a territory, once each. */
        public NetworkMeasures.Measures measures(int territory) {
            // The scope is read before, not inside, the cache's compute: a ConcurrentHashMap may not
            // be updated from within its own computeIfAbsent ("Recursive update").
            int[] actors = scope(territory);
            return cached(List.of("measures", territory), () -> new BrandesLouvainMeasures().measure(network, actors));
        }

        /**
         * The measures of the actors based in a territory but the confidential ones (whose base is
         * not shown to everyone), once each; {@link #measures(int)} itself when none is based there.
         */
        public NetworkMeasures.Measures measuresWithoutConfidential(int territory) {
            int[] kept = scopeWithoutConfidential(territory);
            if (kept.length == scope(territory).length) {
                return measures(territory);
            }
            return cached(List.of("measures-without-confidential", territory),
                    () -> new BrandesLouvainMeasures().measure(network, kept));
        }

        /**
         * The actors measured for a territory (-1: all), ascending: {@code measures(t).betweenness()[i]}
         * belongs to {@code scope(t)[i]}.
         */
        public int[] scope(int territory) {
            int[] actors = cached(List.of("scope", territory), () -> territory < 0
                    ? java.util.stream.IntStream.range(0, network.actorCount()).toArray()
                    : NetworkMeasures.basedIn(network, territory));
            return actors.clone();
        }

        /** {@link #scope(int)} but the confidential actors: the scope of {@link #measuresWithoutConfidential}. */
        public int[] scopeWithoutConfidential(int territory) {
            int[] all = scope(territory);
            int[] actors = cached(List.of("scope-without-confidential", territory), () -> java.util.Arrays
                    .stream(all).filter(a -> !network.isConfidentialActor(a)).toArray());
            return actors.clone();
        }

        @SuppressWarnings("unchecked")
        private <T> T cached(Object key, java.util.function.Supplier<T> compute) {
            return (T) cache.computeIfAbsent(key, k -> compute.get());
        }
    }

    private final SnapshotLoader loader;
    private final NetworkStore store;
    private final Duration freshness;
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "snapshot-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    /** Changes of needs that came before the ones they follow, by version; guarded by {@code swapped}. */
    private final java.util.TreeMap<Long, NetworkChanged> pendingNeeds = new java.util.TreeMap<>();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final Object swapped = new Object();
    private volatile Engine current;

    Snapshots(SnapshotLoader loader, NetworkStore store,
            @Value("${snodo.snapshot.freshness-wait:5s}") Duration freshness) {
        this.loader = loader;
        this.store = store;
        this.freshness = freshness;
    }

    @Override
    public void afterPropertiesSet() {
        rebuild();
    }

    /** The current snapshot, whatever its version. */
    public Engine current() {
        return current;
    }

    /**
     * A snapshot that holds every write this service has committed, waiting for the rebuild
     * if need be — at most {@code snodo.snapshot.freshness-wait}, after which the newest
     * snapshot is answered.
     */
    public Engine fresh() {
        long wanted = store.lastCommitted();
        Engine engine = current;
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
    public Engine awaitCommitted() {
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
    public Engine rebuildNow() {
        rebuild();
        return current;
    }

    /**
     * After a commit, on the writer's thread: a write of needs alone patches the snapshot at once,
     * anything else asks for a rebuild. Writes commit in version order (each locks the version
     * first), but their events may come here out of order: a change of needs whose version is not
     * the next one waits, and is applied as soon as the versions before it are in the snapshot
     * (by patches or by a rebuild).
     */
    @EventListener
    void onChange(NetworkChanged change) {
        if (!change.needsOnly()) {
            requestRebuild();
            return;
        }
        synchronized (swapped) {
            if (current == null || change.version() <= current.version()) {
                return;
            }
            pendingNeeds.put(change.version(), change);
            if (!applyPendingNeeds()) {
                requestRebuild();
            }
        }
    }

    /**
     * Applies the waiting changes of needs that follow the current snapshot, in order; drops those
     * it already holds. False when one could not be applied (it names something the snapshot
     * does not have): then only a rebuild will do.
     */
    private boolean applyPendingNeeds() {
        pendingNeeds.headMap(current.version(), true).clear();
        NetworkChanged next;
        while ((next = pendingNeeds.remove(current.version() + 1)) != null) {
            long started = System.nanoTime();
            List<Network.NeedValues> written = next.needsWritten().stream()
                    .map(n -> new Network.NeedValues(n.id(), n.category(), n.territory(), n.people())).toList();
            try {
                current = current.withNeeds(current.network().withNeeds(next.version(), written,
                        next.needsDeleted()));
            } catch (UnknownEntity e) {
                pendingNeeds.clear();
                return false;
            }
            swapped.notifyAll();
            log.debug("Snapshot of network version {} patched with {} needs written, {} deleted in {} µs",
                    next.version(), written.size(), next.needsDeleted().size(),
                    (System.nanoTime() - started) / 1000);
        }
        return true;
    }

    @Scheduled(fixedDelayString = "${snodo.snapshot.poll:2s}", initialDelayString = "${snodo.snapshot.poll:2s}")
    void poll() {
        try {
            long version = loader.version();
            if (version > current.version() && !rebuilding.get()) {
                store.observed(version);
                requestRebuild();
            }
        } catch (RuntimeException e) {
            log.debug("Cannot poll the network version: {}", e.getMessage());
        }
    }

    /** Asks for a rebuild; requests that come while one is pending are served by that one. */
    void requestRebuild() {
        if (rebuildPending.compareAndSet(false, true)) {
            rebuilder.execute(() -> {
                rebuilding.set(true);
                rebuildPending.set(false);
                try {
                    rebuild();
                } catch (RuntimeException e) {
                    log.error("Snapshot rebuild failed; answering from version {}", current.version(), e);
                } finally {
                    rebuilding.set(false);
                }
            });
        }
    }

    private void rebuild() {
        long started = System.nanoTime();
        Engine engine = Engine.of(loader.load());
        synchronized (swapped) {
            if (current == null || engine.version() >= current.version()) {
                current = engine;
            }
            if (!applyPendingNeeds()) {
                requestRebuild();
            }
            swapped.notifyAll();
        }
        store.observed(engine.version());
        log.info("Snapshot of network version {} built in {} ms ({} services, {} actors, {} tied pairs)",
                engine.version(), (System.nanoTime() - started) / 1_000_000, engine.network().serviceCount(),
                engine.network().actorCount(), engine.network().tiedPairCount());
    }

    @Override
    public void destroy() {
        rebuilder.shutdownNow();
    }
}
