/**
 * The snapshot's life: loading the engine's {@code Network} from Neo4j in a few bulk reads,
 * rebuilding it off the request path after every committed write (or patching it when only needs
 * changed), polling for writes made elsewhere, the freshness wait of reads that follow a write,
 * and each snapshot's lazily computed analyses ({@code Snapshots.Engine}).
 */
package it.snodo.snapshot;
