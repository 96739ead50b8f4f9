package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code OffsetDateTime} field that is written and read as Frame.io writes timestamps (see
 * {@link FrameioTimestampJson}), by any ObjectMapper: no JSR-310 module is needed.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = FrameioTimestampJson.Writer.class)
@JsonDeserialize(using = FrameioTimestampJson.Reader.class)
@interface FrameioTimestamp {
}
