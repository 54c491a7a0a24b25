/**
 * The snapshot's life: loading the engine's {@code Network} from Neo4j in a few bulk reads,
 * rebuilding it off the request path after every committed write (or patching it when only needs
 * changed), polling for writes made elsewhere, the freshness wait of reads that follow a write,
 * and keeping the current {@code EngineSnapshot}, the engine's snapshot with its algorithms and
 * lazily computed analyses.
 */
package it.snodo.snapshot;
