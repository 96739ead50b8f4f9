package io.github.camelframeio.frameio.contract;

/**
 * The rules this project adds to the official document, each because the document is silent or looser than
 * Frame.io is known or assumed to be. {@link RequestValidator} applies them after the document's schemas; the
 * simulator's README and the docs list them. Five, and no more without a reason written here.
 */
public enum ProjectRule {

    /**
     * A share's {@code name} (create and update) has at least one character that is not whitespace and no line
     * break (CR, LF, U+2028, U+2029). The document asks only for 1 to 175 characters; Frame.io's web app shows
     * names on one line, and a blank name cannot be told apart in a list.
     */
    SHARE_NAME_VISIBLE(true),

    /**
     * Each of {@code reviewers.emails} is an e-mail address ({@code local@domain.tld}, no whitespace). The
     * document's {@code Email} schema is a bare string.
     */
    EMAIL_ADDRESS(true),

    /**
     * Remove reviewers names at least one identifier type: {@code RemoveReviewerParams} has {@code maxProperties: 1}
     * but forgot the {@code minProperties: 1} that add reviewers has; an empty {@code reviewers} object removes
     * nobody and is refused like one on add.
     */
    REMOVE_REVIEWERS_NAMES_SOMEONE(true),

    /**
     * {@code include} may list several values separated by commas, each one of the operation's enum. The document
     * types it as one enum value while its example, and Frame.io's guides, use comma lists. This rule is more
     * lenient than the document, not stricter.
     */
    INCLUDE_LIST(true),

    /**
     * Client only: an account, project or asset id ({@code FrameOrAdobeId}, a bare string in the document) is a UUID
     * or an {@code adobe:} id without whitespace, control characters or {@code / ? # \}. Ids go into URL paths;
     * the client refuses what cannot be an id before it builds one. The simulator answers such ids 404, as an unknown
     * id, and does not apply this rule.
     */
    FRAME_OR_ADOBE_ID(false);

    private final boolean server;

    ProjectRule(boolean server) {
        this.server = server;
    }

    /** Whether the simulator applies the rule too (it answers 422); otherwise only the client does. */
    public boolean appliesToServer() {
        return server;
    }
}
