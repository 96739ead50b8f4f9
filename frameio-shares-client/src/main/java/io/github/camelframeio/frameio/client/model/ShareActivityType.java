package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Kind of an item of a share's activity feed.
 */
public enum ShareActivityType {
    @JsonProperty("share_viewed")
    SHARE_VIEWED,
    @JsonProperty("asset_viewed")
    ASSET_VIEWED,
    @JsonProperty("asset_downloaded")
    ASSET_DOWNLOADED,
    @JsonProperty("comment_created")
    COMMENT_CREATED,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Reads Frame.io's name; one this version does not know reads as {@link #UNKNOWN}, whatever the mapper. */
    @JsonCreator
    static ShareActivityType ofWireName(String wireName) {
        return WireNames.read(ShareActivityType.class, wireName);
    }

    /** Frame.io's name, e.g. {@code share_viewed} ({@code unknown} for {@link #UNKNOWN}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
