package it.snodo.network;

import it.snodo.web.PlainText;

/**
 * A row of the network document: an entity with a key that names it in errors. Its texts are
 * plain and name no person, in CRUD and import alike.
 */
@PlainText
public sealed interface Row permits Territory, Category, Cooperative, Partner, Service, Need, Tie {

    /** The id (the code of a category; from:kind:to of a tie). */
    String key();
}
