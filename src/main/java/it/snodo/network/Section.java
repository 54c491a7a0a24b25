package it.snodo.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sections of the network document, in the order they are written. */
enum Section {
    TERRITORIES("territories", EntityKind.TERRITORY, Territory.class, NetworkDocument::territories),
    CATEGORIES("categories", EntityKind.CATEGORY, Category.class, NetworkDocument::categories),
    COOPERATIVES("cooperatives", EntityKind.COOPERATIVE, Cooperative.class, NetworkDocument::cooperatives),
    PARTNERS("partners", EntityKind.PARTNER, Partner.class, NetworkDocument::partners),
    SERVICES("services", EntityKind.SERVICE, Service.class, NetworkDocument::services),
    NEEDS("needs", EntityKind.NEED, Need.class, NetworkDocument::needs),
    TIES("ties", EntityKind.TIE, Tie.class, NetworkDocument::ties),
    SKILLS("skills", EntityKind.SKILL, Skill.class, NetworkDocument::skills),
    SKILL_OFFERS("skillOffers", EntityKind.SKILL_OFFER, SkillOffer.class, NetworkDocument::skillOffers),
    SKILL_REQUESTS("skillRequests", EntityKind.SKILL_REQUEST, SkillRequest.class, NetworkDocument::skillRequests),
    SPACES("spaces", EntityKind.SPACE, Space.class, NetworkDocument::spaces);

    final String json;
    final EntityKind kind;
    final Class<? extends Row> type;
    final Set<String> fields;
    private final Function<NetworkDocument, List<? extends Row>> rows;

    Section(
            String json,
            EntityKind kind,
            Class<? extends Row> type,
            Function<NetworkDocument, List<? extends Row>> rows) {
        this.json = json;
        this.kind = kind;
        this.type = type;
        this.fields =
                Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toUnmodifiableSet());
        this.rows = rows;
    }

    List<? extends Row> rows(NetworkDocument document) {
        return rows.apply(document);
    }

    static Section of(String json) {
        for (Section s : values()) {
            if (s.json.equals(json)) {
                return s;
            }
        }
        return null;
    }

    /** The section of a kind's rows. */
    static Section of(EntityKind kind) {
        for (Section s : values()) {
            if (s.kind == kind) {
                return s;
            }
        }
        throw new IllegalArgumentException("no section holds " + kind);
    }

    /** The key of a raw row, as far as it can be read, to name the row in errors. */
    String keyOf(JsonNode row) {
        if (this == TIES) {
            return text(row, "from") + ":" + text(row, "kind") + ":" + text(row, "to");
        }
        if (this == SKILL_OFFERS || this == SKILL_REQUESTS) {
            return text(row, "cooperative") + ":" + text(row, "skill");
        }
        return text(row, kind.keyField);
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || !value.isValueNode() ? null : value.asText();
    }
}
