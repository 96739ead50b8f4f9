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

    static final class In {
        private final byte[] b;
        private int pos;

        In(byte[] b) {
            this.b = b;
        }

        int read() {
            return b[pos++] & 0xff;
        }

        long long64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (b[pos++] & 0xff);
            }
            return v;
        }

        int varint() {
            return (int) varlong();
        }

        long varlong() {
            long v = 0;
            int shift = 0;
            while (true) {
                int x = read();
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
                shift += 7;
            }
        }

        byte[] bytes(int n) {
            byte[] copy = java.util.Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return copy;
        }

        String id() {
            return read() == 0 ? IdTable.format(long64(), long64()) : string();
        }

        byte[] block() {
            return bytes(varint());
        }

        boolean atEnd() {
            return pos >= b.length;
        }

        String string() {
            int n = varint();
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
    }
}
