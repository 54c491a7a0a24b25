package it.snodo.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.SnodoIT;
import it.snodo.web.DatabaseUnavailable;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code neo4j} health keeps Spring Boot's answer for {@code snodo.health.neo4j-cache}: within
 * it, the answer kept (the very same object, no query); after it, or after a call found Neo4j away,
 * a new one. {@code ExternalNeo4jIT} sees health turn DOWN when the server goes away.
 */
class CachedNeo4jHealthIT extends SnodoIT {

    @Autowired
    Driver driver;

    @Autowired
    java.util.Map<String, HealthIndicator> indicators;

    @Test
    void itReplacesSpringBootsIndicatorUnderItsName() {
        assertThat(indicators.get("neo4jHealthIndicator")).isInstanceOf(CachedNeo4jHealth.class);
        assertThat(indicators.get("neo4jHealthIndicator").health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theAnswerIsKeptForItsTimeAndDroppedWhenNeo4jWasFoundAway() {
        CachedNeo4jHealth kept = new CachedNeo4jHealth(driver, Duration.ofHours(1));
        Health first = kept.health();
        assertThat(first.getStatus()).isEqualTo(Status.UP);
        assertThat(kept.health()).isSameAs(first);
        kept.onDatabaseUnavailable(new DatabaseUnavailable(new RuntimeException("away")));
        Health asked = kept.health();
        assertThat(asked).isNotSameAs(first);
        assertThat(asked.getStatus()).isEqualTo(Status.UP);

        CachedNeo4jHealth never = new CachedNeo4jHealth(driver, Duration.ZERO);
        assertThat(never.health()).isNotSameAs(never.health());
    }
}
