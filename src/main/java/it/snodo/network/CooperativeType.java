package it.snodo.network;

/** A social cooperative's type under Law 381/1991: A (care), B (work integration), both, or a consortium. */
public enum CooperativeType {
    A,
    B,
    MIXED,
    CONSORTIUM
}
