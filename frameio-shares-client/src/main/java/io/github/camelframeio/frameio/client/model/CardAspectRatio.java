package io.github.camelframeio.frameio.client.model;

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
    UNKNOWN
}
