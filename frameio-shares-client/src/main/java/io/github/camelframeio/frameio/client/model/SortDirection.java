package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Direction of a share's asset sort.
 */
public enum SortDirection {
    @JsonProperty("asc")
    ASC,
    @JsonProperty("desc")
    DESC,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static SortDirection ofWireName(String wireName) {
        return WireNames.read(SortDirection.class, wireName);
    }
}
