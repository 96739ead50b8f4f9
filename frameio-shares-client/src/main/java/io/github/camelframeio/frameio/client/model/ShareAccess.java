package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who can open a share: anyone with the link ({@code public}) or invited reviewers only ({@code secure}).
 */
public enum ShareAccess {
    @JsonProperty("public")
    PUBLIC,
    @JsonProperty("secure")
    SECURE,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static ShareAccess ofWireName(String wireName) {
        return WireNames.read(ShareAccess.class, wireName);
    }
}
