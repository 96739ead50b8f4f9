package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareSettings;

import java.util.Map;

/**
 * The JSON mapping of the V4 wire format: ISO-8601 timestamps, unknown fields kept or ignored, unknown enum
 * values read as {@code UNKNOWN} (Frame.io may add values; a client must not break on them).
 * <p>
 * The models need none of this to be written or read: their annotations make any ObjectMapper (a plain
 * {@code new ObjectMapper()}, Camel's {@code marshal().json()}) write Frame.io's field names and timestamps, leave
 * null fields and passphrases out, and read unknown fields and values leniently. This mapper is for what has no such
 * annotations: the {@code Map}s of request fields, whose values may be {@code java.time} types.
 */
public final class FrameioJson {

    private FrameioJson() {
    }

    /** The SDK's mapper: the client reads answers and writes request fields with it. */
    public static ObjectMapper newObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
    }

    /**
     * A copy of {@code mapper} that also writes passphrases: a {@link Share}'s, and that of a create or update share
     * request. Every other mapper leaves them out, so that a share written to a log, a file or a queue does not give
     * away how to open it; use this only where the passphrase must travel, e.g.
     * {@code new JacksonDataFormat(FrameioJson.withPassphrases(new ObjectMapper()), Share.class)}. The mapper given is
     * not changed.
     */
    public static ObjectMapper withPassphrases(ObjectMapper mapper) {
        return mapper.copy()
                .addMixIn(Share.class, SharePassphraseWritten.class)
                .addMixIn(ShareSettings.class, SettingsPassphraseWritten.class);
    }

    // Mix-ins: their annotations replace those of the members of the same name in the model

    private abstract static class SharePassphraseWritten {
        @JsonProperty("passphrase")
        private String passphrase;
    }

    private abstract static class SettingsPassphraseWritten {
        @JsonAnyGetter(enabled = false)
        abstract Map<String, Object> jsonFields();

        @JsonAnyGetter
        abstract Map<String, Object> jsonFieldsWithPassphrase();
    }
}
