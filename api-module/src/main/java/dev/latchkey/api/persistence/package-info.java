/**
 * The database adapter: JPA entities, the {@code Jpa*Repository} classes that implement the domain's repository
 * ports, Flyway migrations and the data source. Maps rows to domain values and back and decides nothing; must not
 * import {@code rest}, {@code security} or {@code plugins}.
 */
package dev.latchkey.api.persistence;
