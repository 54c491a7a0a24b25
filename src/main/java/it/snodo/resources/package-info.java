/**
 * The REST resources of the network: CRUD of territories, categories, cooperatives, partners,
 * services, needs and ties, and the import and export of the network document. Thin: what a row
 * is and how it is checked, read and written belong to {@code network}; what a caller may see of
 * a confidential place, to {@code view}.
 */
package it.snodo.resources;
