package it.snodo.network;

/** A row of the network document: an entity with a key that names it in errors. */
public sealed interface Row permits Territory, Category, Cooperative, Partner, Service, Need, Tie {

    /** The id (the code of a category; from:kind:to of a tie). */
    String key();
}
