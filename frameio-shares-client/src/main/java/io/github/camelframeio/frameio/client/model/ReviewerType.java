package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The four ways of naming reviewers. A reviewer request uses exactly one of them.
 */
public enum ReviewerType {

    /** E-mail addresses: the only way to invite someone outside the account. */
    EMAILS("emails"),
    /** Frame.io user ids (UUIDs). */
    USER_IDS("user_ids"),
    /** Adobe user ids, e.g. {@code 8CCD8E1C9684CA86B25C3471@AdobeID}. */
    ADOBE_USER_IDS("adobe_user_ids"),
    /** Share lists whose members become reviewers (add only). */
    SHARE_LIST_IDS("share_list_ids");

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern ADOBE_ID = Pattern.compile("^[^@\\s]+@(AdobeID|[^@\\s]*techacct\\.adobe\\.com)$",
            Pattern.CASE_INSENSITIVE);

    private final String wireName;

    ReviewerType(String wireName) {
        this.wireName = wireName;
    }

    /** The key in the {@code reviewers} object, e.g. {@code emails}; also how the type is written as JSON. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The type for a wire name ({@code emails}) or constant name ({@code EMAILS}), case-insensitive. */
    @JsonCreator
    public static ReviewerType of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (ReviewerType type : values()) {
            if (type.wireName.equals(n) || type.name().equalsIgnoreCase(n)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown reviewer type '" + name + "'; use emails, user_ids, adobe_user_ids"
                                           + " or share_list_ids");
    }

    /**
     * Guesses the type of one identifier: a UUID is a user id, {@code ...@AdobeID} (or a technical account) an
     * Adobe user id, anything else with an {@code @} and a dotted domain an e-mail address. Share list ids are UUIDs
     * too and cannot be told from user ids: name the type explicitly for them. Returns null when it fits none.
     */
    public static ReviewerType guess(String identifier) {
        if (identifier == null) {
            return null;
        }
        if (UUID.matcher(identifier).matches()) {
            return USER_IDS;
        }
        if (ADOBE_ID.matcher(identifier).matches()) {
            return ADOBE_USER_IDS;
        }
        if (EMAIL.matcher(identifier).matches()) {
            return EMAILS;
        }
        return null;
    }
}
