/**
 * The engine: plain Java over an immutable snapshot of the network, with every algorithm of
 * Snodo. No Spring and no Neo4j in here (a test keeps it so): the snapshot is built from plain
 * rows, and answers are plain records.
 */
package it.snodo.engine;
