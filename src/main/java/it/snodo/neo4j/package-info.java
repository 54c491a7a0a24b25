/**
 * Neo4j access: starts the embedded database (Bolt on localhost, behind a password kept in an
 * owner-only file beside the store) when no {@code spring.neo4j.uri} is configured, or leaves the
 * Driver to Spring Boot when one is, and applies {@code cypher/schema.cypher} at start.
 */
package it.snodo.neo4j;
