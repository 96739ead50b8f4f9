package io.github.camelframeio.camel.component.frameio.shares.state;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateException;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateFencedException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC state store on a real PostgreSQL (embedded, started from Maven artifacts once for the class). */
class JdbcStateRepositoryTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static final AtomicInteger TABLES = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    /** A started repository on a table of its own. */
    private static JdbcStateRepository repository() {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.setTableName("state_" + TABLES.incrementAndGet());
        repository.start();
        return repository;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anUpsertKeepsOneRowPerKey() throws Exception {
        JdbcStateRepository repository = repository();
        assertNull(repository.getState("feed.1"));
        repository.setState("feed.1", "first");
        repository.setState("feed.1", "second");
        repository.setState("feed.2", "other");
        assertEquals("second", repository.getState("feed.1"));
        assertEquals(1, count("SELECT count(*) FROM " + repository.getTableName() + " WHERE state_key = 'feed.1'"));
        assertEquals(2, count("SELECT count(*) FROM " + repository.getTableName()));
        repository.setState("feed.1", null);
        assertNull(repository.getState("feed.1"));
        assertEquals(1, count("SELECT count(*) FROM " + repository.getTableName()));
    }

    @Test
    void aBucketSizedValueReadsBackExactly() {
        JdbcStateRepository repository = repository();
        StringBuilder value = new StringBuilder();
        for (int i = 0; value.length() < 3_000_000; i++) {
            value.append("share-").append(i).append(" é€😀;");
        }
        repository.setState("big.7", value.toString());
        assertEquals(value.toString(), repository.getState("big.7"));
    }

    @Test
    void replicasStartingTogetherCreateTheTablesOnce() throws Exception {
        int replicas = 8;
        for (int round = 0; round < 3; round++) {
            String table = "together_" + round;
            CyclicBarrier barrier = new CyclicBarrier(replicas);
            ExecutorService pool = Executors.newFixedThreadPool(replicas);
            try {
                List<Future<JdbcStateRepository>> started = new ArrayList<>();
                for (int i = 0; i < replicas; i++) {
                    started.add(pool.submit(() -> {
                        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
                        repository.setTableName(table);
                        barrier.await(10, TimeUnit.SECONDS);
                        repository.start();
                        return repository;
                    }));
                }
                for (int i = 0; i < replicas; i++) {
                    started.get(i).get(30, TimeUnit.SECONDS).setState("replica." + i, "up");
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(replicas, count("SELECT count(*) FROM " + table));
            assertEquals(2, count("SELECT count(*) FROM pg_tables WHERE tablename IN ('" + table + "', '" + table
                                  + "_claims')"));
        }
    }

    @Test
    void aTableNameThatIsNoIdentifierIsRefusedNamingTheOption() {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        for (String bad : new String[] { "state; DROP TABLE x", "1state", "", "a.b.c", "state-x", "\"quoted\"",
                "x".repeat(57) }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repository.setTableName(bad));
            assertTrue(e.getMessage().contains("tableName"), e.getMessage());
        }
        repository.setTableName("public.app_state");
        repository.start();
        repository.setState("k", "v");
        assertEquals("v", repository.getState("k"));
    }

    @Test
    void aDatabaseThatIsGoneFailsWithTheStateErrorAndNoCredentials() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        PGSimpleDataSource switchable = new PGSimpleDataSource();
        switchable.setServerNames(new String[] { "localhost" });
        switchable.setPortNumbers(new int[] { postgres.getPort() });
        switchable.setUser("postgres");
        switchable.setPassword("pw-never-shown");
        switchable.setConnectTimeout(2);
        JdbcStateRepository repository = new JdbcStateRepository(switchable);
        repository.setTableName("gone_" + TABLES.incrementAndGet());
        repository.start();
        repository.setState("feed", "before");

        switchable.setPortNumbers(new int[] { deadPort }); // the database stops answering
        FrameioSharesStateException write = assertThrows(FrameioSharesStateException.class,
                () -> repository.setState("feed", "after"));
        FrameioSharesStateException read = assertThrows(FrameioSharesStateException.class,
                () -> repository.getState("feed"));
        for (FrameioSharesStateException e : List.of(write, read)) {
            assertTrue(e.getMessage().contains("'feed'") && e.getMessage().contains(repository.toString()), e.getMessage());
            assertEquals(List.of("feed"), e.getKeys());
            assertFalse(e.getMessage().contains("pw-never-shown"), e.getMessage());
        }
        JdbcStateRepository late = new JdbcStateRepository(switchable);
        FrameioSharesStateException start = assertThrows(FrameioSharesStateException.class, late::start);
        assertTrue(start.getMessage().contains("Creating the state tables"), start.getMessage());
        assertFalse(start.getMessage().contains("pw-never-shown"), start.getMessage());
    }

    @Test
    void aStaleClaimCannotOverwriteWhatTheNewerClaimWrote() throws Exception {
        JdbcStateRepository replicaA = repository();
        JdbcStateRepository replicaB = new JdbcStateRepository(dataSource);
        replicaB.setTableName(replicaA.getTableName());
        replicaB.start();

        StateClaim a = replicaA.claim("feed");
        a.setState("feed", "meta by A");
        a.setState("feed.3", "bucket by A");
        StateClaim b = replicaB.claim("feed");
        assertEquals(a.epoch() + 1, b.epoch());
        assertEquals("bucket by A", b.getState("feed.3"), "the new leader reads what the old one wrote");
        b.setState("feed.3", "bucket by B");

        FrameioSharesStateFencedException refused = assertThrows(FrameioSharesStateFencedException.class,
                () -> a.setState("feed.3", "late bucket by A"));
        assertEquals(a.epoch(), refused.getEpoch());
        assertEquals(b.epoch(), refused.getCurrentEpoch());
        assertEquals(List.of("feed.3"), refused.getKeys());
        assertTrue(refused.getMessage().contains("'feed.3'") && refused.getMessage().contains(replicaA.toString())
                   && refused.getMessage().contains("epoch " + a.epoch())
                   && refused.getMessage().contains("epoch " + b.epoch()), refused.getMessage());
        assertThrows(FrameioSharesStateFencedException.class, () -> a.setState("feed.4", "new key by A"));
        assertThrows(FrameioSharesStateFencedException.class, () -> a.setState("feed", null), "nor delete");

        assertEquals("bucket by B", replicaA.getState("feed.3"));
        assertNull(replicaA.getState("feed.4"));
        assertEquals("meta by A", replicaA.getState("feed"));
        assertEquals(b.epoch(), count("SELECT epoch FROM " + replicaA.getTableName() + " WHERE state_key = 'feed.3'"),
                "the row says which claim wrote it");
        assertThrows(IllegalArgumentException.class, () -> b.setState("other.1", "x"), "only keys of the scope");
    }

    @Test
    void noWriteOfTheOldClaimLandsOnceTheNewClaimReturned() throws Exception {
        JdbcStateRepository replicaA = repository();
        StateClaim a = replicaA.claim("race");
        AtomicBoolean claimed = new AtomicBoolean();
        AtomicInteger landedAfterClaim = new AtomicInteger();
        AtomicInteger landed = new AtomicInteger();
        AtomicReference<Throwable> stop = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; ; i++) {
                    a.setState("race." + (i % 4), "A " + i);
                    landed.incrementAndGet();
                    if (claimed.get()) {
                        landedAfterClaim.incrementAndGet();
                    }
                }
            } catch (Throwable t) {
                stop.set(t);
            }
        });
        writer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (landed.get() < 20 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the old leader is writing steadily
        }
        StateClaim b = replicaA.claim("race");
        claimed.set(true);
        writer.join(10_000);
        assertTrue(stop.get() instanceof FrameioSharesStateFencedException, String.valueOf(stop.get()));
        assertEquals(0, landedAfterClaim.get(), "a write of the old claim landed after the new claim");
        for (int i = 0; i < 4; i++) {
            b.setState("race." + i, "B");
        }
        Map<String, String> scope = b.readScope();
        assertEquals(Map.of("race.0", "B", "race.1", "B", "race.2", "B", "race.3", "B"), scope);
    }

    @Test
    void aWriteThatMeetsAClaimInProgressWaitsForItAndIsThenRefused() throws Exception {
        JdbcStateRepository replicaA = repository();
        StateClaim a = replicaA.claim("pause");
        a.setState("pause.1", "A before");
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Connection claiming = dataSource.getConnection()) {
            claiming.setAutoCommit(false);
            try (Statement s = claiming.createStatement()) {
                // what claim() does, held open: the new leader's claim is under way
                s.executeUpdate("UPDATE " + replicaA.getClaimsTableName() + " SET epoch = epoch + 1 WHERE scope = 'pause'");
            }
            Future<?> write = writer.submit(() -> a.setState("pause.1", "A during the claim"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "
                         + replicaA.getTableName() + " %'") == 0) {
                assertFalse(write.isDone(), "the write did not wait for the claim in progress");
                assertTrue(System.nanoTime() < deadline, "the write never waited for the claim's lock");
                Thread.onSpinWait();
            }
            claiming.commit();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> write.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof FrameioSharesStateFencedException, String.valueOf(e.getCause()));
        } finally {
            writer.shutdownNow();
        }
        assertEquals("A before", replicaA.getState("pause.1"));
    }

    @Test
    void aScopeReadsBackItsOwnKeysOnly() {
        JdbcStateRepository repository = repository();
        repository.setState("a_b", "meta");
        repository.setState("a_b.1", "one");
        repository.setState("a_b.1023", "last");
        repository.setState("axb.1", "a look-alike: _ is no wildcard here");
        repository.setState("a_b1", "another stateKey");
        repository.setState("a_bc.1", "another stateKey");
        assertEquals(Map.of("a_b", "meta", "a_b.1", "one", "a_b.1023", "last"), repository.claim("a_b").readScope());
        repository.setState("100%.1", "percent");
        repository.setState("100x.1", "no");
        assertEquals(Map.of("100%.1", "percent"), repository.claim("100%").readScope());
    }

    @Test
    void aRepositoryNotStartedSaysSo() {
        JdbcStateRepository repository = new JdbcStateRepository();
        IllegalArgumentException noSource = assertThrows(IllegalArgumentException.class, repository::start);
        assertTrue(noSource.getMessage().contains("dataSource"), noSource.getMessage());
        JdbcStateRepository unstarted = new JdbcStateRepository(dataSource);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> unstarted.getState("k"));
        assertTrue(e.getMessage().contains("not started"), e.getMessage());
    }
}
