/**
 * The audit trail: who (key id and role), when and what (action, entity kinds, ids) of every
 * write, appended in Neo4j in the write's own transaction. Never a request body.
 */
package it.snodo.audit;
