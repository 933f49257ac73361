/**
 * Test doubles for the domain's ports: a clock that moves only when told, in-memory repositories, a recording
 * activity log and credential cache, and a fast stand-in for the argon2id hasher. Never used outside tests.
 */
package dev.latchkey.domain.testing;
