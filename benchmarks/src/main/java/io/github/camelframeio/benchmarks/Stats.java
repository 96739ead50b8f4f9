package io.github.camelframeio.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Small statistics over repeated measurements and latency samples. */
final class Stats {

    private Stats() {
    }

    /** Min, median and max of repeated measurements. */
    record Spread(double min, double median, double max) {

        static Spread of(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN);
            }
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            return new Spread(v[0], median, v[v.length - 1]);
        }

        /** "median (min–max)" with the given number of decimals. */
        String format(int decimals) {
            String f = "%." + decimals + "f";
            return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median, min, max);
        }
    }

    /** A latency sample, in nanoseconds, that grows as it is filled (one per thread; merged after). */
    static final class Samples {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        void addAll(Samples other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int size() {
            return size;
        }

        /** The p-th percentile (0..100) in microseconds. */
        double percentileMicros(double p) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1000.0;
        }
    }

    static String f(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
