/**
 * The seams that let black-box tests control the server: the movable clock, the job gate and the endpoints that move
 * and switch them. The server uses them only when it runs with {@code latchkey.testing.clock-control}; otherwise the
 * endpoints answer 404 and are absent from the served OpenAPI document. Production code must not import this
 * package (ArchitectureTest); it may import the production packages whose ports it fills.
 */
package dev.latchkey.api.testing;
