/**
 * Example external vault plugin: secrets as entries of a password-protected PKCS#12 keystore.
 * Written as the smallest complete plugin an author could copy: one factory, one provider, the
 * services file, and a test that extends the TCK. Uses the JDK and the vault SPI only.
 */
package dev.latchkey.examples.keystore;
