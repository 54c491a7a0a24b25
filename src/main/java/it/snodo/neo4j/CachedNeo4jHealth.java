package it.snodo.neo4j;

import it.snodo.web.DatabaseUnavailable;
import java.time.Duration;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.neo4j.Neo4jHealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code neo4j} part of {@code /actuator/health}: Spring Boot's own check (a query over the
 * Driver), its answer kept for {@code snodo.health.neo4j-cache} (1 s) so that a load balancer or a
 * monitor asking many times a second costs Neo4j one query a second, not one each. A call that
 * found Neo4j away drops the answer kept, so the next health asks again. Named as Spring Boot's
 * indicator, which it replaces.
 */
@Component("neo4jHealthIndicator")
class CachedNeo4jHealth implements HealthIndicator {

    private record Kept(Health health, long until) {}

    private final HealthIndicator neo4j;
    private final long keepNanos;
    private volatile Kept kept;

    CachedNeo4jHealth(Driver driver, @Value("${snodo.health.neo4j-cache:1s}") Duration keep) {
        this.neo4j = new Neo4jHealthIndicator(driver);
        this.keepNanos = keep.toNanos();
    }

    @Override
    public Health health() {
        Kept now = kept;
        if (now != null && System.nanoTime() - now.until() < 0) {
            return now.health();
        }
        synchronized (this) {
            now = kept;
            if (now != null && System.nanoTime() - now.until() < 0) {
                return now.health();
            }
            Health health = neo4j.health();
            kept = new Kept(health, System.nanoTime() + keepNanos);
            return health;
        }
    }

    /** A call found Neo4j away: the next health asks it again. */
    @EventListener
    void onDatabaseUnavailable(DatabaseUnavailable event) {
        kept = null;
    }
}
