package it.snodo.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema.cypher} when the service starts, before it serves anything.
 * Every statement there is idempotent, so a restart changes nothing, and replicas starting
 * together on one Neo4j may each apply it: a deadlock between two of them is retried.
 */
@Component
public class Neo4jSchema implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(Neo4jSchema.class);
    static final String LOCATION = "cypher/schema.cypher";
    private static final String EQUIVALENT_EXISTS = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists";

    private final Driver driver;

    Neo4jSchema(Driver driver) {
        this.driver = driver;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> statements = statements(read());
        // Schema changes cannot share a transaction with data: one transaction each. Managed, so
        // that a deadlock with another replica applying the same schema at the same time is
        // retried (every statement is idempotent) instead of failing the start.
        try (Session session = driver.session()) {
            for (String statement : statements) {
                try {
                    session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
                } catch (ClientException e) {
                    // IF NOT EXISTS decides before the schema lock: a replica that lost the race
                    // is told that what it makes exists. It does, as the statement wants.
                    if (!EQUIVALENT_EXISTS.equals(e.code())) {
                        throw e;
                    }
                    log.debug("Made meanwhile by another client: {}", statement);
                }
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
        log.info("Applied {} schema statements from {}", statements.size(), LOCATION);
    }

    private static String read() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }

    /** The statements of a Cypher script: `;`-terminated, with `//` comment lines left out. */
    static List<String> statements(String script) {
        StringBuilder current = new StringBuilder();
        List<String> statements = new ArrayList<>();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            current.append(trimmed).append(' ');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
