package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.ReviewerType;
import io.github.camelframeio.frameio.contract.ContractLimits;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reviewers to add to a share or remove from it, of any number and of several types (e-mails, user ids, Adobe user
 * ids, share lists), from plain lists: {@link FrameioSharesClient#addReviewers(String, String, Reviewers, String,
 * Boolean)} sends them in as many calls of one type and at most 10 identifiers as needed. Each identifier counts
 * once (e-mail addresses compared without case), in the order first given.
 */
public final class Reviewers {

    /** One call's worth: one type, 1 to 10 identifiers. */
    public record Batch(ReviewerType type, List<String> identifiers) {

        public Batch {
            identifiers = List.copyOf(identifiers);
        }

        /** How messages name the batch, e.g. {@code emails [a@example.com, b@example.com]}. */
        public String label() {
            return type.wireName() + " " + identifiers;
        }
    }

    private final Map<ReviewerType, Map<String, String>> byType;

    private Reviewers(Map<ReviewerType, Map<String, String>> byType) {
        this.byType = byType;
    }

    /** Identifiers of one type. */
    public static Reviewers of(ReviewerType type, Collection<String> identifiers) {
        return new Reviewers(new LinkedHashMap<>()).and(type, identifiers);
    }

    /**
     * Identifiers whose type is told by their form ({@link ReviewerType#guess}: an e-mail address, a UUID for a user
     * id, {@code ...@AdobeID} for an Adobe user id), or all of {@code forced} when it is not null.
     *
     * @param source where they came from, for the message when one fits no type (e.g. {@code the body})
     */
    public static Reviewers parse(Collection<String> identifiers, ReviewerType forced, String source) {
        Reviewers reviewers = new Reviewers(new LinkedHashMap<>());
        for (String id : identifiers) {
            ReviewerType type = forced != null ? forced : ReviewerType.guess(id == null ? null : id.trim());
            if (type == null) {
                throw new FrameioInvalidRequestException("Reviewer '" + id + "' in " + source + " is not an e-mail"
                        + " address, a user id (UUID) or an Adobe user id (...@AdobeID); name its type (reviewer type"
                        + " emails, user_ids, adobe_user_ids or share_list_ids)");
            }
            reviewers.add(type, id);
        }
        return reviewers;
    }

    /** These reviewers and {@code identifiers} of {@code type}. */
    public Reviewers and(ReviewerType type, Collection<String> identifiers) {
        Map<ReviewerType, Map<String, String>> copy = new LinkedHashMap<>();
        byType.forEach((t, ids) -> copy.put(t, new LinkedHashMap<>(ids)));
        Reviewers more = new Reviewers(copy);
        identifiers.forEach(id -> more.add(type, id));
        return more;
    }

    private void add(ReviewerType type, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return;
        }
        String trimmed = identifier.trim();
        byType.computeIfAbsent(type, t -> new LinkedHashMap<>())
                .putIfAbsent(type == ReviewerType.EMAILS ? trimmed.toLowerCase(Locale.ROOT) : trimmed, trimmed);
    }

    public boolean isEmpty() {
        return byType.values().stream().allMatch(Map::isEmpty);
    }

    /** The identifiers by type, each once, in their first order. */
    public Map<ReviewerType, List<String>> byType() {
        Map<ReviewerType, List<String>> result = new LinkedHashMap<>();
        byType.forEach((type, ids) -> result.put(type, List.copyOf(ids.values())));
        return Collections.unmodifiableMap(result);
    }

    /** The calls these reviewers take: one type each, at most 10 identifiers. */
    public List<Batch> batches() {
        List<Batch> batches = new ArrayList<>();
        byType().forEach((type, ids) -> {
            for (int i = 0; i < ids.size(); i += ContractLimits.MAX_REVIEWERS_PER_CALL) {
                batches.add(new Batch(type, ids.subList(i, Math.min(ids.size(), i + ContractLimits.MAX_REVIEWERS_PER_CALL))));
            }
        });
        return batches;
    }

    @Override
    public String toString() {
        return "Reviewers" + byType();
    }
}
