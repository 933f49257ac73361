package dev.latchkey.api.persistence;

import dev.latchkey.api.config.DatabaseConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The JDBC data source behind {@value dev.latchkey.api.config.DatabaseConfig#DATA_SOURCE}: connects to whichever database
 * {@link DatabaseConfig} names, embedded H2 by default or PostgreSQL.
 *
 * <p>Payara's connection pool instantiates this class by name and pools what it returns. It exists
 * because an annotation with {@code ${MPCONFIG=...}} placeholders can only fill in strings: the
 * default URL needs the data directory resolved to an absolute path (H2 rejects relative ones) at
 * run time, and the driver has to follow the URL. Drivers are found through {@link ServiceLoader}
 * on this class's loader, which sees both Payara's H2 and the PostgreSQL driver in WEB-INF/lib.
 */
public final class ConfiguredDataSource implements DataSource {

    private final DatabaseConfig database;
    private final Driver driver;
    private PrintWriter logWriter;
    private int loginTimeoutSeconds;

    /** Called by the connection pool; reads the configuration once, when the pool is created. */
    public ConfiguredDataSource() {
        ClassLoader loader = ConfiguredDataSource.class.getClassLoader();
        this.database = DatabaseConfig.from(ConfigProvider.getConfig(loader));
        this.driver = driverFor(database.url(), loader);
    }

    private static Driver driverFor(String url, ClassLoader loader) {
        for (Driver candidate : ServiceLoader.load(Driver.class, loader)) {
            try {
                if (candidate.acceptsURL(url)) {
                    return candidate;
                }
            } catch (SQLException e) {
                // A driver that cannot judge the URL is not the one for it; keep looking.
            }
        }
        throw new IllegalStateException("No JDBC driver accepts " + DatabaseConfig.URL + "=" + url
                + "; Latchkey ships drivers for H2 (jdbc:h2:) and PostgreSQL (jdbc:postgresql:)");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(database.user().orElse(null), database.password().orElse(null));
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return connect(user, password);
    }

    private Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (loginTimeoutSeconds > 0) {
            // Understood by the PostgreSQL driver; H2 opens a local file and has nothing to wait for.
            properties.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        }
        Connection connection = driver.connect(database.url(), properties);
        if (connection == null) {
            throw new SQLException("Driver " + driver.getClass().getName() + " declined " + database.url());
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException(getClass().getName() + " does not wrap " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "ConfiguredDataSource[" + database + "]";
    }
}
