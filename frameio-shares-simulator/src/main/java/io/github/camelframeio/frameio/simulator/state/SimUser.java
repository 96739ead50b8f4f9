package io.github.camelframeio.frameio.simulator.state;

/**
 * A person known to the simulated account (or, with a null id, someone invited by e-mail only).
 *
 * @param id          Frame.io user id, null for an invited person without a Frame.io account
 * @param name        display name, may be null
 * @param email       e-mail address
 * @param adobeUserId Adobe user id, may be null
 * @param avatarUrl   avatar image URL, may be null
 * @param active      whether the user is active; invited people are not
 */
public record SimUser(String id, String name, String email, String adobeUserId, String avatarUrl, boolean active) {

    /** Someone invited by e-mail who has no Frame.io user. */
    public static SimUser invited(String email) {
        return new SimUser(null, null, email, null, null, false);
    }
}
