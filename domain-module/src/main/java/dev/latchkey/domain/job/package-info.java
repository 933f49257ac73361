/**
 * Automated jobs: platform chores (expiring keys, purging abandoned wizards, checking vault health) that run on a schedule or on demand,
 * never two of one type at once. Imports nothing but the JDK and the domain's own packages.
 */
package dev.latchkey.domain.job;
