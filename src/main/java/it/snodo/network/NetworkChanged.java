package it.snodo.network;

/** Published after a write to the network is committed. */
public record NetworkChanged(long version) {
}
