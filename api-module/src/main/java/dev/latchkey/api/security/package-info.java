/**
 * Who is calling and whether they may: the authentication filter, the {@code Permission} table every operation is
 * guarded by, argon2id hashing, the verified-key cache and key-use recording. Must not import {@code rest} or
 * {@code persistence}: it reaches storage through the domain's ports.
 */
package dev.latchkey.api.security;
