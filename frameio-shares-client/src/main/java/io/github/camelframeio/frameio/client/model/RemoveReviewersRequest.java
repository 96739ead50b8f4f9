package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to remove reviewers from a share ({@code shares.remove_reviewers}), by e-mail, user id or Adobe user
 * id (not by share list). Longer lists than 10 are split into several calls by the component.
 *
 * @param type        how the reviewers are named; not {@link ReviewerType#SHARE_LIST_IDS}
 * @param identifiers the e-mails, user ids or Adobe user ids
 */
// as JSON, the API's data object: {"reviewers": {"emails": [...]}}, which the component also takes as a body
public record RemoveReviewersRequest(@JsonIgnore ReviewerType type, @JsonIgnore List<String> identifiers) {

    public RemoveReviewersRequest {
        Objects.requireNonNull(type, "type");
        identifiers = List.copyOf(identifiers);
    }

    public static RemoveReviewersRequest emails(String... emails) {
        return new RemoveReviewersRequest(ReviewerType.EMAILS, Arrays.asList(emails));
    }

    public static RemoveReviewersRequest userIds(String... userIds) {
        return new RemoveReviewersRequest(ReviewerType.USER_IDS, Arrays.asList(userIds));
    }

    /** The reviewers as the API names them, e.g. {@code {"emails": [...]}}. */
    @JsonProperty("reviewers")
    Map<String, List<String>> reviewers() {
        return Map.of(type.wireName(), identifiers);
    }
}
