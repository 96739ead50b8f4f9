package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a file is in Frame.io's processing: created, uploaded, or transcoded (its renditions are ready).
 */
public enum FileStatus {
    @JsonProperty("created")
    CREATED,
    @JsonProperty("uploaded")
    UPLOADED,
    @JsonProperty("transcoded")
    TRANSCODED,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static FileStatus ofWireName(String wireName) {
        return WireNames.read(FileStatus.class, wireName);
    }
}
