package it.snodo.neo4j;

import java.nio.file.Path;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Neo4j in-process when no {@code spring.neo4j.uri} is configured, and provides the Driver
 * that talks to it over Bolt. With a {@code spring.neo4j.uri}, this configuration steps aside and
 * Spring Boot's own Driver connects to that server or cluster. Either way, Spring Boot builds
 * Spring Data Neo4j's {@code Neo4jClient} and {@code Neo4jTransactionManager}, which the reads
 * use, on that one Driver (its data auto-configuration waits for a Driver bean, ours included).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isBlank()")
class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(Neo4jProperties properties) {
        return EmbeddedNeo4j.start(
                Path.of(properties.home()),
                properties.boltPort(),
                properties.pageCache().toBytes());
    }

    // The Driver depends on the database, so Spring closes it first, as Neo4j needs.
    @Bean(destroyMethod = "close")
    Driver neo4jDriver(EmbeddedNeo4j neo4j) {
        return GraphDatabase.driver(
                neo4j.boltUri(),
                AuthTokens.basic(EmbeddedNeo4j.USER, neo4j.password()),
                Config.builder()
                        .withoutEncryption()
                        .withConnectionTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                        .withMaxTransactionRetryTime(5, java.util.concurrent.TimeUnit.SECONDS)
                        .build());
    }
}
