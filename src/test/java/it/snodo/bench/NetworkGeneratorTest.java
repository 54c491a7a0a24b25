package it.snodo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.bench.NetworkGenerator.Scale;
import it.snodo.network.Category;
import it.snodo.network.Cooperative;
import it.snodo.network.CooperativeType;
import it.snodo.network.Need;
import it.snodo.network.NetworkDocument;
import it.snodo.network.Partner;
import it.snodo.network.PartnerKind;
import it.snodo.network.Service;
import it.snodo.network.Territory;
import it.snodo.network.TerritoryLevel;
import it.snodo.network.Tie;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark generator: deterministic, of the promised size, and valid by every import rule. */
class NetworkGeneratorTest {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final NetworkDocument s = NetworkGenerator.generate(Scale.S, 42);

    @Test
    void sameSeedGivesAnEqualDocumentAndAnotherSeedAnother() {
        assertThat(NetworkGenerator.generate(Scale.S, 42)).isEqualTo(s);
        NetworkDocument other = NetworkGenerator.generate(Scale.S, 43);
        assertThat(other).isNotEqualTo(s);
        assertThat(other.territories()).as("S always has the real territories").isEqualTo(s.territories());
        assertThat(other.services()).isNotEqualTo(s.services());
        assertThat(other.needs()).isNotEqualTo(s.needs());
        assertThat(other.ties()).isNotEqualTo(s.ties());
    }

    @Test
    void sIsAConsortiumOfTheExpectedSize() {
        assertThat(count(s, TerritoryLevel.MUNICIPALITY)).isEqualTo(67);
        assertThat(count(s, TerritoryLevel.DISTRICT)).isEqualTo(5);
        assertThat(count(s, TerritoryLevel.PROVINCE)).isEqualTo(1);
        assertThat(count(s, TerritoryLevel.REGION)).isEqualTo(1);
        assertThat(s.categories()).hasSize(84);
        assertThat(s.cooperatives()).hasSizeBetween(40, 60);
        assertThat(s.cooperatives().stream().filter(c -> c.type() == CooperativeType.CONSORTIUM))
                .hasSize(1);
        long members =
                s.cooperatives().stream().filter(c -> c.memberOf() != null).count();
        assertThat(members)
                .isGreaterThan(s.cooperatives().size() / 2)
                .isLessThan(s.cooperatives().size() - 1);
        assertThat(s.partners()).hasSizeBetween(80, 120);
        assertThat(s.partners().stream().map(Partner::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(PartnerKind.values());
        assertThat(s.partners().stream()
                        .filter(p -> p.kind() == PartnerKind.MUNICIPALITY)
                        .count())
                .isBetween(20L, 40L);
        assertThat(s.services()).hasSizeBetween(400, 600);
        assertThat(s.needs()).hasSizeBetween(4_000, 6_000);
        assertThat(s.ties()).hasSizeBetween(200, 400);
    }

    @Test
    void sPassesEveryValidationRule() {
        assertThat(violations(s)).isEmpty();
    }

    @Test
    void sValuesArePlausible() {
        Map<String, Territory> territories = index(s.territories(), Territory::id);
        Map<String, Category> categories = index(s.categories(), Category::code);
        for (Cooperative c : s.cooperatives()) {
            assertThat(c.name()).matches("(Cooperativa Sintetica|Consorzio Sintetico) \\d+");
        }
        s.partners().forEach(p -> assertThat(p.name()).contains("Sintetic"));
        for (Service v : s.services()) {
            assertThat(v.name()).startsWith("Servizio Sintetico ");
            assertThat(v.categories())
                    .hasSizeBetween(1, 2)
                    .allSatisfy(c ->
                            assertThat(categories.get(c).partOf()).as("a leaf").isNotNull());
            List<Territory> where =
                    v.territories().stream().map(territories::get).toList();
            if (where.get(0).level() == TerritoryLevel.DISTRICT) {
                assertThat(where).hasSize(1);
            } else {
                assertThat(where)
                        .hasSizeBetween(1, 5)
                        .allSatisfy(t -> assertThat(t.level()).isEqualTo(TerritoryLevel.MUNICIPALITY));
            }
            if (v.capacity() != null) {
                assertThat(v.capacity()).isBetween(5, 60);
            }
            if (v.occupied() != null) {
                assertThat(v.capacity()).isNotNull();
                assertThat(v.occupied()).isBetween(0, v.capacity() + 5);
            }
        }
        assertThat(s.services())
                .anyMatch(v -> v.capacity() == null)
                .anyMatch(v -> v.capacity() != null && v.occupied() == null)
                .anyMatch(v -> v.occupied() != null && v.occupied() >= v.capacity())
                .anyMatch(v -> territories.get(v.territories().get(0)).level() == TerritoryLevel.DISTRICT);
        for (Need n : s.needs()) {
            assertThat(n.people()).isBetween(1, 40);
            assertThat(n.urgency()).isNotNull();
            assertThat(n.recordedAt()).isBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
            if (n.source() != null) {
                assertThat(n.source())
                        .isEqualTo("sportello-" + territories.get(n.territory()).partOf());
            }
        }
        assertThat(s.needs())
                .anyMatch(n -> categories.get(n.category()).partOf() == null)
                .anyMatch(n -> categories.get(n.category()).partOf() != null)
                .anyMatch(n -> n.source() == null);
        // Needs follow population: the largest municipality has more than the smallest.
        Map<String, Long> needsPer =
                s.needs().stream().collect(Collectors.groupingBy(Need::territory, Collectors.counting()));
        List<Territory> byPopulation = s.territories().stream()
                .filter(t -> t.level() == TerritoryLevel.MUNICIPALITY)
                .sorted((a, b) -> Long.compare(b.population(), a.population()))
                .toList();
        assertThat(needsPer.getOrDefault(byPopulation.get(0).id(), 0L))
                .isGreaterThan(needsPer.getOrDefault(
                        byPopulation.get(byPopulation.size() - 1).id(), 0L));
        for (Tie t : s.ties()) {
            assertThat(t.since()).matches("\\d{4}");
            assertThat(Integer.parseInt(t.since())).isBetween(2005, 2025);
            assertThat(t.strength()).isBetween(0.1, 1.0).isEqualTo(Math.round(t.strength() * 100) / 100.0);
        }
    }

    @Test
    void sTiesAreMostlyLocal() {
        Map<String, String> districtOf = new HashMap<>();
        Map<String, Territory> territories = index(s.territories(), Territory::id);
        s.cooperatives()
                .forEach(
                        c -> districtOf.put(c.id(), territories.get(c.basedIn()).partOf()));
        s.partners()
                .forEach(
                        p -> districtOf.put(p.id(), territories.get(p.basedIn()).partOf()));
        long sameDistrict = s.ties().stream()
                .filter(t -> districtOf.get(t.from()).equals(districtOf.get(t.to())))
                .count();
        assertThat((double) sameDistrict / s.ties().size()).isGreaterThan(0.6);
        assertThat(sameDistrict).isLessThan(s.ties().size());
    }

    @Test
    void describeAndRelationshipsCountEverySection() {
        long expected = s.territories().stream().filter(t -> t.partOf() != null).count()
                + s.categories().stream().filter(c -> c.partOf() != null).count()
                + s.cooperatives().size()
                + s.cooperatives().stream().filter(c -> c.memberOf() != null).count()
                + s.partners().size()
                + s.services().stream()
                        .mapToLong(
                                v -> 1 + v.categories().size() + v.territories().size())
                        .sum()
                + 2L * s.needs().size()
                + s.ties().size();
        assertThat(NetworkGenerator.relationships(s)).isEqualTo(expected);
        assertThat(NetworkGenerator.describe(s))
                .contains(
                        "services " + s.services().size(),
                        "needs " + s.needs().size(),
                        "ties " + s.ties().size(),
                        "relationships " + expected);
    }

    @Test
    void mHasARegionOfClusteredMunicipalities() {
        List<Territory> territories = NetworkGenerator.territories(Scale.M, 1);
        NetworkDocument onlyTerritories = new NetworkDocument(territories, null, null, null, null, null, null);
        assertThat(violations(onlyTerritories)).isEmpty();
        Map<String, Territory> byId = index(territories, Territory::id);
        List<Territory> municipalities = territories.stream()
                .filter(t -> t.level() == TerritoryLevel.MUNICIPALITY)
                .toList();
        assertThat(municipalities).hasSizeBetween(1_400, 1_600).allSatisfy(m -> {
            assertThat(m.id()).matches("mun-\\d{6}");
            assertThat(m.lat()).isBetween(37.0, 46.5);
            assertThat(m.lon()).isBetween(7.0, 18.5);
            assertThat(m.population()).isPositive();
            assertThat(byId.get(m.partOf()).level()).isEqualTo(TerritoryLevel.DISTRICT);
        });
        Map<String, Long> perDistrict =
                municipalities.stream().collect(Collectors.groupingBy(Territory::partOf, Collectors.counting()));
        assertThat(perDistrict.values()).allSatisfy(n -> assertThat(n).isBetween(20L, 40L));
        // Heavy-tailed populations: a few towns far above the median.
        long[] populations = municipalities.stream()
                .mapToLong(Territory::population)
                .sorted()
                .toArray();
        long median = populations[populations.length / 2];
        assertThat(populations[populations.length - 1]).isGreaterThan(20 * median);
        assertThat(NetworkGenerator.territories(Scale.M, 1)).isEqualTo(territories);
    }

    // ------------------------------------------------------------------ validation

    /**
     * Every rule an import checks, as a list of messages (empty when the document is whole):
     * valid ids unique across territories, actors, services and needs; municipalities with a
     * point; a territory part of a strictly larger one, a region part of nothing; categories part
     * of known ones; actors based in known territories; memberOf a consortium; a service with a
     * known provider and at least one known category and territory; a need of a known category in
     * a municipality, with people &gt; 0; ties between two different known actors, unique per
     * (from, to, kind), since a year and strength in [0, 1].
     */
    static List<String> violations(NetworkDocument d) {
        List<String> out = new ArrayList<>();
        Map<String, Territory> territories = new HashMap<>();
        Map<String, Category> categories = new HashMap<>();
        Map<String, Cooperative> cooperatives = new HashMap<>();
        Set<String> actors = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (Territory t : d.territories()) {
            checkId(t.id(), shared, out);
            territories.put(t.id(), t);
        }
        for (Category c : d.categories()) {
            if (!ID.matcher(c.code()).matches() || categories.put(c.code(), c) != null) {
                out.add("category code invalid or twice: " + c.code());
            }
        }
        for (Cooperative c : d.cooperatives()) {
            checkId(c.id(), shared, out);
            cooperatives.put(c.id(), c);
            actors.add(c.id());
        }
        for (Partner p : d.partners()) {
            checkId(p.id(), shared, out);
            actors.add(p.id());
        }
        for (Service v : d.services()) {
            checkId(v.id(), shared, out);
        }
        for (Need n : d.needs()) {
            checkId(n.id(), shared, out);
        }
        for (Territory t : d.territories()) {
            name(t.id(), t.name(), out);
            if (t.level() == TerritoryLevel.MUNICIPALITY && (t.lat() == null || t.lon() == null)) {
                out.add("municipality without a point: " + t.id());
            }
            if ((t.lat() == null) != (t.lon() == null)) {
                out.add("lat without lon: " + t.id());
            }
            if (t.population() != null && t.population() < 0) {
                out.add("negative population: " + t.id());
            }
            if (t.partOf() == null) {
                if (t.level() != TerritoryLevel.REGION) {
                    out.add("a " + t.level() + " part of nothing: " + t.id());
                }
            } else {
                Territory parent = territories.get(t.partOf());
                if (t.level() == TerritoryLevel.REGION) {
                    out.add("a region part of something: " + t.id());
                } else if (parent == null) {
                    out.add("part of an unknown territory: " + t.id() + " -> " + t.partOf());
                } else if (!t.level().canBePartOf(parent.level())) {
                    out.add("part of a territory no larger: " + t.id() + " -> " + t.partOf());
                }
            }
        }
        for (Category c : d.categories()) {
            name(c.code(), c.name(), out);
            if (c.partOf() != null && (c.partOf().equals(c.code()) || !categories.containsKey(c.partOf()))) {
                out.add("category part of an unknown one: " + c.code());
            }
        }
        for (Cooperative c : d.cooperatives()) {
            name(c.id(), c.name(), out);
            based(c.id(), c.basedIn(), territories, out);
            if (c.fiscalCode() != null) {
                out.add("a synthetic cooperative with a fiscal code: " + c.id());
            }
            if (c.memberOf() != null) {
                Cooperative consortium = cooperatives.get(c.memberOf());
                if (consortium == null
                        || consortium.type() != CooperativeType.CONSORTIUM
                        || c.memberOf().equals(c.id())) {
                    out.add("member of no consortium: " + c.id() + " -> " + c.memberOf());
                }
            }
        }
        for (Partner p : d.partners()) {
            name(p.id(), p.name(), out);
            based(p.id(), p.basedIn(), territories, out);
        }
        for (Service v : d.services()) {
            name(v.id(), v.name(), out);
            if (!actors.contains(v.provider())) {
                out.add("service of an unknown provider: " + v.id() + " -> " + v.provider());
            }
            if (v.categories() == null
                    || v.categories().isEmpty()
                    || v.territories() == null
                    || v.territories().isEmpty()) {
                out.add("service without a category or a territory: " + v.id());
                continue;
            }
            v.categories().stream()
                    .filter(c -> !categories.containsKey(c))
                    .forEach(c -> out.add("service of an unknown category: " + v.id() + " -> " + c));
            v.territories().stream()
                    .filter(t -> !territories.containsKey(t))
                    .forEach(t -> out.add("service in an unknown territory: " + v.id() + " -> " + t));
            if ((v.capacity() != null && v.capacity() < 0) || (v.occupied() != null && v.occupied() < 0)) {
                out.add("negative places: " + v.id());
            }
        }
        for (Need n : d.needs()) {
            if (!categories.containsKey(n.category())) {
                out.add("need of an unknown category: " + n.id());
            }
            Territory where = territories.get(n.territory());
            if (where == null || where.level() != TerritoryLevel.MUNICIPALITY) {
                out.add("need not in a municipality: " + n.id() + " -> " + n.territory());
            }
            if (n.people() == null || n.people() <= 0) {
                out.add("need of no people: " + n.id());
            }
            if (n.source() != null && !ID.matcher(n.source()).matches()) {
                out.add("need source not an id: " + n.id());
            }
        }
        Set<String> tieKeys = new HashSet<>();
        for (Tie t : d.ties()) {
            if (!actors.contains(t.from())
                    || !actors.contains(t.to())
                    || t.from().equals(t.to())) {
                out.add("tie between unknown or equal actors: " + t);
            }
            if (!tieKeys.add(t.from() + ":" + t.kind() + ":" + t.to())) {
                out.add("tie twice: " + t);
            }
            if (t.kind() == null
                    || t.since() == null
                    || !YEAR.matcher(t.since()).matches()
                    || t.strength() == null
                    || t.strength() < 0
                    || t.strength() > 1) {
                out.add("tie with a bad kind, since or strength: " + t);
            }
        }
        return out.size() > 50 ? out.subList(0, 50) : out;
    }

    private static void checkId(String id, Set<String> shared, List<String> out) {
        if (id == null || !ID.matcher(id).matches()) {
            out.add("invalid id: " + id);
        } else if (!shared.add(id)) {
            out.add("id defined twice across the network: " + id);
        }
    }

    private static void name(String id, String name, List<String> out) {
        if (name == null || name.isBlank() || name.length() > 200) {
            out.add("bad name: " + id);
        }
    }

    private static void based(String id, String basedIn, Map<String, Territory> territories, List<String> out) {
        if (basedIn != null && !territories.containsKey(basedIn)) {
            out.add("based in an unknown territory: " + id + " -> " + basedIn);
        }
    }

    private static long count(NetworkDocument d, TerritoryLevel level) {
        return d.territories().stream().filter(t -> t.level() == level).count();
    }

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        rows.forEach(r -> map.put(key.apply(r), r));
        return map;
    }

    @Test
    void partsHoldEveryRowOnceInOrderAndNameOnlyRowsOfEarlierParts() {
        List<NetworkDocument> parts = Benchmark.parts(s, 1_000);
        assertThat(parts).hasSize(1 + 1 + 5 + 1);
        assertThat(parts.stream().mapToInt(NetworkDocument::size).sum()).isEqualTo(s.size());
        assertThat(parts.stream().flatMap(p -> p.needs().stream()).toList()).isEqualTo(s.needs());
        assertThat(parts.stream().flatMap(p -> p.services().stream()).toList()).isEqualTo(s.services());
        assertThat(parts.stream().flatMap(p -> p.ties().stream()).toList()).isEqualTo(s.ties());
        assertThat(parts.subList(1, parts.size()))
                .allSatisfy(p -> assertThat(p.size()).isLessThanOrEqualTo(1_000));
        Set<String> written = new HashSet<>();
        for (NetworkDocument part : parts) {
            part.territories().forEach(t -> written.add(t.id()));
            part.cooperatives().forEach(c -> written.add(c.id()));
            part.partners().forEach(p -> written.add(p.id()));
            assertThat(part.services()).allSatisfy(x -> assertThat(written).contains(x.provider()));
            assertThat(part.services()).allSatisfy(x -> assertThat(written).containsAll(x.territories()));
            assertThat(part.needs()).allSatisfy(x -> assertThat(written).contains(x.territory()));
            assertThat(part.ties()).allSatisfy(x -> assertThat(written).contains(x.from(), x.to()));
        }
    }
}
