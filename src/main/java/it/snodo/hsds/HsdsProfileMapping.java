package it.snodo.hsds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.network.Need;
import it.snodo.network.NetworkDocument;
import it.snodo.network.Territory;
import it.snodo.network.Tie;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The objects Snodo's Italian welfare profile adds to HSDS ({@code territory}, {@code
 * need_aggregate}, {@code organization_tie}), made from the network document with the same
 * name-based ids as {@link HsdsMapping}, so that two exports of the same network are the same bytes.
 */
final class HsdsProfileMapping {

    static final String TERRITORY = "territory";
    static final String NEED = "need";
    static final String TIE = "organization_tie";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern ISTAT = Pattern.compile("\\d{6}");

    private final NetworkDocument document;

    HsdsProfileMapping(NetworkDocument document) {
        this.document = document;
    }

    /** The territory tree, in id order: a municipality whose id is an ISTAT code carries it as {@code istat_code}. */
    List<ObjectNode> territories() {
        return document.territories().stream()
                .map(HsdsProfileMapping::territory)
                .toList();
    }

    /** Every need as an aggregate, in id order: nothing but the closed schema's fields. */
    List<ObjectNode> needAggregates() {
        return document.needs().stream().map(HsdsProfileMapping::needAggregate).toList();
    }

    /** Every tie between two actors, in the export's order. */
    List<ObjectNode> organizationTies() {
        return document.ties().stream().map(HsdsProfileMapping::organizationTie).toList();
    }

    private static ObjectNode territory(Territory t) {
        ObjectNode o = JSON.objectNode();
        o.put("id", HsdsMapping.uuid(TERRITORY, t.id()));
        o.put("name", t.name());
        o.put("level", lower(t.level().name()));
        if (t.level() == it.snodo.network.TerritoryLevel.MUNICIPALITY
                && ISTAT.matcher(t.id()).matches()) {
            o.put("istat_code", t.id());
        }
        if (t.partOf() != null) {
            o.put("parent_id", HsdsMapping.uuid(TERRITORY, t.partOf()));
        }
        if (t.lat() != null && t.lon() != null) {
            o.put("latitude", t.lat());
            o.put("longitude", t.lon());
        }
        o.put("snodo_id", t.id());
        return o;
    }

    private static ObjectNode needAggregate(Need n) {
        ObjectNode o = JSON.objectNode();
        o.put("id", HsdsMapping.uuid(NEED, n.id()));
        o.put("taxonomy_term_id", HsdsMapping.uuid(HsdsMapping.EntityLabel.CATEGORY, n.category()));
        o.put("territory_id", HsdsMapping.uuid(TERRITORY, n.territory()));
        o.put("people", n.people());
        if (n.urgency() != null) {
            o.put("urgency", lower(n.urgency().name()));
        }
        if (n.recordedAt() != null) {
            o.put("recorded_at", n.recordedAt().toString());
        }
        return o;
    }

    private static ObjectNode organizationTie(Tie t) {
        ObjectNode o = JSON.objectNode();
        o.put("id", HsdsMapping.uuid(TIE, t.key()));
        o.put("from_organization_id", HsdsMapping.uuid(HsdsMapping.EntityLabel.ORGANIZATION, t.from()));
        o.put("to_organization_id", HsdsMapping.uuid(HsdsMapping.EntityLabel.ORGANIZATION, t.to()));
        o.put("kind", lower(t.kind().name()));
        if (t.strength() != null) {
            o.put("strength", t.strength());
        }
        if (t.since() != null) {
            o.put("since", t.since());
        }
        return o;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
