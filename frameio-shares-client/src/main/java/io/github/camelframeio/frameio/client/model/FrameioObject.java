package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Frame.io resource read from the API. Fields this version does not model (Frame.io may add some) are kept as
 * sent, so that nothing is lost when a resource is passed on or written back out as JSON.
 */
public abstract class FrameioObject {

    private final Map<String, Object> otherFields = new LinkedHashMap<>();

    FrameioObject() {
    }

    /** Fields Frame.io sent that this version does not model (e.g. ones added to the API later). */
    @JsonAnyGetter
    public Map<String, Object> getOtherFields() {
        return Collections.unmodifiableMap(otherFields);
    }

    @JsonAnySetter
    void setOtherField(String name, Object value) {
        otherFields.put(name, value);
    }
}
