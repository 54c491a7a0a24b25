/**
 * How a snapshot is shown to the caller of a request: the one translation between the API's ids
 * and the engine's indexes ({@link it.snodo.view.SnapshotIds}), and the one confidential-places
 * policy ({@link it.snodo.view.ConfidentialPlaces}, applied to a snapshot by
 * {@link it.snodo.view.HiddenPlaces}) that every list and analysis asks. The analysis layers
 * ({@code referral}, {@code gaps}, {@code measures}, {@code synergy}) read the engine through it.
 */
package it.snodo.view;
