package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A person on a share (the V4 {@code User} schema, see {@link User}): a reviewer of a secure share, or the user of
 * an activity item. Someone invited by e-mail without a Frame.io account has a null id and name.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ShareReviewer extends User {

    /** For Jackson. */
    ShareReviewer() {
    }

    @Override
    public String toString() {
        return "ShareReviewer[" + (getId() == null ? "invited" : getId()) + ", " + getEmail() + "]";
    }
}
