/**
 * Building blocks every domain package shares: the failure types the API maps to status codes and field
 * violations. Imports nothing but the JDK.
 */
package dev.latchkey.domain.shared;
