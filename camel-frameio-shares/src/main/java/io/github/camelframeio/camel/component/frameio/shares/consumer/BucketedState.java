package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateException;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateFencedException;
import io.github.camelframeio.camel.component.frameio.shares.state.StateClaim;

import org.apache.camel.spi.StateRepository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A consumer's per-share state (id to value) kept in a Camel {@link StateRepository}, which can only set and get
 * strings by key: the ids are spread over a fixed number of buckets, one key each, so that a change rewrites one
 * bucket (about 1/1024 of the state) and a restart can read everything back without listing keys.
 * <p>
 * Every key is checked when read ({@link BucketFormat}). A bucket that is missing or corrupt is <em>lost</em>: its
 * shares are held back (no event is made up for them, nothing is written over the bucket) until it reads back
 * whole or is re-baselined ({@link #recover()}); a lost format key while buckets exist loses every bucket not read
 * back whole. A write that fails leaves what it should have written pending: {@link #flush()} throws, and the next
 * flush writes it again. Not thread-safe: one consumer's poll thread uses it.
 *
 * @param <V> the value kept per id
 */
final class BucketedState<V> {

    /** How one value is written. */
    interface ValueFormat<V> {
        void write(Bytes.Out out, V value);

        V read(Bytes.In in);
    }

    static final int BUCKETS = BucketFormat.BUCKETS;

    private final StateRepository<String, String> repository;
    private final boolean persistent;
    private final String prefix;
    private final ValueFormat<V> format;
    private final BucketFormat keys;
    /** The values, encoded: a share takes about 110 bytes in memory, not a graph of objects. */
    private final IdTable[] buckets = new IdTable[BUCKETS];
    private int size;
    private final BitSet dirty = new BitSet(BUCKETS);
    /** Buckets the store holds (or the format key says it holds): never deleted, written empty instead. */
    private final BitSet written = new BitSet(BUCKETS);
    /** Buckets missing or corrupt, and why. */
    private final Map<Integer, String> lost = new TreeMap<>();
    private String metaProblem;
    private boolean initialized;
    private boolean metaDirty;
    /** The format key must say "baseline" before the first baseline's buckets are written. */
    private boolean baselineMarker;
    private boolean legacy;
    private FrameioSharesStateFencedException fenced;

    BucketedState(StateRepository<String, String> repository, String prefix, ValueFormat<V> format) {
        this(repository, true, prefix, format);
    }

    BucketedState(StateRepository<String, String> repository, boolean persistent, String prefix, ValueFormat<V> format) {
        this.repository = repository;
        this.persistent = persistent;
        this.prefix = prefix;
        this.format = format;
        this.keys = new BucketFormat(prefix);
    }

    /** Reads the state back; whether there was any (a baseline was taken before). Losses are noted, not thrown. */
    boolean load() {
        Arrays.fill(buckets, null);
        size = 0;
        dirty.clear();
        written.clear();
        lost.clear();
        metaProblem = null;
        legacy = false;
        // a claimed scope reads back in one query, not one per key
        Map<String, String> all = repository instanceof StateClaim claim ? claim.readScope() : null;
        String meta = all != null ? all.get(prefix) : repository.getState(prefix);
        String[] texts = new String[BUCKETS];
        int present = 0;
        for (int b = 0; b < BUCKETS; b++) {
            texts[b] = all != null ? all.get(keys.bucketKey(b)) : repository.getState(keys.bucketKey(b));
            if (texts[b] != null && !texts[b].isEmpty()) {
                present++;
            }
        }
        BitSet expected = new BitSet(BUCKETS);
        if (meta == null || meta.isEmpty()) {
            if (present == 0) {
                initialized = false;
                return false;
            }
            metaProblem = "is missing while " + present + " bucket keys exist";
        } else if (meta.equals(BucketFormat.FORMAT_V1 + ";" + BUCKETS)) {
            legacy = true; // no bucket set to check against: read what there is, and rewrite it as version 2
        } else if (!meta.matches("frameio-shares-state/[0-9]+;[0-9]+(;.*)?") || meta.startsWith(BucketFormat.FORMAT_V1 + ";")
                   || meta.startsWith(BucketFormat.FORMAT + ";")) {
            try {
                BucketFormat.Meta m = keys.readMeta(meta);
                if (m.status().equals(BucketFormat.BASELINE)) {
                    return restartBaseline(texts); // a first baseline was cut short: nothing was emitted from it
                }
                expected = m.written();
            } catch (Bytes.Corrupt e) {
                metaProblem = e.getMessage();
            }
        } else {
            throw StateErrors.unknownFormat(store(), prefix, meta);
        }
        for (int b = 0; b < BUCKETS; b++) {
            String text = texts[b];
            if (text == null || text.isEmpty()) {
                if (expected.get(b) || metaProblem != null) {
                    lose(b, metaProblem != null ? "cannot be checked: the format key " + metaProblem
                            : "is missing although the format key records it");
                }
                continue;
            }
            written.set(b);
            if (!readBucket(b, text)) {
                continue;
            }
            if (legacy) {
                dirty.set(b);
            } else if (!expected.get(b) && metaProblem == null) {
                metaDirty = true; // written just before a crash, before the format key recorded it
            }
        }
        metaDirty |= legacy;
        initialized = true;
        trim();
        return true;
    }

    /** The store's buckets are what an interrupted baseline left: start over, writing each of them again. */
    private boolean restartBaseline(String[] texts) {
        for (int b = 0; b < BUCKETS; b++) {
            if (texts[b] != null && !texts[b].isEmpty()) {
                written.set(b);
                dirty.set(b);
            }
        }
        initialized = false;
        return false;
    }

    private boolean readBucket(int b, String text) {
        IdTable table = new IdTable();
        try {
            keys.readBucket(b, text, legacy, (id, value) -> {
                if (bucket(id) != b) {
                    throw new Bytes.Corrupt("holds share " + id + ", which belongs in bucket " + bucket(id));
                }
                format.read(new Bytes.In(value)); // a value this version cannot read is corrupt too
                if (!table.put(id, value)) {
                    throw new Bytes.Corrupt("holds share " + id + " twice");
                }
            });
        } catch (Bytes.Corrupt | IllegalStateException e) {
            lose(b, e.getMessage());
            return false;
        }
        buckets[b] = table;
        size += table.size();
        return true;
    }

    private void lose(int b, String why) {
        lost.put(b, why);
        buckets[b] = null;
    }

    /**
     * Reads the lost buckets again (someone may have restored them); the number that now read back whole. With a
     * lost format key nothing can be checked, so nothing is retried.
     */
    int retryLost() {
        if (!persistent || (lost.isEmpty() && metaProblem == null)) {
            return 0;
        }
        if (metaProblem != null) {
            // the format key may be back: then everything is read again (nothing is pending, see hasPendingWrites)
            String meta = repository.getState(prefix);
            try {
                if (meta == null || meta.isEmpty() || !keys.readMeta(meta).status().equals(BucketFormat.READY)) {
                    return 0;
                }
            } catch (Bytes.Corrupt e) {
                return 0;
            }
            int before = lost.size();
            load();
            return before - lost.size();
        }
        int back = 0;
        for (Integer b : new ArrayList<>(lost.keySet())) {
            String text = repository.getState(keys.bucketKey(b));
            if (text != null && !text.isEmpty()) {
                lost.remove(b);
                if (readBucket(b, text)) {
                    written.set(b);
                    back++;
                }
            }
        }
        return back;
    }

    /** Whether the share's state was lost (it is held back). */
    boolean isLost(String id) {
        return lost.containsKey(bucket(id));
    }

    boolean hasLosses() {
        return !lost.isEmpty() || metaProblem != null;
    }

    /** The lost keys, each with what is wrong with it, the format key first. */
    Map<String, String> losses() {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        if (metaProblem != null) {
            all.put(prefix, metaProblem);
        }
        lost.forEach((b, why) -> all.put(keys.bucketKey(b), why));
        return all;
    }

    /** An error naming the store and the lost keys, and saying what follows from the loss. */
    FrameioSharesStateException lossError(String consequence) {
        return StateErrors.lost(store(), prefix, losses(), consequence);
    }

    /**
     * Gives up the lost buckets: they count as empty and are written again with what is put in them now (the
     * caller records the shares as they are, without emitting). Returns the keys given up.
     */
    List<String> recover() {
        List<String> given = new ArrayList<>(losses().keySet());
        for (Integer b : lost.keySet()) {
            buckets[b] = null;
            dirty.set(b);
        }
        lost.clear();
        if (metaProblem != null) {
            metaProblem = null;
            metaDirty = true;
        }
        return given;
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

    /** Whether the state was written by an older version (it is rewritten by the next flush). */
    boolean isLegacy() {
        return legacy;
    }

    /** Marks the baseline as taken; written with the next {@link #flush()}. */
    void initialize() {
        initialized = true;
        baselineMarker = true;
        metaDirty = true;
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
        requireKept(id);
        Bytes.Out out = new Bytes.Out();
        format.write(out, value);
        if (bucketOf(id).put(id, out.toByteArray())) {
            size++;
        }
        dirty.set(bucket(id));
    }

    void remove(String id) {
        requireKept(id);
        IdTable bucket = buckets[bucket(id)];
        if (bucket != null && bucket.remove(id)) {
            size--;
            dirty.set(bucket(id));
        }
    }

    private void requireKept(String id) {
        if (isLost(id)) {
            throw new IllegalStateException("share " + id + " is held back: its state key " + keys.bucketKey(bucket(id))
                                            + " was lost");
        }
    }

    private IdTable bucketOf(String id) {
        int b = bucket(id);
        if (buckets[b] == null) {
            buckets[b] = new IdTable();
        }
        return buckets[b];
    }

    /** Whether writes are pending (a write failed, or changes were not flushed yet). */
    boolean hasPendingWrites() {
        return persistent && (!dirty.isEmpty() || (metaDirty && initialized && metaProblem == null));
    }

    /**
     * Writes the changed buckets, then the format key: a bucket first written is recorded in the format key only
     * after it exists, and a first baseline is marked as begun before its buckets and as done after them, so that a
     * crash between two writes never reads back as a loss. Throws if a write fails; what was not written stays
     * pending for the next flush.
     */
    void flush() {
        if (!persistent) {
            dirty.clear();
            metaDirty = false;
            return;
        }
        if (baselineMarker && initialized && metaProblem == null && !dirty.isEmpty()) {
            write(prefix, keys.meta(BucketFormat.BASELINE, new BitSet()));
        }
        baselineMarker = false;
        for (int b = dirty.nextSetBit(0); b >= 0; b = dirty.nextSetBit(b + 1)) {
            if (lost.containsKey(b)) {
                dirty.clear(b); // never written over: the evidence stays until it is restored or given up
                continue;
            }
            write(keys.bucketKey(b), keys.bucket(b, buckets[b]));
            dirty.clear(b);
            if (!written.get(b)) {
                written.set(b);
                metaDirty = true;
            }
        }
        if (metaDirty && initialized && metaProblem == null) {
            write(prefix, keys.meta(BucketFormat.READY, written));
            metaDirty = false;
            legacy = false;
        }
    }

    private void write(String key, String value) {
        if (fenced != null) {
            throw fenced;
        }
        try {
            repository.setState(key, value);
        } catch (FrameioSharesStateFencedException e) {
            fenced = e; // for good: another consumer claimed the state, only a new claim (a restart) writes again
            throw e;
        } catch (RuntimeException e) {
            throw StateErrors.writeFailed(store(), key, e);
        }
    }

    /** The refusal of a write because another consumer claimed the state since, or null. */
    FrameioSharesStateFencedException fenced() {
        return fenced;
    }

    /** The store, as an operator would look for it. */
    String store() {
        return StateErrors.describe(repository);
    }

    static int bucket(String id) {
        return Math.floorMod(id.hashCode(), BUCKETS);
    }

    String prefix() {
        return prefix;
    }
}
