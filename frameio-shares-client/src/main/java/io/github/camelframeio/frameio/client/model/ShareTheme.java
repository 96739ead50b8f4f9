package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Colour theme of a share.
 */
public enum ShareTheme {
    @JsonProperty("dark")
    DARK,
    @JsonProperty("light")
    LIGHT,
    @JsonProperty("neutral")
    NEUTRAL,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static ShareTheme ofWireName(String wireName) {
        return WireNames.read(ShareTheme.class, wireName);
    }
}
