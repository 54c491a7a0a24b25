package it.snodo.network;

import java.util.HashMap;
import java.util.Map;

/** A row as the parameters its Cypher statements take: plain values, enums by name. */
final class Rows {

    private Rows() {
    }

    static Map<String, Object> parameters(Row row) {
        Map<String, Object> p = new HashMap<>();
        if (row instanceof Territory t) {
            p.put("id", t.id());
            p.put("name", t.name());
            p.put("level", t.level().name());
            p.put("partOf", t.partOf());
            p.put("population", t.population());
            p.put("lat", t.lat());
            p.put("lon", t.lon());
        } else if (row instanceof Category c) {
            p.put("code", c.code());
            p.put("name", c.name());
            p.put("nameEn", c.nameEn());
            p.put("partOf", c.partOf());
        } else if (row instanceof Cooperative c) {
            p.put("id", c.id());
            p.put("name", c.name());
            p.put("type", c.type().name());
            p.put("fiscalCode", c.fiscalCode());
            p.put("basedIn", c.basedIn());
            p.put("memberOf", c.memberOf());
        } else if (row instanceof Partner partner) {
            p.put("id", partner.id());
            p.put("name", partner.name());
            p.put("kind", partner.kind().name());
            p.put("basedIn", partner.basedIn());
            p.put("confidential", Boolean.TRUE.equals(partner.confidential()) ? Boolean.TRUE : null);
        } else if (row instanceof Service s) {
            p.put("id", s.id());
            p.put("name", s.name());
            p.put("provider", s.provider());
            p.put("categories", s.categories());
            p.put("territories", s.territories());
            p.put("capacity", s.capacity());
            p.put("occupied", s.occupied());
            p.put("confidential", Boolean.TRUE.equals(s.confidential()) ? Boolean.TRUE : null);
        } else if (row instanceof Need n) {
            p.put("id", n.id());
            p.put("category", n.category());
            p.put("territory", n.territory());
            p.put("people", n.people());
            p.put("urgency", n.urgency() == null ? null : n.urgency().name());
            p.put("recordedAt", n.recordedAt());
            p.put("source", n.source());
        } else if (row instanceof Tie t) {
            p.put("from", t.from());
            p.put("to", t.to());
            p.put("kind", t.kind().name());
            p.put("since", t.since());
            p.put("strength", t.strength());
        }
        return p;
    }
}
