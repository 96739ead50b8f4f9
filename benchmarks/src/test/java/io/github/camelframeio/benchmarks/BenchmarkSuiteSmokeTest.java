package io.github.camelframeio.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the benchmarks compiling and running: every benchmark with tiny sizes, into target/ (the published figures
 * come only from the documented command). Checks what must hold at any size, not speed.
 */
class BenchmarkSuiteSmokeTest {

    @Test
    void everyBenchmarkRunsAndReports() throws Exception {
        Path out = Path.of("target", "benchmarks-smoke");
        BenchmarkSuite.Outcome outcome = BenchmarkSuite.run(Settings.smoke(Path.of("..")), out);
        String md = Files.readString(out.resolve("benchmarks.md"));
        for (String section : new String[] {"## 0. Checking requests against the contract", "## 1. Producer overhead", "## 2. Change feed scale",
            "## 3. Rate-limit efficiency", "## 4. Waiting cost", "## Targets"}) {
            assertTrue(md.contains(section), section);
        }
        for (String png : new String[] {"benchmarks-producer.png", "benchmarks-change-feed.png", "benchmarks-rate-limits.png"}) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        Map<String, Object> feed = outcome.figures().get("changeFeed");
        assertEquals(feed.get("expectedListCalls.150"), feed.get("listCalls.150"), "a poll costs ceil(n / 100) list calls");
        assertEquals(2L, feed.get("editedEvents.150"), "1% of 150 shares edited, each emitted once");
        Map<String, Object> rate = outcome.figures().get("rateLimits");
        assertEquals(0, rate.get("failed.1"));
        assertEquals(0, rate.get("failed.4"));
        assertTrue((Double) outcome.figures().get("producer").get("p50Ratio.1") > 0);
        assertTrue((Double) outcome.figures().get("producer").get("sdkP50Ratio.1") > 0, "the SDK column");
        assertTrue((Double) outcome.figures().get("waiting").get("extraThreads") <= 32);
        assertTrue((Double) outcome.figures().get("contract").get("micros.getShare request (path)") > 0);
        assertTrue(md.contains("## 6. State store cost"));
        Map<String, Object> state = outcome.figures().get("stateStore");
        assertTrue((Double) state.get("jdbcMillisPerEvent") > 0, "the PostgreSQL row");
        assertTrue((Long) state.get("largeJdbcStateBytes") > 0, "the large poll wrote its state to PostgreSQL");
        assertTrue((Double) state.get("largeJdbcRestartMillis") > 0);
        if (Files.isReadable(Path.of("/proc/thread-self/io"))) { // where the bytes written can be counted
            assertTrue((Long) outcome.figures().get("stateStore").get("directoryBytesPerEvent") > 0, "an event writes");
        }
    }
}
