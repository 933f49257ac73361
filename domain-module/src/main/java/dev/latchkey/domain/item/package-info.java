/**
 * Items: secrets and accounts whose values live in a vault, with only a catalog entry (where, what, whose) in the
 * platform. A person, or their key, sees the items they own or that are shared with one of their teams. Imports
 * nothing but the JDK and the domain's own packages.
 */
package dev.latchkey.domain.item;
