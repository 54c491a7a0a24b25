/** What is missing where: the REST layer over the engine's gap analysis, as JSON and CSV. */
package it.snodo.gaps;
