/**
 * Shapes the OpenAPI document served at {@code /openapi}: repairs Payara's schemas and derives security and
 * error responses from the authorization table. Reads annotations only; it never calls a service.
 * Must not import {@code persistence} or {@code plugins}.
 */
package dev.latchkey.api.openapi;
