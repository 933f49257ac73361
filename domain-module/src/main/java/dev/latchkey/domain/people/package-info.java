/**
 * Managing the workspace's people: the first Owner, new users, role changes and disabling, each logged and each
 * evicting the person's cached keys. It sits above {@code workspace}, {@code audit} and {@code apikey}, so that
 * none of those has to import another's caller. Imports nothing but the JDK and the domain's own packages.
 */
package dev.latchkey.domain.people;
