package io.github.camelframeio.camel.component.frameio.shares.state;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateException;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateFencedException;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * A Camel {@link StateRepository} in a database table, one row per key, for consumers whose state must outlive the
 * process and be shared by the replicas that take over from one another (PostgreSQL; the statements use its
 * {@code INSERT ... ON CONFLICT} upsert). Writes are fenced ({@link FencedStateRepository}): a consumer claims its
 * state scope when it starts, and a replica whose claim is no longer the latest cannot write over the state of the
 * one that claimed after it.
 * <p>
 * Two tables, created on start when missing (several replicas may start at once): {@code <tableName>} (state_key,
 * state_value, epoch: of the claim that wrote the row, 0 for a write without claim, updated_at) and
 * {@code <tableName>_claims} (scope, epoch, claimed_by: host and process id, claimed_at). Give it a pooling
 * DataSource: every read and write borrows a connection for one statement, in auto-commit.
 */
public class JdbcStateRepository extends ServiceSupport implements FencedStateRepository {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateRepository.class);
    /** The default table name. */
    public static final String DEFAULT_TABLE_NAME = "frameio_shares_state";
    private static final String CLAIMS_SUFFIX = "_claims";
    /** An unquoted identifier, optionally schema-qualified; short enough for PostgreSQL's 63 bytes with the suffix. */
    private static final Pattern TABLE_NAME = Pattern.compile(
            "(?:[A-Za-z_][A-Za-z0-9_]{0,55}\\.)?[A-Za-z_][A-Za-z0-9_]{0,55}");

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private int queryTimeout = 30;

    private volatile Sql sql = new Sql(DEFAULT_TABLE_NAME);
    /** Set once the tables were found or created; stays set (a shared bean stopped by one consumer serves on). */
    private volatile boolean schemaReady;

    /** The statements of one table name. */
    private record Sql(String upsert, String fencedUpsert, String select, String selectScope, String delete,
                       String fencedDelete, String claim, String currentEpoch, String createState, String createClaims) {

        Sql(String t) {
            this(t, t + CLAIMS_SUFFIX);
        }

        Sql(String t, String c) {
            // FOR SHARE: a claim waits for a write in progress, and a write that waited for a claim checks the epoch
            // again after it, so no write of an older claim can land after a newer claim
            this("INSERT INTO " + t + " (state_key, state_value, epoch, updated_at) VALUES (?, ?, 0, CURRENT_TIMESTAMP)"
                 + " ON CONFLICT (state_key) DO UPDATE SET state_value = EXCLUDED.state_value, epoch = 0,"
                 + " updated_at = EXCLUDED.updated_at",
                    "INSERT INTO " + t + " (state_key, state_value, epoch, updated_at) SELECT ?, ?, ?, CURRENT_TIMESTAMP"
                    + " WHERE EXISTS (SELECT 1 FROM " + c + " WHERE scope = ? AND epoch = ? FOR SHARE)"
                    + " ON CONFLICT (state_key) DO UPDATE SET state_value = EXCLUDED.state_value,"
                    + " epoch = EXCLUDED.epoch, updated_at = EXCLUDED.updated_at",
                    "SELECT state_value FROM " + t + " WHERE state_key = ?",
                    "SELECT state_key, state_value FROM " + t + " WHERE state_key = ? OR state_key LIKE ? ESCAPE '!'",
                    "DELETE FROM " + t + " WHERE state_key = ?",
                    "DELETE FROM " + t + " WHERE state_key = ? AND EXISTS (SELECT 1 FROM " + c
                    + " WHERE scope = ? AND epoch = ? FOR SHARE)",
                    "INSERT INTO " + c + " AS c (scope, epoch, claimed_by, claimed_at) VALUES (?, 1, ?, CURRENT_TIMESTAMP)"
                    + " ON CONFLICT (scope) DO UPDATE SET epoch = c.epoch + 1, claimed_by = EXCLUDED.claimed_by,"
                    + " claimed_at = EXCLUDED.claimed_at RETURNING epoch",
                    "SELECT epoch FROM " + c + " WHERE scope = ?",
                    // TEXT: a bucket holds about a thousandth of the state (14 KB for 100,000 shares), no fixed limit
                    "CREATE TABLE IF NOT EXISTS " + t + " (state_key TEXT COLLATE \"C\" PRIMARY KEY,"
                    + " state_value TEXT NOT NULL, epoch BIGINT NOT NULL DEFAULT 0,"
                    + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP)",
                    "CREATE TABLE IF NOT EXISTS " + c + " (scope TEXT COLLATE \"C\" PRIMARY KEY, epoch BIGINT NOT NULL,"
                    + " claimed_by TEXT, claimed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        }
    }

    /** For bean definitions; set the dataSource before it starts. */
    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database: a pooling DataSource (each statement borrows a connection). */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /**
     * The state table, {@code frameio_shares_state} by default, optionally schema-qualified ({@code app.state}): an
     * unquoted SQL identifier of letters, digits and underscores. The claims table is named after it, with
     * {@code _claims} appended.
     */
    public void setTableName(String tableName) {
        this.sql = new Sql(validTableName(tableName));
        this.tableName = tableName;
    }

    public int getQueryTimeout() {
        return queryTimeout;
    }

    /**
     * Seconds a statement may take before it fails (30 by default; 0 waits for ever): a database that stopped
     * answering fails the poll instead of holding the consumer.
     */
    public void setQueryTimeout(int queryTimeout) {
        if (queryTimeout < 0) {
            throw new IllegalArgumentException("queryTimeout must be 0 (no limit) or more seconds, not " + queryTimeout);
        }
        this.queryTimeout = queryTimeout;
    }

    static String validTableName(String name) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tableName of JdbcStateRepository must be an unquoted SQL identifier"
                                               + " (letters, digits and _, not starting with a digit, at most 56"
                                               + " characters, optionally schema.table), not '" + name + "'");
        }
        return name;
    }

    /** The claims table of a state table. */
    public String getClaimsTableName() {
        return tableName + CLAIMS_SUFFIX;
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource of JdbcStateRepository must be set");
        }
        createTable(sql.createState());
        createTable(sql.createClaims());
        schemaReady = true;
    }

    /**
     * Creates a table unless it exists. Replicas starting together can race inside PostgreSQL's IF NOT EXISTS (the
     * loser gets a duplicate error from the catalog): then the table exists, which is checked by running it again.
     */
    private void createTable(String ddl) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = connection(); Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(queryTimeout);
                statement.execute(ddl);
                return;
            } catch (SQLException e) {
                if (attempt < 3 && isDuplicate(e)) {
                    LOG.debug("Another process created the table at the same time ({}); checking again", e.getMessage());
                    continue;
                }
                throw new FrameioSharesStateException("Creating the state tables of " + this + " failed: " + describe(e),
                        toString(), List.of(), e);
            }
        }
    }

    /** unique_violation (on the catalog), duplicate_table, duplicate_object. */
    private static boolean isDuplicate(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "42P07".equals(state) || "42710".equals(state);
    }

    @Override
    protected void doStop() {
        // nothing held: every statement is complete when its method returns
    }

    @Override
    public String getState(String key) {
        requireStarted();
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql.select())) {
            statement.setQueryTimeout(queryTimeout);
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failed("Reading", key, e);
        }
    }

    /** Writes the value (null removes the key) without any claim: for keys no fenced consumer writes. */
    @Override
    public void setState(String key, String value) {
        requireStarted();
        try (Connection connection = connection();
             PreparedStatement statement = connection.prepareStatement(value == null ? sql.delete() : sql.upsert())) {
            statement.setQueryTimeout(queryTimeout);
            statement.setString(1, key);
            if (value != null) {
                statement.setString(2, value);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed("Writing", key, e);
        }
    }

    @Override
    public StateClaim claim(String scope) {
        requireStarted();
        if (scope == null || scope.isEmpty()) {
            throw new IllegalArgumentException("A state scope to claim must not be empty");
        }
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql.claim())) {
            statement.setQueryTimeout(queryTimeout);
            statement.setString(1, scope);
            statement.setString(2, holder());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long epoch = rs.getLong(1);
                LOG.info("Claimed the state '{}' in {}: epoch {}", scope, this, epoch);
                return new Claim(scope, epoch);
            }
        } catch (SQLException e) {
            throw failed("Claiming", scope, e);
        }
    }

    /** The epoch the store holds for the scope, -1 when never claimed. */
    public long currentEpoch(String scope) {
        requireStarted();
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql.currentEpoch())) {
            statement.setQueryTimeout(queryTimeout);
            statement.setString(1, scope);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw failed("Reading the claim of", scope, e);
        }
    }

    private final class Claim implements StateClaim {
        private final String scope;
        private final long epoch;

        Claim(String scope, long epoch) {
            this.scope = scope;
            this.epoch = epoch;
        }

        @Override
        public String scope() {
            return scope;
        }

        @Override
        public long epoch() {
            return epoch;
        }

        @Override
        public String getState(String key) {
            return JdbcStateRepository.this.getState(key);
        }

        @Override
        public void setState(String key, String value) {
            requireStarted();
            if (!key.equals(scope) && !key.startsWith(scope + ".")) {
                throw new IllegalArgumentException("The key '" + key + "' is not in the claimed state '" + scope + "'");
            }
            int rows;
            try (Connection connection = connection();
                 PreparedStatement statement = connection.prepareStatement(value == null ? sql.fencedDelete() : sql.fencedUpsert())) {
                statement.setQueryTimeout(queryTimeout);
                int i = 1;
                statement.setString(i++, key);
                if (value != null) {
                    statement.setString(i++, value);
                    statement.setLong(i++, epoch);
                }
                statement.setString(i++, scope);
                statement.setLong(i, epoch);
                rows = statement.executeUpdate();
            } catch (SQLException e) {
                throw failed("Writing", key, e);
            }
            if (rows == 0) {
                long now = currentEpoch(scope);
                if (now != epoch) {
                    throw new FrameioSharesStateFencedException(JdbcStateRepository.this.toString(), scope, key, epoch,
                            now);
                }
                // a delete of a key that was not there
            }
        }

        @Override
        public Map<String, String> readScope() {
            requireStarted();
            Map<String, String> values = new LinkedHashMap<>();
            try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql.selectScope())) {
                statement.setQueryTimeout(queryTimeout);
                statement.setString(1, scope);
                statement.setString(2, scope.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ".%");
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        values.put(rs.getString(1), rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw failed("Reading", scope + ".*", e);
            }
            return values;
        }

        @Override
        public String toString() {
            return JdbcStateRepository.this.toString();
        }
    }

    private Connection connection() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true); // one statement, one transaction: a pool may hand out manual commit
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private void requireStarted() {
        if (!schemaReady) {
            throw new IllegalStateException(this + " is not started (it creates its tables when it starts)");
        }
    }

    private FrameioSharesStateException failed(String what, String key, SQLException e) {
        return new FrameioSharesStateException(what + " the state key '" + key + "' in " + this + " failed: "
                                               + describe(e), toString(), List.of(key), e);
    }

    /** The driver's message and SQL state (never the DataSource's URL or credentials, which are not asked for). */
    private static String describe(SQLException e) {
        return e.getMessage() + (e.getSQLState() != null ? " (SQL state " + e.getSQLState() + ")" : "");
    }

    private static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    @Override
    public String toString() {
        return "JdbcStateRepository table " + tableName;
    }
}
