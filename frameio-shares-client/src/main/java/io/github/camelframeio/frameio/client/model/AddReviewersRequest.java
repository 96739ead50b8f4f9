package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to add reviewers to a share ({@code shares.add_reviewers}). On a secure share they become reviewers;
 * on a public share Frame.io only e-mails them the link. Frame.io takes at most 10 identifiers of one type per
 * call; the component splits longer lists into several calls.
 *
 * @param type          how the reviewers are named
 * @param identifiers   the e-mails, user ids, Adobe user ids or share list ids
 * @param message       the message of the notification (required by Frame.io)
 * @param notifyByEmail whether Frame.io sends e-mails (null: Frame.io's default, true)
 */
// as JSON, the API's data object: {"message": ..., "notify_by_email": ..., "reviewers": {"emails": [...]}}, which the
// component also takes as a body
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "message", "notify_by_email", "reviewers" })
public record AddReviewersRequest(@JsonIgnore ReviewerType type, @JsonIgnore List<String> identifiers,
                                  @JsonProperty("message") String message,
                                  @JsonProperty("notify_by_email") Boolean notifyByEmail) {

    public AddReviewersRequest {
        Objects.requireNonNull(type, "type");
        identifiers = List.copyOf(identifiers);
    }

    public static AddReviewersRequest emails(String message, String... emails) {
        return new AddReviewersRequest(ReviewerType.EMAILS, Arrays.asList(emails), message, null);
    }

    public static AddReviewersRequest userIds(String message, String... userIds) {
        return new AddReviewersRequest(ReviewerType.USER_IDS, Arrays.asList(userIds), message, null);
    }

    public AddReviewersRequest withoutEmail() {
        return new AddReviewersRequest(type, identifiers, message, false);
    }

    /** The reviewers as the API names them, e.g. {@code {"emails": [...]}}. */
    @JsonProperty("reviewers")
    Map<String, List<String>> reviewers() {
        return Map.of(type.wireName(), identifiers);
    }
}
