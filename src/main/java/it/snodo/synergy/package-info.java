/**
 * Who should work together: the REST layer over the engine's synergy suggestions and
 * integrated answers.
 */
package it.snodo.synergy;
