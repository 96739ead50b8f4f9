package io.github.camelframeio.camel.component.frameio.shares.consumer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A small map from ids to byte arrays, compact enough for the state of a 100,000-share project: canonical UUIDs are
 * kept as two longs in sorted arrays and the values back to back in one byte array (an "arena"), about 20 bytes per
 * entry besides the value instead of the 150 of a HashMap entry, its String key and a byte[] per value. Other ids
 * (Frame.io might change its id format) go to an ordinary map. Sized for buckets of hundreds of entries: inserts
 * shift the arrays, and replaced values leave garbage in the arena until it is compacted.
 */
final class IdTable {

    private long[] hi = new long[0];
    private long[] lo = new long[0];
    private int[] offsets = new int[0];
    private int size;
    private byte[] arena = new byte[0];
    private int used;
    private int garbage;
    private Map<String, byte[]> other;

    int size() {
        return size + (other == null ? 0 : other.size());
    }

    /** A copy of the value, or null. */
    byte[] get(String id) {
        long[] uuid = parse(id);
        if (uuid == null) {
            return other == null ? null : other.get(id);
        }
        int i = find(uuid[0], uuid[1]);
        return i >= 0 ? read(offsets[i]) : null;
    }

    /** Sets the value; whether the id is new. */
    boolean put(String id, byte[] value) {
        long[] uuid = parse(id);
        if (uuid == null) {
            if (other == null) {
                other = new HashMap<>();
            }
            return other.put(id, value) == null;
        }
        int i = find(uuid[0], uuid[1]);
        if (i >= 0) {
            int old = offsets[i];
            int oldLength = length(old);
            if (oldLength == value.length) {
                System.arraycopy(value, 0, arena, old + prefix(oldLength), value.length); // in place
            } else {
                garbage += prefix(oldLength) + oldLength;
                offsets[i] = append(value);
                compactIfWasteful();
            }
            return false;
        }
        int at = -i - 1;
        if (size == hi.length) {
            int capacity = Math.max(4, size + (size >> 2) + 1);
            hi = Arrays.copyOf(hi, capacity);
            lo = Arrays.copyOf(lo, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
        }
        System.arraycopy(hi, at, hi, at + 1, size - at);
        System.arraycopy(lo, at, lo, at + 1, size - at);
        System.arraycopy(offsets, at, offsets, at + 1, size - at);
        hi[at] = uuid[0];
        lo[at] = uuid[1];
        offsets[at] = append(value);
        size++;
        return true;
    }

    /** Removes the id; whether it was there. */
    boolean remove(String id) {
        long[] uuid = parse(id);
        if (uuid == null) {
            return other != null && other.remove(id) != null;
        }
        int i = find(uuid[0], uuid[1]);
        if (i < 0) {
            return false;
        }
        int length = length(offsets[i]);
        garbage += prefix(length) + length;
        System.arraycopy(hi, i + 1, hi, i, size - i - 1);
        System.arraycopy(lo, i + 1, lo, i, size - i - 1);
        System.arraycopy(offsets, i + 1, offsets, i, size - i - 1);
        size--;
        compactIfWasteful();
        return true;
    }

    void forEach(BiConsumer<String, byte[]> action) {
        for (int i = 0; i < size; i++) {
            action.accept(format(hi[i], lo[i]), read(offsets[i]));
        }
        if (other != null) {
            other.forEach(action);
        }
    }

    /** Drops the arena's garbage and every array's spare room (after a baseline or a load). */
    void trim() {
        compact();
        hi = Arrays.copyOf(hi, size);
        lo = Arrays.copyOf(lo, size);
        offsets = Arrays.copyOf(offsets, size);
        arena = Arrays.copyOf(arena, used);
    }

    private void compactIfWasteful() {
        if (garbage > 1024 && garbage > used / 4) {
            compact();
        }
    }

    private void compact() {
        if (garbage == 0) {
            return;
        }
        byte[] fresh = new byte[used - garbage];
        int at = 0;
        for (int i = 0; i < size; i++) {
            int length = length(offsets[i]);
            int total = prefix(length) + length;
            System.arraycopy(arena, offsets[i], fresh, at, total);
            offsets[i] = at;
            at += total;
        }
        arena = fresh;
        used = at;
        garbage = 0;
    }

    private int append(byte[] value) {
        int needed = prefix(value.length) + value.length;
        if (used + needed > arena.length) {
            // grow by an eighth: buckets hold a few hundred values, and spare room is memory every share pays for
            arena = Arrays.copyOf(arena, Math.max(used + needed, used + (used >> 3) + 128));
        }
        int at = used;
        int length = value.length;
        while ((length & ~0x7f) != 0) {
            arena[used++] = (byte) ((length & 0x7f) | 0x80);
            length >>>= 7;
        }
        arena[used++] = (byte) length;
        System.arraycopy(value, 0, arena, used, value.length);
        used += value.length;
        return at;
    }

    private int length(int offset) {
        int length = 0;
        int shift = 0;
        while (true) {
            int b = arena[offset++] & 0xff;
            length |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return length;
            }
            shift += 7;
        }
    }

    private byte[] read(int offset) {
        int length = length(offset);
        int from = offset + prefix(length);
        return Arrays.copyOfRange(arena, from, from + length);
    }

    private static int prefix(int length) {
        return length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : 4;
    }

    private int find(long h, long l) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Long.compareUnsigned(hi[mid], h);
            if (c == 0) {
                c = Long.compareUnsigned(lo[mid], l);
            }
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** A canonical (lower-case, hyphenated) UUID as two longs, or null for any other id. */
    static long[] parse(String id) {
        long[] uuid = new long[2];
        return parse(id, uuid) ? uuid : null;
    }

    /** Parses a canonical UUID into {@code into} (high, low); false, and {@code into} unspecified, for any other text. */
    static boolean parse(String id, long[] into) {
        if (id == null || id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
            || id.charAt(23) != '-') {
            return false;
        }
        long h = 0;
        long l = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (c == '-') {
                if (i != 8 && i != 13 && i != 18 && i != 23) {
                    return false;
                }
                continue;
            }
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (v < 0) {
                return false;
            }
            if (digits < 16) {
                h = (h << 4) | v;
            } else {
                l = (l << 4) | v;
            }
            digits++;
        }
        into[0] = h;
        into[1] = l;
        return true;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static String format(long h, long l) {
        char[] c = new char[36];
        int p = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                c[p++] = '-';
            }
            long word = i < 16 ? h : l;
            int shift = (15 - (i & 15)) * 4;
            c[p++] = HEX[(int) ((word >>> shift) & 0xf)];
        }
        return new String(c);
    }
}
