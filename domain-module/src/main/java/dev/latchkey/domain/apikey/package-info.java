/**
 * API keys: their format, names, expiry, status, who may change them, and how a presented key is verified. Imports
 * nothing but the JDK and the domain's own packages; hashing and storage are ports.
 */
package dev.latchkey.domain.apikey;
