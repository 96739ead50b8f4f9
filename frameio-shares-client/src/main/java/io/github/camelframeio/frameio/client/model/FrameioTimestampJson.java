package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as Frame.io writes them: UTC with six fraction digits, e.g. {@code 2024-02-02T21:19:24.828948Z}. Frame.io
 * keeps microseconds, so every timestamp it sends is written back exactly as it came; a value with finer precision
 * (not one Frame.io sent) gets nine digits rather than lose them. Reading takes any ISO-8601 date and time with an
 * offset and keeps that offset.
 */
final class FrameioTimestampJson {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'");

    private FrameioTimestampJson() {
    }

    /** The timestamp in Frame.io's format. */
    static String format(OffsetDateTime timestamp) {
        OffsetDateTime utc = timestamp.withOffsetSameInstant(ZoneOffset.UTC);
        return (utc.getNano() % 1000 == 0 ? MICROS : NANOS).format(utc);
    }

    /** Writes an {@code OffsetDateTime} in Frame.io's format. */
    static final class Writer extends StdScalarSerializer<OffsetDateTime> {

        Writer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    /** Reads an ISO-8601 date and time with an offset; an empty string reads as null. */
    static final class Reader extends StdScalarDeserializer<OffsetDateTime> {

        Reader() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String text = p.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not an ISO-8601 date and time with an offset: %s", e.getMessage());
            }
        }
    }
}
