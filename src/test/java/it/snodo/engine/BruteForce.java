package it.snodo.engine;

import it.snodo.engine.GapAnalysis.State;
import it.snodo.engine.RandomWorld.Actor;
import it.snodo.engine.RandomWorld.Need;
import it.snodo.engine.RandomWorld.Svc;
import it.snodo.engine.RandomWorld.Ter;
import it.snodo.engine.RandomWorld.Tie;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The oracle of the property tests: docs/design.md read literally, over the rows of a
 * {@link RandomWorld}, by ids.
 *
 * <p>Each method states a definition with the simplest code that does it: territories and
 * categories are walked up their parents one step at a time, connectivity is recounted from
 * scratch after each removal, simple and shortest paths are enumerated one by one. None of the
 * engine's indexes (coverage, Euler tour, sorted adjacency) is used, and nothing here is fast.
 */
final class BruteForce {

    private BruteForce() {}

    // ---------------------------------------------------------------- the trees and coverage

    /** True when {@code id} is {@code ancestor} or below it, walking the parents one by one. */
    static boolean isOrUnder(String id, String ancestor, UnaryOperator<String> parent) {
        for (String x = id; x != null; x = parent.apply(x)) {
            if (x.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** A service covers category c if it addresses c or a descendant of c. */
    static boolean coversCategory(RandomWorld w, Svc s, String category) {
        return s.categories().stream().anyMatch(c -> isOrUnder(c, category, w::parentCategory));
    }

    /** A service covers municipality m if it is available in m or in a territory m is part of. */
    static boolean coversMunicipality(RandomWorld w, Svc s, String municipality) {
        return s.territories().stream().anyMatch(t -> isOrUnder(municipality, t, w::parentTerritory));
    }

    /** Capacity less occupancy (none recorded counts as 0); unknown without a capacity. */
    static Integer freePlaces(Svc s) {
        return s.capacity() == null ? null : s.capacity() - (s.occupied() == null ? 0 : s.occupied());
    }

    static double km(Ter a, Ter b) {
        return Geo.distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
    }

    /** 0 when the service covers m, else the least distance from m to a municipality it covers (infinite if none). */
    static double distance(RandomWorld w, Svc s, Ter m) {
        List<Ter> covered = w.coveredBy(s);
        if (covered.contains(m)) {
            return 0;
        }
        double d = Double.POSITIVE_INFINITY;
        for (Ter other : covered) {
            d = Math.min(d, km(m, other));
        }
        return d;
    }

    /** The services that cover a need's category and its municipality. */
    static List<Svc> answering(RandomWorld w, Need x) {
        return w.services.values().stream()
                .filter(s -> coversCategory(w, s, x.category()) && coversMunicipality(w, s, x.territory()))
                .toList();
    }

    /** A need is answered when some service covering it is not removed, nor is its provider. */
    static boolean answered(List<Svc> answering, Set<String> goneActors, Set<String> goneServices) {
        return answering.stream().anyMatch(s -> !goneServices.contains(s.id()) && !goneActors.contains(s.provider()));
    }

    // ---------------------------------------------------------------- referrals

    record Expected(String service, double distanceKm, Integer freePlaces) {}

    /** The services a referral lists: category, distance and fullness filters, then the ranking, first k. */
    static List<Expected> referrals(
            RandomWorld w, String category, String municipality, int k, double maxKm, boolean includeFull) {
        Ter m = w.territories.get(municipality);
        List<Expected> out = new ArrayList<>();
        for (Svc s : w.services.values()) {
            if (!coversCategory(w, s, category)) {
                continue;
            }
            double distance = distance(w, s, m);
            if (!(distance <= maxKm)) {
                continue;
            }
            Integer free = freePlaces(s);
            if (!includeFull && free != null && free <= 0) {
                continue;
            }
            out.add(new Expected(s.id(), distance, free));
        }
        out.sort(Comparator.comparingDouble(Expected::distanceKm)
                .thenComparing(Expected::freePlaces, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Expected::service));
        return out.subList(0, Math.min(k, out.size()));
    }

    /** Hops from the nearest entry point of a need in the municipality, by breadth-first search. */
    static Map<String, Integer> hopsFromEntryPoints(
            RandomWorld w, Map<String, Map<String, Tie>> graph, String municipality) {
        Map<String, Integer> hops = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (Actor a : w.actors.values()) {
            if (isEntryPoint(a, municipality)) {
                hops.put(a.id(), 0);
                queue.add(a.id());
            }
        }
        while (!queue.isEmpty()) {
            String a = queue.poll();
            for (String b : graph.get(a).keySet()) {
                if (!hops.containsKey(b)) {
                    hops.put(b, hops.get(a) + 1);
                    queue.add(b);
                }
            }
        }
        return hops;
    }

    /** The consortium, or the social services of the need's own municipality. */
    static boolean isEntryPoint(Actor a, String municipality) {
        return a.cooperative() && a.type().equals(Network.CONSORTIUM)
                || !a.cooperative() && a.type().equals("MUNICIPALITY") && municipality.equals(a.basedIn());
    }

    // ---------------------------------------------------------------- the tie graph

    /** The undirected simple tie graph: for each actor, its neighbours with the pair's strongest tie. */
    static Map<String, Map<String, Tie>> tieGraph(Collection<String> actors, List<Tie> ties) {
        Map<String, Map<String, Tie>> graph = new TreeMap<>();
        actors.forEach(a -> graph.put(a, new TreeMap<>()));
        for (Tie t : ties) {
            for (String[] ends : new String[][] {{t.from(), t.to()}, {t.to(), t.from()}}) {
                graph.get(ends[0]).merge(ends[1], t, BruteForce::stronger);
            }
        }
        return graph;
    }

    static double strengthOf(Tie t) {
        return t.strength() == null ? 0 : t.strength();
    }

    /** The stronger of two ties of one pair; between equals, the kind first in the alphabet. */
    static Tie stronger(Tie a, Tie b) {
        int c = Double.compare(strengthOf(a), strengthOf(b));
        if (c != 0) {
            return c > 0 ? a : b;
        }
        return a.kind().compareTo(b.kind()) <= 0 ? a : b;
    }

    /** An undirected edge, its two ends in id order. */
    static List<String> edge(String a, String b) {
        return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }

    /** The tied pairs (several ties between a pair are one edge), ascending. */
    static Set<List<String>> edges(RandomWorld w) {
        Set<List<String>> edges = new TreeSet<>(BruteForce::compareLists);
        for (Tie t : w.ties) {
            edges.add(edge(t.from(), t.to()));
        }
        return edges;
    }

    /** The number of connected components of a graph: isolated vertices count one each. */
    static int componentCount(Collection<String> vertices, Collection<List<String>> edges) {
        return components(vertices, edges).size();
    }

    /** The connected components of a graph, by breadth-first search from each unvisited vertex. */
    static List<Set<String>> components(Collection<String> vertices, Collection<List<String>> edges) {
        Map<String, Set<String>> adjacency = adjacency(vertices, edges);
        Set<String> seen = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String start : new TreeSet<>(vertices)) {
            if (!seen.add(start)) {
                continue;
            }
            Set<String> component = new TreeSet<>();
            Deque<String> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                String v = queue.poll();
                component.add(v);
                for (String x : adjacency.get(v)) {
                    if (seen.add(x)) {
                        queue.add(x);
                    }
                }
            }
            out.add(component);
        }
        return out;
    }

    /** The adjacency of the graph the vertices induce: edges with an end outside are left out. */
    static Map<String, Set<String>> adjacency(Collection<String> vertices, Collection<List<String>> edges) {
        Map<String, Set<String>> adjacency = new TreeMap<>();
        vertices.forEach(v -> adjacency.put(v, new TreeSet<>()));
        for (List<String> e : edges) {
            if (adjacency.containsKey(e.get(0)) && adjacency.containsKey(e.get(1))) {
                adjacency.get(e.get(0)).add(e.get(1));
                adjacency.get(e.get(1)).add(e.get(0));
            }
        }
        return adjacency;
    }

    /** The actors whose removal increases the number of components among the remaining actors, ascending. */
    static List<String> articulationPoints(Collection<String> vertices, Collection<List<String>> edges) {
        int before = componentCount(vertices, edges);
        List<String> out = new ArrayList<>();
        for (String v : new TreeSet<>(vertices)) {
            List<String> rest = vertices.stream().filter(x -> !x.equals(v)).toList();
            if (componentCount(rest, edges) > before) {
                out.add(v);
            }
        }
        return out;
    }

    static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    // ---------------------------------------------------------------- connection paths

    record SimplePath(List<String> actors, List<String> kinds, double strength) {
        int hops() {
            return actors.size() - 1;
        }
    }

    /** Fewest hops, then the strongest (sum of the hops' strongest ties), then actor ids. */
    static final Comparator<SimplePath> DESIGN_ORDER = Comparator.comparingInt(SimplePath::hops)
            .thenComparing(SimplePath::strength, Comparator.reverseOrder())
            .thenComparing(SimplePath::actors, BruteForce::compareLists);

    /** Every simple path between two actors, by depth-first search, in the order the design ranks them. */
    static List<SimplePath> allSimplePaths(Map<String, Map<String, Tie>> graph, String from, String to) {
        List<SimplePath> out = new ArrayList<>();
        List<String> path = new ArrayList<>(List.of(from));
        dfs(graph, to, path, new HashSet<>(path), out);
        out.sort(DESIGN_ORDER);
        return out;
    }

    private static void dfs(
            Map<String, Map<String, Tie>> graph, String to, List<String> path, Set<String> on, List<SimplePath> out) {
        String last = path.get(path.size() - 1);
        if (last.equals(to)) {
            List<String> kinds = new ArrayList<>();
            double strength = 0;
            for (int i = 1; i < path.size(); i++) {
                Tie tie = graph.get(path.get(i - 1)).get(path.get(i));
                kinds.add(tie.kind());
                strength += strengthOf(tie);
            }
            out.add(new SimplePath(List.copyOf(path), kinds, strength));
            return;
        }
        for (String next : graph.get(last).keySet()) {
            if (on.add(next)) {
                path.add(next);
                dfs(graph, to, path, on, out);
                path.remove(path.size() - 1);
                on.remove(next);
            }
        }
    }

    /** Every shortest path from s to t, by breadth-first layers from s and a walk back from t. */
    static List<List<String>> allShortestPaths(Map<String, Set<String>> adjacency, String s, String t) {
        Map<String, Integer> dist = new HashMap<>(Map.of(s, 0));
        Deque<String> queue = new ArrayDeque<>(List.of(s));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String x : adjacency.get(v)) {
                if (!dist.containsKey(x)) {
                    dist.put(x, dist.get(v) + 1);
                    queue.add(x);
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        if (dist.containsKey(t)) {
            walkBack(adjacency, dist, new ArrayList<>(List.of(t)), out);
        }
        return out;
    }

    private static void walkBack(
            Map<String, Set<String>> adjacency, Map<String, Integer> dist, List<String> path, List<List<String>> out) {
        String last = path.get(path.size() - 1);
        if (dist.get(last) == 0) {
            List<String> p = new ArrayList<>(path);
            Collections.reverse(p);
            out.add(p);
            return;
        }
        for (String x : adjacency.get(last)) {
            if (dist.containsKey(x) && dist.get(x) == dist.get(last) - 1) {
                path.add(x);
                walkBack(adjacency, dist, path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    // ---------------------------------------------------------------- gaps

    record GapRow(
            String category, long demand, long supply, boolean supplyKnown, int providers, int services, State state) {}

    /** The gap rows of a territory: every category with demand or a covering service, in code order. */
    static List<GapRow> gaps(RandomWorld w, String territory) {
        List<String> muns = w.municipalities().stream()
                .map(Ter::id)
                .filter(m -> isOrUnder(m, territory, w::parentTerritory))
                .toList();
        List<GapRow> rows = new ArrayList<>();
        for (String c : w.categoryCodesSorted()) {
            long demand = 0;
            for (Need x : w.needs.values()) {
                if (muns.contains(x.territory()) && isOrUnder(x.category(), c, w::parentCategory)) {
                    demand += x.people();
                }
            }
            List<Svc> covering = new ArrayList<>();
            for (Svc s : w.services.values()) {
                if (coversCategory(w, s, c) && muns.stream().anyMatch(m -> coversMunicipality(w, s, m))) {
                    covering.add(s);
                }
            }
            if (demand == 0 && covering.isEmpty()) {
                continue;
            }
            long supply = 0;
            boolean known = true;
            Set<String> providers = new HashSet<>();
            for (Svc s : covering) {
                if (s.capacity() == null) {
                    known = false;
                } else {
                    supply += s.capacity() - (s.occupied() == null ? 0 : s.occupied());
                }
                providers.add(s.provider());
            }
            State state;
            if (demand > 0 && covering.isEmpty()) {
                state = State.UNCOVERED;
            } else if (known && supply < demand) {
                state = State.UNDER;
            } else if (providers.size() == 1) {
                state = State.FRAGILE;
            } else {
                state = State.COVERED;
            }
            rows.add(new GapRow(c, demand, supply, known, providers.size(), covering.size(), state));
        }
        return rows;
    }

    // ---------------------------------------------------------------- fragility

    record Fragile(
            List<String> articulationPoints,
            List<List<String>> bridges,
            List<List<String>> components,
            List<String> isolated) {}

    /** Cut points and bridges as "does removing it add a component", components of two or more, isolated actors. */
    static Fragile fragility(Collection<String> actors, Collection<List<String>> edges) {
        Map<String, Set<String>> adjacency = adjacency(actors, edges);
        List<List<String>> kept = edges.stream()
                .filter(e -> adjacency.containsKey(e.get(0)) && adjacency.containsKey(e.get(1)))
                .toList();
        int before = componentCount(actors, kept);
        List<List<String>> bridges = new ArrayList<>();
        for (List<String> e : kept) {
            List<List<String>> rest = kept.stream().filter(x -> !x.equals(e)).toList();
            if (componentCount(actors, rest) > before) {
                bridges.add(e);
            }
        }
        bridges.sort(BruteForce::compareLists);
        List<List<String>> parts = new ArrayList<>();
        for (Set<String> c : components(actors, kept)) {
            if (c.size() >= 2) {
                parts.add(List.copyOf(c));
            }
        }
        parts.sort(Comparator.comparing(c -> c.get(0)));
        List<String> isolated = new TreeSet<>(actors)
                .stream().filter(a -> adjacency.get(a).isEmpty()).toList();
        return new Fragile(articulationPoints(actors, kept), bridges, parts, isolated);
    }
}
