/**
 * Sharing people among cooperatives: the REST layer that finds, near a cooperative, the others
 * that lend a skill, over the engine's snapshot (bases, tie paths) and the network's skill offers;
 * and the exchange of skills, requests matched to offers by the allocation's minimum-cost flow.
 */
package it.snodo.sharing;
