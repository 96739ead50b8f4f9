package io.github.camelframeio.frameio.client;

import java.util.List;

/**
 * A request was refused before anything was sent, because an option, header or field breaks a rule of Frame.io's
 * schema. The message names every offending field (never a secret value).
 */
public class FrameioInvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> violations;

    public FrameioInvalidRequestException(String what, List<String> violations) {
        super("Invalid " + what + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public FrameioInvalidRequestException(String message) {
        super(message);
        this.violations = List.of(message);
    }

    /** Each violation, e.g. {@code data.name: must be at most 175 characters}. */
    public List<String> getViolations() {
        return violations;
    }
}
