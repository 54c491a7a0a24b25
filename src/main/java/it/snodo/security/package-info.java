/**
 * Who may do what: bearer keys with roles (PLANNER, COOPERATIVE, HELP_DESK, READER), stored in Neo4j as
 * hashes only, the rules of each role, and 401/403 as problem details.
 */
package it.snodo.security;
