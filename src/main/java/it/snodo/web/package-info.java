/** Cross-cutting web pieces: RFC 9457 problem details for every error the API gives. */
package it.snodo.web;
