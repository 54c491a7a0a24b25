package it.snodo.neo4j;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded Neo4j, used only when no {@code spring.neo4j.uri} is configured.
 *
 * @param home where the store lives (relative paths are resolved against the working directory)
 * @param boltPort the Bolt port on 127.0.0.1; 0 takes any free port
 * @param pageCache the page cache size
 */
@ConfigurationProperties("snodo.neo4j")
public record Neo4jProperties(
        @DefaultValue("./data") String home,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("128MB") DataSize pageCache) {}
