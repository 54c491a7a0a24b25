package it.snodo.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * One snapshot of the network with everything that answers from it: the algorithms built over
 * it, and its whole-network analyses, which share its lifetime. The REST layers take one per
 * request and ask it every question of that request, so an answer never mixes two versions.
 *
 * <p>The algorithms are built with it. The analyses that cost more than a query (fragility,
 * measures, top synergies) are computed at most once per snapshot, on first use, and kept: each
 * in a memo of its own, keyed by a record of its parameters where it has any.
 *
 * <p>After a write of needs alone, {@link #withNeeds} gives the next snapshot: what reads no
 * needs is shared with this one (referrals, connection paths, integrated answers, and the
 * fragility, measures and scopes computed or still to be computed); what reads needs is built
 * again (gaps, what-if, synergies, and the top synergies, which score open gaps). After a write
 * of services, {@link #patched} builds referrals and integrated answers again too.
 */
public final class EngineSnapshot {

    /**
     * The actors the measures of a territory are taken on: those based in it or in a territory
     * part of it (every actor for territory -1), with or without the confidential partners.
     */
    private record Scope(int territory, boolean withoutConfidential) {}

    private final Network network;
    private final ReferralAlgorithm referrals;
    private final ConnectionPathAlgorithm paths;
    private final IntegratedAnswerAlgorithm integratedAnswers;
    private final GapAnalysis gaps;
    private final WhatIfAnalysis whatIf;
    private final SynergyAlgorithm synergies;
    /** The analyses that read no needs: shared with the snapshots patched from this one. */
    private final Once<FragilityAnalysis.Fragility> fragility;

    private final Memo<Scope, int[]> scopes;
    private final Memo<Scope, NetworkMeasures.Measures> measures;
    /** The best pairs by limit: they score open gaps, so needs change them. */
    private final Memo<Integer, List<SynergyAlgorithm.Pair>> topSynergies;

    private EngineSnapshot(Network network) {
        this.network = Objects.requireNonNull(network, "network");
        this.referrals = new RingScanReferrals(network);
        this.paths = new BoundedYenConnectionPaths(network);
        this.integratedAnswers = new ExactCoverIntegratedAnswers(network);
        this.gaps = new CoverageGaps(network);
        this.whatIf = new RemovalWhatIf(network);
        this.synergies = new ComplementaritySynergies(network);
        this.topSynergies = new Memo<>();
        this.fragility = new Once<>();
        this.scopes = new Memo<>();
        this.measures = new Memo<>();
    }

    /**
     * {@code base} over {@code network}, which differs from base's in needs, services or neither
     * (as {@code patch} says): only what reads what changed is new.
     */
    private EngineSnapshot(EngineSnapshot base, Network network, Network.Patch patch) {
        boolean services = patch.changesServices();
        boolean demand = services || patch.changesNeeds();
        this.network = network;
        this.referrals = services ? new RingScanReferrals(network) : base.referrals;
        this.paths = base.paths;
        this.integratedAnswers = services ? new ExactCoverIntegratedAnswers(network) : base.integratedAnswers;
        this.gaps = demand ? new CoverageGaps(network) : base.gaps;
        this.whatIf = demand ? new RemovalWhatIf(network) : base.whatIf;
        this.synergies = demand ? new ComplementaritySynergies(network) : base.synergies;
        this.topSynergies = demand ? new Memo<>() : base.topSynergies;
        this.fragility = base.fragility;
        this.scopes = base.scopes;
        this.measures = base.measures;
    }

    /** The snapshot of {@code network}, with its algorithms built and no analysis computed yet. */
    public static EngineSnapshot of(Network network) {
        return new EngineSnapshot(network);
    }

    /**
     * This snapshot after a write of needs alone, at a new version ({@link Network#withNeeds}):
     * the needs and what reads them are built again, the rest is shared.
     *
     * @throws UnknownEntity when a need names a category or territory this snapshot does not have
     */
    public EngineSnapshot withNeeds(long version, List<Network.NeedValues> written, Collection<String> deleted) {
        return patched(version, Network.Patch.ofNeeds(written, deleted));
    }

    /**
     * This snapshot after a write of needs and services, at a new version ({@link
     * Network#patched}): what reads needs (gaps, what-if, synergies) is built again when needs or
     * services changed, what reads services (referrals, integrated answers) when services did;
     * connection paths, fragility and measures, which read only actors and ties, are always
     * shared. A patch that changes neither shares everything: a write of what the snapshot does
     * not hold.
     *
     * @throws UnknownEntity when a row names something this snapshot does not have
     */
    public EngineSnapshot patched(long version, Network.Patch patch) {
        return new EngineSnapshot(this, network.patched(version, patch), patch);
    }

    public Network network() {
        return network;
    }

    /** The network version this snapshot holds. */
    public long version() {
        return network.version();
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
        return topSynergies.get(limit, synergies::top);
    }

    /** The fragility of the whole tie graph, computed once per snapshot. */
    public FragilityAnalysis.Fragility fragility() {
        return fragility.get(() -> new BiconnectivityFragility().analyze(network));
    }

    /** The measures of the whole tie graph (territory -1) or of the actors based in a territory, once each. */
    public NetworkMeasures.Measures measures(int territory) {
        return measures(new Scope(territory, false));
    }

    /**
     * The measures of the actors based in a territory but the confidential ones (whose base is
     * not shown to everyone), once each; {@link #measures(int)} itself when none is based there.
     */
    public NetworkMeasures.Measures measuresWithoutConfidential(int territory) {
        Scope without = new Scope(territory, true);
        if (actors(without).length == actors(new Scope(territory, false)).length) {
            return measures(territory);
        }
        return measures(without);
    }

    /**
     * The actors measured for a territory (-1: all), ascending: {@code measures(t).betweenness()[i]}
     * belongs to {@code scope(t)[i]}.
     */
    public int[] scope(int territory) {
        return actors(new Scope(territory, false)).clone();
    }

    /** {@link #scope(int)} but the confidential actors: the scope of {@link #measuresWithoutConfidential}. */
    public int[] scopeWithoutConfidential(int territory) {
        return actors(new Scope(territory, true)).clone();
    }

    private NetworkMeasures.Measures measures(Scope scope) {
        // The actors are read before, not inside, the measures' compute: they have a memo of their own.
        int[] actors = actors(scope);
        return measures.get(scope, s -> new BrandesLouvainMeasures().measure(network, actors));
    }

    /** The actors of a scope, computed once; not to be changed. */
    private int[] actors(Scope scope) {
        if (!scope.withoutConfidential()) {
            return scopes.get(
                    scope,
                    s -> s.territory() < 0
                            ? IntStream.range(0, network.actorCount()).toArray()
                            : NetworkMeasures.basedIn(network, s.territory()));
        }
        // Read before the compute: a memo's compute must not ask the same memo.
        int[] all = actors(new Scope(scope.territory(), false));
        return scopes.get(
                scope,
                s -> Arrays.stream(all)
                        .filter(a -> !network.isConfidentialActor(a))
                        .toArray());
    }

    /**
     * Values computed at most once per key, on first use, and kept: one analysis of one snapshot,
     * keyed by its parameters. Safe to share between threads; a value is computed under its key's
     * lock (a second asker waits for it), so a compute must not ask the same memo for another key
     * ({@link ConcurrentHashMap#computeIfAbsent}: "Recursive update").
     */
    private static final class Memo<K, V> {

        private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();

        V get(K key, Function<? super K, ? extends V> compute) {
            return values.computeIfAbsent(key, compute);
        }
    }

    /** A value computed at most once, on first use, and kept: one analysis without parameters. */
    private static final class Once<V> {

        private volatile V value;

        V get(Supplier<? extends V> compute) {
            V v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = compute.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
