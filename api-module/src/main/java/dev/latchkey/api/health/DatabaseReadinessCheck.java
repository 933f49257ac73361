package dev.latchkey.api.health;

import dev.latchkey.api.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Reports the server ready only while a query through the application's data source succeeds. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck { // not final: CDI proxies application-scoped beans

    static final String NAME = "database";
    private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class.getName());

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    public DatabaseReadinessCheck() {
        // for CDI, which injects the data source
    }

    DatabaseReadinessCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 1")) {
            return response.status(result.next() && result.getInt(1) == 1).build();
        } catch (SQLException e) {
            // Only the SQL state and an incident id: driver messages can carry host names and user names, and the
            // exception's type is an internal the log keeps.
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "The database readiness query failed, incident " + incident, e);
            return response.down()
                    .withData(
                            "error",
                            "the database did not answer a query; report incident " + incident
                                    + ", which the server log describes")
                    .withData("sqlState", String.valueOf(e.getSQLState()))
                    .build();
        }
    }
}
