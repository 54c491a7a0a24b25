package it.snodo.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.network.NetworkImport;
import it.snodo.network.NetworkReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.Neo4jContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The external-database path against a real Neo4j 5.26 server in a container. Skipped (and
 * counted as skipped) where there is no Docker engine, as on the CI machines here.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "snodo.demo.load=false")
class TestcontainersNeo4jIT {

    @Container
    static final Neo4jContainer<?> NEO4J = new Neo4jContainer<>("neo4j:5.26").withoutAuthentication();

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", NEO4J::getBoltUrl);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    NetworkImport networkImport;

    @Autowired
    NetworkReader reader;

    @Test
    void importsAndExportsThroughTheServer() throws Exception {
        assertThat(context.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
        var example = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(getClass().getResourceAsStream("/examples/example-network.json"));

        networkImport.importDocument(example);

        assertThat(reader.export().counts().get("services")).isEqualTo(32);
    }
}
