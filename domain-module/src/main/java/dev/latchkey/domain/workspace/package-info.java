/**
 * People of the workspace, their roles, and who may change whom. Imports nothing but the JDK and the domain's own
 * packages.
 */
package dev.latchkey.domain.workspace;
