package it.snodo.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * One seeded random network, as the plain rows a user would import, and the snapshot built from
 * them: the world the property tests ({@link RandomNetworksTest}, {@link RandomAnalysesTest}) ask
 * the engine about and {@link BruteForce} answers from scratch.
 *
 * <p>{@link #generate} makes 10–40 municipalities within about 30 km of 45.5N 9.0E in 2–4
 * districts of one province; 3 root categories with 0–3 children (some with a grandchild); a
 * consortium, cooperatives and partners, some based in a district or nowhere; municipality
 * partners; 5–40 services, some without capacity or occupancy; 0–60 needs; random ties, some
 * parallel (of another kind or the same), some without strength. Ids are drawn without
 * repetition, so id order is not creation order, and {@link #build} hands the rows to the builder
 * shuffled, so the snapshot must not depend on either.
 */
final class RandomWorld {

    static final String[] TIE_KINDS = {
        "COLLABORATION", "CO_DESIGN", "CONVENTION", "CONTRACT", "FUNDING", "REFERRAL", "JOINT_TENDER"
    };
    static final String[] PARTNER_KINDS = {
        "MUNICIPALITY",
        "HEALTH_AGENCY",
        "ASSOCIATION",
        "VOLUNTEER_GROUP",
        "FOUNDATION",
        "SCHOOL",
        "UNION",
        "COMPANY",
        "OTHER"
    };
    static final String[] COOPERATIVE_TYPES = {"A", "B", "MIXED"};

    record Ter(String id, String level, String parent, double lat, double lon) {}

    record Cat(String code, String parent) {}

    record Actor(String id, boolean cooperative, String type, String basedIn) {}

    record Svc(
            String id,
            String provider,
            Integer capacity,
            Integer occupied,
            List<String> categories,
            List<String> territories) {}

    record Need(String id, String category, String territory, int people) {}

    record Tie(String from, String to, String kind, Double strength) {}

    final Map<String, Ter> territories = new LinkedHashMap<>();
    final Map<String, Cat> categories = new LinkedHashMap<>();
    final Map<String, Actor> actors = new LinkedHashMap<>();
    final Map<String, Svc> services = new LinkedHashMap<>();
    final Map<String, Need> needs = new LinkedHashMap<>();
    final List<Tie> ties = new ArrayList<>();

    private List<Ter> municipalities;
    private Map<String, List<Ter>> covered;

    /** The municipalities, in creation order (the rows are complete when this is first asked). */
    List<Ter> municipalities() {
        if (municipalities == null) {
            municipalities = territories.values().stream()
                    .filter(t -> t.level().equals(Network.MUNICIPALITY))
                    .toList();
        }
        return municipalities;
    }

    /** The municipalities a service covers, found once by {@link BruteForce#coversMunicipality} for each. */
    List<Ter> coveredBy(Svc s) {
        if (covered == null) {
            covered = new HashMap<>();
            for (Svc x : services.values()) {
                covered.put(
                        x.id(),
                        municipalities().stream()
                                .filter(m -> BruteForce.coversMunicipality(this, x, m.id()))
                                .toList());
            }
        }
        return covered.get(s.id());
    }

    List<String> categoryCodesSorted() {
        return new ArrayList<>(new TreeSet<>(categories.keySet()));
    }

    String parentTerritory(String id) {
        return territories.get(id).parent();
    }

    String parentCategory(String code) {
        return categories.get(code).parent();
    }

    /** The same rows without some services. */
    RandomWorld without(Collection<String> services) {
        RandomWorld w = new RandomWorld();
        w.territories.putAll(territories);
        w.categories.putAll(categories);
        w.actors.putAll(actors);
        w.services.putAll(this.services);
        w.services.keySet().removeAll(services);
        w.needs.putAll(needs);
        w.ties.addAll(ties);
        return w;
    }

    /** Rows are given to the builder in a shuffled order: the snapshot must not depend on it. */
    Network build(Random random) {
        Network.Builder b = Network.builder(random.nextInt(1000));
        List<Ter> ts = new ArrayList<>(territories.values());
        Collections.shuffle(ts, random);
        ts.forEach(t -> b.territory(
                t.id(),
                t.id(),
                t.level(),
                t.parent(),
                t.level().equals(Network.MUNICIPALITY) ? t.lat() : null,
                t.level().equals(Network.MUNICIPALITY) ? t.lon() : null));
        List<Cat> cs = new ArrayList<>(categories.values());
        Collections.shuffle(cs, random);
        cs.forEach(c -> b.category(c.code(), c.code(), c.parent()));
        List<Actor> as = new ArrayList<>(actors.values());
        Collections.shuffle(as, random);
        for (Actor a : as) {
            if (a.cooperative()) {
                b.cooperative(a.id(), a.id(), a.type(), a.basedIn());
            } else {
                b.partner(a.id(), a.id(), a.type(), a.basedIn());
            }
        }
        List<Svc> ss = new ArrayList<>(services.values());
        Collections.shuffle(ss, random);
        ss.forEach(s ->
                b.service(s.id(), s.id(), s.provider(), s.capacity(), s.occupied(), s.categories(), s.territories()));
        List<Need> ns = new ArrayList<>(needs.values());
        Collections.shuffle(ns, random);
        ns.forEach(x -> b.need(x.id(), x.category(), x.territory(), x.people()));
        ties.forEach(t -> b.tie(t.from(), t.to(), t.kind(), t.strength()));
        return b.build();
    }

    // ---------------------------------------------------------------- drawing

    /** Distinct random ids: a prefix and numbers drawn without repetition, so id order is not creation order. */
    static List<String> ids(Random random, String prefix, int count, int range, String format) {
        List<Integer> numbers =
                new ArrayList<>(IntStream.range(0, range).boxed().toList());
        Collections.shuffle(numbers, random);
        return numbers.subList(0, count).stream()
                .map(i -> prefix + String.format(format, i))
                .toList();
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Up to {@code max} distinct items, possibly none. */
    static <T> List<T> sample(Random random, List<T> items, int max) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(copy.size(), random.nextInt(max + 1)));
    }

    /** A tie's strength: 0–1 in steps of 0.05, or unknown one time in five. */
    static Double strength(Random random) {
        return random.nextInt(5) == 0 ? null : random.nextInt(21) / 20.0;
    }

    /**
     * A random network (see the class comment) with {@code 3 + extraActors} consortium,
     * cooperatives and partners at most, plus 1–{@code maxComuni} municipality partners.
     */
    static RandomWorld generate(Random random, int extraActors, int maxComuni) {
        RandomWorld w = new RandomWorld();
        w.territories.put("prov-mi", new Ter("prov-mi", "PROVINCE", null, 0, 0));
        int districts = 2 + random.nextInt(3);
        List<String> districtIds = new ArrayList<>();
        for (int i = 1; i <= districts; i++) {
            String id = "ambito-" + i;
            districtIds.add(id);
            w.territories.put(id, new Ter(id, "DISTRICT", "prov-mi", 0, 0));
        }
        // Municipalities within about 30 km of 45.5N 9.0E (0.27 degrees of latitude, 0.385 of longitude).
        for (String id : ids(random, "015", 10 + random.nextInt(31), 1000, "%03d")) {
            double lat = 45.5 + (2 * random.nextDouble() - 1) * 0.27;
            double lon = 9.0 + (2 * random.nextDouble() - 1) * 0.385;
            w.territories.put(id, new Ter(id, Network.MUNICIPALITY, pick(random, districtIds), lat, lon));
        }
        List<String> municipalityIds = w.municipalities().stream().map(Ter::id).toList();

        for (int r = 0; r < 3; r++) {
            String root = "cat" + r;
            w.categories.put(root, new Cat(root, null));
            int children = random.nextInt(4);
            for (int c = 0; c < children; c++) {
                String child = root + "-" + c;
                w.categories.put(child, new Cat(child, root));
                if (random.nextInt(4) == 0) {
                    w.categories.put(child + "-x", new Cat(child + "-x", child));
                }
            }
        }
        List<String> categoryCodes = new ArrayList<>(w.categories.keySet());

        int actorCount = 3 + random.nextInt(extraActors + 1);
        List<String> actorIds = ids(random, "act-", actorCount, 100, "%02d");
        for (int i = 0; i < actorCount; i++) {
            String id = actorIds.get(i);
            int where = random.nextInt(10);
            String basedIn = where == 0 ? null : where == 1 ? pick(random, districtIds) : pick(random, municipalityIds);
            if (i == 0) {
                w.actors.put(id, new Actor(id, true, Network.CONSORTIUM, basedIn));
            } else if (random.nextBoolean()) {
                w.actors.put(
                        id, new Actor(id, true, COOPERATIVE_TYPES[random.nextInt(COOPERATIVE_TYPES.length)], basedIn));
            } else {
                String kind =
                        random.nextInt(5) < 2 ? "MUNICIPALITY" : PARTNER_KINDS[random.nextInt(PARTNER_KINDS.length)];
                w.actors.put(id, new Actor(id, false, kind, basedIn));
            }
        }
        // Municipality partners based in some of the municipalities the queries will ask about.
        for (String id : ids(random, "comune-", 1 + random.nextInt(maxComuni), 100, "%02d")) {
            w.actors.put(id, new Actor(id, false, "MUNICIPALITY", pick(random, municipalityIds)));
        }
        List<String> allActors = new ArrayList<>(w.actors.keySet());

        List<String> territoryIds = new ArrayList<>(w.territories.keySet());
        for (String id : ids(random, "svc-", 5 + random.nextInt(36), 1000, "%03d")) {
            Set<String> cats = new HashSet<>();
            int nc = 1 + random.nextInt(2);
            while (cats.size() < nc) {
                cats.add(pick(random, categoryCodes));
            }
            Set<String> ters = new HashSet<>();
            int nt = 1 + random.nextInt(3);
            while (ters.size() < nt) {
                ters.add(pick(random, territoryIds));
            }
            Integer capacity = random.nextInt(4) == 0 ? null : random.nextInt(21);
            Integer occupied = random.nextInt(3) == 0 ? null : random.nextInt(26);
            w.services.put(
                    id,
                    new Svc(
                            id,
                            pick(random, allActors),
                            capacity,
                            occupied,
                            List.copyOf(new TreeSet<>(cats)),
                            List.copyOf(new TreeSet<>(ters))));
        }

        for (String id : ids(random, "need-", random.nextInt(61), 1000, "%03d")) {
            w.needs.put(
                    id,
                    new Need(id, pick(random, categoryCodes), pick(random, municipalityIds), 1 + random.nextInt(30)));
        }

        int tieCount = random.nextInt(2 * allActors.size() + 1);
        for (int i = 0; i < tieCount; i++) {
            String a = pick(random, allActors);
            String b = pick(random, allActors);
            if (a.equals(b)) {
                continue;
            }
            int kind = random.nextInt(TIE_KINDS.length);
            w.ties.add(new Tie(a, b, TIE_KINDS[kind], strength(random)));
            int parallel = random.nextInt(4);
            if (parallel == 0) {
                // Another tie of another kind between the same pair, either way round.
                String other = TIE_KINDS[(kind + 1 + random.nextInt(TIE_KINDS.length - 1)) % TIE_KINDS.length];
                w.ties.add(
                        random.nextBoolean()
                                ? new Tie(b, a, other, strength(random))
                                : new Tie(a, b, other, strength(random)));
            } else if (parallel == 1 && random.nextBoolean()) {
                // The same kind again: still one kind for the pair.
                w.ties.add(new Tie(b, a, TIE_KINDS[kind], strength(random)));
            }
        }
        return w;
    }
}
