package io.github.camelframeio.examples.filedrop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.github.camelframeio.frameio.client.FrameioJson;
import io.github.camelframeio.frameio.client.model.Share;

/**
 * The JSON of the files the example writes: Frame.io's field names and ISO-8601 times, indented, without the
 * settings a share does not have (null), and without share passphrases, which are secrets and have no place in a
 * folder of results.
 */
public final class FileDropJson {

    private FileDropJson() {
    }

    /** The mapper the routes marshal with (bean {@code fileDropJson} in the YAML). */
    public static ObjectMapper objectMapper() {
        return FrameioJson.newObjectMapper()
                .addMixIn(Share.class, WithoutPassphrase.class)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    @JsonIgnoreProperties("passphrase")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class WithoutPassphrase {
    }
}
