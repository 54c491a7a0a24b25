package it.snodo.bench;

import it.snodo.engine.BoundedYenConnectionPaths;
import it.snodo.engine.ComplementaritySynergies;
import it.snodo.engine.ExactCoverIntegratedAnswers;
import it.snodo.engine.JGraphTJudge;
import it.snodo.engine.Network;
import it.snodo.engine.ReferralAlgorithm;
import it.snodo.engine.RemovalWhatIf;
import it.snodo.engine.RingScanReferrals;
import it.snodo.engine.WhatIfAnalysis;
import it.snodo.network.NetworkDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The engine alone, on a generated network built in memory (no Neo4j, no import): a quick loop
 * for working on an algorithm's speed. {@code java ... it.snodo.bench.EngineBench M [what...]},
 * what = referrals, paths, synergies, integrated, whatif, build. The numbers to publish come from
 * {@link Benchmark}. {@code EngineBench --check [S M]} has JGraphT judge the engine's answers
 * instead ({@link #check}).
 */
public final class EngineBench {

    private EngineBench() {}

    public static void main(String[] args) {
        if (List.of(args).contains("--check")) {
            check(List.of(args).stream().filter(a -> !a.equals("--check")).toList());
            return;
        }
        NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(args.length > 0 ? args[0] : "S");
        List<String> what = args.length > 1
                ? List.of(args).subList(1, args.length)
                : List.of("build", "referrals", "paths", "synergies", "integrated", "whatif");
        long s = System.nanoTime();
        NetworkDocument doc = NetworkGenerator.generate(scale, 42);
        System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", NetworkGenerator.describe(doc), secs(s));
        Network net = build(doc);
        if (what.contains("build")) {
            double[] ms = Benchmark.time(3, 1, i -> build(doc));
            report("snapshot build from rows (no Neo4j)", ms);
            report("referral indexes and routes of a snapshot", Benchmark.time(3, 1, i -> new RingScanReferrals(net)));
        }
        Random random = new Random(7);
        int[] muns = net.territoriesOfLevel(Network.MUNICIPALITY);
        if (what.contains("referrals")) {
            RingScanReferrals referrals = new RingScanReferrals(net);
            int n = 20_000;
            int[][] q = new int[n][];
            for (int i = 0; i < n; i++) {
                q[i] = new int[] {random.nextInt(net.categoryCount()), muns[random.nextInt(muns.length)]};
            }
            report(
                    "referral k=10 maxKm=25",
                    Benchmark.time(
                            n,
                            n,
                            i -> referrals.referrals(new ReferralAlgorithm.Query(q[i][0], q[i][1], 10, 25, false))));
        }
        if (what.contains("paths")) {
            BoundedYenConnectionPaths paths = new BoundedYenConnectionPaths(net);
            int n = 2_000;
            int[][] q = new int[n][];
            for (int i = 0; i < n; i++) {
                q[i] = new int[] {random.nextInt(net.actorCount()), random.nextInt(net.actorCount())};
            }
            report("connection paths k=5", Benchmark.time(n, n / 2, i -> paths.paths(q[i][0], q[i][1], 5)));
        }
        if (what.contains("synergies")) {
            ComplementaritySynergies synergies = new ComplementaritySynergies(net);
            List<Integer> coops = new ArrayList<>();
            for (int a = 0; a < net.actorCount(); a++) {
                if (net.isCooperative(a)) {
                    coops.add(a);
                }
            }
            report(
                    "synergies of one cooperative",
                    Benchmark.time(500, 500, i -> synergies.suggestions(coops.get(i % coops.size()), 10)));
            report("synergies for every cooperative (" + coops.size() + ")", Benchmark.time(3, 1, i -> {
                for (int a : coops) {
                    synergies.suggestions(a, 10);
                }
            }));
            // A caller with hidden places: 1 service in 100 of other providers left out, as if confidential.
            report(
                    "synergies of one cooperative, 1% hidden",
                    Benchmark.time(500, 500, i -> {
                        int a = coops.get(i % coops.size());
                        synergies.suggestions(a, 10, x -> x % 100 == 0 && net.provider(x) != a);
                    }));
        }
        if (what.contains("integrated")) {
            ExactCoverIntegratedAnswers answers = new ExactCoverIntegratedAnswers(net);
            int n = 1_000;
            int[][] q = new int[n][];
            for (int i = 0; i < n; i++) {
                q[i] = new int[] {
                    muns[random.nextInt(muns.length)],
                    random.nextInt(net.categoryCount()),
                    random.nextInt(net.categoryCount()),
                    random.nextInt(net.categoryCount())
                };
            }
            report(
                    "integrated answer, 3 categories, 25 km",
                    Benchmark.time(n, n, i -> answers.answer(q[i][0], new int[] {q[i][1], q[i][2], q[i][3]}, 25)));
        }
        if (what.contains("whatif")) {
            // One cooperative removed with its services and ties, as a planner asks of a member.
            RemovalWhatIf whatIf = new RemovalWhatIf(net);
            List<Integer> coops = new ArrayList<>();
            for (int a = 0; a < net.actorCount(); a++) {
                if (net.isCooperative(a)) {
                    coops.add(a);
                }
            }
            int n = 200;
            int[] removed = new int[n];
            for (int i = 0; i < n; i++) {
                removed[i] = coops.get(random.nextInt(coops.size()));
            }
            report(
                    "what-if, one cooperative removed",
                    Benchmark.time(
                            n,
                            n / 2,
                            i -> whatIf.impact(
                                    new WhatIfAnalysis.Removal(new int[] {removed[i]}, new int[0], new int[0][]))));
        }
    }

    /**
     * {@code --check [S|M|L ...]}: JGraphT judges the engine ({@link JGraphTJudge}) once per scale
     * (M when none is given), after a warm-up on S: every oracle on a sample, its agreement, and the
     * time each side took. Exits with 1 when an oracle disagrees.
     */
    private static void check(List<String> scales) {
        List<String> asked = scales.isEmpty() ? List.of("M") : scales;
        Network warm = build(NetworkGenerator.generate(NetworkGenerator.Scale.S, 42));
        new JGraphTJudge(warm).all(1, 200, 50, 50, true);
        boolean agree = true;
        for (String name : asked) {
            NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(name);
            long s = System.nanoTime();
            NetworkDocument doc = NetworkGenerator.generate(scale, 42);
            Network net = build(doc);
            System.out.printf(
                    Locale.ROOT,
                    "%s: generated and built %s in %.1f s%n",
                    scale,
                    NetworkGenerator.describe(doc),
                    secs(s));
            boolean small = scale == NetworkGenerator.Scale.S;
            s = System.nanoTime();
            List<JGraphTJudge.Verdict> verdicts = new JGraphTJudge(net)
                    .all(7, small ? 1_000 : 200, small ? 200 : 40, small ? 50 : 100, scale != NetworkGenerator.Scale.L);
            for (JGraphTJudge.Verdict v : verdicts) {
                System.out.println(v);
                agree &= v.agrees();
            }
            System.out.printf(Locale.ROOT, "%s: judged in %.1f s%n", scale, secs(s));
        }
        if (!agree) {
            System.exit(1);
        }
    }

    /** The same rows the snapshot loader reads from Neo4j, given to the builder directly. */
    public static Network build(NetworkDocument d) {
        Network.Builder b = Network.builder(1);
        d.territories().forEach(t -> b.territory(t.id(), t.name(), t.level().name(), t.partOf(), t.lat(), t.lon()));
        d.categories().forEach(c -> b.category(c.code(), c.name(), c.partOf()));
        d.cooperatives().forEach(c -> b.cooperative(c.id(), c.name(), c.type().name(), c.basedIn()));
        d.partners().forEach(p -> b.partner(p.id(), p.name(), p.kind().name(), p.basedIn()));
        d.services()
                .forEach(s -> b.service(
                        s.id(), s.name(), s.provider(), s.capacity(), s.occupied(), s.categories(), s.territories()));
        d.needs()
                .forEach(n -> b.need(
                        n.id(),
                        n.category(),
                        n.territory(),
                        n.people(),
                        n.urgency() == null ? null : n.urgency().name()));
        d.ties().forEach(t -> b.tie(t.from(), t.to(), t.kind().name(), t.strength()));
        return b.build();
    }

    private static void report(String name, double[] sorted) {
        System.out.printf(
                Locale.ROOT,
                "%-45s n=%6d  p50 %9.4f ms  p99 %9.4f ms  max %9.3f ms%n",
                name,
                sorted.length,
                sorted[(sorted.length - 1) / 2],
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)],
                sorted[sorted.length - 1]);
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
