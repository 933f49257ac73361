/**
 * The plugin registry: discovers vault plugins (built-ins on the WAR's class path, external jars from the plugins
 * directory, each in its own class loader), runs one vault instance per integration and shields the server from
 * plugins that throw. The only package that talks to {@code dev.latchkey.vault.spi}.
 * Must not import {@code rest} or {@code security}.
 */
package dev.latchkey.api.plugins;
