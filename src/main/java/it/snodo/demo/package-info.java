/**
 * The demo network of the Alto Milanese: real municipalities and categories, invented
 * cooperatives, partners, services, needs and ties, loaded through the import path on first start.
 */
package it.snodo.demo;
