package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * The links to a transcoded rendition of a file (the V4 {@code RenditionMediaLink} schema): a thumbnail, a
 * high-quality thumbnail, the 180p H.264 video or the scrub sheet.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class RenditionMediaLink extends MediaLink {

    @JsonProperty("url")
    private String url;

    /** For Jackson. */
    RenditionMediaLink() {
    }

    /** URL of the rendition itself, without a Content-Disposition header (may be streamed); may be null. */
    public String getUrl() {
        return url;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(url, ((RenditionMediaLink) o).url);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hashCode(url);
    }

    @Override
    String presentUrls() {
        return join(super.presentUrls(), "url", url);
    }
}
