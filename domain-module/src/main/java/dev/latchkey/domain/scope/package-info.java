/**
 * The nine API-key scopes, what each one means, and which scope implies which. Imports nothing but the JDK and
 * {@code domain.shared}.
 */
package dev.latchkey.domain.scope;
