/**
 * How the network holds together: the REST layer over the engine's fragility, network measures
 * and what-if analyses.
 */
package it.snodo.measures;
