package io.github.camelframeio.camel.component.frameio.shares.consumer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The little binary writer and reader of the consumers' state. */
final class Bytes {

    private Bytes() {
    }

    /** A growable byte buffer (not ByteArrayOutputStream, whose every write is synchronized). */
    static final class Out {
        private byte[] buf = new byte[128];
        private int count;

        void write(int b) {
            if (count == buf.length) {
                buf = Arrays.copyOf(buf, count * 2);
            }
            buf[count++] = (byte) b;
        }

        void writeBytes(byte[] bytes) {
            if (count + bytes.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(count * 2, count + bytes.length));
            }
            System.arraycopy(bytes, 0, buf, count, bytes.length);
            count += bytes.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        void long64(long v) {
            for (int i = 7; i >= 0; i--) {
                write((int) (v >>> (i * 8)));
            }
        }

        void int32(int v) {
            for (int i = 3; i >= 0; i--) {
                write(v >>> (i * 8));
            }
        }

        void varint(int v) {
            varlong(v & 0xffffffffL);
        }

        void varlong(long v) {
            while ((v & ~0x7fL) != 0) {
                write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        /** An id: 17 bytes for a canonical UUID, otherwise its text. */
        void id(String id) {
            long[] uuid = IdTable.parse(id);
            if (uuid != null) {
                write(0);
                long64(uuid[0]);
                long64(uuid[1]);
            } else {
                write(1);
                string(id);
            }
        }

        void block(byte[] bytes) {
            varint(bytes.length);
            writeBytes(bytes);
        }

        void string(String s) {
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            if (!ascii) {
                block(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            varint(n);
            if (count + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(count * 2, count + n));
            }
            for (int i = 0; i < n; i++) {
                buf[count++] = (byte) s.charAt(i);
            }
        }
    }

    /**
     * A reader that trusts nothing it reads: every length is checked against the bytes that remain before anything
     * is allocated, so that a corrupt length prefix fails with {@link Corrupt} instead of allocating gigabytes or
     * reading past the end.
     */
    static final class In {
        private final byte[] b;
        private int pos;
        private final int end;

        In(byte[] b) {
            this(b, 0, b.length);
        }

        In(byte[] b, int from, int to) {
            this.b = b;
            this.pos = from;
            this.end = to;
        }

        int read() {
            if (pos >= end) {
                throw new Corrupt("ends early, at byte " + pos);
            }
            return b[pos++] & 0xff;
        }

        long long64() {
            require(8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (b[pos++] & 0xff);
            }
            return v;
        }

        int int32() {
            require(4);
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = (v << 8) | (b[pos++] & 0xff);
            }
            return v;
        }

        /** A non-negative int (counts and lengths). */
        int varint() {
            long v = varlong();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new Corrupt("a count or length of " + v + " at byte " + pos);
            }
            return (int) v;
        }

        long varlong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int x = read();
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw new Corrupt("a number longer than 10 bytes at byte " + pos);
        }

        /** A count of items that each take at least {@code minBytes}: no more than the remaining bytes can hold. */
        int count(int minBytes) {
            int n = varint();
            if ((long) n * minBytes > remaining()) {
                throw new Corrupt("a count of " + n + " with only " + remaining() + " bytes left");
            }
            return n;
        }

        byte[] bytes(int n) {
            require(n);
            byte[] copy = Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return copy;
        }

        String id() {
            int kind = read();
            if (kind == 0) {
                return IdTable.format(long64(), long64());
            }
            if (kind != 1) {
                throw new Corrupt("an id of kind " + kind + " at byte " + (pos - 1));
            }
            return string();
        }

        byte[] block() {
            return bytes(varint());
        }

        /** The bytes from {@code from} to the current position. */
        byte[] slice(int from) {
            return Arrays.copyOfRange(b, from, pos);
        }

        boolean atEnd() {
            return pos >= end;
        }

        int position() {
            return pos;
        }

        int remaining() {
            return end - pos;
        }

        String string() {
            int n = varint();
            require(n);
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        private void require(int n) {
            if (n < 0 || n > end - pos) {
                throw new Corrupt("a length of " + n + " at byte " + pos + " with only " + (end - pos) + " bytes left");
            }
        }
    }

    /** Bytes that cannot be what this format writes (the reader says where). */
    static final class Corrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message, null, false, false);
        }
    }
}
