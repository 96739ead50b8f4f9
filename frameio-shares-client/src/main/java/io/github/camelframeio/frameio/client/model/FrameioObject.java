package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Frame.io resource read from the API. Fields this version does not model (Frame.io may add some) are kept as
 * sent, so that nothing is lost when a resource is passed on or written back out as JSON.
 * <p>
 * Any ObjectMapper, a plain {@code new ObjectMapper()} or Camel's {@code marshal().json()} included, writes a resource
 * with Frame.io's field names and timestamps, and without the fields that are null (a null field and an absent one
 * read back the same). A share's passphrase is written only by a mapper from
 * {@link io.github.camelframeio.frameio.client.FrameioJson#withPassphrases}. The annotations here and on each model
 * do it; no mapper setting or module is needed.
 */
// inherited by every model: Jackson merges class annotations from superclasses
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class FrameioObject {

    private final Map<String, Object> otherFields = new LinkedHashMap<>();

    FrameioObject() {
    }

    /** Fields Frame.io sent that this version does not model (e.g. ones added to the API later). */
    // content: a null among them (or inside one that is an object) is left out, like a null modelled field
    @JsonAnyGetter
    @JsonInclude(value = JsonInclude.Include.NON_NULL, content = JsonInclude.Include.NON_NULL)
    public Map<String, Object> getOtherFields() {
        return Collections.unmodifiableMap(otherFields);
    }

    @JsonAnySetter
    void setOtherField(String name, Object value) {
        otherFields.put(name, value);
    }
}
