/**
 * The activity log: what happened, who did it and to what. Entries never hold a secret; they name keys by id only.
 * Imports nothing but the JDK and the domain's own packages.
 */
package dev.latchkey.domain.audit;
