package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How thumbnails fit their card: {@code fill} may crop, {@code fit} letterboxes.
 */
public enum ThumbnailScale {
    @JsonProperty("fit")
    FIT,
    @JsonProperty("fill")
    FILL,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static ThumbnailScale ofWireName(String wireName) {
        return WireNames.read(ThumbnailScale.class, wireName);
    }
}
