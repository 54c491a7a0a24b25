/**
 * The network model and its life in Neo4j: the rows of territories, categories, cooperatives,
 * partners, services, needs and ties (each knowing its parameters, references and checks), the
 * network document with its validation and import, the reads (through Spring Data Neo4j's
 * {@code Neo4jClient}) and the writes (one transaction each, under the version lock), and the
 * domain exceptions they raise. Its REST resources are in {@code resources}.
 */
package it.snodo.network;
