/**
 * Integrations (configured vault plugins), the vaults they back, Terraform-style plans of configuration changes and
 * saving a wizard's key in a vault. Plugins are reached only through the {@link
 * dev.latchkey.domain.integration.VaultPlugins} port; imports nothing but the JDK and the domain's own packages.
 */
package dev.latchkey.domain.integration;
