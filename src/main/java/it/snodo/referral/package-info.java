/**
 * Where to send a need and who can introduce whom: the REST layer over the engine's referrals
 * and connection paths.
 */
package it.snodo.referral;
