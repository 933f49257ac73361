/**
 * Wires the framework-free domain services to their adapters (JPA repositories, argon2id, the clock) as CDI beans.
 * Nothing here decides anything.
 */
package dev.latchkey.api.wiring;
