/**
 * Runs the domain's jobs on Jakarta Concurrency's managed executors: on demand through the API and on a fixed
 * schedule. The rule that a job type never runs twice at once lives in the database, not here.
 * Must not import {@code rest} or {@code security}.
 */
package dev.latchkey.api.jobs;
