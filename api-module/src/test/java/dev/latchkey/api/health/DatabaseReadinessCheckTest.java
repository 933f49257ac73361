package dev.latchkey.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the readiness body says when the database does not answer. */
class DatabaseReadinessCheckTest {

    @BeforeAll
    static void buildResponsesWithoutAServer() {
        // Payara provides the builder at run time; outside it, the API's plain response class does.
        HealthCheckResponse.setResponseProvider(PlainResponseBuilder::new);
    }

    @Test
    void unreachableDatabaseIsDownWithAnIncidentAndNoClassName() {
        DataSource unreachable = (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    throw new SQLTransientConnectionException(
                            "Connection refused: db.internal.example:5432 user latchkey", "08001");
                });

        HealthCheckResponse response = new DatabaseReadinessCheck(unreachable).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> {
            assertThat(data).containsEntry("sqlState", "08001");
            assertThat(data.get("error"))
                    .asString()
                    .containsPattern("report incident [0-9a-f-]{36}")
                    .doesNotContain("java.", "SQL", "Exception", "db.internal", "latchkey");
        });
    }

    /** Collects what the check sets into the API's own {@link HealthCheckResponse}. */
    private static final class PlainResponseBuilder extends HealthCheckResponseBuilder {
        private String name;
        private boolean up;
        private final Map<String, Object> data = new LinkedHashMap<>();

        @Override
        public HealthCheckResponseBuilder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, String value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, long value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, boolean value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder up() {
            return status(true);
        }

        @Override
        public HealthCheckResponseBuilder down() {
            return status(false);
        }

        @Override
        public HealthCheckResponseBuilder status(boolean up) {
            this.up = up;
            return this;
        }

        @Override
        public HealthCheckResponse build() {
            return new HealthCheckResponse(
                    name,
                    up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.copyOf(data)));
        }
    }
}
