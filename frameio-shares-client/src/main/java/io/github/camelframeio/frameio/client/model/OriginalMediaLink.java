package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * The links to a file as uploaded (the V4 {@code OriginalMediaLink} schema): to download it, or to show it inline
 * in a browser.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class OriginalMediaLink extends MediaLink {

    @JsonProperty("inline_url")
    private String inlineUrl;

    /** For Jackson. */
    OriginalMediaLink() {
    }

    /** URL that shows the original in a browser (served inline); may be null. */
    public String getInlineUrl() {
        return inlineUrl;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(inlineUrl, ((OriginalMediaLink) o).inlineUrl);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hashCode(inlineUrl);
    }

    @Override
    String presentUrls() {
        return join(super.presentUrls(), "inline_url", inlineUrl);
    }
}
