package it.snodo.hsds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.network.Category;
import it.snodo.network.Cooperative;
import it.snodo.network.CooperativeType;
import it.snodo.network.NetworkDocument;
import it.snodo.network.Partner;
import it.snodo.network.PartnerKind;
import it.snodo.network.Service;
import it.snodo.network.Territory;
import it.snodo.network.TerritoryLevel;
import it.snodo.view.ConfidentialPlaces;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The network as HSDS 3.0 objects, for one caller: the mapping of {@code ../shared/HSDS.md}, each
 * id a name-based UUID of the Snodo id ({@link #uuid}) so that two exports of the same network are
 * the same bytes, and the places the caller may not know left out (no {@code service_areas} for a
 * confidential service, no {@code locations} for a confidential partner).
 */
final class HsdsMapping {

    static final String CATEGORIES = "categories";
    static final String ACTOR_KINDS = "actor-kind";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final NetworkDocument document;
    private final Map<String, Instant> modified;
    private final ConfidentialPlaces places;
    private final Map<String, Territory> territories;
    private final Map<String, Category> categories;
    private final Map<String, Cooperative> cooperatives;
    private final Map<String, Partner> partners;
    private final Set<String> confidentialPartners;

    HsdsMapping(HsdsDirectory.Read read, ConfidentialPlaces places) {
        this.document = read.document();
        this.modified = read.modified();
        this.places = places;
        this.territories = byKey(document.territories(), Territory::id);
        this.categories = byKey(document.categories(), Category::code);
        this.cooperatives = byKey(document.cooperatives(), Cooperative::id);
        this.partners = byKey(document.partners(), Partner::id);
        this.confidentialPartners = document.partners().stream()
                .filter(p -> Boolean.TRUE.equals(p.confidential()))
                .map(Partner::id)
                .collect(Collectors.toSet());
    }

    private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(key.apply(r), r));
        return map;
    }

    /** The deterministic id of a Snodo thing: a version 3 UUID of {@code snodo:<label>:<id>}. */
    static String uuid(String label, String id) {
        return UUID.nameUUIDFromBytes(("snodo:" + label + ":" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    // Services.

    /** Every service, in id order. */
    List<Service> services() {
        return document.services();
    }

    Optional<Instant> modified(Service s) {
        return Optional.ofNullable(modified.get(s.id()));
    }

    Optional<Service> service(String uuid) {
        return document.services().stream()
                .filter(s -> uuid(EntityLabel.SERVICE, s.id()).equals(uuid))
                .findFirst();
    }

    /** The codes of a category term and of every term under it; empty when the id names none. */
    Optional<Set<String>> categoryAndNarrower(String termUuid) {
        Optional<String> code = document.categories().stream()
                .map(Category::code)
                .filter(c -> uuid(EntityLabel.CATEGORY, c).equals(termUuid))
                .findFirst();
        if (code.isEmpty()) {
            // An actor kind is a term too, but no service addresses one.
            return actorKindCode(termUuid).map(k -> Set.of());
        }
        Set<String> within = new HashSet<>();
        for (Category c : document.categories()) {
            for (String at = c.code(); at != null; ) {
                if (at.equals(code.get())) {
                    within.add(c.code());
                    break;
                }
                Category up = categories.get(at);
                at = up == null ? null : up.partOf();
            }
        }
        return Optional.of(within);
    }

    ObjectNode service(Service row) {
        Service s = places.shown(row, confidentialPartners);
        String id = uuid(EntityLabel.SERVICE, s.id());
        ObjectNode o = JSON.objectNode();
        o.put("id", id);
        o.put("organization_id", uuid(EntityLabel.ORGANIZATION, s.provider()));
        o.put("name", s.name());
        o.put("status", "active");
        modified(s).ifPresent(at -> o.put("last_modified", at.toString()));
        o.put("snodo_id", s.id());
        organization(s.provider()).ifPresent(org -> o.set("organization", org));
        ArrayNode areas = o.putArray("service_areas");
        for (String t : s.territories()) {
            Territory territory = territories.get(t);
            ObjectNode area = areas.addObject();
            area.put("id", uuid(EntityLabel.SERVICE_AREA, s.id() + "/" + t));
            area.put("service_id", id);
            area.put("name", territory == null ? t : territory.name());
            area.put(
                    "uri",
                    territory != null && territory.level() == TerritoryLevel.MUNICIPALITY
                            ? "urn:istat:" + t
                            : "urn:snodo:territory:" + t);
        }
        ArrayNode attributes = o.putArray("attributes");
        for (String c : s.categories()) {
            ObjectNode a = attributes.addObject();
            a.put("id", uuid(EntityLabel.ATTRIBUTE, s.id() + "/" + c));
            a.put("link_id", id);
            a.put("link_type", "addresses");
            a.put("link_entity", "service");
            a.put("taxonomy_term_id", uuid(EntityLabel.CATEGORY, c));
            Category category = categories.get(c);
            if (category != null) {
                a.set("taxonomy_term", categoryTerm(category));
            }
        }
        if (s.capacity() != null) {
            ObjectNode c = o.putArray("capacities").addObject();
            c.put("id", uuid(EntityLabel.CAPACITY, s.id()));
            c.put("service_id", id);
            c.put("available", s.capacity() - (s.occupied() == null ? 0 : s.occupied()));
            c.put("maximum", s.capacity());
            ObjectNode unit = c.putObject("unit");
            unit.put("id", uuid("unit", "place"));
            unit.put("name", "Posto");
            unit.put("identifier", "place");
            modified(s).ifPresent(at -> c.put("updated", at.toString()));
        }
        return o;
    }

    // Organizations.

    /** Every cooperative and partner, as organizations, in id order. */
    List<ObjectNode> organizations() {
        List<String> ids = new ArrayList<>(cooperatives.keySet());
        ids.addAll(partners.keySet());
        return ids.stream()
                .sorted()
                .map(this::organization)
                .flatMap(Optional::stream)
                .toList();
    }

    Optional<ObjectNode> organization(String actorId) {
        Cooperative c = cooperatives.get(actorId);
        if (c != null) {
            return Optional.of(organization(
                    c.id(),
                    c.name(),
                    describe(c.type()),
                    actorKind(c.type()),
                    c.fiscalCode(),
                    c.basedIn(),
                    c.memberOf() != null && cooperatives.containsKey(c.memberOf()) ? c.memberOf() : null));
        }
        Partner p = partners.get(actorId);
        if (p == null) {
            return Optional.empty();
        }
        Partner shown = places.shown(p);
        return Optional.of(organization(
                shown.id(),
                shown.name(),
                "Partner of the network: " + shown.kind().name().toLowerCase().replace('_', ' '),
                shown.kind().name(),
                null,
                shown.basedIn(),
                null));
    }

    Optional<ObjectNode> organizationByUuid(String uuid) {
        return organizations().stream()
                .filter(o -> o.get("id").asText().equals(uuid))
                .findFirst();
    }

    private ObjectNode organization(
            String actorId,
            String name,
            String description,
            String kind,
            String fiscalCode,
            String basedIn,
            String parent) {
        String id = uuid(EntityLabel.ORGANIZATION, actorId);
        ObjectNode o = JSON.objectNode();
        o.put("id", id);
        o.put("name", name);
        o.put("description", description);
        if (parent != null) {
            o.put("parent_organization_id", uuid(EntityLabel.ORGANIZATION, parent));
        }
        ArrayNode identifiers = o.putArray("organization_identifiers");
        ObjectNode snodo = identifiers.addObject();
        snodo.put("id", uuid(EntityLabel.ORGANIZATION_IDENTIFIER, actorId + "/snodo"));
        snodo.put("organization_id", id);
        snodo.put("identifier_type", "Snodo id");
        snodo.put("identifier", actorId);
        if (fiscalCode != null) {
            ObjectNode cf = identifiers.addObject();
            cf.put("id", uuid(EntityLabel.ORGANIZATION_IDENTIFIER, actorId + "/IT-CF"));
            cf.put("organization_id", id);
            cf.put("identifier_scheme", "IT-CF");
            cf.put("identifier_type", "Codice fiscale");
            cf.put("identifier", fiscalCode);
        }
        ArrayNode attributes = o.putArray("attributes");
        ObjectNode a = attributes.addObject();
        a.put("id", uuid(EntityLabel.ATTRIBUTE, actorId + "/" + kind));
        a.put("link_id", id);
        a.put("link_type", "kind");
        a.put("link_entity", "organization");
        a.put("taxonomy_term_id", uuid(EntityLabel.ACTOR_KIND, kind));
        a.set("taxonomy_term", actorKindTerm(kind));
        ArrayNode locations = o.putArray("locations");
        Territory base = basedIn == null ? null : territories.get(basedIn);
        if (base != null) {
            boolean municipality = base.level() == TerritoryLevel.MUNICIPALITY;
            ObjectNode l = locations.addObject();
            l.put("id", uuid(EntityLabel.LOCATION, actorId));
            l.put("location_type", "physical");
            l.put("organization_id", id);
            l.put("name", base.name());
            l.put("external_identifier", base.id());
            l.put("external_identifier_type", municipality ? "ISTAT" : "Snodo territory");
            if (base.lat() != null && base.lon() != null) {
                l.put("latitude", base.lat());
                l.put("longitude", base.lon());
            }
        }
        return o;
    }

    private static String describe(CooperativeType type) {
        return switch (type) {
            case CONSORTIUM -> "Consortium of social cooperatives";
            case MIXED -> "Social cooperative of mixed type (A and B)";
            default -> "Social cooperative of type " + type.name();
        };
    }

    private static String actorKind(CooperativeType type) {
        return type == CooperativeType.CONSORTIUM ? "CONSORTIUM" : "COOP_" + type.name();
    }

    // Taxonomies.

    /** The actor-kind codes, in the order HSDS.md lists them. */
    static final List<String> ACTOR_KIND_CODES = actorKindCodes();

    private static List<String> actorKindCodes() {
        List<String> codes = new ArrayList<>(List.of("COOP_A", "COOP_B", "COOP_MIXED", "CONSORTIUM"));
        for (PartnerKind k : PartnerKind.values()) {
            codes.add(k.name());
        }
        return List.copyOf(codes);
    }

    /** The two taxonomies: Snodo's category tree, and the kinds of actor. */
    List<ObjectNode> taxonomies() {
        return List.of(
                taxonomy(
                        CATEGORIES,
                        "Snodo categories",
                        "The categories of need and of service of the Snodo network, one tree shared by both"),
                taxonomy(
                        ACTOR_KINDS,
                        "Snodo actor kinds",
                        "The type of a social cooperative or the kind of a partner of the network"));
    }

    private static ObjectNode taxonomy(String slug, String name, String description) {
        ObjectNode o = JSON.objectNode();
        o.put("id", uuid(EntityLabel.TAXONOMY, slug));
        o.put("name", name);
        o.put("description", description);
        return o;
    }

    /** Every term: the categories in code order, then the actor kinds. */
    List<ObjectNode> taxonomyTerms() {
        List<ObjectNode> terms = new ArrayList<>();
        document.categories().forEach(c -> terms.add(categoryTerm(c)));
        ACTOR_KIND_CODES.forEach(k -> terms.add(actorKindTerm(k)));
        return terms;
    }

    private ObjectNode categoryTerm(Category c) {
        ObjectNode o = JSON.objectNode();
        o.put("id", uuid(EntityLabel.CATEGORY, c.code()));
        o.put("code", c.code());
        o.put("name", c.name());
        o.put("description", c.nameEn() != null ? c.nameEn() : c.name());
        if (c.partOf() != null) {
            o.put("parent_id", uuid(EntityLabel.CATEGORY, c.partOf()));
        }
        o.put("taxonomy", "Snodo categories");
        o.put("language", "it");
        o.put("taxonomy_id", uuid(EntityLabel.TAXONOMY, CATEGORIES));
        if (c.nameEn() != null) {
            o.put("name_en", c.nameEn());
        }
        return o;
    }

    private static ObjectNode actorKindTerm(String code) {
        ObjectNode o = JSON.objectNode();
        o.put("id", uuid(EntityLabel.ACTOR_KIND, code));
        o.put("code", code);
        o.put("name", code.toLowerCase().replace('_', ' '));
        o.put("description", "Actors of kind " + code);
        o.put("taxonomy", "Snodo actor kinds");
        o.put("language", "en");
        o.put("taxonomy_id", uuid(EntityLabel.TAXONOMY, ACTOR_KINDS));
        return o;
    }

    private static Optional<String> actorKindCode(String uuid) {
        return ACTOR_KIND_CODES.stream()
                .filter(k -> uuid(EntityLabel.ACTOR_KIND, k).equals(uuid))
                .findFirst();
    }

    /** The labels of the name-based ids. */
    static final class EntityLabel {
        static final String SERVICE = "service";
        static final String ORGANIZATION = "organization";
        static final String ORGANIZATION_IDENTIFIER = "organization_identifier";
        static final String LOCATION = "location";
        static final String SERVICE_AREA = "service_area";
        static final String ATTRIBUTE = "attribute";
        static final String CAPACITY = "capacity";
        static final String CATEGORY = "category";
        static final String ACTOR_KIND = "actor_kind";
        static final String TAXONOMY = "taxonomy";

        private EntityLabel() {}
    }
}
