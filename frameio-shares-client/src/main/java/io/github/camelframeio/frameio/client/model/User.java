package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * A Frame.io user (the V4 {@code User} schema): an asset's creator or a project's owner. A share's reviewers and the
 * user of an activity item are read as {@link ShareReviewer}, the same schema. Someone invited by e-mail without a
 * Frame.io account has a null id and name.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class User extends FrameioObject {

    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("email")
    private String email;
    @JsonProperty("avatar_url")
    private String avatarUrl;
    @JsonProperty("active")
    private Boolean active;
    @JsonProperty("adobe_user_id")
    private String adobeUserId;

    /** For Jackson. */
    User() {
    }

    /** Frame.io user id; null for an invited person without a Frame.io account. */
    public String getId() {
        return id;
    }

    /** Display name; may be null. */
    public String getName() {
        return name;
    }

    /** E-mail address. */
    public String getEmail() {
        return email;
    }

    /** Avatar image URL; may be null. */
    public String getAvatarUrl() {
        return avatarUrl;
    }

    /** Whether the user is active; may be null. */
    public Boolean getActive() {
        return active;
    }

    /** Adobe user id; may be null. */
    public String getAdobeUserId() {
        return adobeUserId;
    }

    /** Equal when of the same class with the same fields: a {@link ShareReviewer} never equals a plain User. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        User other = (User) o;
        return Objects.equals(id, other.id) &&
               Objects.equals(name, other.name) &&
               Objects.equals(email, other.email) &&
               Objects.equals(avatarUrl, other.avatarUrl) &&
               Objects.equals(active, other.active) &&
               Objects.equals(adobeUserId, other.adobeUserId) &&
               getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, name, email, avatarUrl, active, adobeUserId) + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        return "User[" + (id == null ? "invited" : id) + ", " + email + "]";
    }
}
