/**
 * Sharing people among cooperatives: the REST layer that finds, near a cooperative, the others
 * that lend a skill, over the engine's snapshot (bases, tie paths) and the network's skill offers.
 */
package it.snodo.sharing;
