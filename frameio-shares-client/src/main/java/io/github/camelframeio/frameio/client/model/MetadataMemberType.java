package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Kind of a member chosen in a user metadata field: a user or an account user group.
 */
public enum MetadataMemberType {
    @JsonProperty("user")
    USER,
    @JsonProperty("account_user_group")
    ACCOUNT_USER_GROUP,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static MetadataMemberType ofWireName(String wireName) {
        return WireNames.read(MetadataMemberType.class, wireName);
    }
}
