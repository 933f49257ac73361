/**
 * MicroProfile Health checks behind {@code /health/ready} and {@code /health/live}. Reads state through the adapters'
 * own checks; must not import {@code rest}.
 */
package dev.latchkey.api.health;
