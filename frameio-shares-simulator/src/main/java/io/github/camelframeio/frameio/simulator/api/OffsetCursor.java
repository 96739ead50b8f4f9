package io.github.camelframeio.frameio.simulator.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code after} cursor, in the format Frame.io's documented cursors decode to: Base64 of an Erlang
 * external-term map {@code %{offset: N, type: :offset_cursor}} (the guide's example
 * {@code g3QAAAACZAAGb2Zmc2V0YQVkAAR0eXBlZAANb2Zmc2V0X2N1cnNvcg==} is {@code %{offset: 5, type: :offset_cursor}}).
 * <p>
 * Because the cursor is an offset, shares created or deleted while a client pages through a listing shift the
 * remaining pages, exactly as they would on Frame.io: clients must not assume a listing is a consistent snapshot.
 */
public final class OffsetCursor {

    private static final int VERSION = 131;
    private static final int MAP_EXT = 116;
    private static final int ATOM_EXT = 100;
    private static final int SMALL_INTEGER_EXT = 97;
    private static final int INTEGER_EXT = 98;

    private OffsetCursor() {
    }

    public static String encode(int offset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        out.write(MAP_EXT);
        out.writeBytes(ByteBuffer.allocate(4).putInt(2).array());
        atom(out, "offset");
        if (offset < 256) {
            out.write(SMALL_INTEGER_EXT);
            out.write(offset);
        } else {
            out.write(INTEGER_EXT);
            out.writeBytes(ByteBuffer.allocate(4).putInt(offset).array());
        }
        atom(out, "type");
        atom(out, "offset_cursor");
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** The offset of a cursor, or -1 when the value is not a cursor this API issued. */
    public static int decode(String cursor) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(cursor.trim()));
            if ((in.get() & 0xff) != VERSION || (in.get() & 0xff) != MAP_EXT || in.getInt() != 2) {
                return -1;
            }
            Integer offset = null;
            String type = null;
            for (int i = 0; i < 2; i++) {
                String key = readAtom(in);
                if ("offset".equals(key)) {
                    int tag = in.get() & 0xff;
                    offset = tag == SMALL_INTEGER_EXT ? in.get() & 0xff : tag == INTEGER_EXT ? in.getInt() : null;
                } else if ("type".equals(key)) {
                    type = readAtom(in);
                } else {
                    return -1;
                }
            }
            if (in.hasRemaining() || offset == null || offset < 0 || !"offset_cursor".equals(type)) {
                return -1;
            }
            return offset;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void atom(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        out.write(ATOM_EXT);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.writeBytes(bytes);
    }

    private static String readAtom(ByteBuffer in) {
        if ((in.get() & 0xff) != ATOM_EXT) {
            return null;
        }
        int length = in.getShort() & 0xffff;
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
