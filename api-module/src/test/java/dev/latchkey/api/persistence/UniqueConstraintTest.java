package dev.latchkey.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueConstraintTest {
    private static final UniqueConstraint EMAIL = UniqueConstraint.named("uq_users_email");

    @Test
    void recognisesH2NamingTheConstraintByItsIndex() {
        SQLException h2 = new SQLException(
                "Unique index or primary key violation: \"PUBLIC.UQ_USERS_EMAIL_INDEX_4 ON "
                        + "PUBLIC.USERS(EMAIL NULLS FIRST) VALUES ( /* 2 */ 'a@b.test' )\"",
                "23505",
                23505);

        assertThat(EMAIL.violatedBy(new PersistenceException(new RuntimeException(h2))))
                .isTrue();
    }

    @Test
    void recognisesPostgresqlNamingTheConstraint() {
        SQLException postgres = new SQLException(
                "ERROR: duplicate key value violates unique constraint "
                        + "\"uq_users_email\"\n  Detail: Key (email)=(a@b.test) already exists.",
                "23505");

        assertThat(EMAIL.violatedBy(new PersistenceException(postgres))).isTrue();
    }

    @Test
    void ignoresAnotherConstraintOfTheSameKind() {
        SQLException other =
                new SQLException("duplicate key value violates unique constraint \"uq_teams_name_key\"", "23505");

        assertThat(EMAIL.violatedBy(new PersistenceException(other))).isFalse();
    }

    @Test
    void ignoresOtherFailuresThatMentionTheConstraint() {
        SQLException lockTimeout = new SQLException("Timeout trying to lock table UQ_USERS_EMAIL", "HYT00");

        assertThat(EMAIL.violatedBy(new PersistenceException(lockTimeout))).isFalse();
        assertThat(EMAIL.violatedBy(new PersistenceException("no SQL cause"))).isFalse();
    }
}
