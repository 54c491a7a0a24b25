package it.snodo.hsds;

import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the HSDS answers are made of, read in one read-only transaction: the network document (the
 * export's exact rows) and the time each service was last written. A service's time is that of its
 * revision ({@code writtenAt}, the network version that last wrote it): the earliest audit entry of
 * that version, since every write appends its entry in its own transaction (docs/design.md, "Open
 * Referral").
 */
@Component
class HsdsDirectory {

    private final NetworkReader reader;
    private final Neo4jClient neo4j;

    HsdsDirectory(NetworkReader reader, Neo4jClient neo4j) {
        this.reader = reader;
        this.neo4j = neo4j;
    }

    /**
     * The network and when each service was last written.
     *
     * @param document the whole network, each section ordered by key
     * @param modified each service's last write, by id; missing when no audit entry dates it
     */
    record Read(NetworkDocument document, Map<String, Instant> modified) {}

    @Transactional(readOnly = true)
    Read read() {
        NetworkDocument document = reader.export();
        Map<String, Instant> modified = new HashMap<>();
        neo4j.query("""
                        MATCH (s:Service)
                        WITH s.id AS id, s.writtenAt AS version
                        OPTIONAL MATCH (e:AuditEntry {networkVersion: version})
                        RETURN id, min(e.at) AS at""").fetch().all().forEach(r -> {
            if (r.get("at") instanceof ZonedDateTime at) {
                modified.put((String) r.get("id"), at.toInstant());
            } else if (r.get("at") instanceof java.time.OffsetDateTime at) {
                modified.put((String) r.get("id"), at.toInstant());
            }
        });
        return new Read(document, Map.copyOf(modified));
    }
}
