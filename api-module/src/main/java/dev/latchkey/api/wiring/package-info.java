/**
 * Wires the framework-free domain services to their adapters (JPA repositories, argon2id, the clock) as CDI beans.
 * Nothing here decides anything. Must not import {@code rest}.
 */
package dev.latchkey.api.wiring;
