package it.snodo.web;

/**
 * Published when a call found Neo4j away and was answered 503 {@code /problems/database-unavailable}:
 * whatever a module keeps in memory from Neo4j, on the belief that it answers, can listen for it.
 *
 * @param cause the driver's exception, or Spring's that carries it
 */
public record DatabaseUnavailable(Throwable cause) {}
