package it.snodo.network;

/** What a shared space is. */
public enum SpaceKind {
    ROOM,
    HALL,
    KITCHEN,
    WORKSHOP,
    OFFICE,
    GARDEN,
    OTHER
}
