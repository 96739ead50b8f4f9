package io.github.camelframeio.camel.component.frameio.shares.consumer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The little binary writer and reader of the consumers' state. */
final class Bytes {

    private Bytes() {
    }

    static final class Out extends ByteArrayOutputStream {
        Out() {
            super(96);
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
            java.util.UUID uuid = ShareCodec.parseUuid(id);
            if (uuid != null) {
                write(0);
                long64(uuid.getMostSignificantBits());
                long64(uuid.getLeastSignificantBits());
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
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            writeBytes(b);
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
            return read() == 0 ? new java.util.UUID(long64(), long64()).toString() : string();
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
