package it.snodo.bench;

import it.snodo.demo.DemoNetwork;
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
import it.snodo.network.TieKind;
import it.snodo.network.Urgency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded generator of plausible welfare networks for benchmarks: the same scale and seed always
 * give an equal document, and every document passes the import's validation rules.
 *
 * <ul>
 * <li>{@link Scale#S} is a consortium: the 67 real municipalities of the Alto Milanese with their
 *     districts, province and region and the 84 categories of {@link DemoNetwork#build()}, with
 *     ~50 cooperatives (one consortium), ~100 partners, ~500 services, ~5,000 needs, ~300 ties.</li>
 * <li>{@link Scale#M} is a region: 1,500 synthetic municipalities, ~5,000 providers, ~50,000
 *     services, ~200,000 needs, ~15,000 ties.</li>
 * <li>{@link Scale#L} is the country: 8,000 synthetic municipalities, ~100,000 providers,
 *     ~1,000,000 services, ~2,000,000 needs, ~300,000 ties.</li>
 * </ul>
 *
 * <p>Synthetic municipalities are clustered around towns (one per district, at its centre, with a
 * heavy-tailed population), districts of 25–35 municipalities are grouped into provinces of 8–12
 * districts and those into regions of ~10 provinces, placed top-down over an Italy-sized box
 * (lat 37–46.5, lon 7–18.5) so that each level is geographically compact. Services serve the
 * municipalities nearest their provider's base (or its whole district); needs fall in
 * municipalities in proportion to their population; ties are mostly local.
 *
 * <p>Everything is drawn from {@link SplittableRandom}s seeded from the seed, one per section, into
 * plain arrays; only the records of the document are allocated per element. Every name is
 * synthetic ("Cooperativa Sintetica 123"): none is a real organisation or a person.
 */
public final class NetworkGenerator {

    /** How big a network to generate. */
    public enum Scale {
        /** A consortium: the real Alto Milanese. */
        S(0, 50, 100, 500, 5_000, 300),
        /** A region. */
        M(1_500, 1_700, 3_300, 50_000, 200_000, 15_000),
        /** The country. */
        L(8_000, 34_000, 66_000, 1_000_000, 2_000_000, 300_000);

        final int municipalities;
        final int cooperatives;
        final int partners;
        final int services;
        final int needs;
        final int ties;

        Scale(int municipalities, int cooperatives, int partners, int services, int needs, int ties) {
            this.municipalities = municipalities;
            this.cooperatives = cooperatives;
            this.partners = partners;
            this.services = services;
            this.needs = needs;
            this.ties = ties;
        }
    }

    // The box the synthetic geography lives in.
    private static final double LAT_MIN = 37.0;
    private static final double LAT_MAX = 46.5;
    private static final double LON_MIN = 7.0;
    private static final double LON_MAX = 18.5;

    /** How many nearest municipalities (the base included) each municipality knows. */
    private static final int NEAR = 8;
    /** A municipality at least this large has its social services as a MUNICIPALITY partner. */
    private static final long MUNICIPAL_PARTNER_POPULATION = 10_000;

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2027, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay());
    private static final int FIRST_YEAR = 2005;
    private static final int LAST_YEAR = 2025;

    private static final CooperativeType[] COOP_TYPES = {CooperativeType.A, CooperativeType.B, CooperativeType.MIXED};
    private static final double[] COOP_TYPE_WEIGHTS = {0.5, 0.3, 0.2};
    private static final PartnerKind[] OTHER_PARTNER_KINDS = {
        PartnerKind.ASSOCIATION,
        PartnerKind.VOLUNTEER_GROUP,
        PartnerKind.FOUNDATION,
        PartnerKind.SCHOOL,
        PartnerKind.UNION,
        PartnerKind.COMPANY,
        PartnerKind.OTHER
    };
    private static final double[] OTHER_PARTNER_WEIGHTS = {0.30, 0.25, 0.08, 0.12, 0.05, 0.12, 0.08};
    private static final Urgency[] URGENCIES = Urgency.values();
    private static final double[] URGENCY_WEIGHTS = {0.45, 0.38, 0.17};
    private static final TieKind[] TIE_KINDS = TieKind.values();
    /** How many nearest municipalities a local service is available in: 1 to 5, most often 4 or 5. */
    private static final double[] SPREAD_WEIGHTS = {0.05, 0.10, 0.20, 0.25, 0.40};

    private NetworkGenerator() {}

    /** The network of this scale for this seed; equal seeds give equal documents. */
    public static NetworkDocument generate(Scale scale, long seed) {
        Geo geo = scale == Scale.S ? Geo.demo() : Geo.synthetic(scale.municipalities, random(seed, 1));
        Categories categories = new Categories(DemoNetwork.build().categories());
        Actors actors = actors(scale, geo, random(seed, 2));
        List<Service> services = services(scale, geo, categories, actors, random(seed, 3));
        List<Need> needs = needs(scale, geo, categories, random(seed, 4));
        List<Tie> ties = ties(scale, geo, actors, random(seed, 5));
        return new NetworkDocument(
                geo.territories, categories.all, actors.cooperatives, actors.partners, services, needs, ties);
    }

    /** Only the territories {@link #generate} gives for this scale and seed: cheap, for checks. */
    static List<Territory> territories(Scale scale, long seed) {
        return (scale == Scale.S ? Geo.demo() : Geo.synthetic(scale.municipalities, random(seed, 1))).territories;
    }

    /** The rows per section, territories per level, nodes and relationships, on one line. */
    public static String describe(NetworkDocument d) {
        Map<TerritoryLevel, Integer> levels = new EnumMap<>(TerritoryLevel.class);
        for (TerritoryLevel level : TerritoryLevel.values()) {
            levels.put(level, 0);
        }
        d.territories().forEach(t -> levels.merge(t.level(), 1, Integer::sum));
        long consortia = d.cooperatives().stream()
                .filter(c -> c.type() == CooperativeType.CONSORTIUM)
                .count();
        long municipal = d.partners().stream()
                .filter(p -> p.kind() == PartnerKind.MUNICIPALITY)
                .count();
        long nodes = (long) d.territories().size()
                + d.categories().size()
                + d.cooperatives().size()
                + d.partners().size()
                + d.services().size()
                + d.needs().size();
        return "territories " + d.territories().size() + " " + levels
                + ", categories " + d.categories().size()
                + ", cooperatives " + d.cooperatives().size() + " (" + consortia + " consortia)"
                + ", partners " + d.partners().size() + " (" + municipal + " municipalities)"
                + ", services " + d.services().size()
                + ", needs " + d.needs().size()
                + ", ties " + d.ties().size()
                + "; nodes " + nodes + ", relationships " + relationships(d);
    }

    /**
     * How many relationships the document makes in Neo4j: PART_OF of territories and categories,
     * BASED_IN, MEMBER_OF, PROVIDES, ADDRESSES, AVAILABLE_IN, OF_KIND, LOCATED_IN and TIED_TO.
     */
    public static long relationships(NetworkDocument d) {
        long n = 0;
        for (Territory t : d.territories()) {
            n += t.partOf() == null ? 0 : 1;
        }
        for (Category c : d.categories()) {
            n += c.partOf() == null ? 0 : 1;
        }
        for (Cooperative c : d.cooperatives()) {
            n += (c.basedIn() == null ? 0 : 1) + (c.memberOf() == null ? 0 : 1);
        }
        for (Partner p : d.partners()) {
            n += p.basedIn() == null ? 0 : 1;
        }
        for (Service s : d.services()) {
            n += 1 + s.categories().size() + s.territories().size(); // PROVIDES, ADDRESSES, AVAILABLE_IN
        }
        n += 2L * d.needs().size(); // OF_KIND, LOCATED_IN
        n += d.ties().size();
        return n;
    }

    // ------------------------------------------------------------------ territories

    /** The municipalities and districts as plain arrays, with the territory rows. */
    private static final class Geo {
        final List<Territory> territories = new ArrayList<>();
        String[] munId;
        String[] munName;
        double[] lat;
        double[] lon;
        long[] population;
        int[] munDistrict;
        String[] districtId;
        /** The largest municipality of each district. */
        int[] districtTown;
        /** Province index of each district. */
        int[] districtProvince;

        int provinces;
        /** The NEAR nearest municipalities of each, itself first, flattened: near[m * NEAR + j]. */
        int[] near;

        int nearCount;
        /** Cumulative population, to draw municipalities in proportion to it. */
        double[] populationCum;

        int municipalities() {
            return munId.length;
        }

        int districts() {
            return districtId.length;
        }

        /** The real Alto Milanese of the demo. */
        static Geo demo() {
            Geo geo = new Geo();
            List<Territory> all = DemoNetwork.build().territories();
            geo.territories.addAll(all);
            List<Territory> municipalities = new ArrayList<>();
            List<String> districts = new ArrayList<>();
            Map<String, Integer> districtIndex = new HashMap<>();
            Map<String, Integer> provinceIndex = new HashMap<>();
            for (Territory t : all) {
                if (t.level() == TerritoryLevel.MUNICIPALITY) {
                    municipalities.add(t);
                } else if (t.level() == TerritoryLevel.PROVINCE) {
                    provinceIndex.put(t.id(), provinceIndex.size());
                }
            }
            for (Territory t : all) {
                if (t.level() == TerritoryLevel.DISTRICT) {
                    districtIndex.put(t.id(), districts.size());
                    districts.add(t.id());
                }
            }
            int n = municipalities.size();
            geo.allocate(n, districts.size());
            geo.provinces = Math.max(1, provinceIndex.size());
            for (int i = 0; i < districts.size(); i++) {
                geo.districtId[i] = districts.get(i);
            }
            for (Territory t : all) {
                if (t.level() == TerritoryLevel.DISTRICT) {
                    geo.districtProvince[districtIndex.get(t.id())] = provinceIndex.getOrDefault(t.partOf(), 0);
                }
            }
            for (int m = 0; m < n; m++) {
                Territory t = municipalities.get(m);
                Integer d = districtIndex.get(t.partOf());
                if (d == null) {
                    throw new IllegalStateException("Municipality " + t.id() + " is not part of a district");
                }
                geo.set(m, t.id(), t.name(), t.lat(), t.lon(), t.population() == null ? 1 : t.population(), d);
            }
            geo.finish();
            return geo;
        }

        /** About {@code n} synthetic municipalities, clustered in districts, provinces and regions. */
        static Geo synthetic(int n, SplittableRandom r) {
            int[] districtSizes = groupSizes(n, Math.max(1, Math.round(n / 30f)), 25, 35, r);
            int nd = districtSizes.length;
            int[] provinceSizes = groupSizes(nd, Math.max(1, Math.round(nd / 10f)), 8, 12, r);
            int np = provinceSizes.length;
            int[] regionSizes = groupSizes(np, Math.max(1, Math.round(np / 10f)), 8, 12, r);
            int nr = regionSizes.length;

            Geo geo = new Geo();
            geo.allocate(n, nd);
            geo.provinces = np;
            // Centres top-down: regions over the box, provinces around their region, districts
            // around their province, municipalities around their district's town.
            double provinceSpread = 2.2 / Math.sqrt(nr);
            double[] rLat = new double[nr];
            double[] rLon = new double[nr];
            double[] pLat = new double[np];
            double[] pLon = new double[np];
            double[] dLat = new double[nd];
            double[] dLon = new double[nd];
            int[] provinceRegion = new int[np];
            int p = 0;
            for (int g = 0; g < nr; g++) {
                rLat[g] = LAT_MIN + 1.0 + r.nextDouble() * (LAT_MAX - LAT_MIN - 2.0);
                rLon[g] = LON_MIN + 1.0 + r.nextDouble() * (LON_MAX - LON_MIN - 2.0);
                for (int k = 0; k < regionSizes[g]; k++, p++) {
                    provinceRegion[p] = g;
                    pLat[p] = clamp(rLat[g] + r.nextGaussian() * provinceSpread, LAT_MIN + 0.4, LAT_MAX - 0.4);
                    pLon[p] = clamp(rLon[g] + r.nextGaussian() * provinceSpread, LON_MIN + 0.4, LON_MAX - 0.4);
                }
            }
            int d = 0;
            for (p = 0; p < np; p++) {
                for (int k = 0; k < provinceSizes[p]; k++, d++) {
                    geo.districtProvince[d] = p;
                    dLat[d] = clamp(pLat[p] + r.nextGaussian() * 0.35, LAT_MIN + 0.15, LAT_MAX - 0.15);
                    dLon[d] = clamp(pLon[p] + r.nextGaussian() * 0.35, LON_MIN + 0.15, LON_MAX - 0.15);
                }
            }
            int m = 0;
            for (d = 0; d < nd; d++) {
                geo.districtId[d] = "dist-" + pad(d + 1, 4);
                for (int k = 0; k < districtSizes[d]; k++, m++) {
                    boolean town = k == 0;
                    double la = town ? dLat[d] : dLat[d] + r.nextGaussian() * 0.09;
                    double lo = town ? dLon[d] : dLon[d] + r.nextGaussian() * 0.12;
                    // Log-normal populations: a town of some 20,000 (a few far larger) per district,
                    // around it villages with a median of some 2,200.
                    double pop = town
                            ? Math.exp(Math.log(20_000) + r.nextGaussian() * 1.0)
                            : Math.exp(Math.log(2_200) + r.nextGaussian() * 1.2);
                    String id = "mun-" + pad(m + 1, 6);
                    geo.set(
                            m,
                            id,
                            "Comune Sintetico " + pad(m + 1, 6),
                            round6(clamp(la, LAT_MIN, LAT_MAX)),
                            round6(clamp(lo, LON_MIN, LON_MAX)),
                            (long) clamp(Math.round(pop), 40, 3_000_000),
                            d);
                }
            }
            // Rows, parents first: regions, provinces, districts, municipalities; each summed
            // from its municipalities (population, population-weighted centre).
            long[] dPop = new long[nd];
            double[] dLatSum = new double[nd];
            double[] dLonSum = new double[nd];
            for (m = 0; m < n; m++) {
                int k = geo.munDistrict[m];
                dPop[k] += geo.population[m];
                dLatSum[k] += geo.lat[m] * geo.population[m];
                dLonSum[k] += geo.lon[m] * geo.population[m];
            }
            long[] pPop = new long[np];
            double[] pLatSum = new double[np];
            double[] pLonSum = new double[np];
            for (d = 0; d < nd; d++) {
                int k = geo.districtProvince[d];
                pPop[k] += dPop[d];
                pLatSum[k] += dLatSum[d];
                pLonSum[k] += dLonSum[d];
            }
            long[] gPop = new long[nr];
            double[] gLatSum = new double[nr];
            double[] gLonSum = new double[nr];
            for (p = 0; p < np; p++) {
                int k = provinceRegion[p];
                gPop[k] += pPop[p];
                gLatSum[k] += pLatSum[p];
                gLonSum[k] += pLonSum[p];
            }
            String[] regionId = new String[nr];
            for (int g = 0; g < nr; g++) {
                regionId[g] = "reg-" + pad(g + 1, 2);
                geo.territories.add(new Territory(
                        regionId[g],
                        "Regione Sintetica " + (g + 1),
                        TerritoryLevel.REGION,
                        null,
                        gPop[g],
                        round6(gLatSum[g] / gPop[g]),
                        round6(gLonSum[g] / gPop[g])));
            }
            String[] provinceId = new String[np];
            for (p = 0; p < np; p++) {
                provinceId[p] = "prov-" + pad(p + 1, 3);
                geo.territories.add(new Territory(
                        provinceId[p],
                        "Provincia Sintetica " + (p + 1),
                        TerritoryLevel.PROVINCE,
                        regionId[provinceRegion[p]],
                        pPop[p],
                        round6(pLatSum[p] / pPop[p]),
                        round6(pLonSum[p] / pPop[p])));
            }
            for (d = 0; d < nd; d++) {
                geo.territories.add(new Territory(
                        geo.districtId[d],
                        "Ambito Sintetico " + (d + 1),
                        TerritoryLevel.DISTRICT,
                        provinceId[geo.districtProvince[d]],
                        dPop[d],
                        round6(dLatSum[d] / dPop[d]),
                        round6(dLonSum[d] / dPop[d])));
            }
            for (m = 0; m < n; m++) {
                geo.territories.add(new Territory(
                        geo.munId[m],
                        geo.munName[m],
                        TerritoryLevel.MUNICIPALITY,
                        geo.districtId[geo.munDistrict[m]],
                        geo.population[m],
                        geo.lat[m],
                        geo.lon[m]));
            }
            geo.finish();
            return geo;
        }

        private void allocate(int n, int nd) {
            munId = new String[n];
            munName = new String[n];
            lat = new double[n];
            lon = new double[n];
            population = new long[n];
            munDistrict = new int[n];
            districtId = new String[nd];
            districtTown = new int[nd];
            districtProvince = new int[nd];
        }

        private void set(int m, String id, String name, double la, double lo, long pop, int district) {
            munId[m] = id;
            munName[m] = name;
            lat[m] = la;
            lon[m] = lo;
            population[m] = pop;
            munDistrict[m] = district;
        }

        /** The towns, the cumulative population and the nearest municipalities of each. */
        private void finish() {
            int n = municipalities();
            Arrays.fill(districtTown, -1);
            populationCum = new double[n];
            double sum = 0;
            for (int m = 0; m < n; m++) {
                int d = munDistrict[m];
                if (districtTown[d] < 0 || population[m] > population[districtTown[d]]) {
                    districtTown[d] = m;
                }
                sum += Math.max(1, population[m]);
                populationCum[m] = sum;
            }
            for (int d = 0; d < districts(); d++) {
                if (districtTown[d] < 0) {
                    throw new IllegalStateException("District " + districtId[d] + " has no municipality");
                }
            }
            nearCount = Math.min(NEAR, n);
            near = new int[n * nearCount];
            double[] cos = new double[n];
            for (int m = 0; m < n; m++) {
                cos[m] = Math.cos(Math.toRadians(lat[m]));
            }
            double[] best = new double[nearCount];
            int[] which = new int[nearCount];
            for (int a = 0; a < n; a++) {
                Arrays.fill(best, Double.POSITIVE_INFINITY);
                Arrays.fill(which, -1);
                double la = lat[a];
                double lo = lon[a];
                double c = cos[a];
                for (int b = 0; b < n; b++) {
                    double dy = lat[b] - la;
                    double dx = (lon[b] - lo) * c;
                    double dist = b == a ? -1 : dx * dx + dy * dy; // itself first
                    if (dist < best[nearCount - 1]) {
                        int k = nearCount - 1;
                        while (k > 0 && best[k - 1] > dist) {
                            best[k] = best[k - 1];
                            which[k] = which[k - 1];
                            k--;
                        }
                        best[k] = dist;
                        which[k] = b;
                    }
                }
                System.arraycopy(which, 0, near, a * nearCount, nearCount);
            }
        }

        int drawByPopulation(SplittableRandom r) {
            return draw(populationCum, r);
        }
    }

    /**
     * {@code groups} sizes, each drawn in [lo, hi], then nudged one at a time until they sum to
     * {@code total} (one group takes everything).
     */
    private static int[] groupSizes(int total, int groups, int lo, int hi, SplittableRandom r) {
        if (groups <= 1) {
            return new int[] {total};
        }
        int[] sizes = new int[groups];
        int sum = 0;
        for (int i = 0; i < groups; i++) {
            sizes[i] = lo + r.nextInt(hi - lo + 1);
            sum += sizes[i];
        }
        int diff = total - sum;
        int i = r.nextInt(groups);
        while (diff != 0) {
            if (diff > 0) {
                sizes[i]++;
                diff--;
            } else if (sizes[i] > 1) {
                sizes[i]--;
                diff++;
            }
            i = (i + 1) % groups;
        }
        return sizes;
    }

    // ------------------------------------------------------------------ categories

    /** The category tree, with its roots and the leaves under each root. */
    private static final class Categories {
        final List<Category> all;
        final String[] roots;
        final String[][] leavesOf;
        final String[] leaves;

        Categories(List<Category> all) {
            this.all = all;
            List<String> rootList = new ArrayList<>();
            Map<String, List<String>> children = new HashMap<>();
            for (Category c : all) {
                if (c.partOf() == null) {
                    rootList.add(c.code());
                } else {
                    children.computeIfAbsent(c.partOf(), k -> new ArrayList<>()).add(c.code());
                }
            }
            roots = rootList.toArray(String[]::new);
            leavesOf = new String[roots.length][];
            List<String> leafList = new ArrayList<>();
            for (int i = 0; i < roots.length; i++) {
                leavesOf[i] = children.getOrDefault(roots[i], List.of()).toArray(String[]::new);
                leafList.addAll(Arrays.asList(leavesOf[i]));
            }
            leaves = leafList.toArray(String[]::new);
            if (leaves.length == 0) {
                throw new IllegalStateException("No leaf category");
            }
        }
    }

    // ------------------------------------------------------------------ actors

    /** Cooperatives first (consortia first among them), then partners, as one indexed set. */
    private static final class Actors {
        final List<Cooperative> cooperatives = new ArrayList<>();
        final List<Partner> partners = new ArrayList<>();
        String[] id;
        int[] base;
        /** Consortium index (an actor index) of each actor, or -1. */
        int[] memberOf;
        /** 0 a cooperative, 1 a consortium, 2 a municipality's social services, 3 a health agency, 4 another. */
        byte[] role;
        /** The area of need (a root index) the actor mostly works in. */
        byte[] area;
        /** Cumulative size: how many services and ties an actor tends to have. */
        double[] sizeCum;
        /** Actors by municipality and by district, as offsets into one array each. */
        int[] byMunStart;

        int[] byMun;
        int[] byDistrictStart;
        int[] byDistrict;
        int[] members;

        int size() {
            return id.length;
        }
    }

    private static final byte COOPERATIVE = 0;
    private static final byte CONSORTIUM = 1;
    private static final byte MUNICIPAL = 2;
    private static final byte HEALTH = 3;
    private static final byte OTHER = 4;

    private static Actors actors(Scale scale, Geo geo, SplittableRandom r) {
        int nm = geo.municipalities();
        int nd = geo.districts();
        // Consortia: one for S, one per district otherwise; each based in its district's town.
        int consortia = scale == Scale.S ? 1 : nd;
        int nc = Math.max(scale.cooperatives, consortia + 1);
        List<Integer> municipal = new ArrayList<>();
        for (int m = 0; m < nm; m++) {
            if (geo.population[m] >= MUNICIPAL_PARTNER_POPULATION) {
                municipal.add(m);
            }
        }
        int health = geo.provinces; // one health agency per province
        int np = Math.max(scale.partners, municipal.size() + health + OTHER_PARTNER_KINDS.length);
        int n = nc + np;

        Actors a = new Actors();
        a.id = new String[n];
        a.base = new int[n];
        a.memberOf = new int[n];
        a.role = new byte[n];
        a.area = new byte[n];
        double[] size = new double[n];
        Arrays.fill(a.memberOf, -1);

        int biggest = 0;
        for (int m = 1; m < nm; m++) {
            if (geo.population[m] > geo.population[biggest]) {
                biggest = m;
            }
        }
        int[] consortiumOfDistrict = new int[nd];
        for (int i = 0; i < consortia; i++) {
            int base = scale == Scale.S ? biggest : geo.districtTown[i];
            a.id[i] = "consorzio-" + pad(i + 1, 4);
            a.base[i] = base;
            a.role[i] = CONSORTIUM;
            a.area[i] = (byte) r.nextInt(7);
            size[i] = 2.0 * lognormal(r, 0.6);
            a.cooperatives.add(new Cooperative(
                    a.id[i],
                    "Consorzio Sintetico " + (i + 1),
                    CooperativeType.CONSORTIUM,
                    null,
                    geo.munId[base],
                    null));
        }
        for (int d = 0; d < nd; d++) {
            consortiumOfDistrict[d] = scale == Scale.S ? 0 : d;
        }
        List<Integer> memberList = new ArrayList<>();
        for (int i = consortia; i < nc; i++) {
            int base = geo.drawByPopulation(r);
            int k = i - consortia + 1;
            a.id[i] = "coop-" + pad(k, 6);
            a.base[i] = base;
            a.role[i] = COOPERATIVE;
            a.area[i] = (byte) r.nextInt(7);
            size[i] = lognormal(r, 0.8);
            String consortium = null;
            if (r.nextDouble() < 0.8) {
                a.memberOf[i] = consortiumOfDistrict[geo.munDistrict[base]];
                consortium = a.id[a.memberOf[i]];
                memberList.add(i);
            }
            CooperativeType type = COOP_TYPES[pick(COOP_TYPE_WEIGHTS, r)];
            a.cooperatives.add(
                    new Cooperative(a.id[i], "Cooperativa Sintetica " + k, type, null, geo.munId[base], consortium));
        }
        a.members = memberList.stream().mapToInt(Integer::intValue).toArray();

        int i = nc;
        for (int m : municipal) {
            a.id[i] = "partner-" + pad(i - nc + 1, 6);
            a.base[i] = m;
            a.role[i] = MUNICIPAL;
            a.area[i] = (byte) r.nextInt(7);
            size[i] = (1 + Math.log10(geo.population[m] / (double) MUNICIPAL_PARTNER_POPULATION)) * lognormal(r, 0.4);
            a.partners.add(new Partner(
                    a.id[i],
                    "Servizio Sociale Sintetico " + (i - nc + 1) + " (" + geo.munName[m] + ")",
                    PartnerKind.MUNICIPALITY,
                    geo.munId[m],
                    null));
            i++;
        }
        // One health agency per province, based in the largest town of the province.
        int[] provinceTown = new int[geo.provinces];
        Arrays.fill(provinceTown, -1);
        for (int d = 0; d < nd; d++) {
            int p = geo.districtProvince[d];
            int t = geo.districtTown[d];
            if (provinceTown[p] < 0 || geo.population[t] > geo.population[provinceTown[p]]) {
                provinceTown[p] = t;
            }
        }
        for (int p = 0; p < geo.provinces; p++) {
            int base = provinceTown[p] < 0 ? biggest : provinceTown[p];
            a.id[i] = "partner-" + pad(i - nc + 1, 6);
            a.base[i] = base;
            a.role[i] = HEALTH;
            a.area[i] = (byte) r.nextInt(7);
            size[i] = 4.0 * lognormal(r, 0.3);
            a.partners.add(new Partner(
                    a.id[i],
                    "Agenzia Sanitaria Sintetica " + (p + 1),
                    PartnerKind.HEALTH_AGENCY,
                    geo.munId[base],
                    null));
            i++;
        }
        for (int k = 0; i < n; i++, k++) {
            // The first few cycle through every other kind, so that each kind appears.
            PartnerKind kind = k < OTHER_PARTNER_KINDS.length
                    ? OTHER_PARTNER_KINDS[k]
                    : OTHER_PARTNER_KINDS[pick(OTHER_PARTNER_WEIGHTS, r)];
            int base = geo.drawByPopulation(r);
            a.id[i] = "partner-" + pad(i - nc + 1, 6);
            a.base[i] = base;
            a.role[i] = OTHER;
            a.area[i] = (byte) r.nextInt(7);
            size[i] = 0.6 * lognormal(r, 0.8);
            a.partners.add(new Partner(a.id[i], partnerName(kind) + " " + (i - nc + 1), kind, geo.munId[base], null));
        }

        a.sizeCum = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += size[k];
            a.sizeCum[k] = sum;
        }
        int[] munOf = a.base;
        int[] districtOf = new int[n];
        for (int k = 0; k < n; k++) {
            districtOf[k] = geo.munDistrict[a.base[k]];
        }
        a.byMunStart = new int[nm + 1];
        a.byMun = bucket(munOf, nm, a.byMunStart);
        a.byDistrictStart = new int[nd + 1];
        a.byDistrict = bucket(districtOf, nd, a.byDistrictStart);
        return a;
    }

    private static String partnerName(PartnerKind kind) {
        return switch (kind) {
            case ASSOCIATION -> "Associazione Sintetica";
            case VOLUNTEER_GROUP -> "Gruppo di Volontariato Sintetico";
            case FOUNDATION -> "Fondazione Sintetica";
            case SCHOOL -> "Scuola Sintetica";
            case UNION -> "Sindacato Sintetico";
            case COMPANY -> "Impresa Sintetica";
            case HEALTH_AGENCY -> "Agenzia Sanitaria Sintetica";
            case MUNICIPALITY -> "Servizio Sociale Sintetico";
            case OTHER -> "Ente Sintetico";
        };
    }

    /** Items grouped by key (counting sort): start[k]..start[k + 1] indexes the items of key k. */
    private static int[] bucket(int[] keyOf, int keys, int[] start) {
        for (int key : keyOf) {
            start[key + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] next = Arrays.copyOf(start, keys);
        int[] items = new int[keyOf.length];
        for (int i = 0; i < keyOf.length; i++) {
            items[next[keyOf[i]]++] = i;
        }
        return items;
    }

    // ------------------------------------------------------------------ services

    private static List<Service> services(Scale scale, Geo geo, Categories cats, Actors a, SplittableRandom r) {
        int ns = scale.services;
        List<Service> services = new ArrayList<>(ns);
        int width = ns >= 1_000_000 ? 7 : 6;
        for (int i = 0; i < ns; i++) {
            int p = draw(a.sizeCum, r);
            int base = a.base[p];
            // One or two leaf categories, mostly in the provider's own area of need.
            int count = r.nextDouble() < 0.4 ? 1 : 2;
            String[] categories = new String[count];
            for (int c = 0; c < count; c++) {
                categories[c] = r.nextDouble() < 0.7 && cats.leavesOf[a.area[p] % cats.roots.length].length > 0
                        ? pickOf(cats.leavesOf[a.area[p] % cats.roots.length], r)
                        : pickOf(cats.leaves, r);
            }
            // Where: the provider's whole district, or the 1-5 municipalities nearest its base.
            double districtWide = switch (a.role[p]) {
                case MUNICIPAL -> 0.05;
                case HEALTH -> 0.5;
                case CONSORTIUM -> 0.4;
                default -> 0.2;
            };
            String[] territories;
            if (r.nextDouble() < districtWide) {
                territories = new String[] {geo.districtId[geo.munDistrict[base]]};
            } else {
                int k = a.role[p] == MUNICIPAL
                        ? 1 + (r.nextDouble() < 0.4 ? 1 + r.nextInt(2) : 0)
                        : 1 + pick(SPREAD_WEIGHTS, r);
                k = Math.min(k, geo.nearCount);
                territories = new String[k];
                for (int j = 0; j < k; j++) {
                    territories[j] = geo.munId[geo.near[base * geo.nearCount + j]];
                }
            }
            Integer capacity = null;
            Integer occupied = null;
            if (r.nextDouble() >= 0.1) {
                capacity = 5 + r.nextInt(56);
                occupied = r.nextDouble() < 0.2 ? null : r.nextInt(capacity + 6);
            }
            String id = "svc-" + pad(i + 1, width);
            services.add(new Service(
                    id,
                    "Servizio Sintetico " + (i + 1),
                    a.id[p],
                    Arrays.asList(categories),
                    Arrays.asList(territories),
                    capacity,
                    occupied,
                    null));
        }
        return services;
    }

    // ------------------------------------------------------------------ needs

    private static List<Need> needs(Scale scale, Geo geo, Categories cats, SplittableRandom r) {
        int nn = scale.needs;
        List<Need> needs = new ArrayList<>(nn);
        LocalDate[] days = new LocalDate[DAYS];
        for (int d = 0; d < DAYS; d++) {
            days[d] = FIRST_DAY.plusDays(d);
        }
        String[] sources = new String[geo.districts()];
        for (int d = 0; d < sources.length; d++) {
            sources[d] = "sportello-" + geo.districtId[d];
        }
        int width = nn >= 1_000_000 ? 7 : 6;
        for (int i = 0; i < nn; i++) {
            int m = geo.drawByPopulation(r);
            String category = r.nextDouble() < 0.8 ? pickOf(cats.leaves, r) : pickOf(cats.roots, r);
            // Mostly a few people, now and then a few dozen: exponential, capped at 40.
            int people = (int) Math.min(40, 1 + Math.floor(-Math.log(1 - r.nextDouble()) * 5));
            Urgency urgency = URGENCIES[pick(URGENCY_WEIGHTS, r)];
            LocalDate recordedAt = days[r.nextInt(DAYS)];
            String source = r.nextDouble() < 0.7 ? sources[geo.munDistrict[m]] : null;
            needs.add(
                    new Need("need-" + pad(i + 1, width), category, geo.munId[m], people, urgency, recordedAt, source));
        }
        return needs;
    }

    // ------------------------------------------------------------------ ties

    private static List<Tie> ties(Scale scale, Geo geo, Actors a, SplittableRandom r) {
        int n = a.size();
        int target = scale.ties;
        List<Tie> ties = new ArrayList<>(target);
        Set<Long> seen = new HashSet<>(target * 2);
        String[] years = new String[LAST_YEAR - FIRST_YEAR + 1];
        for (int y = 0; y < years.length; y++) {
            years[y] = Integer.toString(FIRST_YEAR + y);
        }
        long attempts = 0;
        long maxAttempts = 50L * target + 1_000;
        while (ties.size() < target && attempts++ < maxAttempts) {
            int from;
            int to;
            double u = r.nextDouble();
            if (u < 0.1 && a.members.length > 0) {
                // A member and its consortium.
                from = a.members[r.nextInt(a.members.length)];
                to = a.memberOf[from];
            } else {
                from = draw(a.sizeCum, r);
                int base = a.base[from];
                double mode = r.nextDouble();
                if (mode < 0.55) {
                    // Local: an actor based in the same or one of the nearest municipalities.
                    int m = geo.near[base * geo.nearCount + r.nextInt(geo.nearCount)];
                    to = pickIn(a.byMun, a.byMunStart, m, r);
                } else if (mode < 0.93) {
                    to = pickIn(a.byDistrict, a.byDistrictStart, geo.munDistrict[base], r);
                } else {
                    to = r.nextInt(n); // a long tie
                }
            }
            if (to < 0 || to == from) {
                continue;
            }
            int kind = r.nextInt(TIE_KINDS.length);
            long key = ((long) Math.min(from, to) * n + Math.max(from, to)) * TIE_KINDS.length + kind;
            if (!seen.add(key)) {
                continue;
            }
            String since = years[r.nextInt(years.length)];
            double strength = (10 + r.nextInt(91)) / 100.0;
            ties.add(new Tie(a.id[from], a.id[to], TIE_KINDS[kind], since, strength));
        }
        return ties;
    }

    /** A random item of bucket {@code key}, or -1 when it is empty. */
    private static int pickIn(int[] items, int[] start, int key, SplittableRandom r) {
        int from = start[key];
        int count = start[key + 1] - from;
        return count == 0 ? -1 : items[from + r.nextInt(count)];
    }

    // ------------------------------------------------------------------ helpers

    private static SplittableRandom random(long seed, int section) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + section * 0xBF58476D1CE4E5B9L);
    }

    /** An index drawn in proportion to the increments of a cumulative array. */
    private static int draw(double[] cum, SplittableRandom r) {
        double x = r.nextDouble() * cum[cum.length - 1];
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** An index drawn in proportion to small weights that sum to about 1. */
    private static int pick(double[] weights, SplittableRandom r) {
        double x = r.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String pickOf(String[] items, SplittableRandom r) {
        return items[r.nextInt(items.length)];
    }

    private static double lognormal(SplittableRandom r, double sigma) {
        return Math.exp(r.nextGaussian() * sigma);
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    private static double round6(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    /** {@code n} in decimal, zero-padded to {@code width} digits. */
    static String pad(int n, int width) {
        String digits = Integer.toString(n);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}
