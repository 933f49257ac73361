/**
 * The Generate API key wizard: its steps, the only legal moves between them, and the service that runs it.
 * Imports nothing but the JDK and the domain's own packages.
 */
package dev.latchkey.domain.wizard;
