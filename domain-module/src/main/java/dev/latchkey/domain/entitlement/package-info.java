/**
 * Entitlements: which people and teams hold which role ({@code vault_reader}, {@code vault_writer}) on an
 * integration's vaults. Imports nothing but the JDK and the domain's own packages.
 */
package dev.latchkey.domain.entitlement;
