package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a share presents its assets.
 */
public enum ShareLayout {
    @JsonProperty("grid")
    GRID,
    @JsonProperty("list")
    LIST,
    @JsonProperty("reel")
    REEL,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static ShareLayout ofWireName(String wireName) {
        return WireNames.read(ShareLayout.class, wireName);
    }
}
