package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.FrameioInvalidRequestException;
import io.github.camelframeio.frameio.client.model.Share;

import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateProducerException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies and headers of the wrong type are refused with an error that names the field, header or option, before
 * any request is sent: nothing is read through a lenient conversion ("no" as false, {} as an empty message, a Map
 * as the e-mail "{emails=...}") and no body can overflow the stack.
 */
class StrictInputsTest extends FrameioSharesTestSupport {

    private String share;

    private Exception refused(String uri, Object body, Map<String, Object> headers) {
        if (share == null) {
            share = createShare();
        }
        long before = simulator.requests().total();
        Map<String, Object> all = new HashMap<>(headers);
        all.putIfAbsent(FrameioSharesConstants.SHARE_ID, share);
        Exchange exchange = template.send(uri, e -> {
            e.getMessage().setBody(body);
            all.forEach(e.getMessage()::setHeader);
        });
        assertEquals(before, simulator.requests().total(), "nothing was sent");
        return assertInstanceOf(FrameioInvalidRequestException.class, exchange.getException());
    }

    private String createShare() {
        return call("frameio-shares:createShare", Map.of("name", "Strict", "access", "public")).getMessage()
                .getBody(Share.class).getId();
    }

    private static void names(Exception e, String what) {
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void notifyByEmailMustBeABoolean() {
        names(refused("frameio-shares:addReviewers", Map.of("message", "Hi", "notify_by_email", "no",
                "reviewers", Map.of("emails", List.of(fx.emails().get(0)))), Map.of()), "data.notify_by_email: must be true or false");
    }

    @Test
    void theMessageMustBeAString() {
        names(refused("frameio-shares:addReviewers", Map.of("message", Map.of(),
                "reviewers", Map.of("emails", List.of(fx.emails().get(0)))), Map.of()), "data.message: must be a string");
    }

    @Test
    void reviewerIdentifiersMustBeStrings() {
        names(refused("frameio-shares:addReviewers?reviewerMessage=Hi", Map.of("reviewers",
                Map.of("emails", List.of(Map.of("email", "a@example.com")))), Map.of()), "data.reviewers.emails: every item");
    }

    @Test
    void aMapInTheReviewersHeaderIsRefusedNotInvitedAsItsToString() {
        names(refused("frameio-shares:addReviewers?reviewerMessage=Hi", null,
                Map.of(FrameioSharesConstants.REVIEWERS, Map.of("emails", "a@example.com"))),
                FrameioSharesConstants.REVIEWERS + " header must be a String or a List");
    }

    @Test
    void anUnknownReviewerTypeNamesWhereItCameFrom() {
        names(refused("frameio-shares:addReviewers?reviewerMessage=Hi&reviewerType=friends", List.of("a@example.com"),
                Map.of()), "Unknown reviewer type 'friends' in the reviewerType option");
        names(refused("frameio-shares:addReviewers?reviewerMessage=Hi", List.of("a@example.com"),
                Map.of(FrameioSharesConstants.REVIEWER_TYPE, "friends")), "in the " + FrameioSharesConstants.REVIEWER_TYPE);
    }

    @Test
    void aSelfReferencingBodyIsRefused() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Loop");
        body.put("sort_by", body);
        names(refused("frameio-shares:createShare", body, Map.of()), "createShare body refers to itself");
    }

    @Test
    void aVeryDeepBodyIsRefusedWithoutAStackOverflow() {
        Map<String, Object> body = new HashMap<>();
        Map<String, Object> level = body;
        for (int i = 0; i < 100_000; i++) {
            Map<String, Object> next = new HashMap<>();
            level.put("sort_by", next);
            level = next;
        }
        body.put("name", "Deep");
        names(refused("frameio-shares:createShare", body, Map.of()), "nested deeper than 32 levels");
    }

    @Test
    void aSharedButAcyclicValueIsNotMistakenForALoop() {
        List<String> ids = List.of(fx.assetIds().get(0));
        Map<String, Object> body = new HashMap<>(Map.of("name", "Shared", "access", "public", "asset_ids", ids));
        body.put("visible_field_definition_ids", List.of());
        Exchange exchange = template.send("frameio-shares:createShare", e -> e.getMessage().setBody(body));
        assertEquals(null, exchange.getException());
    }

    @Test
    void aZeroResponseTimeoutIsRefusedByNameWhenTheProducerStarts() {
        String id = createShare();
        long before = simulator.requests().total();
        Exception e = assertThrows(FailedToCreateProducerException.class,
                () -> template.send("frameio-shares:getShare?responseTimeout=0&shareId=" + id, x -> { }));
        names(assertInstanceOf(FrameioInvalidRequestException.class, e.getCause()),
                "responseTimeout must be a positive duration");
        assertEquals(before, simulator.requests().total(), "nothing was sent");
    }
}
