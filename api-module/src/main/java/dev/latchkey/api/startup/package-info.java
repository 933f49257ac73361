/**
 * What runs once when the application deploys: creating the first Owner and the workspace's built-in vault. Calls
 * the domain's services; must not import {@code rest}.
 */
package dev.latchkey.api.startup;
