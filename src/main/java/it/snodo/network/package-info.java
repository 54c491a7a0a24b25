/**
 * The network model in Neo4j: territories, categories, cooperatives, partners, services, needs
 * and ties; their CRUD API, the import and export of the network document, and its validation.
 */
package it.snodo.network;
