package it.snodo.network;

import java.util.List;

/**
 * One page of a list, with the total so that a client can page through it.
 *
 * @param content the rows of this page, ordered by key
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalElements how many rows match in all
 * @param totalPages how many pages of this size they fill
 */
public record PageOf<T>(List<T> content, int page, int size, long totalElements, long totalPages) {}
