package dev.latchkey.api.persistence;

import dev.latchkey.api.config.DatabaseConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway while the application deploys, before
 * anything can use JPA: persistence.xml forbids schema generation, so the migrations in
 * {@code db/migration} are the only source of tables.
 *
 * <p>A {@code @Startup} bean that touches JPA must declare {@code @DependsOn(SchemaMigration.NAME)}.
 * If a migration fails, the deployment fails and {@code /health/ready} never turns UP.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "dev.latchkey.api.persistence.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 32)
@Startup
@Singleton(name = SchemaMigration.NAME)
// Flyway commits each migration itself; a container transaction around it would hold DDL hostage.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration { // not final: the EJB container subclasses its beans

    /** The one data source of the application, also named by persistence.xml. */
    public static final String DATA_SOURCE = DatabaseConfig.DATA_SOURCE;
    /** The bean name to put in {@code @DependsOn}. */
    public static final String NAME = "SchemaMigration";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                // Explicit prefix and loader: inside the WAR the thread's loader is not guaranteed to see
                // WEB-INF/classes.
                .locations("classpath:db/migration")
                // A packaging mistake that loses the scripts must stop the server, not yield an empty schema.
                .failOnMissingLocations(true)
                .dataSource(dataSource)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version %s (%d migration(s) applied now, %s)"
                .formatted(
                        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                        result.migrationsExecuted,
                        result.database));
    }
}
