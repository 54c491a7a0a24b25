package it.snodo.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.hsds.HsdsMapping.EntityLabel;
import it.snodo.network.Category;
import it.snodo.network.Cooperative;
import it.snodo.network.CooperativeType;
import it.snodo.network.Ids;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkImport;
import it.snodo.network.NetworkReader;
import it.snodo.network.Partner;
import it.snodo.network.PartnerKind;
import it.snodo.network.Service;
import it.snodo.network.Territory;
import it.snodo.network.TerritoryLevel;
import it.snodo.web.Problem;
import it.snodo.web.ProblemType;
import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Imports an HSDS 3.0 document — a JSON array of nested services, or of nested organizations — as
 * a Snodo network document, all or nothing through {@link NetworkImport}: the inverse of {@link
 * HsdsMapping}, with the decisions of {@code ../shared/HSDS.md} and docs/design.md, "Open
 * Referral". Every refusal names the record's JSON path in the HSDS document ({@code
 * [3].service_areas[0].uri}): 400 for records HSDS's schemas or Snodo's model refuse on their own,
 * 422 for references that resolve to nothing (or to more than one municipality).
 */
@Component
class HsdsImport {

    /** The prefix of an id derived from an HSDS UUID when the record carries no Snodo id. */
    static final String DERIVED = "hsds-";

    private static final Pattern ID = Pattern.compile(Ids.REGEX);
    private static final UnaryOperator<String> AS_IS = path -> path;
    /** The record a field names: its JSON path's first index, or a CSV file and line. */
    private static final String RECORD = "^(\\[\\d+\\]|[^:\\[.]+\\.csv:\\d+).*$";

    private static final Pattern ROW_FIELD = Pattern.compile("^(\\w+)\\[(\\d+)\\]\\.?([A-Za-z]*)(.*)$");
    private static final Set<String> SERVICE_KEPT = Set.of(
            "id",
            "name",
            "status",
            "organization_id",
            "organization",
            "service_areas",
            "attributes",
            "capacities",
            "snodo_id",
            "service_at_locations");
    private static final Set<String> ORGANIZATION_KEPT = Set.of(
            "id", "name", "organization_identifiers", "attributes", "locations", "parent_organization_id", "services");
    private static final Set<String> AREA_KEPT = Set.of("id", "service_id", "name", "uri");
    private static final Set<String> CAPACITY_KEPT =
            Set.of("id", "service_id", "available", "maximum", "unit", "updated");

    private final HsdsSchemas schemas;
    private final NetworkReader reader;
    private final NetworkImport networkImport;
    private final HsdsTabular tabular;

    HsdsImport(HsdsSchemas schemas, NetworkReader reader, NetworkImport networkImport, HsdsTabular tabular) {
        this.schemas = schemas;
        this.reader = reader;
        this.networkImport = networkImport;
        this.tabular = tabular;
    }

    /**
     * A service left out of the import, and why.
     *
     * @param path its JSON path in the document
     * @param id its HSDS id
     * @param status its HSDS status: {@code inactive} or {@code defunct}
     */
    record Skipped(String path, String id, String status) {}

    /**
     * What an HSDS import wrote.
     *
     * @param networkVersion the version of the network that holds it
     * @param rows how many rows of each section were merged
     * @param skipped the services left out for their status
     * @param dropped the paths of the fields Snodo does not keep (never their values)
     */
    record Report(long networkVersion, Map<String, Integer> rows, List<Skipped> skipped, List<String> dropped) {}

    Report importDocument(JsonNode body) {
        return importDocument(body, null, AS_IS, List.of());
    }

    /**
     * A Tabular Data Package (a zip of HSDS CSVs and datapackage.json), rebuilt as nested
     * organizations with their services and imported as they would be: every record named by
     * its file and line ({@code services.csv:3:status}) instead of its JSON path.
     */
    Report importTabular(byte[] zip) {
        HsdsTabular.Rebuilt rebuilt = tabular.rebuild(zip);
        return importDocument(rebuilt.organizations(), true, rebuilt::where, rebuilt.ignored());
    }

    /**
     * @param organizations whether {@code body} holds organizations; null: as its first record says
     * @param where a JSON path of {@code body} as the report and the refusals name it
     * @param ignored what the caller left out before, added to the report's {@code dropped}
     */
    private Report importDocument(
            JsonNode body, Boolean organizations, UnaryOperator<String> where, List<String> ignored) {
        try {
            return importNamed(body, organizations, ignored, where);
        } catch (HsdsImportRefused refused) {
            if (where == AS_IS) {
                throw refused;
            }
            List<Violation> named = refused.errors().stream()
                    .map(v -> new Violation(where.apply(v.field()), v.id(), v.message()))
                    .distinct()
                    .toList();
            throw refused.problem() == ProblemType.INVALID_INPUT || refused.problem() == ProblemType.BROKEN_GRAPH
                    ? refused(refused.problem(), named)
                    : new HsdsImportRefused(refused.problem(), refused.detail(), named);
        }
    }

    private Report importNamed(
            JsonNode body, Boolean asOrganizations, List<String> ignored, UnaryOperator<String> where) {
        if (body == null || !body.isArray()) {
            throw refused(
                    ProblemType.INVALID_INPUT,
                    List.of(Violation.of("$", "must be a JSON array of HSDS services or of HSDS organizations")));
        }
        boolean organizations =
                asOrganizations != null ? asOrganizations : !body.isEmpty() && isOrganization(body.get(0));
        List<Violation> invalid = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode record = body.get(i);
            String path = "[" + i + "]";
            if (!record.isObject()) {
                invalid.add(new Violation(path, null, "must be an object"));
                continue;
            }
            invalid.addAll(schemas.check(
                    organizations ? "organization.json" : "service.json", record, path, text(record, "id")));
            if (organizations) {
                JsonNode services = record.path("services");
                for (int k = 0; k < services.size(); k++) {
                    invalid.addAll(schemas.check(
                            "service.json",
                            services.get(k),
                            path + ".services[" + k + "]",
                            text(services.get(k), "id")));
                }
            }
        }
        if (!invalid.isEmpty()) {
            throw refused(ProblemType.INVALID_INPUT, invalid);
        }
        Mapping mapping = new Mapping(reader.export());
        NetworkDocument document = mapping.map(body, organizations);
        if (!mapping.invalid.isEmpty()) {
            throw refused(ProblemType.INVALID_INPUT, mapping.invalid);
        }
        if (!mapping.unresolved.isEmpty()) {
            throw refused(ProblemType.BROKEN_GRAPH, mapping.unresolved);
        }
        NetworkImport.Imported imported;
        try {
            imported = networkImport.importDocument(document);
        } catch (RuntimeException e) {
            if (e instanceof Problem p) {
                throw new HsdsImportRefused(p.problem(), p.detail(), mapping.translate(p.errors()));
            }
            throw e;
        }
        List<String> dropped = new ArrayList<>(ignored);
        mapping.dropped.forEach(d -> dropped.add(where.apply(d)));
        return new Report(
                imported.version(),
                document.counts(),
                mapping.skipped.stream()
                        .map(k -> new Skipped(where.apply(k.path()), k.id(), k.status()))
                        .toList(),
                dropped);
    }

    /** An array of organizations when its first record has services, or no status (which a service needs). */
    private static boolean isOrganization(JsonNode first) {
        return first.has("services") || !first.has("status");
    }

    private static HsdsImportRefused refused(ProblemType type, List<Violation> errors) {
        long records = errors.stream()
                .map(v -> v.field() == null ? "" : v.field().replaceFirst(RECORD, "$1"))
                .distinct()
                .count();
        String what = type == ProblemType.BROKEN_GRAPH ? "names what the network does not hold" : "is not valid";
        return new HsdsImportRefused(
                type,
                (records == 1
                                ? "1 record " + what
                                : records + " records "
                                        + (what.replace("names", "name").replace("is not", "are not")))
                        + "; nothing was written",
                errors);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean present(JsonNode v) {
        return v != null
                && !v.isNull()
                && !(v.isContainerNode() && v.isEmpty())
                && !(v.isTextual() && v.asText().isEmpty());
    }

    /** A taxonomy's name as a code prefix: lower case, every run of other characters one '-'. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** One import's mapping, over the network as it is. */
    private static final class Mapping {

        final List<Violation> invalid = new ArrayList<>();
        final List<Violation> unresolved = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        final List<String> dropped = new ArrayList<>();

        private final Map<String, Territory> territories;
        private final Map<String, List<Territory>> municipalities = new HashMap<>();
        private final Map<String, Category> categories;
        private final Map<String, String> categoryByUuid = new HashMap<>();
        private final Map<String, Cooperative> storedCooperatives;
        private final Map<String, Partner> storedPartners;
        private final Map<String, Service> storedServices;
        private final Map<String, String> actorByUuid = new HashMap<>();
        private final Map<String, String> serviceByUuid = new HashMap<>();

        private final Map<String, Cooperative> cooperatives = new LinkedHashMap<>();
        private final Map<String, Partner> partners = new LinkedHashMap<>();
        private final Map<String, Category> newCategories = new LinkedHashMap<>();
        private final List<Service> services = new ArrayList<>();
        /** The HSDS path of each row written, by section and index, to name it in the network's refusals. */
        private final Map<String, String> paths = new HashMap<>();

        private final Map<String, String> hsdsIds = new HashMap<>();

        Mapping(NetworkDocument network) {
            territories = byKey(network.territories(), Territory::id);
            network.territories().stream()
                    .filter(t -> t.level() == TerritoryLevel.MUNICIPALITY)
                    .forEach(t -> municipalities
                            .computeIfAbsent(t.name(), n -> new ArrayList<>())
                            .add(t));
            categories = byKey(network.categories(), Category::code);
            categories.keySet().forEach(c -> categoryByUuid.put(HsdsMapping.uuid(EntityLabel.CATEGORY, c), c));
            storedCooperatives = byKey(network.cooperatives(), Cooperative::id);
            storedPartners = byKey(network.partners(), Partner::id);
            storedServices = byKey(network.services(), Service::id);
            storedCooperatives.keySet().forEach(a -> actorByUuid.put(HsdsMapping.uuid(EntityLabel.ORGANIZATION, a), a));
            storedPartners.keySet().forEach(a -> actorByUuid.put(HsdsMapping.uuid(EntityLabel.ORGANIZATION, a), a));
            storedServices.keySet().forEach(s -> serviceByUuid.put(HsdsMapping.uuid(EntityLabel.SERVICE, s), s));
        }

        private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
            Map<String, T> map = new LinkedHashMap<>();
            rows.forEach(r -> map.put(key.apply(r), r));
            return map;
        }

        NetworkDocument map(JsonNode body, boolean organizations) {
            // First every organization's Snodo id, so that any record may name any organization.
            Map<String, JsonNode> orgs = new LinkedHashMap<>();
            Map<String, String> orgPaths = new HashMap<>();
            for (int i = 0; i < body.size(); i++) {
                JsonNode org = organizations ? body.get(i) : body.get(i).get("organization");
                String path = organizations ? "[" + i + "]" : "[" + i + "].organization";
                if (org != null && org.isObject() && !orgs.containsKey(text(org, "id"))) {
                    orgs.put(text(org, "id"), org);
                    orgPaths.put(text(org, "id"), path);
                    actorByUuid.put(text(org, "id"), organizationId(org, path));
                }
            }
            orgs.forEach((uuid, org) -> organization(org, orgPaths.get(uuid)));
            for (int i = 0; i < body.size(); i++) {
                if (organizations) {
                    JsonNode nested = body.get(i).path("services");
                    String provider = actorByUuid.get(text(body.get(i), "id"));
                    for (int k = 0; k < nested.size(); k++) {
                        service(nested.get(k), "[" + i + "].services[" + k + "]", provider);
                    }
                } else {
                    service(body.get(i), "[" + i + "]", null);
                }
            }
            return new NetworkDocument(
                    null,
                    new ArrayList<>(newCategories.values()),
                    new ArrayList<>(cooperatives.values()),
                    new ArrayList<>(partners.values()),
                    services,
                    null,
                    null);
        }

        // Organizations.

        private String organizationId(JsonNode org, String path) {
            JsonNode identifiers = org.path("organization_identifiers");
            for (int k = 0; k < identifiers.size(); k++) {
                if ("Snodo id".equals(text(identifiers.get(k), "identifier_type"))) {
                    String id = text(identifiers.get(k), "identifier");
                    if (id == null || !ID.matcher(id).matches()) {
                        invalid.add(new Violation(
                                path + ".organization_identifiers[" + k + "].identifier",
                                text(org, "id"),
                                Ids.MESSAGE));
                    }
                    return id;
                }
            }
            String stored = actorByUuid.get(text(org, "id"));
            return stored != null ? stored : DERIVED + text(org, "id");
        }

        private void organization(JsonNode org, String path) {
            String uuid = text(org, "id");
            String id = actorByUuid.get(uuid);
            dropFields(org, path, ORGANIZATION_KEPT);
            String fiscalCode = null;
            JsonNode identifiers = org.path("organization_identifiers");
            for (int k = 0; k < identifiers.size(); k++) {
                JsonNode identifier = identifiers.get(k);
                if ("IT-CF".equals(text(identifier, "identifier_scheme"))) {
                    fiscalCode = text(identifier, "identifier");
                } else if (!"Snodo id".equals(text(identifier, "identifier_type"))) {
                    dropped.add(path + ".organization_identifiers[" + k + "]");
                }
            }
            String kind = actorKind(org, path);
            String basedIn = null;
            JsonNode locations = org.path("locations");
            for (int k = 0; k < locations.size(); k++) {
                JsonNode l = locations.get(k);
                String type = text(l, "external_identifier_type");
                String code = text(l, "external_identifier");
                if (basedIn == null && code != null && ("ISTAT".equals(type) || "Snodo territory".equals(type))) {
                    if (territories.containsKey(code)) {
                        basedIn = code;
                    } else {
                        unresolved.add(new Violation(
                                path + ".locations[" + k + "].external_identifier", uuid, "names no territory"));
                    }
                } else {
                    dropped.add(path + ".locations[" + k + "]");
                }
            }
            Cooperative storedCoop = storedCooperatives.get(id);
            Partner storedPartner = storedPartners.get(id);
            if (kind == null) {
                kind = storedCoop != null
                        ? (storedCoop.type() == CooperativeType.CONSORTIUM ? "CONSORTIUM" : "COOP_" + storedCoop.type())
                        : storedPartner != null ? storedPartner.kind().name() : PartnerKind.OTHER.name();
            }
            String parentUuid = text(org, "parent_organization_id");
            if (kind.startsWith("COOP_") || kind.equals("CONSORTIUM")) {
                String memberOf = null;
                if (parentUuid != null) {
                    memberOf = actorByUuid.get(parentUuid);
                    if (memberOf == null) {
                        unresolved.add(new Violation(
                                path + ".parent_organization_id", uuid, "names no organization of the network"));
                    }
                }
                CooperativeType type = kind.equals("CONSORTIUM")
                        ? CooperativeType.CONSORTIUM
                        : CooperativeType.valueOf(kind.substring("COOP_".length()));
                paths.put("cooperatives[" + cooperatives.size() + "]", path);
                hsdsIds.put(path, uuid);
                cooperatives.put(id, new Cooperative(id, text(org, "name"), type, fiscalCode, basedIn, memberOf));
            } else {
                if (parentUuid != null) {
                    dropped.add(path + ".parent_organization_id");
                }
                if (fiscalCode != null) {
                    dropped.add(path + ".organization_identifiers");
                }
                paths.put("partners[" + partners.size() + "]", path);
                hsdsIds.put(path, uuid);
                partners.put(
                        id,
                        new Partner(
                                id,
                                text(org, "name"),
                                PartnerKind.valueOf(kind),
                                basedIn,
                                storedPartner == null ? null : storedPartner.confidential()));
            }
        }

        /** The code of the organization's actor-kind attribute, if it has one. */
        private String actorKind(JsonNode org, String path) {
            JsonNode attributes = org.path("attributes");
            String actorKinds = HsdsMapping.uuid(EntityLabel.TAXONOMY, HsdsMapping.ACTOR_KINDS);
            for (int k = 0; k < attributes.size(); k++) {
                JsonNode a = attributes.get(k);
                JsonNode term = a.get("taxonomy_term");
                String code = term == null ? null : text(term, "code");
                boolean ofActorKinds = term != null
                        && (actorKinds.equals(text(term, "taxonomy_id"))
                                || "Snodo actor kinds".equals(text(term, "taxonomy")));
                if (ofActorKinds && HsdsMapping.ACTOR_KIND_CODES.contains(code)) {
                    return code;
                }
                for (String known : HsdsMapping.ACTOR_KIND_CODES) {
                    if (HsdsMapping.uuid(EntityLabel.ACTOR_KIND, known).equals(text(a, "taxonomy_term_id"))) {
                        return known;
                    }
                }
                dropped.add(path + ".attributes[" + k + "]");
            }
            return null;
        }

        // Services.

        private void service(JsonNode s, String path, String givenProvider) {
            String uuid = text(s, "id");
            String status = text(s, "status");
            if ("inactive".equals(status) || "defunct".equals(status)) {
                skipped.add(new Skipped(path, uuid, status));
                return;
            }
            dropFields(s, path, SERVICE_KEPT);
            String id = text(s, "snodo_id");
            if (id != null && !ID.matcher(id).matches()) {
                invalid.add(new Violation(path + ".snodo_id", uuid, Ids.MESSAGE));
            }
            if (id == null) {
                id = serviceByUuid.getOrDefault(uuid, DERIVED + uuid);
            }
            String provider = givenProvider;
            if (provider == null) {
                provider = actorByUuid.get(text(s, "organization_id"));
                if (provider == null) {
                    unresolved.add(
                            new Violation(path + ".organization_id", uuid, "names no organization of the network"));
                }
            }
            List<String> areas = territories(s, path, uuid);
            List<String> codes = categories(s, path, uuid);
            Integer capacity = null;
            Integer occupied = null;
            JsonNode capacities = s.path("capacities");
            if (capacities.isArray() && !capacities.isEmpty()) {
                JsonNode c = capacities.get(0);
                dropFields(c, path + ".capacities[0]", CAPACITY_KEPT);
                for (int k = 1; k < capacities.size(); k++) {
                    dropped.add(path + ".capacities[" + k + "]");
                }
                Integer maximum = places(c, "maximum", path + ".capacities[0]", uuid);
                Integer available = places(c, "available", path + ".capacities[0]", uuid);
                if (maximum != null) {
                    capacity = maximum;
                    if (available != null && available > maximum) {
                        invalid.add(new Violation(
                                path + ".capacities[0].available",
                                uuid,
                                "cannot be more than maximum (" + maximum + ")"));
                    } else if (available != null) {
                        occupied = maximum - available;
                    }
                } else if (available != null) {
                    capacity = available;
                    occupied = 0;
                }
            }
            if ("temporarily closed".equals(status)) {
                capacity = capacity == null ? 0 : capacity;
                occupied = capacity;
            }
            Service stored = storedServices.get(id);
            if (occupied != null && occupied == 0 && (stored == null || stored.occupied() == null)) {
                // HSDS cannot tell no occupied places from none recorded: keep what is stored.
                occupied = null;
            }
            paths.put("services[" + services.size() + "]", path);
            hsdsIds.put(path, uuid);
            services.add(new Service(
                    id,
                    text(s, "name"),
                    provider,
                    codes,
                    areas,
                    capacity,
                    occupied,
                    stored == null ? null : stored.confidential()));
        }

        private Integer places(JsonNode capacity, String field, String path, String uuid) {
            JsonNode v = capacity.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.canConvertToInt()
                    || (v.isFloatingPointNumber() && v.asDouble() != Math.rint(v.asDouble()))
                    || v.asInt() < 0) {
                invalid.add(new Violation(path + "." + field, uuid, "must be a whole number of places, 0 or more"));
                return null;
            }
            return v.asInt();
        }

        private List<String> territories(JsonNode s, String path, String uuid) {
            List<String> out = new ArrayList<>();
            JsonNode areas = s.path("service_areas");
            for (int k = 0; k < areas.size(); k++) {
                JsonNode area = areas.get(k);
                String at = path + ".service_areas[" + k + "]";
                dropFields(area, at, AREA_KEPT);
                String uri = text(area, "uri");
                String id = null;
                if (uri != null && uri.startsWith("urn:istat:")) {
                    id = uri.substring("urn:istat:".length());
                } else if (uri != null && uri.startsWith("urn:snodo:territory:")) {
                    id = uri.substring("urn:snodo:territory:".length());
                }
                if (id != null) {
                    if (territories.containsKey(id)) {
                        out.add(id);
                    } else {
                        unresolved.add(new Violation(at + ".uri", uuid, "names no territory of the network"));
                    }
                } else {
                    byName(text(area, "name"), at + (uri == null ? ".name" : ".uri"), uuid)
                            .ifPresent(out::add);
                }
            }
            if (areas.isEmpty()) {
                JsonNode places = s.path("service_at_locations");
                for (int k = 0; k < places.size(); k++) {
                    JsonNode l = places.get(k).path("location");
                    String code = text(l, "external_identifier");
                    if (code != null && "ISTAT".equals(text(l, "external_identifier_type"))) {
                        String at = path + ".service_at_locations[" + k + "].location.external_identifier";
                        if (territories.containsKey(code)) {
                            out.add(code);
                        } else {
                            unresolved.add(new Violation(at, uuid, "names no territory of the network"));
                        }
                    }
                }
            }
            if (out.isEmpty() && unresolved.stream().noneMatch(v -> v.field().startsWith(path + "."))) {
                invalid.add(new Violation(
                        path + ".service_areas",
                        uuid,
                        "must name at least one territory (an ISTAT uri, a Snodo territory uri or a municipality's"
                                + " name)"));
            }
            return out;
        }

        private java.util.Optional<String> byName(String name, String at, String uuid) {
            List<Territory> named = name == null ? List.of() : municipalities.getOrDefault(name, List.of());
            if (named.size() == 1) {
                return java.util.Optional.of(named.get(0).id());
            }
            unresolved.add(new Violation(
                    at,
                    uuid,
                    named.isEmpty()
                            ? "names no territory of the network (no uri, and no municipality has this name)"
                            : "names " + named.size() + " municipalities ("
                                    + String.join(
                                            ", ",
                                            named.stream()
                                                    .map(Territory::id)
                                                    .sorted()
                                                    .toList())
                                    + "): give its uri urn:istat:<code>"));
            return java.util.Optional.empty();
        }

        private List<String> categories(JsonNode s, String path, String uuid) {
            List<String> out = new ArrayList<>();
            JsonNode attributes = s.path("attributes");
            String snodoCategories = HsdsMapping.uuid(EntityLabel.TAXONOMY, HsdsMapping.CATEGORIES);
            String actorKinds = HsdsMapping.uuid(EntityLabel.TAXONOMY, HsdsMapping.ACTOR_KINDS);
            for (int k = 0; k < attributes.size(); k++) {
                JsonNode a = attributes.get(k);
                String at = path + ".attributes[" + k + "]";
                JsonNode term = a.get("taxonomy_term");
                String termId = text(a, "taxonomy_term_id");
                if (term == null || !term.isObject()) {
                    String code = categoryByUuid.get(termId);
                    if (code != null) {
                        out.add(code);
                    } else {
                        unresolved.add(
                                new Violation(at + ".taxonomy_term_id", uuid, "names no category of the network"));
                    }
                    continue;
                }
                String taxonomyId = text(term, "taxonomy_id");
                String taxonomy = text(term, "taxonomy");
                if (actorKinds.equals(taxonomyId) || "Snodo actor kinds".equals(taxonomy)) {
                    dropped.add(at);
                } else if (snodoCategories.equals(taxonomyId) || "Snodo categories".equals(taxonomy)) {
                    String code = text(term, "code");
                    if (code == null) {
                        code = categoryByUuid.get(text(term, "id"));
                    }
                    if (code != null && categories.containsKey(code)) {
                        out.add(code);
                    } else {
                        unresolved.add(new Violation(
                                at + ".taxonomy_term" + (text(term, "code") == null ? ".id" : ".code"),
                                uuid,
                                "names no category of the network"));
                    }
                } else {
                    foreign(term, at + ".taxonomy_term", uuid).ifPresent(out::add);
                }
            }
            if (out.isEmpty() && unresolved.stream().noneMatch(v -> v.field().startsWith(path + ".attributes"))) {
                invalid.add(
                        new Violation(path + ".attributes", uuid, "must name at least one category (a taxonomy term)"));
            }
            return out;
        }

        /** A foreign taxonomy's term: its code prefixed by the taxonomy's slug, made a top category if new. */
        private java.util.Optional<String> foreign(JsonNode term, String at, String uuid) {
            JsonNode detail = term.get("taxonomy_detail");
            String taxonomy =
                    detail != null && text(detail, "name") != null ? text(detail, "name") : text(term, "taxonomy");
            String code = text(term, "code");
            if (taxonomy == null || slug(taxonomy).isEmpty()) {
                invalid.add(
                        new Violation(at + ".taxonomy", uuid, "a term of another taxonomy needs its taxonomy's name"));
                return java.util.Optional.empty();
            }
            if (code == null) {
                invalid.add(new Violation(at + ".code", uuid, "a term of another taxonomy needs its code"));
                return java.util.Optional.empty();
            }
            String snodoCode = slug(taxonomy) + "." + code;
            if (!ID.matcher(snodoCode).matches()) {
                invalid.add(new Violation(at + ".code", uuid, "with its taxonomy's prefix, " + Ids.MESSAGE));
                return java.util.Optional.empty();
            }
            if (!categories.containsKey(snodoCode) && !newCategories.containsKey(snodoCode)) {
                paths.put("categories[" + newCategories.size() + "]", at);
                hsdsIds.put(at, uuid);
                newCategories.put(snodoCode, new Category(snodoCode, text(term, "name"), null, null));
            }
            return java.util.Optional.of(snodoCode);
        }

        private void dropFields(JsonNode record, String path, Set<String> kept) {
            record.fieldNames().forEachRemaining(f -> {
                if (!kept.contains(f) && present(record.get(f))) {
                    dropped.add(path + "." + f);
                }
            });
        }

        /** The network's refusals of the mapped rows, each named by the HSDS record it came from. */
        List<Violation> translate(List<Violation> errors) {
            List<Violation> out = new ArrayList<>();
            for (Violation v : errors) {
                Matcher m = ROW_FIELD.matcher(v.field() == null ? "" : v.field());
                String path = m.matches() ? paths.get(m.group(1) + "[" + m.group(2) + "]") : null;
                if (path == null) {
                    out.add(v);
                    continue;
                }
                String field = switch (m.group(1) + "." + m.group(3)) {
                    case "services.id" -> ".snodo_id";
                    case "services.provider" -> ".organization_id";
                    case "services.categories" -> ".attributes";
                    case "services.territories" -> ".service_areas";
                    case "services.capacity" -> ".capacities[0].maximum";
                    case "services.occupied" -> ".capacities[0].available";
                    case "cooperatives.id", "partners.id", "cooperatives.fiscalCode" -> ".organization_identifiers";
                    case "cooperatives.basedIn", "partners.basedIn" -> ".locations";
                    case "cooperatives.memberOf" -> ".parent_organization_id";
                    case "categories.code" -> ".code";
                    default -> m.group(3).isEmpty() ? "" : "." + m.group(3);
                };
                out.add(new Violation(path + field, hsdsIds.get(path), v.message()));
            }
            return out;
        }
    }
}
