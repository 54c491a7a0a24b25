package it.snodo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Snodo: the network map and reasoning engine of a consortium of social cooperatives. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SnodoApplication {

    public static void main(String[] args) {
        SpringApplication.run(SnodoApplication.class, args);
    }
}
