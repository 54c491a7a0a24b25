package it.snodo.security;

import it.snodo.audit.Audit;
import it.snodo.neo4j.Neo4jSchema;
import it.snodo.neo4j.OwnerOnlyFiles;
import it.snodo.web.ApiException;
import it.snodo.web.Role;
import it.snodo.web.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.types.MapAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API keys: random secrets of 192 bits, stored in Neo4j only as their SHA-256 (a fast hash
 * is enough for random secrets of this length: there is no dictionary to try), shown once when
 * made. Requests are checked against an in-memory copy, so that answers from the engine go on
 * while Neo4j is away; the copy is refreshed after every key write here and every
 * {@code snodo.snapshot.poll} for writes made by other instances.
 *
 * <p>The first PLANNER key is {@code snodo.security.bootstrap-planner-key} when set; otherwise,
 * when there is no planner key at all, one is made and written to {@code snodo.security.key-file}
 * (beside the database, readable by its owner only), and the log says where — never the key.
 *
 * <p>Keys are read through Spring Data Neo4j's {@link Neo4jClient} in read-only transactions,
 * begun by a {@link TransactionTemplate} rather than {@code @Transactional}: the keys read
 * themselves at start and after their own writes, calls that no proxy sees. Writes run in the
 * Driver's managed transactions, which retry.
 */
@Component
public class ApiKeys implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "snodo_";
    static final String BOOTSTRAP_ID = "bootstrap";

    /** A key as listed: never its secret. */
    public record ApiKey(String id, Role role, String cooperative, String label, String createdAt) {}

    /** A key just made, with its secret: the only time the secret is seen. */
    public record Created(ApiKey key, String secret) {}

    /** A key as stored, with the hash that finds it. */
    private record Stored(String hash, ApiKey key) {}

    private final Driver driver;
    private final Neo4jClient neo4j;
    private final TransactionTemplate reads;
    private final String bootstrapKey;
    private final Path keyFile;
    private volatile Map<String, ApiKey> byHash = Map.of();

    ApiKeys(
            Driver driver,
            Neo4jClient neo4j,
            PlatformTransactionManager transactions,
            Neo4jSchema schema,
            @Value("${snodo.security.bootstrap-planner-key:}") String bootstrapKey,
            @Value("${snodo.security.key-file:${snodo.neo4j.home:./data}/planner.key}") Path keyFile) {
        // The schema (the keys' constraints) is applied first: it is a dependency.
        this.driver = driver;
        this.neo4j = neo4j;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.bootstrapKey = bootstrapKey == null ? "" : bootstrapKey.strip();
        this.keyFile = keyFile;
    }

    @Override
    public void afterPropertiesSet() {
        if (!bootstrapKey.isEmpty()) {
            if (bootstrapKey.length() < 22) {
                throw new IllegalStateException("snodo.security.bootstrap-planner-key must be at least 22 characters"
                        + " (128 bits of a random base64 string)");
            }
            write(
                    """
                    MERGE (k:ApiKey {id: $id})
                    SET k.hash = $hash, k.role = 'PLANNER', k.cooperative = null,
                        k.label = 'snodo.security.bootstrap-planner-key', k.createdAt = coalesce(k.createdAt, $now)""",
                    Map.of(
                            "id",
                            BOOTSTRAP_ID,
                            "hash",
                            hash(bootstrapKey),
                            "now",
                            Instant.now().toString()));
        } else if (count("MATCH (k:ApiKey {role: 'PLANNER'}) RETURN count(k) AS n") == 0) {
            Created first = create(Role.PLANNER, null, "first planner key, made at first start");
            OwnerOnlyFiles.write(keyFile, first.secret());
            log.warn(
                    "No planner key yet: made one, key id {}; the key is in {} (readable by its owner only)",
                    first.key().id(),
                    keyFile.toAbsolutePath());
        }
        refresh();
    }

    /** The key a secret belongs to, if any. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(secret)));
    }

    /** Makes a key; for a COOPERATIVE key, the cooperative must exist. */
    public Created create(Role role, String cooperative, String label) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        String id = "key-" + HexFormat.of().formatHex(idBytes);
        String now = Instant.now().toString();
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("hash", hash(secret));
        p.put("role", role.name());
        p.put("cooperative", cooperative);
        p.put("label", label);
        p.put("now", now);
        try (Session session = driver.session()) {
            session.executeWrite(tx -> {
                long made = tx.run("""
                        OPTIONAL MATCH (c:Cooperative {id: $cooperative})
                        WITH c WHERE $cooperative IS NULL OR c IS NOT NULL
                        CREATE (k:ApiKey {id: $id, hash: $hash, role: $role, cooperative: $cooperative,
                                          label: $label, createdAt: $now})
                        RETURN count(k) AS n""", p).single().get("n").asLong();
                if (made == 0) {
                    throw new ApiException.BrokenGraph(
                            "The key names a cooperative that does not exist",
                            List.of(Violation.of("cooperative", "is not a known cooperative: '" + cooperative + "'")));
                }
                Audit.record(tx, "KEY_CREATE", List.of("KEY"), List.of(id), null);
                return made;
            });
        }
        refresh();
        return new Created(new ApiKey(id, role, cooperative, label, now), secret);
    }

    /** Every key, oldest first, without secrets. */
    public List<ApiKey> list() {
        return reads.execute(status -> List.copyOf(neo4j.query("""
                MATCH (k:ApiKey) RETURN k.id AS id, k.role AS role, k.cooperative AS cooperative,
                       k.label AS label, k.createdAt AS createdAt
                ORDER BY createdAt, id""")
                .fetchAs(ApiKey.class)
                .mappedBy((types, r) -> key(r))
                .all()));
    }

    /** One key, without its secret. */
    public Optional<ApiKey> get(String id) {
        return reads.execute(status -> neo4j.query("""
                MATCH (k:ApiKey {id: $id}) RETURN k.id AS id, k.role AS role, k.cooperative AS cooperative,
                       k.label AS label, k.createdAt AS createdAt""")
                .bind(id)
                .to("id")
                .fetchAs(ApiKey.class)
                .mappedBy((types, r) -> key(r))
                .first());
    }

    /** Deletes a key, effective at once on this instance; the last planner key stays. */
    public void delete(String id) {
        try (Session session = driver.session()) {
            session.executeWrite(tx -> {
                var key = tx.run("MATCH (k:ApiKey {id: $id}) RETURN k.role AS role", Map.of("id", id))
                        .list();
                if (key.isEmpty()) {
                    throw new ApiException.NotFound("No key '" + id + "'");
                }
                if ("PLANNER".equals(key.get(0).get("role").asString())
                        && tx.run("MATCH (k:ApiKey {role: 'PLANNER'}) RETURN count(k) AS n")
                                        .single()
                                        .get("n")
                                        .asLong()
                                == 1) {
                    throw new ApiException.Conflict(
                            "The last PLANNER key cannot be deleted: make another first", List.of());
                }
                tx.run("MATCH (k:ApiKey {id: $id}) DELETE k", Map.of("id", id)).consume();
                Audit.record(tx, "KEY_DELETE", List.of("KEY"), List.of(id), null);
                return null;
            });
        }
        refresh();
    }

    /** Reloads the keys; when Neo4j cannot be reached, the keys known so far stay. */
    @Scheduled(fixedDelayString = "${snodo.snapshot.poll:2s}", initialDelayString = "${snodo.snapshot.poll:2s}")
    public void refresh() {
        try {
            Map<String, ApiKey> keys = new HashMap<>();
            reads.executeWithoutResult(status -> neo4j.query("""
                    MATCH (k:ApiKey) RETURN k.id AS id, k.hash AS hash, k.role AS role, k.cooperative AS cooperative,
                           k.label AS label, k.createdAt AS createdAt""")
                    .fetchAs(Stored.class)
                    .mappedBy((types, r) -> new Stored(r.get("hash").asString(), key(r)))
                    .all()
                    .forEach(stored -> keys.put(stored.hash(), stored.key())));
            byHash = Map.copyOf(keys);
        } catch (RuntimeException e) {
            log.debug("Cannot refresh the keys, keeping the {} known: {}", byHash.size(), e.getMessage());
        }
    }

    private static ApiKey key(MapAccessor r) {
        return new ApiKey(
                r.get("id").asString(),
                Role.valueOf(r.get("role").asString()),
                r.get("cooperative").isNull() ? null : r.get("cooperative").asString(),
                r.get("label").asString(null),
                r.get("createdAt").asString(null));
    }

    private long count(String query) {
        return reads.execute(status -> neo4j.query(query)
                .fetchAs(Long.class)
                .mappedBy((types, r) -> r.get("n").asLong())
                .one()
                .orElseThrow());
    }

    private void write(String query, Map<String, Object> params) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(query, params).consume());
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
