/**
 * Teams: named groups of people that items can be shared with, managed by workspace administrators.
 * Imports nothing but the JDK and the domain's own packages.
 */
package dev.latchkey.domain.team;
