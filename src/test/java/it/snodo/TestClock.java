package it.snodo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the tests set and move: the service's clock in every {@link SnodoIT}. It follows the
 * system's time until a test sets it, and {@link #reset} makes it follow again.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Moves a stopped clock on (stops it at the system's time first if it runs). */
    public void advance(Duration by) {
        fixed.updateAndGet(now -> (now == null ? Instant.now() : now).plus(by));
    }

    /** Follows the system's time again. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC");
    }

    /** Puts the clock in the service's context in place of the system's. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
