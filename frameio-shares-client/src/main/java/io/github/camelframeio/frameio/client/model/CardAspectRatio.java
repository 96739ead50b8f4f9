package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Aspect ratio of cards in the grid and reel layouts.
 */
public enum CardAspectRatio {
    @JsonProperty("horizontal")
    HORIZONTAL,
    @JsonProperty("square")
    SQUARE,
    @JsonProperty("vertical")
    VERTICAL,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static CardAspectRatio ofWireName(String wireName) {
        return WireNames.read(CardAspectRatio.class, wireName);
    }
}
