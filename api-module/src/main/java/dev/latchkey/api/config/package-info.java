/**
 * The operator's settings, read once from system properties and environment variables into typed values with their
 * defaults. Imports nothing else of the server: every other package may read configuration, none is read by it.
 */
package dev.latchkey.api.config;
