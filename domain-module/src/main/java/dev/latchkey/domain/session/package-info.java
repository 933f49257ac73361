/**
 * Sign-in sessions for people: opaque bearer tokens, of which only a SHA-256 digest is stored. Imports nothing but
 * the JDK and the domain's own packages.
 */
package dev.latchkey.domain.session;
