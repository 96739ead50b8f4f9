package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.contract.RequestValidator;
import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.contract.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a request with the contract's {@link RequestValidator#CLIENT} (the official document's schemas and the
 * project's rules, the code the simulator answers 422 with) before anything is sent, and turns what it finds into
 * one {@link FrameioInvalidRequestException} that names every offending option or field.
 */
public final class RequestCheck {

    private RequestCheck() {
    }

    /**
     * Throws when the request breaks the contract.
     *
     * @param what the request, for the message (e.g. {@code createShare request})
     */
    public static void check(SharesOperation op, Map<String, String> path, Map<String, String> query, JsonNode body,
                             String what) {
        List<Violation> violations = RequestValidator.CLIENT.validate(op, path, query, body);
        if (violations.isEmpty()) {
            return;
        }
        List<String> messages = new ArrayList<>();
        for (Violation v : violations) {
            messages.add(message(v));
        }
        if (messages.size() == 1 && violations.get(0).location() != Violation.Location.BODY) {
            throw new FrameioInvalidRequestException(messages.get(0));
        }
        throw new FrameioInvalidRequestException(what, messages);
    }

    /**
     * Checks one id the way the path of {@code op} takes it, e.g. a consumer's projectId when it starts.
     *
     * @param name how the message names it (an option, or {@code asset id in the body})
     */
    public static String requireId(SharesOperation op, String parameter, String value, String name) {
        for (Violation v : RequestValidator.CLIENT.validatePath(op, Map.of(parameter, value == null ? "" : value))) {
            if (v.pointer().equals("/" + parameter)) {
                throw new FrameioInvalidRequestException(name + " " + v.describe());
            }
        }
        return value;
    }

    /**
     * A violation in the client's words: a path or query parameter by the option that sets it
     * ({@code shareId must be a UUID, got 'x'}), a body field by its place in the body
     * ({@code data.name: must be at most 175 characters, was 176}).
     */
    static String message(Violation v) {
        return switch (v.location()) {
            case PATH, QUERY -> option(v.name()) + " " + v.describe();
            default -> v.kind() == Violation.Kind.UNEXPECTED_FIELD && v.field().matches("data\\.(asset_ids|type)")
                    ? v + " (create only; use addAsset to add assets)" : v.toString();
        };
    }

    /** The option (camelCase) that sets a path or query parameter (snake_case). */
    static String option(String parameter) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : parameter.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
