/**
 * The network read as Open Referral's Human Services Data Specification 3.0 ({@code /hsds}):
 * services, organizations, taxonomies and their terms, mapped as {@code ../shared/HSDS.md} decides,
 * with the confidential-places policy of {@code view} applied to every answer. Read-only.
 */
package it.snodo.hsds;
