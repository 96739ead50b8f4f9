package io.github.camelframeio.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One benchmark: a section of docs/benchmarks.md, and the figures the targets and the smoke test read. */
abstract class Benchmark {

    protected final Settings settings;
    protected final Map<String, Object> figures = new LinkedHashMap<>();

    Benchmark(Settings settings) {
        this.settings = settings;
    }

    Map<String, Object> figures() {
        return figures;
    }

    /** Runs the benchmark, writes its plots to {@code out}, returns its Markdown section. */
    abstract String run(Path out) throws Exception;
}
