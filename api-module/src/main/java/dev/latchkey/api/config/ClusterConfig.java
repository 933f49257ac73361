package dev.latchkey.api.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Whether this server is one node of several that share one PostgreSQL database, and the name it is known by there.
 *
 * <p>The nodes coordinate only through that database (notifications, advisory locks, a membership table): no
 * cluster port is ever opened, and only a server that can log in to the database can take part. Clustering is off
 * by default; it cannot be turned on over the embedded H2 database, which belongs to one process.
 */
public record ClusterConfig(boolean enabled, String nodeName) {

    public static final String ENABLED = "latchkey.cluster.enabled";
    public static final String NODE_NAME = "latchkey.cluster.node-name";

    private static final Pattern NODE_NAME_SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,62}");

    public ClusterConfig {
        Objects.requireNonNull(nodeName, "nodeName");
        if (!NODE_NAME_SHAPE.matcher(nodeName).matches()) {
            throw new IllegalArgumentException(NODE_NAME
                    + " must be 1 to 63 letters, digits, '.', '_', ':' or '-', starting with a letter or digit, got "
                    + nodeName);
        }
    }

    /** Reads the cluster settings; refuses clustering over a database that other servers cannot share. */
    static ClusterConfig from(Config config, DatabaseConfig database) {
        boolean enabled = config.getOptionalValue(ENABLED, Boolean.class).orElse(false);
        String nodeName = config.getOptionalValue(NODE_NAME, String.class)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .orElseGet(ClusterConfig::defaultNodeName);
        if (enabled && !database.url().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(ENABLED + "=true needs the nodes' shared PostgreSQL database: set "
                    + DatabaseConfig.URL + " to a jdbc:postgresql: URL (the embedded H2 database belongs to one"
                    + " server), got " + (database.embedded() ? "the embedded H2 database" : database.url()));
        }
        return new ClusterConfig(enabled, nodeName);
    }

    /** The host's name, which is unique among the nodes of most deployments; "latchkey" if it cannot be told. */
    static String defaultNodeName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return NODE_NAME_SHAPE.matcher(host).matches() ? host : "latchkey";
        } catch (UnknownHostException e) {
            return "latchkey";
        }
    }
}
