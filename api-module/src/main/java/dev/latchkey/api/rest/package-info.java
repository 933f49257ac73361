/**
 * The JAX-RS adapter: thin resources that check input, build domain values, call one service and map the result,
 * their request and response records, and the mappers that turn every failure into the one error shape built by
 * {@code Problems}. Nothing else in the server imports this package, and it must not import {@code persistence}.
 */
package dev.latchkey.api.rest;
