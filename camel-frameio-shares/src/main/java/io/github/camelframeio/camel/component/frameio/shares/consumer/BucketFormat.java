package io.github.camelframeio.camel.component.frameio.shares.consumer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.BitSet;
import java.util.function.BiConsumer;
import java.util.zip.CRC32C;

/**
 * How the state's keys are written and checked, so that a lost, cut, changed or misplaced value is found when it is
 * read back rather than taken for "no shares there".
 * <p>
 * A bucket ({@code <prefix>.<n>}): URL-safe Base64 of version (2), bucket number, a CRC32C of the prefix (a value
 * copied from another consumer's keys fails), entry count, the entries (id, value), and a CRC32C of all of it. The
 * format key ({@code <prefix>}): {@code frameio-shares-state/2;1024;<status>;<buckets>;<crc>}, where status is
 * {@code baseline} while a first baseline is being written and {@code ready} after, and buckets is the set of bucket
 * keys ever written (Base64 of a bit set): a bucket key is never deleted, only written empty, so one missing from the
 * store was lost. Version 1 (no checksums, no bucket set) is still read, and rewritten as version 2.
 */
final class BucketFormat {

    static final int BUCKETS = 1024;
    static final String FORMAT_V1 = "frameio-shares-state/1";
    static final String FORMAT = "frameio-shares-state/2";
    static final String READY = "ready";
    static final String BASELINE = "baseline";
    private static final int VERSION = 2;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String prefix;
    private final int prefixHash;

    BucketFormat(String prefix) {
        this.prefix = prefix;
        this.prefixHash = crc(prefix.getBytes(StandardCharsets.UTF_8));
    }

    /** What the format key says. */
    record Meta(String status, BitSet written) {
    }

    String bucketKey(int bucket) {
        return prefix + "." + bucket;
    }

    String meta(String status, BitSet written) {
        String body = FORMAT + ";" + BUCKETS + ";" + status + ";" + ENCODER.encodeToString(written.toByteArray());
        return body + ";" + hex(crc((prefix + "\n" + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** The format key read back; throws {@link Bytes.Corrupt} saying what is wrong with it. */
    Meta readMeta(String text) {
        int last = text.lastIndexOf(';');
        String[] parts = text.split(";", -1);
        if (parts.length != 5 || !parts[0].equals(FORMAT)) {
            throw new Bytes.Corrupt("is not a version 2 format key");
        }
        String body = text.substring(0, last);
        if (!parts[4].equals(hex(crc((prefix + "\n" + body).getBytes(StandardCharsets.UTF_8))))) {
            throw new Bytes.Corrupt("fails its checksum (changed, cut, or copied from another stateKey)");
        }
        if (!parts[1].equals(String.valueOf(BUCKETS)) || !(parts[2].equals(READY) || parts[2].equals(BASELINE))) {
            throw new Bytes.Corrupt("names " + parts[1] + " buckets, status " + parts[2]);
        }
        try {
            return new Meta(parts[2], BitSet.valueOf(Base64.getUrlDecoder().decode(parts[3])));
        } catch (IllegalArgumentException e) {
            throw new Bytes.Corrupt("has a bucket set that is not Base64");
        }
    }

    /** A bucket's value: its entries (id, encoded value), each once, in the given order. */
    String bucket(int bucket, IdTable entries) {
        Bytes.Out out = new Bytes.Out();
        out.write(VERSION);
        out.varint(bucket);
        out.int32(prefixHash);
        out.varint(entries == null ? 0 : entries.size());
        if (entries != null) {
            entries.forEach((id, value) -> {
                out.id(id);
                out.block(value);
            });
        }
        byte[] body = out.toByteArray();
        out.int32(crc(body, 0, body.length));
        return ENCODER.encodeToString(out.toByteArray());
    }

    /**
     * Reads a bucket's entries; throws {@link Bytes.Corrupt} saying what is wrong, before handing over any entry.
     * With {@code legacy}, a value that is not version 2 is read as version 1 (no checksum to check).
     */
    void readBucket(int bucket, String text, boolean legacy, BiConsumer<String, byte[]> entries) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Bytes.Corrupt("is not URL-safe Base64 (" + text.length() + " characters)");
        }
        boolean v2 = raw.length >= 8 && raw[0] == VERSION
                     && crc(raw, 0, raw.length - 4) == new Bytes.In(raw, raw.length - 4, raw.length).int32();
        if (!v2 && legacy) {
            readEntries(new Bytes.In(raw), entries);
            return;
        }
        if (raw.length < 8) {
            throw new Bytes.Corrupt("is cut short (" + raw.length + " bytes)");
        }
        if (!v2) {
            throw new Bytes.Corrupt("fails its checksum (" + raw.length + " bytes: changed or cut)");
        }
        Bytes.In in = new Bytes.In(raw, 1, raw.length - 4);
        int number = in.varint();
        if (number != bucket) {
            throw new Bytes.Corrupt("holds bucket " + number + " (a value moved from another key)");
        }
        if (in.int32() != prefixHash) {
            throw new Bytes.Corrupt("belongs to another stateKey (a value copied from another consumer)");
        }
        readEntries(in, entries);
    }

    private static void readEntries(Bytes.In in, BiConsumer<String, byte[]> entries) {
        int count = in.count(2);
        String[] ids = new String[count];
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            ids[i] = in.id();
            values[i] = in.block();
        }
        if (!in.atEnd()) {
            throw new Bytes.Corrupt(in.remaining() + " bytes after the last of " + count + " entries");
        }
        for (int i = 0; i < count; i++) {
            entries.accept(ids[i], values[i]);
        }
    }

    static int crc(byte[] bytes) {
        return crc(bytes, 0, bytes.length);
    }

    static int crc(byte[] bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        return (int) crc.getValue();
    }

    private static String hex(int v) {
        return String.format("%08x", v);
    }
}
