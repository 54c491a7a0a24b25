package it.snodo;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Snodo: the network map and reasoning engine of a consortium of social cooperatives. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SnodoApplication {

    /** The time of day for everything that stamps or compares times; tests give one they control. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(SnodoApplication.class, args);
    }
}
