/**
 * Can the free places absorb the needs: the optimal allocation of a category's needs to the free
 * places of the services that cover it, as a minimum-cost flow (JGraphT), and its REST layer.
 */
package it.snodo.allocation;
