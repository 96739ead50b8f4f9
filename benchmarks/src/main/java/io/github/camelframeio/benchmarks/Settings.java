package io.github.camelframeio.benchmarks;

import java.nio.file.Path;

/**
 * How much to measure. {@link #full} is what docs/benchmarks.md reports; {@link #smoke} runs every benchmark in
 * seconds so that a test keeps them compiling and running.
 *
 * @param repeats        how many times each measurement is repeated (the report gives min, median and max)
 * @param producerMillis how long one side of one producer round runs
 * @param producerRounds interleaved rounds per repeat (Camel, bare, Camel, bare...)
 * @param callers        concurrent callers of the producer benchmark
 * @param projectSizes   project sizes of the change-feed benchmark
 * @param rateExchanges  createShare exchanges per rate-limit run
 * @param rateScale      the simulator's rate-limit window scale in the rate-limit benchmark
 * @param senders        concurrent senders of the rate-limit benchmark
 * @param waiting        exchanges waiting for budget in the waiting-cost benchmark
 * @param startupRuns    JVM start-ups per variant in the footprint benchmark (0: skip the footprint)
 * @param project        the project's root directory (for the jar and its dependencies)
 * @param pushChanges    share changes timed by the push-latency benchmark
 * @param pushPollDelay  the polling route's delay there, ms (the default delay in the full run)
 */
record Settings(int repeats, long producerMillis, int producerRounds, int[] callers, int[] projectSizes,
        int rateExchanges, double rateScale, int[] senders, int waiting, int startupRuns, Path project,
        int pushChanges, long pushPollDelay) {

    static Settings full(Path project) {
        return new Settings(3, 2_000, 3, new int[] {1, 16}, new int[] {1_000, 10_000, 100_000}, 50, 0.03,
                new int[] {1, 4, 16}, 1_000, 5, project, 100, 30_000);
    }

    static Settings smoke(Path project) {
        return new Settings(1, 150, 1, new int[] {1, 4}, new int[] {150}, 12, 0.01, new int[] {1, 4}, 100, 0, project,
                6, 300);
    }
}
