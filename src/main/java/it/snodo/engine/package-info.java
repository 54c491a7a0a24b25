/**
 * The engine: plain Java over an immutable snapshot of the network ({@code Network}, a version and
 * its parts: territories, categories, actors, services, needs and the tie graph), with every
 * algorithm of Snodo and each snapshot's analyses ({@code EngineSnapshot}). No Spring and no Neo4j
 * in here (a test keeps it so): the snapshot is built from plain rows, and answers are plain
 * records.
 */
package it.snodo.engine;
