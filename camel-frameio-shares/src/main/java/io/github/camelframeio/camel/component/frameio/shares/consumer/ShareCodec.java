package io.github.camelframeio.camel.component.frameio.shares.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact, lossless binary form of a share as Frame.io sent it (without its id, which is the snapshot's key):
 * about 80 bytes for a typical share instead of the 500 of its JSON, so that the state of a 100,000-share project
 * stays small. Equal shares encode to equal bytes, so comparing two snapshots is comparing byte arrays.
 * <p>
 * Layout: a 64-bit mask of the known fields present, then each present field as a tag and a value (UUIDs as 16
 * bytes, Frame.io timestamps as epoch microseconds, f.io links as their code), then any field this version does not
 * know as name and JSON.
 * <p>
 * A passphrase is never kept: only a slow salted hash of it ({@link PassphraseHashes}), enough to notice that it
 * changed. Shares rebuilt from the state (the body of a deleted event) come without it.
 */
final class ShareCodec {

    /** The Share schema's fields other than id, in a fixed order (at most 64). */
    static final List<String> FIELDS = List.of("name", "description", "collection_id", "short_url", "access", "enabled",
            "commenting_enabled", "downloading_enabled", "expiration", "last_viewed_at", "created_at", "updated_at",
            "passphrase", "accent_color", "layout", "theme", "card_aspect_ratio", "reel_card_aspect_ratio", "card_size",
            "list_row_size", "thumbnail_scale", "title_line_count", "card_info_enabled", "icons_visible_on_list",
            "name_column_width", "reel_card_fit_image", "show_asset_name_in_reel_layout", "open_in_viewer_enabled",
            "editable_fields_enabled", "featured_field_definition_id", "visible_field_definition_ids", "sort_by",
            "show_all_asset_versions", "captions_enabled", "transcripts_enabled", "watermark_enabled",
            "forensic_watermark_enabled", "drm_enabled");

    private static final Map<String, Integer> INDEX = new LinkedHashMap<>();

    static {
        for (int i = 0; i < FIELDS.size(); i++) {
            INDEX.put(FIELDS.get(i), i);
        }
    }

    private static final int NULL = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int STRING = 3;
    private static final int MICROS = 4;
    private static final int UUID_BYTES = 5;
    private static final int INTEGER = 6;
    private static final int JSON = 7;
    private static final int SHORT_URL = 8;
    // 9 and 10: a passphrase's stored form, see PassphraseHashes

    private static final String PASSPHRASE = "passphrase";
    /** How a decoded passphrase hash shows (never a real passphrase: those cannot start with NUL). */
    private static final String HASH_MARKER = "\u0000secret:";
    private static final int PASSPHRASE_INDEX = FIELDS.indexOf(PASSPHRASE);

    private static final String SHORT_URL_PREFIX = "https://f.io/";
    private static final DateTimeFormatter MICRO_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final PassphraseHashes passphrases;

    ShareCodec(ObjectMapper mapper) {
        this(mapper, new PassphraseHashes());
    }

    ShareCodec(ObjectMapper mapper, PassphraseHashes passphrases) {
        this.mapper = mapper;
        this.passphrases = passphrases;
    }

    PassphraseHashes passphrases() {
        return passphrases;
    }

    /** Encodes a share's JSON object ({@code id} is left out). Fast: a poll encodes every share it lists. */
    byte[] encode(JsonNode share) {
        return encode(share, null);
    }

    /**
     * Encodes a share, keeping the passphrase's stored form of {@code before} (the share as last emitted, encoded)
     * when the passphrase still matches it, so that an unchanged share encodes to the same bytes.
     */
    byte[] encode(JsonNode share, byte[] before) {
        return encode(share, share.path("id").asText(""), before);
    }

    private byte[] encode(JsonNode share, String id, byte[] before) {
        long mask = 0;
        List<String> unknown = null;
        Iterator<String> names = share.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Integer i = INDEX.get(name);
            if (i != null) {
                mask |= 1L << i;
            } else if (!name.equals("id")) {
                if (unknown == null) {
                    unknown = new java.util.ArrayList<>(2);
                }
                unknown.add(name);
            }
        }
        Bytes.Out out = new Bytes.Out();
        out.long64(mask);
        long[] uuid = new long[2];
        for (int i = 0; i < FIELDS.size(); i++) {
            if ((mask & (1L << i)) == 0) {
                continue;
            }
            String name = FIELDS.get(i);
            JsonNode value = share.get(name);
            if (name.equals(PASSPHRASE) && value.isTextual()) {
                String text = value.asText();
                out.writeBytes(text.startsWith(HASH_MARKER)
                        ? java.util.HexFormat.of().parseHex(text.substring(HASH_MARKER.length()))
                        : passphrases.stored(id, text, before == null ? null : storedPassphrase(before)));
            } else {
                value(out, value, uuid);
            }
        }
        if (unknown == null) {
            out.varint(0);
        } else {
            unknown.sort(null); // a stable order, whatever order Frame.io sends them in
            out.varint(unknown.size());
            for (String name : unknown) {
                out.string(name);
                out.string(json(share.get(name)));
            }
        }
        return out.toByteArray();
    }

    private byte[] encode(Map<String, JsonNode> fields) {
        ObjectNode node = mapper.createObjectNode();
        node.setAll(fields);
        return encode(node, "", null); // passphrases come decoded as their stored forms
    }

    /** The fields of an encoded share, in the schema's order, then unknown ones. */
    Map<String, JsonNode> decode(byte[] bytes) {
        Bytes.In in = new Bytes.In(bytes);
        long mask = in.long64();
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                fields.put(FIELDS.get(i), value(in));
            }
        }
        int unknown = in.varint();
        for (int i = 0; i < unknown; i++) {
            String name = in.string();
            fields.put(name, parse(in.string()));
        }
        return fields;
    }

    /** The share as JSON, with its id first and without its passphrase (which the state does not hold). */
    ObjectNode toJson(String id, byte[] bytes) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", id);
        decode(bytes).forEach((name, value) -> {
            if (!(name.equals(PASSPHRASE) && value.isTextual() && value.asText().startsWith(HASH_MARKER))) {
                node.set(name, value);
            }
        });
        return node;
    }

    /** The names of the fields whose values (or presence) differ, in the schema's order, then unknown ones. */
    List<String> changedFields(byte[] before, byte[] after) {
        Map<String, JsonNode> a = decode(before);
        Map<String, JsonNode> b = decode(after);
        List<String> changed = new java.util.ArrayList<>();
        for (String name : a.keySet()) {
            if (!a.get(name).equals(b.get(name))) {
                changed.add(name);
            }
        }
        for (String name : b.keySet()) {
            if (!a.containsKey(name)) {
                changed.add(name);
            }
        }
        changed.sort(java.util.Comparator.comparingInt(n -> INDEX.getOrDefault(n, FIELDS.size())));
        return changed;
    }

    /** The stored form of an encoded share's passphrase (tag included), or null. */
    byte[] storedPassphrase(byte[] share) {
        Bytes.In in = new Bytes.In(share);
        long mask = in.long64();
        if ((mask & (1L << PASSPHRASE_INDEX)) == 0) {
            return null;
        }
        for (int i = 0; i < PASSPHRASE_INDEX; i++) {
            if ((mask & (1L << i)) != 0) {
                skip(in);
            }
        }
        int from = in.position();
        int tag = in.read();
        if (tag != PassphraseHashes.LEGACY && tag != PassphraseHashes.KDF) {
            return null; // null, or a passphrase Frame.io sent as something other than text
        }
        PassphraseHashes.skip(tag, in);
        return java.util.Arrays.copyOfRange(share, from, in.position());
    }

    /** The encoded share with its passphrase's stored form replaced. */
    byte[] withStoredPassphrase(byte[] share, byte[] stored) {
        Map<String, JsonNode> fields = decode(share);
        fields.put(PASSPHRASE, TextNode.valueOf(HASH_MARKER + java.util.HexFormat.of().formatHex(stored)));
        return encode(fields);
    }

    private static void skip(Bytes.In in) {
        int tag = in.read();
        switch (tag) {
            case NULL, FALSE, TRUE -> { }
            case INTEGER -> in.varlong();
            case MICROS -> in.long64();
            case UUID_BYTES -> in.bytes(16);
            case SHORT_URL, STRING, JSON -> in.string();
            case PassphraseHashes.LEGACY, PassphraseHashes.KDF -> PassphraseHashes.skip(tag, in);
            default -> throw new Bytes.Corrupt("a share field of tag " + tag);
        }
    }

    /** Encoded {@code base} with the values (or absence) of {@code names} taken from {@code from}. */
    byte[] merge(byte[] base, byte[] from, Iterable<String> names) {
        Map<String, JsonNode> merged = decode(base);
        Map<String, JsonNode> source = decode(from);
        for (String name : names) {
            JsonNode value = source.get(name);
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        }
        return encode(merged);
    }

    /** The epoch microseconds of a timestamp field, or Long.MIN_VALUE. */
    long micros(byte[] bytes, String field) {
        JsonNode value = decode(bytes).get(field);
        return value == null ? Long.MIN_VALUE : parseMicros(value.asText(null));
    }

    private void value(Bytes.Out out, JsonNode v, long[] uuid) {
        if (v.isNull()) {
            out.write(NULL);
        } else if (v.isBoolean()) {
            out.write(v.asBoolean() ? TRUE : FALSE);
        } else if (v.isIntegralNumber() && v.canConvertToLong()) {
            out.write(INTEGER);
            long n = v.asLong();
            out.varlong((n << 1) ^ (n >> 63));
        } else if (v.isTextual()) {
            String s = v.asText();
            long micros = parseMicros(s);
            if (micros != Long.MIN_VALUE) {
                out.write(MICROS);
                out.long64(micros);
            } else if (IdTable.parse(s, uuid)) {
                out.write(UUID_BYTES);
                out.long64(uuid[0]);
                out.long64(uuid[1]);
            } else if (s.startsWith(SHORT_URL_PREFIX)) {
                out.write(SHORT_URL);
                out.string(s.substring(SHORT_URL_PREFIX.length()));
            } else {
                out.write(STRING);
                out.string(s);
            }
        } else {
            out.write(JSON);
            out.string(json(v));
        }
    }

    private JsonNode value(Bytes.In in) {
        int tag = in.read();
        return switch (tag) {
            case NULL -> NullNode.getInstance();
            case FALSE -> BooleanNode.FALSE;
            case TRUE -> BooleanNode.TRUE;
            case INTEGER -> {
                long z = in.varlong();
                yield mapper.getNodeFactory().numberNode((z >>> 1) ^ -(z & 1));
            }
            case MICROS -> TextNode.valueOf(MICRO_FORMAT.format(Instant.EPOCH.plus(in.long64(), ChronoUnit.MICROS)));
            case UUID_BYTES -> TextNode.valueOf(IdTable.format(in.long64(), in.long64()));
            case SHORT_URL -> TextNode.valueOf(SHORT_URL_PREFIX + in.string());
            case STRING -> TextNode.valueOf(in.string());
            case JSON -> parse(in.string());
            case PassphraseHashes.LEGACY, PassphraseHashes.KDF -> {
                int from = in.position() - 1;
                PassphraseHashes.skip(tag, in);
                yield TextNode.valueOf(HASH_MARKER + java.util.HexFormat.of().formatHex(in.slice(from)));
            }
            default -> throw new Bytes.Corrupt("a share field of tag " + tag);
        };
    }

    /**
     * Frame.io's canonical timestamp ({@code 2026-09-11T01:12:04.316043Z}) as epoch microseconds, or Long.MIN_VALUE
     * for any other text, so that decoding gives back the same text. Hand-parsed: a poll parses several per share.
     */
    static long parseMicros(String s) {
        if (s == null || s.length() != 27 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
            || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != '.' || s.charAt(26) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int micro = digits(s, 20, 6);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
            || minute < 0 || minute > 59 || second < 0 || second > 59 || micro < 0) {
            return Long.MIN_VALUE;
        }
        return ((epochDay(year, month, day) * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + micro;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse, without allocating). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private String json(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Bytes.Corrupt("a share field that is not JSON");
        }
    }
}
