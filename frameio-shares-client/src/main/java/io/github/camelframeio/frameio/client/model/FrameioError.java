package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the {@code errors} array of a Frame.io error answer.
 *
 * @param detail  what is wrong, e.g. {@code Unexpected field: foo}
 * @param pointer the JSON pointer of the offending field, e.g. {@code /data/foo}; may be null
 * @param title   a short title, e.g. {@code Invalid value}; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrameioError(String detail, String pointer, String title) {

    @Override
    public String toString() {
        return pointer == null || pointer.isEmpty() ? detail : pointer + ": " + detail;
    }
}
