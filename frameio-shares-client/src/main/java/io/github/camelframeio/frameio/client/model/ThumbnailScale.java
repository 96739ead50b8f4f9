package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How thumbnails fit their card: {@code fill} may crop, {@code fit} letterboxes.
 */
public enum ThumbnailScale {
    @JsonProperty("fit")
    FIT,
    @JsonProperty("fill")
    FILL,
    /** A value this version does not know (Frame.io added it later). */
    @JsonEnumDefaultValue
    UNKNOWN
}
