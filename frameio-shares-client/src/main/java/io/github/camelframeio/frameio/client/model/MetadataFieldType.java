package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Kind of a metadata field, which decides the shape of its value (see {@link MetadataField#getValue()}).
 */
public enum MetadataFieldType {
    /** A string. */
    @JsonProperty("text")
    TEXT,
    /** A string. */
    @JsonProperty("long_text")
    LONG_TEXT,
    /** Zero or one {@link SelectOption}. */
    @JsonProperty("select")
    SELECT,
    /** Any number of {@link SelectOption}s. */
    @JsonProperty("select_multi")
    SELECT_MULTI,
    /** An integer. */
    @JsonProperty("rating")
    RATING,
    /** A number. */
    @JsonProperty("number")
    NUMBER,
    /** A boolean. */
    @JsonProperty("toggle")
    TOGGLE,
    /** A date and time. */
    @JsonProperty("date")
    DATE,
    /** Zero or one {@link MetadataMember}. */
    @JsonProperty("user_single")
    USER_SINGLE,
    /** Any number of {@link MetadataMember}s. */
    @JsonProperty("user_multi")
    USER_MULTI,
    /** Any number of {@link MetadataMember}s. */
    @JsonProperty("users")
    USERS,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static MetadataFieldType ofWireName(String wireName) {
        return WireNames.read(MetadataFieldType.class, wireName);
    }
}
