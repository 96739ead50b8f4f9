package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.FrameioInvalidRequestException;
import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.ShareAccess;
import io.github.camelframeio.frameio.client.model.UpdateShareRequest;

import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateProducerException;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input fails before any request, with an error that names the option or field; the simulator sees nothing.
 */
class ProducerValidationTest extends FrameioSharesTestSupport {

    private static final String SHARE = "b5fb37a0-4ca3-489f-aada-b257e3edda1f";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "frameio-shares:getShare                                            | shareId is required: set the shareId option or the CamelFrameioSharesShareId header",
        "frameio-shares:getShare?shareId=not-a-uuid                         | shareId must be a UUID",
        "frameio-shares:getShare?shareId=../../me                           | shareId must be a UUID",
        "frameio-shares:listShares?accountId=a/b                            | accountId must be a Frame.io id",
        "frameio-shares:listShares?projectId=x y                            | projectId must be a Frame.io id",
        "frameio-shares:listShares?pageSize=0                               | pageSize must be at least 1, was 0",
        "frameio-shares:listShares?pageSize=101                             | pageSize must be at most 100, was 101",
        "frameio-shares:listShares?sort=newest                              | sort must be one of",
        "frameio-shares:listShares?maxResults=-1                            | maxResults must be 0",
        "frameio-shares:listShareAssets?shareId=" + SHARE + "&include=thumbs | include must be one of [media_links.original,",
        "frameio-shares:listShareActivities?shareId=" + SHARE + "&include=comments | include must be one of [user]",
        "frameio-shares:listReviewers?shareId=" + SHARE + "&sort=oldest     | sort must be one of",
        "frameio-shares:removeAsset?shareId=" + SHARE + "                    | removeAsset needs an asset",
        "frameio-shares:addAsset?shareId=" + SHARE + "&assetId=adobe:        | asset id in assetId must be",
    })
    void optionsAreChecked(String uri, String expected) {
        assertRefused(uri, null, Map.of(), expected);
    }

    @Test
    void missingAccountIsNamed() {
        context.getComponent("frameio-shares", FrameioSharesComponent.class).getConfiguration().setAccountId(null);
        assertRefused("frameio-shares:getShare?shareId=" + SHARE, null, Map.of(),
                "accountId is required: set the accountId option or the CamelFrameioSharesAccountId header");
    }

    @Test
    void unknownOperationIsRefusedInTheUriAndTheHeader() {
        Exception e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("frameio-shares:listShare"));
        assertTrue(e.getMessage().contains("Unknown frameio-shares operation 'listShare'; use one of"), e.getMessage());
        assertRefused("frameio-shares:listShares", null, Map.of(FrameioSharesConstants.OPERATION, "dropShare"),
                "Unknown operation 'dropShare' in header CamelFrameioSharesOperation");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"access\":\"public\"}                                         | data.name: is required",
        "{\"name\":\"x\"}                                                | data.access: is required",
        "{\"name\":\"x\",\"access\":\"restricted\"}                      | data.access: must be one of [public, secure]",
        "{\"name\":\"\",\"access\":\"public\"}                           | data.name: must be at least 1 character",
        "{\"name\":\"  \",\"access\":\"public\"}                         | data.name: must have a non-blank character and no line breaks",
        "{\"name\":\"a\\nb\",\"access\":\"public\"}                      | data.name: must have a non-blank character and no line breaks",
        "{\"name\":\"x\",\"access\":\"public\",\"colour\":\"red\"}       | data.colour: is not a field of this request",
        "{\"name\":\"x\",\"access\":\"public\",\"type\":\"folder\"}      | data.type: must be one of [asset]",
        "{\"name\":\"x\",\"access\":\"public\",\"asset_ids\":[]}         | data.asset_ids: must have at least 1 item",
        "{\"name\":\"x\",\"access\":\"public\",\"asset_ids\":[\"x/y\"]}  | data.asset_ids[0]: must be a Frame.io id",
        "{\"name\":\"x\",\"access\":\"public\",\"title_line_count\":3}   | data.title_line_count: must be at most 2, was 3",
        "{\"name\":\"x\",\"access\":\"public\",\"enabled\":\"yes\"}      | data.enabled: must be true or false",
        "{\"name\":\"x\",\"access\":\"public\",\"layout\":\"masonry\"}   | data.layout: must be one of [grid, list, reel]",
        "{\"name\":\"x\",\"access\":\"public\",\"expiration\":\"soon\"}  | data.expiration: must be an ISO-8601 date-time",
        "{\"name\":\"x\",\"access\":\"public\",\"featured_field_definition_id\":\"f\"} | data.featured_field_definition_id: must be a UUID",
        "{\"name\":\"x\",\"access\":\"public\",\"sort_by\":{\"direction\":\"up\"}} | data.sort_by.direction: must be one of [asc, desc]; data.sort_by.field_definition_id: is required",
        "{\"name\":\"x\",\"access\":\"public\",\"visible_field_definition_ids\":[\"v\"]} | data.visible_field_definition_ids[0]: must be a UUID",
        "{\"name\":\"x\",\"access\":\"public\",\"enabled\":null}         | data.enabled: must not be null",
        "[1,2]                                                           | createShare body must be a JSON object",
        "{oops                                                           | createShare body is not valid JSON",
    })
    void createShareBodiesAreChecked(String body, String expected) {
        assertRefused("frameio-shares:createShare", body, Map.of(), expected);
    }

    @Test
    void createShareChecksLengthsWithoutShowingThePassphrase() {
        String passphrase = "p".repeat(250) + "SECRET";
        CreateShareRequest request = CreateShareRequest.of("n".repeat(176), ShareAccess.PUBLIC).passphrase(passphrase)
                .description("d".repeat(641));
        FrameioInvalidRequestException e = assertRefused("frameio-shares:createShare", request, Map.of(),
                "data.name: must be at most 175 characters, was 176");
        assertTrue(e.getMessage().contains("data.passphrase: must be at most 255 characters, was 256"), e.getMessage());
        assertTrue(e.getMessage().contains("data.description: must be at most 640 characters, was 641"), e.getMessage());
        assertTrue(!e.getMessage().contains("SECRET"), "never the passphrase itself");
    }

    @Test
    void createShareTakesAtMostAHundredAssets() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(fx.assetIds().get(0));
        }
        assertRefused("frameio-shares:createShare", CreateShareRequest.of("x", ShareAccess.PUBLIC).assetIds(ids), Map.of(),
                "data.asset_ids: must have at most 100 items, had 101");
    }

    @Test
    void createShareNeedsABodyOfTheRightKind() {
        assertRefused("frameio-shares:createShare", null, Map.of(), "createShare needs a body");
        assertRefused("frameio-shares:createShare", UpdateShareRequest.create().name("x"), Map.of(),
                "createShare got a UpdateShareRequest; send a CreateShareRequest");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{}                                        | data: must set at least 1 field",
        "{\"data\":{}}                             | data: must set at least 1 field",
        "{\"type\":\"asset\"}                      | data.type: is not a field of this request",
        "{\"asset_ids\":[\"x\"]}                   | data.asset_ids: is not a field of this request (create only; use addAsset",
        "{\"description\":\"\"}                    | data.description: must be at least 1 character",
        "{\"name\":null,\"theme\":\"pink\"}        | data.theme: must be one of [dark, light, neutral]",
    })
    void updateShareBodiesAreChecked(String body, String expected) {
        assertRefused("frameio-shares:updateShare?shareId=" + SHARE, body, Map.of(), expected);
    }

    @Test
    void reviewersAreChecked() {
        String add = "frameio-shares:addReviewers?shareId=" + SHARE;
        assertRefused(add, List.of("a@example.org"), Map.of(), "addReviewers needs a message for the notification");
        assertRefused(add + "&reviewerMessage=Hi", List.of("not an address"), Map.of(),
                "Reviewer 'not an address' in the body is not an e-mail address, a user id (UUID) or an Adobe user id");
        assertRefused(add + "&reviewerMessage=Hi&reviewerType=emails", List.of("no-at-sign"), Map.of(),
                "reviewers.emails[0]: must be an e-mail address, got 'no-at-sign'");
        assertRefused(add + "&reviewerMessage=Hi&reviewerType=user_ids", List.of("a@example.org"), Map.of(),
                "reviewers.user_ids[0]: must be a UUID");
        assertRefused(add, "{\"data\":{\"message\":\"m\",\"colour\":1,\"reviewers\":{\"emails\":[\"a@b.org\"]}}}", Map.of(),
                "data.colour: is not a field of this request");
        assertRefused(add, "{\"data\":{\"message\":\"m\",\"reviewers\":{}}}", Map.of(), "data.reviewers: must name reviewers");
        assertRefused(add + "&reviewerMessage=Hi", null, Map.of(), "addReviewers needs reviewers");
        assertRefused("frameio-shares:removeReviewers?shareId=" + SHARE + "&reviewerType=share_list_ids",
                List.of(fx.shareListIds().get(0)), Map.of(), "share lists can be added but not removed");
    }

    @Test
    void manyAssetsAreCheckedBeforeAnyIsAdded() {
        List<String> ids = List.of(fx.assetIds().get(0), "not/an/id", fx.assetIds().get(1));
        assertRefused("frameio-shares:addAsset?shareId=" + SHARE, ids, Map.of(), "asset id in the body must be");
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopbackWhenTheRouteStarts() {
        assertRefusedAtStart("frameio-shares:getShare?shareId=" + SHARE + "&baseUrl=http://api.frame.io",
                "baseUrl must use https: plain http is allowed only for loopback addresses");
        assertRefusedAtStart("frameio-shares:getShare?shareId=" + SHARE + "&accessToken=&clientId=id&clientSecret=s"
                             + "&imsUrl=http://ims.example.com", "imsUrl must use https");
        assertRefusedAtStart("frameio-shares:getShare?shareId=" + SHARE + "&baseUrl=ftp://api.frame.io",
                "baseUrl must be an https:// URL");
        assertEquals(0, simulator.requests().total());
    }

    @Test
    void credentialsMustBeCompleteAndUnambiguous() {
        assertRefusedAtStart("frameio-shares:getShare?shareId=" + SHARE + "&accessToken=",
                "No credentials: set accessToken, clientId with clientSecret, clientId with refreshToken, or a tokenProvider");
        assertRefusedAtStart("frameio-shares:getShare?shareId=" + SHARE + "&accessToken=&clientId=abc",
                "clientId needs clientSecret (server-to-server) or refreshToken (user)");
        assertRefusedAtStart("frameio-shares:getShare?shareId=" + SHARE + "&accessToken=&clientSecret=s",
                "clientId is required with clientSecret");
        assertRefusedAtStart("frameio-shares:getShare?shareId=" + SHARE + "&clientId=abc&clientSecret=s",
                "Choose one way of authenticating");
        assertEquals(0, simulator.requests().total());
    }

    private void assertRefusedAtStart(String uri, String expected) {
        FailedToCreateProducerException e = assertThrows(FailedToCreateProducerException.class, () -> send(uri, null));
        Throwable cause = e.getCause();
        assertInstanceOf(FrameioInvalidRequestException.class, cause);
        assertTrue(cause.getMessage().contains(expected), () -> "'" + cause.getMessage() + "' does not say '" + expected + "'");
    }

    private FrameioInvalidRequestException assertRefused(String uri, Object body, Map<String, Object> headers, String expected) {
        Exchange exchange = send(uri, body, new HashMap<>(headers));
        Exception e = exchange.getException();
        assertInstanceOf(FrameioInvalidRequestException.class, e, () -> "expected a refusal, got " + e);
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' does not say '" + expected + "'");
        assertEquals(0, simulator.requests().total(), "nothing may reach Frame.io");
        return (FrameioInvalidRequestException) e;
    }
}
