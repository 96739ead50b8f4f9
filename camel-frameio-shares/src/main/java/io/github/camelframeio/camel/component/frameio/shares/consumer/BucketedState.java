package io.github.camelframeio.camel.component.frameio.shares.consumer;

import org.apache.camel.spi.StateRepository;

import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A consumer's per-share state (id to value) kept in a Camel {@link StateRepository}, which can only set and get
 * strings by key: the ids are spread over a fixed number of buckets, one key each, so that a change rewrites one
 * bucket (about 1/1024 of the state) and a restart can read everything back without listing keys.
 * <p>
 * Keys: {@code <prefix>} holds the format and bucket count, and says that a baseline was taken;
 * {@code <prefix>.<n>} holds bucket n as URL-safe Base64 (no '=', no line breaks, as FileStateRepository needs).
 * Not thread-safe: one consumer's poll thread uses it.
 *
 * @param <V> the value kept per id
 */
final class BucketedState<V> {

    /** How one value is written. */
    interface ValueFormat<V> {
        void write(Bytes.Out out, V value);

        V read(Bytes.In in);
    }

    static final int BUCKETS = 1024;
    private static final String FORMAT = "frameio-shares-state/1";

    private final StateRepository<String, String> repository;
    private final String prefix;
    private final ValueFormat<V> format;
    /** The values, encoded: a share takes about 110 bytes in memory, not a graph of objects. */
    private final IdTable[] buckets = new IdTable[BUCKETS];
    private int size;
    private final BitSet dirty = new BitSet(BUCKETS);
    private boolean initialized;
    private boolean metaWritten;

    BucketedState(StateRepository<String, String> repository, String prefix, ValueFormat<V> format) {
        this.repository = repository;
        this.prefix = prefix;
        this.format = format;
    }

    /** Reads the state back; whether there was any (a baseline was taken before). */
    boolean load() {
        Arrays.fill(buckets, null);
        size = 0;
        dirty.clear();
        String meta = repository.getState(prefix);
        initialized = meta != null && !meta.isEmpty();
        metaWritten = initialized;
        if (!initialized) {
            return false;
        }
        if (!meta.equals(FORMAT + ";" + BUCKETS)) {
            throw new IllegalStateException("The state under key '" + prefix + "' is not in a format this version"
                                            + " reads (" + meta + "); use another stateKey or clear it");
        }
        for (int b = 0; b < BUCKETS; b++) {
            String text = repository.getState(prefix + "." + b);
            if (text == null || text.isEmpty()) {
                continue;
            }
            Bytes.In in = new Bytes.In(Base64.getUrlDecoder().decode(text));
            int count = in.varint();
            for (int i = 0; i < count; i++) {
                String id = in.id();
                if (bucketOf(id).put(id, in.block())) {
                    size++;
                }
            }
        }
        trim();
        return true;
    }

    /** Gives back the memory that growing and replacing values left unused (after a load or a baseline). */
    void trim() {
        for (IdTable bucket : buckets) {
            if (bucket != null) {
                bucket.trim();
            }
        }
    }

    /** Whether a baseline has been taken (there is state to compare with). */
    boolean isInitialized() {
        return initialized;
    }

    /** Marks the baseline as taken; written with the next {@link #flush()}. */
    void initialize() {
        initialized = true;
    }

    V get(String id) {
        byte[] raw = raw(id);
        return raw == null ? null : format.read(new Bytes.In(raw));
    }

    /** The encoded value, without decoding it (the caller must not change it). */
    byte[] raw(String id) {
        IdTable bucket = buckets[bucket(id)];
        return bucket == null ? null : bucket.get(id);
    }

    /** A copy of every id. */
    Set<String> ids() {
        Set<String> ids = new HashSet<>(size * 2);
        for (IdTable bucket : buckets) {
            if (bucket != null) {
                bucket.forEach((id, value) -> ids.add(id));
            }
        }
        return ids;
    }

    int size() {
        return size;
    }

    void put(String id, V value) {
        Bytes.Out out = new Bytes.Out();
        format.write(out, value);
        if (bucketOf(id).put(id, out.toByteArray())) {
            size++;
        }
        dirty.set(bucket(id));
    }

    void remove(String id) {
        IdTable bucket = buckets[bucket(id)];
        if (bucket != null && bucket.remove(id)) {
            size--;
            dirty.set(bucket(id));
        }
    }

    private IdTable bucketOf(String id) {
        int b = bucket(id);
        if (buckets[b] == null) {
            buckets[b] = new IdTable();
        }
        return buckets[b];
    }

    /** Writes the changed buckets, then the format key (so that a baseline is only recorded once complete). */
    void flush() {
        if (dirty.isEmpty() && !initialized) {
            return;
        }
        for (int b = dirty.nextSetBit(0); b >= 0; b = dirty.nextSetBit(b + 1)) {
            IdTable bucket = buckets[b];
            if (bucket == null || bucket.size() == 0) {
                repository.setState(prefix + "." + b, "");
                continue;
            }
            Bytes.Out out = new Bytes.Out();
            out.varint(bucket.size());
            bucket.forEach((id, value) -> {
                out.id(id);
                out.block(value);
            });
            repository.setState(prefix + "." + b, Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray()));
        }
        dirty.clear();
        if (initialized && !metaWritten) {
            repository.setState(prefix, FORMAT + ";" + BUCKETS);
            metaWritten = true;
        }
    }

    private static int bucket(String id) {
        return Math.floorMod(id.hashCode(), BUCKETS);
    }
}
