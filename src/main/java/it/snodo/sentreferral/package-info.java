/**
 * Sent referrals, the closed loop of the help desk: a referral sent to a service, the moves that
 * answer it (accept, decline, complete, drop, cancel), who may see and make each, the outcome
 * report per service, the people declined as FULL that gap rows show, and the retention job that
 * folds old closed referrals into monthly counts. An operational record, not the map: outside the
 * network document and its version. Never a person: Snodo keeps only an id it made.
 */
package it.snodo.sentreferral;
