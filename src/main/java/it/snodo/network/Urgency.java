package it.snodo.network;

/** How urgent an aggregated need is. */
public enum Urgency {
    LOW,
    MEDIUM,
    HIGH
}
