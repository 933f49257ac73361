package dev.latchkey.api.persistence;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One of the schema's {@code UNIQUE} constraints, recognised when the database refuses a write for it. Two requests
 * that pass a service's "is this name free?" check at the same moment both reach the insert; the database lets one
 * through, and the repository that owns the constraint turns the other's refusal into the violation the service
 * itself reports for a taken name, so the race loser reads what a later request would.
 */
final class UniqueConstraint {
    /** The SQLSTATE both H2 and PostgreSQL report for a duplicate value under a unique constraint or index. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final String name;

    private UniqueConstraint(String name) {
        this.name = name.toUpperCase(Locale.ROOT);
    }

    /** The constraint as the migrations name it, e.g. {@code uq_users_email}. */
    static UniqueConstraint named(String name) {
        return new UniqueConstraint(name);
    }

    /**
     * Writes the pending changes; if the database refuses them for this constraint, throws {@code refusal} as the
     * same 400 that the service's own check gives a request that comes second.
     */
    void flush(EntityManager em, Supplier<Violation> refusal) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (violatedBy(e)) {
                throw new ValidationException(refusal.get());
            }
            throw e;
        }
    }

    /**
     * Whether {@code failure} is the database refusing a duplicate under this constraint. Both databases name the
     * constraint (H2 by its backing index, {@code UQ_USERS_EMAIL_INDEX_4}) in the message: SQLSTATE alone cannot tell
     * two constraints of one table apart.
     */
    boolean violatedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && sql.getMessage() != null
                    && sql.getMessage().toUpperCase(Locale.ROOT).contains(name)) {
                return true;
            }
        }
        return false;
    }
}
