package it.snodo.snapshot;

import it.snodo.engine.Actors;
import it.snodo.engine.Categories;
import it.snodo.engine.Needs;
import it.snodo.engine.Network;
import it.snodo.engine.Services;
import it.snodo.engine.Territories;
import it.snodo.engine.TieGraph;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of everything a {@link Network} holds, read through its parts' public methods: two
 * networks with the same print hold the same rows (every kind is numbered in id order).
 */
final class NetworkPrint {

    private final MessageDigest digest;

    private NetworkPrint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String of(Network n) {
        NetworkPrint p = new NetworkPrint();
        p.add("version", n.version());
        Territories t = n.territories();
        for (int i = 0; i < t.count(); i++) {
            p.add("t", t.id(i), t.name(i), t.level(i), t.parent(i));
            if (t.isMunicipality(i)) {
                p.add(t.lat(i), t.lon(i));
            }
        }
        Categories c = n.categories();
        for (int i = 0; i < c.count(); i++) {
            p.add("c", c.code(i), c.name(i), c.parent(i));
        }
        Actors a = n.actors();
        for (int i = 0; i < a.count(); i++) {
            p.add("a", a.id(i), a.name(i), a.isCooperative(i), a.type(i), a.basedIn(i), a.isConfidential(i));
        }
        Services s = n.services();
        for (int i = 0; i < s.count(); i++) {
            p.add("s", s.id(i), s.name(i), s.provider(i), s.capacity(i), s.occupied(i), s.isConfidential(i));
            for (int k = 0; k < s.categoryCountOf(i); k++) {
                p.add(s.categoryOf(i, k));
            }
            p.add("/");
            for (int k = 0; k < s.territoryCountOf(i); k++) {
                p.add(s.territoryOf(i, k));
            }
        }
        Needs d = n.needs();
        for (int i = 0; i < d.count(); i++) {
            p.add("n", d.id(i), d.category(i), d.territory(i), d.people(i), d.urgency(i));
        }
        TieGraph g = n.tieGraph();
        for (int i = 0; i < g.actorCount(); i++) {
            for (int j = g.edgeStart(i); j < g.edgeEnd(i); j++) {
                p.add("e", i, g.target(j), g.strength(j), g.kind(j), g.kindCount(j));
            }
        }
        return HexFormat.of().formatHex(p.digest.digest());
    }

    private void add(Object... values) {
        for (Object v : values) {
            digest.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }
}
