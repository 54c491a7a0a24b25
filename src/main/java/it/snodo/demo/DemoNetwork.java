package it.snodo.demo;

import static it.snodo.network.CooperativeType.A;
import static it.snodo.network.CooperativeType.B;
import static it.snodo.network.CooperativeType.MIXED;
import static it.snodo.network.TieKind.COLLABORATION;
import static it.snodo.network.TieKind.CONTRACT;
import static it.snodo.network.TieKind.CONVENTION;
import static it.snodo.network.TieKind.CO_DESIGN;
import static it.snodo.network.TieKind.FUNDING;
import static it.snodo.network.TieKind.JOINT_TENDER;
import static it.snodo.network.TieKind.REFERRAL;

import it.snodo.network.Category;
import it.snodo.network.Cooperative;
import it.snodo.network.CooperativeType;
import it.snodo.network.Need;
import it.snodo.network.NetworkDocument;
import it.snodo.network.Partner;
import it.snodo.network.PartnerKind;
import it.snodo.network.Service;
import it.snodo.network.Skill;
import it.snodo.network.SkillOffer;
import it.snodo.network.SkillRequest;
import it.snodo.network.Space;
import it.snodo.network.SpaceKind;
import it.snodo.network.Territory;
import it.snodo.network.TerritoryLevel;
import it.snodo.network.Tie;
import it.snodo.network.TieKind;
import it.snodo.network.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo network of the Alto Milanese, the north-west of the Città metropolitana di Milano.
 *
 * <p><b>What is real.</b> The 67 municipalities with their ISTAT codes, names, resident
 * population (ISTAT, 2021) and coordinates, read from {@code data/territories.csv}; the seven
 * ISTAT areas of need ({@code data/need-areas.csv}) and the eleven kinds of social intervention
 * ({@code data/service-taxonomy.csv}) that make the two-level category tree; the names of the
 * municipalities whose social services appear as partners. See {@code data/README.md} for the
 * sources.
 *
 * <p><b>What is illustrative.</b> The assignment of municipalities to planning districts
 * ("ambiti"): the Rhodense is verified, the other assignments are only partly verified or not
 * at all (the Garbagnatese names are unverified), as the data README says. Following it, the
 * Legnanese and Castanese are merged into the one district "Alto Milanese". District
 * populations and centroids are computed here from the municipalities.
 *
 * <p><b>What is invented.</b> Everything else: the consortium, the cooperatives, the
 * associations, foundation, school, union, company and health agency (all named "Esempio" so
 * that no one mistakes them for real organisations), their services, places and occupancy,
 * the aggregated needs (numbers of people, never a person) and the ties between actors.
 *
 * <p><b>Planted on purpose</b>, so that the analyses have something true to show:
 * <ul>
 * <li>no addiction ({@code dipendenze}) service at all reaches the Abbiatense, while addiction
 *     needs are recorded there: the gap report says UNCOVERED;</li>
 * <li>in the Garbagnatese, day centres for people with disabilities
 *     ({@code disabili.strutture_semiresidenziali}) are run by one cooperative only, with
 *     places enough for today's demand: FRAGILE;</li>
 * <li>in the Rhodense, the temporary-housing apartment networks
 *     ({@code poverta_disagio_adulti.strutture_residenziali}) are nearly full while dozens of
 *     households wait: UNDER;</li>
 * <li>the tie graph is one main component around the consortium in which the Abbiatense
 *     actors hang on a single tie (a bridge), plus a separate pair of cooperatives and one
 *     isolated cooperative;</li>
 * <li>a cultural mediator lent across two districts: Abitare in Rho (Rhodense) looks for one,
 *     and the nearest cooperative that can lend one, Crocevia in Nerviano, is in the Alto
 *     Milanese; Mosaico in Corbetta (Magentino) offers one too, farther away;</li>
 * <li>a kitchen in Rho for a new social canteen: Officina Sociale offers one there, and a
 *     smaller one waits in Pero, a few kilometres off.</li>
 * </ul>
 *
 * <p>The skill tree names the professions of Italian social cooperatives (the profiles of their
 * national contract and of the regional registers), never a person; the offers, requests and
 * spaces are invented.
 *
 * <p>{@link #build()} is deterministic: the tables below are fixed and the few numbers that are
 * drawn (where a need is recorded, how many people, when) come from a {@link Random} with a
 * fixed seed, so every call returns an equal document.
 */
public final class DemoNetwork {

    /** The id of the demo consortium. */
    public static final String CONSORTIUM = "consorzio-esempio";
    /** The id of the region. */
    public static final String REGION = "lombardia";
    /** The id of the province (the Città metropolitana di Milano). */
    public static final String PROVINCE = "cm-milano";

    private static final String TERRITORIES_CSV = "/data/territories.csv";
    private static final String NEED_AREAS_CSV = "/data/need-areas.csv";
    private static final String TAXONOMY_CSV = "/data/service-taxonomy.csv";

    /** The five planning districts, by the short name used in the tables below. */
    private static final List<String> DISTRICTS =
            List.of("Abbiatense", "Alto Milanese", "Garbagnatese", "Magentino", "Rhodense");

    private static final long SEED = 20_250_917L;

    private DemoNetwork() {}

    /** Builds the demo network; every call returns an equal document. */
    public static NetworkDocument build() {
        Geography geo = Geography.load();
        List<Category> categories = categories();
        Set<String> codes = new HashSet<>();
        categories.forEach(c -> codes.add(c.code()));
        return new NetworkDocument(
                geo.territories,
                categories,
                cooperatives(geo),
                partners(geo),
                services(geo, codes),
                needs(geo, codes),
                ties(),
                SKILLS,
                SKILL_OFFERS,
                SKILL_REQUESTS,
                spaces(geo));
    }

    // ------------------------------------------------------------------ skills and spaces

    /** The professions of social cooperatives, in three areas. */
    private static final List<Skill> SKILLS = List.of(
            new Skill("sk-sociosanitaria", "Area socio-sanitaria", null),
            new Skill("sk-oss", "Operatore socio-sanitario (OSS)", "sk-sociosanitaria"),
            new Skill("sk-asa", "Ausiliario socio-assistenziale (ASA)", "sk-sociosanitaria"),
            new Skill("sk-infermiere", "Infermiere", "sk-sociosanitaria"),
            new Skill("sk-fisioterapista", "Fisioterapista", "sk-sociosanitaria"),
            new Skill("sk-educativa", "Area educativa e sociale", null),
            new Skill("sk-educatore", "Educatore professionale", "sk-educativa"),
            new Skill("sk-psicologo", "Psicologo", "sk-educativa"),
            new Skill("sk-assistente-sociale", "Assistente sociale", "sk-educativa"),
            new Skill("sk-mediatore", "Mediatore linguistico-culturale", "sk-educativa"),
            new Skill("sk-gestione", "Gestione e sviluppo", null),
            new Skill("sk-progettista", "Progettista sociale", "sk-gestione"),
            new Skill("sk-fundraiser", "Fundraiser", "sk-gestione"),
            new Skill("sk-paghe", "Amministrazione e paghe", "sk-gestione"),
            new Skill("sk-rspp", "Responsabile sicurezza (RSPP)", "sk-gestione"),
            new Skill("sk-formatore", "Formatore", "sk-gestione"),
            new Skill("sk-digitale", "Esperto digitale", "sk-gestione"));

    /** Hours a week that cooperatives can lend. */
    private static final List<SkillOffer> SKILL_OFFERS = List.of(
            new SkillOffer(CONSORTIUM, "sk-paghe", 20),
            new SkillOffer(CONSORTIUM, "sk-progettista", 8),
            new SkillOffer("coop-argento", "sk-fisioterapista", 6),
            new SkillOffer("coop-casa-comune", "sk-psicologo", 10),
            new SkillOffer("coop-crocevia", "sk-mediatore", 12),
            new SkillOffer("coop-domicilio", "sk-oss", 16),
            new SkillOffer("coop-lavoro-insieme", "sk-rspp", 4),
            new SkillOffer("coop-mosaico", "sk-mediatore", 6),
            new SkillOffer("coop-officina", "sk-formatore", 6),
            new SkillOffer("coop-ponte", "sk-educatore", 10));

    /** Hours a week that cooperatives look for. */
    private static final List<SkillRequest> SKILL_REQUESTS = List.of(
            new SkillRequest("coop-abitare", "sk-mediatore", 8),
            new SkillRequest("coop-cortile", "sk-progettista", 6),
            new SkillRequest("coop-famiglie", "sk-psicologo", 6),
            new SkillRequest("coop-filo", "sk-rspp", 3),
            new SkillRequest("coop-girasole", "sk-fundraiser", 8),
            new SkillRequest("coop-nido", "sk-educatore", 6),
            new SkillRequest("coop-quercia", "sk-paghe", 10),
            new SkillRequest("coop-sentiero", "sk-digitale", 4));

    private record SpaceRow(
            String id, String name, SpaceKind kind, int capacity, boolean accessible, String owner, String town) {}

    /** Rooms, kitchens and workshops that stand empty part of the week. */
    private static final SpaceRow[] SPACES = {
        new SpaceRow(
                "spazio-cucina-rho", "Cucina Officina Sociale", SpaceKind.KITCHEN, 40, true, "coop-officina", "Rho"),
        new SpaceRow("spazio-cucina-pero", "Cucina Cura di Casa", SpaceKind.KITCHEN, 15, true, "coop-cura", "Pero"),
        new SpaceRow("spazio-sala-rho", "Sala civica Esempio", SpaceKind.HALL, 120, true, "comune-rho", "Rho"),
        new SpaceRow("spazio-aula-rho", "Aula Il Ponte", SpaceKind.ROOM, 20, false, "coop-ponte", "Rho"),
        new SpaceRow(
                "spazio-sala-legnano",
                "Sala Fondazione Esempio",
                SpaceKind.HALL,
                80,
                true,
                "fondazione-comunita-ovest",
                "Legnano"),
        new SpaceRow(
                "spazio-ufficio-legnano", "Uffici del consorzio", SpaceKind.OFFICE, 6, true, CONSORTIUM, "Legnano"),
        new SpaceRow(
                "spazio-aula-magenta",
                "Aula Genitori Insieme",
                SpaceKind.ROOM,
                25,
                true,
                "assoc-genitori-insieme",
                "Magenta"),
        new SpaceRow(
                "spazio-orto-magenta",
                "Orto Orti Solidali",
                SpaceKind.GARDEN,
                30,
                false,
                "coop-orti-solidali",
                "Magenta"),
        new SpaceRow(
                "spazio-laboratorio-abbiategrasso",
                "Laboratorio Filo d'Erba",
                SpaceKind.WORKSHOP,
                12,
                true,
                "coop-filo",
                "Abbiategrasso"),
    };

    private static List<Space> spaces(Geography geo) {
        List<Space> spaces = new ArrayList<>();
        for (SpaceRow row : SPACES) {
            spaces.add(new Space(
                    row.id(),
                    row.name(),
                    row.kind(),
                    row.capacity(),
                    row.accessible(),
                    row.owner(),
                    geo.municipality(row.town()).id()));
        }
        return spaces;
    }

    // ------------------------------------------------------------------ territories

    /** The territory tree read from the CSV, and the lookups the tables below need. */
    private static final class Geography {
        final List<Territory> territories = new ArrayList<>();
        final Map<String, Territory> municipalityByName = new HashMap<>();
        final Map<String, Territory> byId = new HashMap<>();
        /** District short name to its municipalities, in file order. */
        final Map<String, List<Territory>> municipalitiesOf = new LinkedHashMap<>();
        /** Municipality id to the short name of its district. */
        final Map<String, String> districtByMunicipality = new HashMap<>();

        static Geography load() {
            Geography geo = new Geography();
            DISTRICTS.forEach(d -> geo.municipalitiesOf.put(d, new ArrayList<>()));
            List<Territory> municipalities = new ArrayList<>();
            for (Map<String, String> row : readCsv(TERRITORIES_CSV)) {
                String district = districtOf(row.get("ambito"));
                Territory m = new Territory(
                        row.get("istat_code"),
                        row.get("name"),
                        TerritoryLevel.MUNICIPALITY,
                        districtId(district),
                        Long.parseLong(row.get("population")),
                        Double.parseDouble(row.get("lat")),
                        Double.parseDouble(row.get("lon")));
                municipalities.add(m);
                geo.municipalitiesOf.get(district).add(m);
                geo.districtByMunicipality.put(m.id(), district);
                if (geo.municipalityByName.put(m.name(), m) != null) {
                    throw new IllegalStateException("Two municipalities named " + m.name());
                }
            }
            geo.territories.add(new Territory(REGION, "Lombardia", TerritoryLevel.REGION, null, null, null, null));
            geo.territories.add(new Territory(
                    PROVINCE, "Città metropolitana di Milano", TerritoryLevel.PROVINCE, REGION, null, 45.4642, 9.19));
            for (String district : DISTRICTS) {
                geo.territories.add(district(district, geo.municipalitiesOf.get(district)));
            }
            geo.territories.addAll(municipalities);
            geo.territories.forEach(t -> geo.byId.put(t.id(), t));
            return geo;
        }

        /** A district summed from its municipalities: population, and population-weighted centroid. */
        private static Territory district(String name, List<Territory> municipalities) {
            if (municipalities.isEmpty()) {
                throw new IllegalStateException("No municipality in district " + name);
            }
            long population = 0;
            double lat = 0;
            double lon = 0;
            for (Territory m : municipalities) {
                population += m.population();
                lat += m.lat() * m.population();
                lon += m.lon() * m.population();
            }
            return new Territory(
                    districtId(name),
                    "Ambito " + name,
                    TerritoryLevel.DISTRICT,
                    PROVINCE,
                    population,
                    round6(lat / population),
                    round6(lon / population));
        }

        /** A municipality by name, a district by short name, or the province by its id. */
        String resolve(String place) {
            if (DISTRICTS.contains(place)) {
                return districtId(place);
            }
            if (PROVINCE.equals(place)) {
                return PROVINCE;
            }
            return municipality(place).id();
        }

        Territory municipality(String name) {
            Territory m = municipalityByName.get(name);
            if (m == null) {
                throw new IllegalStateException("No municipality named " + name + " in " + TERRITORIES_CSV);
            }
            return m;
        }
    }

    /** The file's district names, with the Legnanese and Castanese merged into the Alto Milanese. */
    private static String districtOf(String ambito) {
        String district = switch (ambito) {
            case "Legnanese", "Castanese" -> "Alto Milanese";
            default -> ambito;
        };
        if (!DISTRICTS.contains(district)) {
            throw new IllegalStateException("Unknown district " + ambito + " in " + TERRITORIES_CSV);
        }
        return district;
    }

    static String districtId(String district) {
        return "ambito-" + slug(district);
    }

    // ------------------------------------------------------------------ categories

    /** The seven areas of need as roots, and under each the eleven kinds of intervention. */
    private static List<Category> categories() {
        List<Map<String, String>> areas = readCsv(NEED_AREAS_CSV);
        List<Map<String, String>> kinds = readCsv(TAXONOMY_CSV);
        List<Category> categories = new ArrayList<>();
        for (Map<String, String> area : areas) {
            categories.add(new Category(area.get("code"), area.get("name_it"), area.get("name_en"), null));
        }
        for (Map<String, String> area : areas) {
            for (Map<String, String> kind : kinds) {
                categories.add(new Category(
                        area.get("code") + "." + kind.get("code"),
                        area.get("name_it") + " – " + kind.get("name_it"),
                        area.get("name_en") + " – " + kind.get("name_en"),
                        area.get("code")));
            }
        }
        return categories;
    }

    // ------------------------------------------------------------------ actors

    private record CoopRow(String id, String name, CooperativeType type, String town, boolean member) {}

    /** The invented cooperatives, with where they are based and whether they belong to the consortium. */
    private static final CoopRow[] COOPERATIVES = {
        new CoopRow("coop-abitare", "Abitare", A, "Rho", true),
        new CoopRow("coop-casa-comune", "Casa Comune", A, "Legnano", true),
        new CoopRow("coop-cura", "Cura di Casa", A, "Pero", true),
        new CoopRow("coop-domicilio", "Domicilio", A, "Parabiago", true),
        new CoopRow("coop-argento", "Età d'Argento", A, "Abbiategrasso", true),
        new CoopRow("coop-girasole", "Girasole", A, "Magenta", true),
        new CoopRow("coop-arcobaleno", "Arcobaleno", A, "Bollate", true),
        new CoopRow("coop-sentiero", "Sentiero", A, "Novate Milanese", true),
        new CoopRow("coop-famiglie", "Famiglie in Rete", A, "Castano Primo", true),
        new CoopRow("coop-radici", "Radici", A, "Garbagnate Milanese", true),
        new CoopRow("coop-nido", "Nido Aperto", A, "Lainate", true),
        new CoopRow("coop-approdo", "Approdo", A, "Legnano", true),
        new CoopRow("coop-cortile", "Cortile", A, "Sedriano", true),
        new CoopRow("coop-lavoro-insieme", "Lavoro Insieme", B, "Legnano", true),
        new CoopRow("coop-officina", "Officina Sociale", B, "Rho", true),
        new CoopRow("coop-orti-solidali", "Orti Solidali", B, "Magenta", true),
        new CoopRow("coop-filo", "Filo d'Erba", B, "Abbiategrasso", true),
        new CoopRow("coop-bottega", "Bottega Verde", B, "Paderno Dugnano", true),
        new CoopRow("coop-tessitura", "Tessitura Sociale", B, "Cuggiono", true),
        new CoopRow("coop-ponte", "Il Ponte", MIXED, "Rho", true),
        new CoopRow("coop-mosaico", "Mosaico", MIXED, "Corbetta", true),
        new CoopRow("coop-crocevia", "Crocevia", MIXED, "Nerviano", true),
        // Not members of the consortium: one works alone, two only with each other.
        new CoopRow("coop-quercia", "La Quercia", A, "Motta Visconti", false),
        new CoopRow("coop-lanterna", "Lanterna", A, "Senago", false),
        new CoopRow("coop-stella", "Stella Polare", B, "Solaro", false),
    };

    private static List<Cooperative> cooperatives(Geography geo) {
        List<Cooperative> cooperatives = new ArrayList<>();
        cooperatives.add(new Cooperative(
                CONSORTIUM,
                "Consorzio Esempio Cooperative Sociali Ovest",
                CooperativeType.CONSORTIUM,
                null,
                geo.municipality("Legnano").id(),
                null));
        for (CoopRow row : COOPERATIVES) {
            cooperatives.add(new Cooperative(
                    row.id(),
                    "Cooperativa Esempio " + row.name(),
                    row.type(),
                    null,
                    geo.municipality(row.town()).id(),
                    row.member() ? CONSORTIUM : null));
        }
        return cooperatives;
    }

    /** The municipalities whose social services are partners ({@code comune-<town>}). */
    private static final String[] MUNICIPAL_PARTNERS = {
        "Rho",
        "Lainate",
        "Bollate",
        "Garbagnate Milanese",
        "Paderno Dugnano",
        "Legnano",
        "Parabiago",
        "Castano Primo",
        "Magenta",
        "Corbetta",
        "Abbiategrasso",
    };

    private record PartnerRow(String id, String name, PartnerKind kind, String town) {}

    /** The invented partners other than the municipalities. */
    private static final PartnerRow[] PARTNERS = {
        new PartnerRow("asst-esempio", "Azienda sanitaria Esempio Ovest", PartnerKind.HEALTH_AGENCY, "Legnano"),
        new PartnerRow("assoc-vicini-di-casa", "Associazione Esempio Vicini di Casa", PartnerKind.ASSOCIATION, "Rho"),
        new PartnerRow(
                "assoc-genitori-insieme", "Associazione Esempio Genitori Insieme", PartnerKind.ASSOCIATION, "Magenta"),
        new PartnerRow(
                "volontari-mensa-amica",
                "Gruppo volontari Esempio Mensa Amica",
                PartnerKind.VOLUNTEER_GROUP,
                "Legnano"),
        new PartnerRow(
                "volontari-trasporto",
                "Gruppo volontari Esempio Trasporto Solidale",
                PartnerKind.VOLUNTEER_GROUP,
                "Abbiategrasso"),
        new PartnerRow(
                "fondazione-comunita-ovest", "Fondazione Esempio Comunità Ovest", PartnerKind.FOUNDATION, "Legnano"),
        new PartnerRow("scuola-ticino", "Istituto scolastico Esempio Ticino", PartnerKind.SCHOOL, "Castano Primo"),
        new PartnerRow("sindacato-ovest", "Sindacato Esempio Lavoratori Ovest", PartnerKind.UNION, "Rho"),
        new PartnerRow("azienda-logistica", "Esempio Logistica S.r.l.", PartnerKind.COMPANY, "Pero"),
    };

    static String municipalPartnerId(String town) {
        return "comune-" + slug(town);
    }

    private static List<Partner> partners(Geography geo) {
        List<Partner> partners = new ArrayList<>();
        for (String town : MUNICIPAL_PARTNERS) {
            partners.add(new Partner(
                    municipalPartnerId(town),
                    "Servizi sociali del Comune di " + town,
                    PartnerKind.MUNICIPALITY,
                    geo.municipality(town).id(),
                    null));
        }
        for (PartnerRow row : PARTNERS) {
            partners.add(new Partner(
                    row.id(),
                    row.name(),
                    row.kind(),
                    geo.municipality(row.town()).id(),
                    null));
        }
        return partners;
    }

    // ------------------------------------------------------------------ services

    /** The kinds of service of the demo: a slug, a label and the categories they address. */
    private enum Kind {
        HOUSING(
                "rete-appartamenti", "Rete appartamenti",
                "poverta_disagio_adulti.strutture_residenziali", "immigrati_nomadi.strutture_residenziali"),
        HOME_CARE(
                "assistenza-domiciliare",
                "Assistenza domiciliare",
                "anziani.interventi_domiciliari",
                "disabili.interventi_domiciliari"),
        ELDERLY_DAY("centro-diurno-anziani", "Centro diurno anziani", "anziani.strutture_semiresidenziali"),
        ELDERLY_HOME("residenza-anziani", "Residenza protetta anziani", "anziani.strutture_residenziali"),
        DISABLED_DAY("centro-diurno-disabili", "Centro diurno disabili", "disabili.strutture_semiresidenziali"),
        DISABLED_HOME("comunita-alloggio", "Comunità alloggio disabili", "disabili.strutture_residenziali"),
        RESPITE(
                "sollievo", "Sollievo per chi assiste",
                "anziani.supporto_persona_famiglia", "disabili.supporto_persona_famiglia"),
        TRANSPORT(
                "trasporto-solidale",
                "Trasporto solidale",
                "anziani.servizi_integrativi_supporto",
                "disabili.servizi_integrativi_supporto"),
        WORKSHOP("laboratorio", "Laboratorio occupazionale", "disabili.educativo_assistenziale_inserimento_lavorativo"),
        JOB_PLACEMENT(
                "inserimento-lavorativo",
                "Inserimento lavorativo",
                "disabili.educativo_assistenziale_inserimento_lavorativo",
                "dipendenze.educativo_assistenziale_inserimento_lavorativo",
                "poverta_disagio_adulti.educativo_assistenziale_inserimento_lavorativo"),
        TRAINEESHIP(
                "tirocini",
                "Tirocini di inclusione",
                "disabili.educativo_assistenziale_inserimento_lavorativo",
                "poverta_disagio_adulti.educativo_assistenziale_inserimento_lavorativo"),
        HELP_DESK("sportello-sociale", "Sportello sociale", "multiutenza.segretariato_sociale"),
        WELFARE_DESK("sportello-welfare", "Sportello welfare", "multiutenza.segretariato_sociale"),
        WORK_DESK("sportello-lavoro", "Sportello lavoro e diritti", "multiutenza"),
        FAMILY_CENTRE(
                "centro-famiglie",
                "Centro per la famiglia",
                "famiglia_minori.supporto_persona_famiglia",
                "famiglia_minori.prevenzione"),
        FAMILY_CLINIC(
                "consultorio",
                "Consultorio familiare",
                "famiglia_minori.supporto_persona_famiglia",
                "famiglia_minori.prevenzione"),
        HOME_EDUCATION(
                "educativa-domiciliare", "Educativa domiciliare minori", "famiglia_minori.interventi_domiciliari"),
        MINORS_HOME("comunita-minori", "Comunità educativa per minori", "famiglia_minori.strutture_residenziali"),
        AFTER_SCHOOL("spazio-compiti", "Spazio compiti e aggregazione", "famiglia_minori.integrazione_sociale"),
        ADDICTION_HOME("comunita-terapeutica", "Comunità terapeutica", "dipendenze.strutture_residenziali"),
        ADDICTION_DAY("centro-diurno-dipendenze", "Centro diurno dipendenze", "dipendenze.strutture_semiresidenziali"),
        STREET_UNIT(
                "unita-di-strada", "Unità di strada", "dipendenze.prevenzione", "dipendenze.pronto_intervento_sociale"),
        ADDICTION_CLINIC(
                "servizio-dipendenze",
                "Servizio dipendenze",
                "dipendenze.supporto_persona_famiglia",
                "dipendenze.prevenzione"),
        CANTEEN("mensa-solidale", "Mensa solidale", "poverta_disagio_adulti.pronto_intervento_sociale"),
        FOOD_SHOP("emporio-solidale", "Emporio solidale", "poverta_disagio_adulti.servizi_integrativi_supporto"),
        FUND("fondo-solidarieta", "Fondo di solidarietà", "poverta_disagio_adulti"),
        MEDIATION(
                "mediazione",
                "Mediazione linguistico-culturale",
                "immigrati_nomadi.integrazione_sociale",
                "immigrati_nomadi.segretariato_sociale"),
        ITALIAN("scuola-italiano", "Scuola di italiano per adulti", "immigrati_nomadi.integrazione_sociale");

        final String slug;
        final String label;
        final List<String> categories;

        Kind(String slug, String label, String... categories) {
            this.slug = slug;
            this.label = label;
            this.categories = List.of(categories);
        }
    }

    /**
     * A service of the demo: what, who runs it, where (municipality names, district short names
     * or the province id, comma-separated), places and places taken (null = unknown).
     */
    private record Offer(Kind kind, String provider, String where, Integer capacity, Integer occupied) {}

    private static Offer offer(Kind kind, String provider, String where, Integer capacity, Integer occupied) {
        return new Offer(kind, provider, where, capacity, occupied);
    }

    private static final Offer[] OFFERS = {
        // The consortium's welfare desk, in every district, and province-wide partners.
        offer(
                Kind.WELFARE_DESK,
                CONSORTIUM,
                "Abbiatense, Alto Milanese, Garbagnatese, Magentino, Rhodense",
                null,
                null),
        offer(Kind.WORK_DESK, "sindacato-ovest", PROVINCE, null, null),
        offer(Kind.FUND, "fondazione-comunita-ovest", PROVINCE, null, null),

        // Rhodense. The apartment networks co-designed with Rho and Lainate are full (UNDER).
        offer(Kind.HOUSING, "coop-abitare", "Rho", 12, 12),
        offer(Kind.HOUSING, "coop-abitare", "Lainate", 6, 6),
        offer(Kind.HOUSING, "coop-abitare", "Settimo Milanese, Cornaredo", 8, 7),
        offer(Kind.HELP_DESK, "comune-rho", "Rho", null, null),
        offer(Kind.HELP_DESK, "comune-lainate", "Lainate", null, null),
        offer(Kind.HOME_CARE, "coop-cura", "Rhodense, Garbagnatese", 40, null),
        offer(Kind.ELDERLY_DAY, "coop-cura", "Arese", 30, 18),
        offer(Kind.DISABLED_DAY, "coop-cura", "Rho", 20, 14),
        offer(Kind.JOB_PLACEMENT, "coop-officina", "Rhodense", 24, 12),
        offer(Kind.WORKSHOP, "coop-officina", "Rho", 15, 15),
        offer(Kind.FAMILY_CENTRE, "coop-nido", "Rhodense", 40, 18),
        offer(Kind.HOME_EDUCATION, "coop-nido", "Lainate, Arese, Pogliano Milanese", 14, 8),
        offer(Kind.ADDICTION_HOME, "coop-ponte", "Rho", 12, 8),
        offer(Kind.STREET_UNIT, "coop-ponte", "Rhodense", null, null),
        offer(Kind.CANTEEN, "assoc-vicini-di-casa", "Rho", 60, 45),
        offer(Kind.ITALIAN, "assoc-vicini-di-casa", "Rho, Pero", 25, null),
        offer(Kind.TRAINEESHIP, "azienda-logistica", "Pero", 4, 4),

        // Garbagnatese. Day centres for disabilities: one cooperative only (FRAGILE).
        offer(Kind.DISABLED_DAY, "coop-arcobaleno", "Bollate", 20, 12),
        offer(Kind.DISABLED_DAY, "coop-arcobaleno", "Paderno Dugnano", 15, 9),
        offer(Kind.DISABLED_HOME, "coop-arcobaleno", "Bollate", 10, 10),
        offer(Kind.HELP_DESK, "comune-bollate", "Bollate", null, null),
        offer(Kind.HELP_DESK, "comune-garbagnate-milanese", "Garbagnate Milanese", null, null),
        offer(Kind.HELP_DESK, "comune-paderno-dugnano", "Paderno Dugnano", null, null),
        offer(Kind.HOUSING, "coop-casa-comune", "Bollate, Baranzate", 6, 4),
        offer(Kind.HOME_CARE, "coop-sentiero", "Garbagnatese, Rhodense", 40, 22),
        offer(Kind.ELDERLY_DAY, "coop-sentiero", "Novate Milanese", 20, 20),
        offer(Kind.FAMILY_CENTRE, "coop-radici", "Garbagnate Milanese, Cesate, Solaro", 25, 15),
        offer(Kind.MINORS_HOME, "coop-radici", "Garbagnate Milanese", 8, 6),
        offer(Kind.JOB_PLACEMENT, "coop-bottega", "Garbagnatese", 20, 10),
        offer(Kind.ADDICTION_DAY, "coop-ponte", "Garbagnatese", 15, 7),
        offer(Kind.HOME_EDUCATION, "coop-lanterna", "Senago", 10, 6),
        offer(Kind.AFTER_SCHOOL, "coop-lanterna", "Senago", 30, null),
        offer(Kind.WORKSHOP, "coop-stella", "Solaro", 12, 10),

        // Alto Milanese.
        offer(Kind.HOUSING, "coop-casa-comune", "Legnano", 14, 10),
        offer(Kind.HOUSING, "coop-casa-comune", "Parabiago", 6, 6),
        offer(Kind.HOUSING, "coop-crocevia", "Nerviano, Cerro Maggiore", 6, 5),
        offer(Kind.HOUSING, "coop-crocevia", "Castano Primo, Turbigo", 5, 3),
        offer(Kind.HELP_DESK, "comune-legnano", "Legnano", null, null),
        offer(Kind.HELP_DESK, "comune-parabiago", "Parabiago", null, null),
        offer(Kind.HELP_DESK, "comune-castano-primo", "Castano Primo", null, null),
        offer(Kind.JOB_PLACEMENT, "coop-lavoro-insieme", "Alto Milanese, Magentino", 36, 22),
        offer(Kind.WORKSHOP, "coop-lavoro-insieme", "Legnano", 20, 20),
        offer(Kind.JOB_PLACEMENT, "coop-tessitura", "Cuggiono, Castano Primo, Inveruno", 12, 8),
        offer(Kind.HOME_CARE, "coop-domicilio", "Alto Milanese, Magentino", 80, 50),
        offer(Kind.ELDERLY_DAY, "coop-domicilio", "Parabiago", 25, 25),
        offer(Kind.ELDERLY_DAY, "coop-domicilio", "Legnano", 30, 21),
        offer(Kind.RESPITE, "coop-domicilio", "Legnano, Parabiago, Canegrate", null, null),
        offer(Kind.ELDERLY_HOME, "coop-crocevia", "Nerviano", 40, 40),
        offer(Kind.MINORS_HOME, "coop-crocevia", "Nerviano", 10, 8),
        offer(
                Kind.FAMILY_CENTRE,
                "coop-famiglie",
                "Castano Primo, Turbigo, Nosate, Robecchetto con Induno, Buscate",
                20,
                8),
        offer(Kind.HOME_EDUCATION, "coop-famiglie", "Alto Milanese", 25, null),
        offer(Kind.AFTER_SCHOOL, "scuola-ticino", "Castano Primo", 40, 32),
        offer(Kind.ADDICTION_HOME, "coop-approdo", "Legnano", 14, 10),
        offer(Kind.ADDICTION_DAY, "coop-approdo", "Legnano", 20, 14),
        offer(Kind.ADDICTION_CLINIC, "asst-esempio", "Alto Milanese, Magentino", null, null),
        offer(
                Kind.FAMILY_CLINIC,
                "asst-esempio",
                "Abbiatense, Alto Milanese, Garbagnatese, Magentino, Rhodense",
                null,
                null),
        offer(Kind.CANTEEN, "volontari-mensa-amica", "Legnano", 80, 60),
        offer(Kind.FOOD_SHOP, "volontari-mensa-amica", "Legnano, San Vittore Olona, Canegrate", 120, null),

        // Magentino.
        offer(Kind.HOUSING, "coop-mosaico", "Corbetta", 8, 4),
        offer(Kind.HOUSING, "coop-mosaico", "Magenta", 10, 10),
        offer(Kind.MEDIATION, "coop-mosaico", "Magentino", 30, null),
        offer(Kind.HELP_DESK, "comune-magenta", "Magenta", null, null),
        offer(Kind.HELP_DESK, "comune-corbetta", "Corbetta", null, null),
        offer(Kind.DISABLED_DAY, "coop-girasole", "Magenta", 25, 16),
        offer(Kind.DISABLED_HOME, "coop-girasole", "Magenta", 10, 9),
        offer(Kind.HOME_CARE, "coop-girasole", "Magentino, Alto Milanese", 50, 30),
        offer(Kind.RESPITE, "coop-girasole", "Magentino", null, null),
        offer(Kind.WORKSHOP, "coop-orti-solidali", "Magenta", 16, 12),
        offer(Kind.JOB_PLACEMENT, "coop-orti-solidali", "Magenta, Corbetta, Boffalora sopra Ticino", 12, 8),
        offer(Kind.FAMILY_CENTRE, "assoc-genitori-insieme", "Magenta", 40, null),
        offer(Kind.ELDERLY_DAY, "coop-cortile", "Sedriano", 24, 14),
        offer(Kind.HOME_EDUCATION, "coop-cortile", "Sedriano, Vittuone, Bareggio", 12, 6),
        offer(Kind.STREET_UNIT, "coop-approdo", "Magentino", null, null),

        // Abbiatense: care for older people and work placement, but nothing for addictions (UNCOVERED).
        offer(Kind.HELP_DESK, "comune-abbiategrasso", "Abbiategrasso", null, null),
        offer(Kind.HOME_CARE, "coop-argento", "Abbiatense", 35, 22),
        offer(Kind.ELDERLY_DAY, "coop-argento", "Abbiategrasso", 20, 14),
        offer(Kind.TRAINEESHIP, "coop-filo", "Abbiatense", 15, 7),
        offer(Kind.WORKSHOP, "coop-filo", "Abbiategrasso", 10, 8),
        offer(Kind.TRANSPORT, "volontari-trasporto", "Abbiatense", null, null),
        offer(Kind.ELDERLY_HOME, "coop-quercia", "Motta Visconti", 30, 26),
        offer(Kind.HOME_CARE, "coop-quercia", "Motta Visconti, Besate", 10, null),
    };

    private static List<Service> services(Geography geo, Set<String> codes) {
        List<Service> services = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Offer offer : OFFERS) {
            List<String> places = List.of(offer.where().split(",\\s*"));
            List<String> territories = places.stream().map(geo::resolve).toList();
            for (String code : offer.kind().categories) {
                if (!codes.contains(code)) {
                    throw new IllegalStateException("Unknown category " + code + " for " + offer.kind());
                }
            }
            String base = "svc-" + offer.kind().slug + "-" + slug(places.get(0));
            String id = base;
            for (int n = 2; !ids.add(id); n++) {
                id = base + "-" + n;
            }
            String where = String.join(
                    ", ", territories.stream().map(t -> geo.byId.get(t).name()).toList());
            services.add(new Service(
                    id,
                    offer.kind().label + " Esempio – " + where,
                    offer.provider(),
                    offer.kind().categories,
                    territories,
                    offer.capacity(),
                    offer.occupied(),
                    null));
        }
        return services;
    }

    // ------------------------------------------------------------------ needs

    /** A need written out by hand: the ones the planted gaps rest on. */
    private record NeedRow(String category, String town, int people, Urgency urgency) {}

    private static final NeedRow[] PLANTED_NEEDS = {
        // Abbiatense: addictions, with no service to answer them.
        new NeedRow("dipendenze.strutture_semiresidenziali", "Abbiategrasso", 7, Urgency.HIGH),
        new NeedRow("dipendenze.educativo_assistenziale_inserimento_lavorativo", "Abbiategrasso", 5, Urgency.MEDIUM),
        new NeedRow("dipendenze.prevenzione", "Motta Visconti", 12, Urgency.MEDIUM),
        new NeedRow("dipendenze.strutture_residenziali", "Gaggiano", 3, Urgency.HIGH),
        // Rhodense: households waiting for temporary housing, far more than the free places.
        new NeedRow("poverta_disagio_adulti.strutture_residenziali", "Rho", 18, Urgency.HIGH),
        new NeedRow("poverta_disagio_adulti.strutture_residenziali", "Rho", 9, Urgency.MEDIUM),
        new NeedRow("poverta_disagio_adulti.strutture_residenziali", "Settimo Milanese", 6, Urgency.HIGH),
        new NeedRow("poverta_disagio_adulti.strutture_residenziali", "Pero", 5, Urgency.MEDIUM),
        new NeedRow("immigrati_nomadi.strutture_residenziali", "Rho", 11, Urgency.HIGH),
        new NeedRow("immigrati_nomadi.strutture_residenziali", "Cornaredo", 4, Urgency.LOW),
        // Garbagnatese: day centres for disabilities, answered by one cooperative only.
        new NeedRow("disabili.strutture_semiresidenziali", "Bollate", 3, Urgency.MEDIUM),
        new NeedRow("disabili.strutture_semiresidenziali", "Paderno Dugnano", 4, Urgency.MEDIUM),
        new NeedRow("disabili.strutture_semiresidenziali", "Senago", 2, Urgency.LOW),
    };

    /** Background needs: so many of a category in a district, with people in [min, max]. */
    private record NeedPlan(String district, String category, int count, int min, int max) {}

    private static NeedPlan plan(String district, String category, int count, int min, int max) {
        return new NeedPlan(district, category, count, min, max);
    }

    private static final NeedPlan[] NEED_PLANS = {
        plan("Rhodense", "anziani.interventi_domiciliari", 4, 2, 10),
        plan("Rhodense", "anziani.strutture_semiresidenziali", 2, 2, 6),
        plan("Rhodense", "disabili.strutture_semiresidenziali", 2, 1, 3),
        plan("Rhodense", "disabili.educativo_assistenziale_inserimento_lavorativo", 3, 1, 4),
        plan("Rhodense", "dipendenze.strutture_residenziali", 2, 1, 2),
        plan("Rhodense", "famiglia_minori.supporto_persona_famiglia", 3, 2, 7),
        plan("Rhodense", "famiglia_minori.interventi_domiciliari", 2, 1, 3),
        plan("Rhodense", "multiutenza.segretariato_sociale", 2, 15, 60),
        plan("Rhodense", "poverta_disagio_adulti.pronto_intervento_sociale", 2, 2, 7),

        // Not disabili.strutture_semiresidenziali: more demand there would turn FRAGILE into UNDER.
        plan("Garbagnatese", "anziani.interventi_domiciliari", 3, 2, 6),
        plan("Garbagnatese", "anziani.strutture_semiresidenziali", 2, 2, 10),
        plan("Garbagnatese", "disabili.interventi_domiciliari", 2, 1, 4),
        plan("Garbagnatese", "famiglia_minori.supporto_persona_famiglia", 2, 2, 5),
        plan("Garbagnatese", "famiglia_minori.strutture_residenziali", 1, 1, 2),
        plan("Garbagnatese", "poverta_disagio_adulti.educativo_assistenziale_inserimento_lavorativo", 3, 1, 3),
        plan("Garbagnatese", "dipendenze.strutture_semiresidenziali", 2, 1, 4),
        plan("Garbagnatese", "multiutenza.segretariato_sociale", 3, 10, 50),
        plan("Alto Milanese", "anziani.interventi_domiciliari", 5, 2, 6),
        plan("Alto Milanese", "anziani.strutture_semiresidenziali", 3, 1, 3),
        plan("Alto Milanese", "anziani.strutture_residenziali", 2, 2, 10),
        plan("Alto Milanese", "poverta_disagio_adulti.strutture_residenziali", 3, 1, 2),
        plan("Alto Milanese", "poverta_disagio_adulti.pronto_intervento_sociale", 2, 3, 10),
        plan("Alto Milanese", "poverta_disagio_adulti.educativo_assistenziale_inserimento_lavorativo", 3, 2, 6),
        plan("Alto Milanese", "dipendenze.strutture_residenziali", 2, 1, 2),
        plan("Alto Milanese", "dipendenze.educativo_assistenziale_inserimento_lavorativo", 2, 1, 4),
        plan("Alto Milanese", "famiglia_minori.supporto_persona_famiglia", 3, 3, 20),
        plan("Alto Milanese", "famiglia_minori.interventi_domiciliari", 2, 2, 8),
        plan("Alto Milanese", "multiutenza.segretariato_sociale", 3, 10, 60),
        plan("Magentino", "disabili.strutture_semiresidenziali", 3, 1, 3),
        plan("Magentino", "disabili.interventi_domiciliari", 2, 1, 5),
        plan("Magentino", "anziani.interventi_domiciliari", 3, 2, 6),
        plan("Magentino", "anziani.strutture_semiresidenziali", 2, 1, 5),
        plan("Magentino", "immigrati_nomadi.strutture_residenziali", 2, 1, 2),
        plan("Magentino", "immigrati_nomadi.integrazione_sociale", 3, 3, 10),
        plan("Magentino", "poverta_disagio_adulti.educativo_assistenziale_inserimento_lavorativo", 2, 1, 2),
        plan("Magentino", "famiglia_minori.interventi_domiciliari", 2, 1, 3),
        plan("Magentino", "multiutenza.segretariato_sociale", 1, 10, 40),
        plan("Magentino", "dipendenze.prevenzione", 1, 5, 25),
        plan("Abbiatense", "anziani.interventi_domiciliari", 4, 1, 5),
        plan("Abbiatense", "anziani.strutture_semiresidenziali", 2, 1, 3),
        plan("Abbiatense", "anziani.strutture_residenziali", 2, 1, 2),
        plan("Abbiatense", "anziani.servizi_integrativi_supporto", 2, 3, 15),
        plan("Abbiatense", "disabili.educativo_assistenziale_inserimento_lavorativo", 2, 1, 4),
        plan("Abbiatense", "poverta_disagio_adulti.educativo_assistenziale_inserimento_lavorativo", 2, 1, 4),
        plan("Abbiatense", "multiutenza.segretariato_sociale", 2, 10, 40),
    };

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 420; // up to late February 2026

    private static List<Need> needs(Geography geo, Set<String> codes) {
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < PLANTED_NEEDS.length; i++) {
            NeedRow row = PLANTED_NEEDS[i];
            Territory m = geo.municipality(row.town());
            needs.add(need(
                    needs.size() + 1,
                    checked(row.category(), codes),
                    m,
                    row.people(),
                    row.urgency(),
                    LocalDate.of(2025, 9, 1).plusDays(11L * i),
                    helpDesk(geo.districtByMunicipality.get(m.id()))));
        }
        Random random = new Random(SEED);
        Urgency[] urgencies = {Urgency.LOW, Urgency.MEDIUM, Urgency.MEDIUM, Urgency.HIGH};
        for (NeedPlan plan : NEED_PLANS) {
            checked(plan.category(), codes);
            List<Territory> municipalities = geo.municipalitiesOf.get(plan.district());
            for (int k = 0; k < plan.count(); k++) {
                Territory m = pick(municipalities, random);
                int people = plan.min() + random.nextInt(plan.max() - plan.min() + 1);
                Urgency urgency = urgencies[random.nextInt(urgencies.length)];
                LocalDate recordedAt = FIRST_DAY.plusDays(random.nextInt(DAYS));
                String source = random.nextInt(5) == 0 ? null : helpDesk(plan.district());
                needs.add(need(needs.size() + 1, plan.category(), m, people, urgency, recordedAt, source));
            }
        }
        return needs;
    }

    private static Need need(
            int n, String category, Territory m, int people, Urgency urgency, LocalDate at, String source) {
        return new Need("need-%03d".formatted(n), category, m.id(), people, urgency, at, source);
    }

    private static String helpDesk(String district) {
        return "sportello-welfare-" + slug(district);
    }

    private static String checked(String code, Set<String> codes) {
        if (!codes.contains(code)) {
            throw new IllegalStateException("Unknown category " + code);
        }
        return code;
    }

    /** A municipality drawn with weight the square root of its population: towns big and small. */
    private static Territory pick(List<Territory> municipalities, Random random) {
        long[] weights = new long[municipalities.size()];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (long) Math.sqrt(municipalities.get(i).population());
            total += weights[i];
        }
        long r = (long) (random.nextDouble() * total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return municipalities.get(i);
            }
        }
        return municipalities.get(weights.length - 1);
    }

    // ------------------------------------------------------------------ ties

    private record TieRow(String from, String to, TieKind kind, int since, double strength) {}

    private static TieRow tie(String from, String to, TieKind kind, int since, double strength) {
        return new TieRow(from, to, kind, since, strength);
    }

    private static final TieRow[] TIES = {
        // The consortium and the public bodies around it.
        tie(CONSORTIUM, "comune-legnano", CONVENTION, 2009, 0.90),
        tie(CONSORTIUM, "comune-rho", CONVENTION, 2012, 0.80),
        tie(CONSORTIUM, "comune-magenta", CONVENTION, 2014, 0.70),
        tie(CONSORTIUM, "comune-bollate", CONTRACT, 2016, 0.60),
        tie(CONSORTIUM, "asst-esempio", REFERRAL, 2015, 0.60),
        tie(CONSORTIUM, "sindacato-ovest", COLLABORATION, 2020, 0.40),
        tie(CONSORTIUM, "coop-lavoro-insieme", JOINT_TENDER, 2014, 0.70),
        tie("fondazione-comunita-ovest", CONSORTIUM, FUNDING, 2011, 0.80),
        // The only way into the Abbiatense: a bridge.
        tie(CONSORTIUM, "comune-abbiategrasso", CONVENTION, 2018, 0.50),

        // Apartment networks for temporary housing, co-designed with the municipalities.
        tie("coop-abitare", "comune-rho", CO_DESIGN, 2019, 0.95),
        tie("coop-abitare", "comune-rho", CONVENTION, 2015, 0.80),
        tie("coop-abitare", "comune-lainate", CO_DESIGN, 2021, 0.70),
        tie("coop-casa-comune", "comune-legnano", CO_DESIGN, 2017, 0.90),
        tie("coop-casa-comune", "comune-parabiago", CO_DESIGN, 2020, 0.75),
        tie("coop-casa-comune", "comune-bollate", CO_DESIGN, 2022, 0.55),
        tie("coop-crocevia", "comune-castano-primo", CO_DESIGN, 2021, 0.50),
        tie("coop-mosaico", "comune-corbetta", CO_DESIGN, 2018, 0.70),
        tie("coop-mosaico", "comune-magenta", CO_DESIGN, 2019, 0.65),

        // Conventions and contracts with the municipalities.
        tie("coop-cura", "comune-rho", CONTRACT, 2016, 0.70),
        tie("coop-domicilio", "comune-parabiago", CONTRACT, 2016, 0.70),
        tie("coop-domicilio", "comune-legnano", CONTRACT, 2013, 0.80),
        tie("coop-girasole", "comune-magenta", CONVENTION, 2010, 0.85),
        tie("coop-arcobaleno", "comune-bollate", CONVENTION, 2011, 0.80),
        tie("coop-sentiero", "comune-paderno-dugnano", CONTRACT, 2019, 0.55),
        tie("coop-radici", "comune-garbagnate-milanese", CONVENTION, 2015, 0.60),
        tie("coop-nido", "comune-lainate", CONVENTION, 2018, 0.65),
        tie("coop-famiglie", "comune-castano-primo", CONVENTION, 2014, 0.75),
        tie("coop-lavoro-insieme", "comune-legnano", CONVENTION, 2008, 0.90),
        tie("coop-officina", "comune-rho", CONVENTION, 2010, 0.70),
        tie("coop-orti-solidali", "comune-magenta", CONTRACT, 2017, 0.50),
        tie("coop-bottega", "comune-paderno-dugnano", CONVENTION, 2020, 0.45),
        tie("coop-cortile", "comune-corbetta", CONTRACT, 2022, 0.35),
        tie("coop-tessitura", "comune-castano-primo", CONVENTION, 2016, 0.50),

        // Funding from the foundation.
        tie("fondazione-comunita-ovest", "coop-abitare", FUNDING, 2019, 0.70),
        tie("fondazione-comunita-ovest", "coop-casa-comune", FUNDING, 2017, 0.60),
        tie("fondazione-comunita-ovest", "coop-famiglie", FUNDING, 2021, 0.50),
        tie("fondazione-comunita-ovest", "volontari-mensa-amica", FUNDING, 2015, 0.40),

        // Referrals with the health agency.
        tie("asst-esempio", "coop-ponte", REFERRAL, 2013, 0.80),
        tie("asst-esempio", "coop-approdo", REFERRAL, 2012, 0.85),
        tie("asst-esempio", "coop-girasole", REFERRAL, 2016, 0.60),
        tie("asst-esempio", "coop-domicilio", REFERRAL, 2014, 0.70),
        tie("asst-esempio", "coop-arcobaleno", REFERRAL, 2017, 0.50),

        // Between cooperatives.
        tie("coop-lavoro-insieme", "coop-officina", JOINT_TENDER, 2018, 0.60),
        tie("coop-lavoro-insieme", "coop-tessitura", JOINT_TENDER, 2019, 0.55),
        tie("coop-lavoro-insieme", "coop-bottega", JOINT_TENDER, 2022, 0.40),
        tie("coop-orti-solidali", "coop-officina", COLLABORATION, 2021, 0.40),
        tie("coop-domicilio", "coop-girasole", JOINT_TENDER, 2020, 0.60),
        tie("coop-abitare", "coop-casa-comune", COLLABORATION, 2016, 0.70),
        tie("coop-ponte", "coop-approdo", JOINT_TENDER, 2015, 0.75),
        tie("coop-ponte", "coop-officina", COLLABORATION, 2019, 0.50),
        tie("coop-radici", "coop-arcobaleno", COLLABORATION, 2021, 0.45),
        tie("coop-sentiero", "coop-bottega", COLLABORATION, 2023, 0.30),
        tie("coop-crocevia", "coop-casa-comune", JOINT_TENDER, 2021, 0.50),

        // Associations, school, union and company.
        tie("assoc-vicini-di-casa", "coop-abitare", COLLABORATION, 2019, 0.60),
        tie("assoc-genitori-insieme", "coop-girasole", COLLABORATION, 2012, 0.55),
        tie("scuola-ticino", "coop-famiglie", COLLABORATION, 2018, 0.60),
        tie("sindacato-ovest", "coop-lavoro-insieme", COLLABORATION, 2021, 0.35),
        tie("azienda-logistica", "coop-officina", CONTRACT, 2023, 0.50),
        tie("volontari-mensa-amica", "coop-casa-comune", COLLABORATION, 2016, 0.50),

        // The Abbiatense cluster, reached only through the Comune di Abbiategrasso.
        tie("coop-argento", "comune-abbiategrasso", CONTRACT, 2015, 0.70),
        tie("coop-filo", "comune-abbiategrasso", CONVENTION, 2017, 0.60),
        tie("coop-argento", "coop-filo", COLLABORATION, 2019, 0.50),
        tie("volontari-trasporto", "coop-argento", COLLABORATION, 2014, 0.45),

        // A pair on its own, outside the consortium.
        tie("coop-lanterna", "coop-stella", COLLABORATION, 2023, 0.30),
        // coop-quercia has no tie at all.
    };

    private static List<Tie> ties() {
        List<Tie> ties = new ArrayList<>();
        for (TieRow row : TIES) {
            ties.add(new Tie(row.from(), row.to(), row.kind(), Integer.toString(row.since()), row.strength()));
        }
        return ties;
    }

    // ------------------------------------------------------------------ helpers

    /** Lowercase ASCII words joined by '-': "Città di Rho" becomes "citta-di-rho". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    /** Reads a classpath CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
    static List<Map<String, String>> readCsv(String resource) {
        String text;
        try (InputStream in = DemoNetwork.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = parseCsv(text);
        if (rows.isEmpty()) {
            throw new IllegalStateException("Empty " + resource);
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() != header.size()) {
                throw new IllegalStateException(
                        resource + ": expected " + header.size() + " fields, found " + row.size() + " in " + row);
            }
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false; // the current row has something in it
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalStateException("Unterminated quoted field in CSV");
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
