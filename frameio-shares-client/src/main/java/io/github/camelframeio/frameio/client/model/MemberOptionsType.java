package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whom a user metadata field offers: a custom list of members, or every member of the project.
 */
public enum MemberOptionsType {
    @JsonProperty("custom")
    CUSTOM,
    @JsonProperty("all_project_members")
    ALL_PROJECT_MEMBERS,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static MemberOptionsType ofWireName(String wireName) {
        return WireNames.read(MemberOptionsType.class, wireName);
    }
}
