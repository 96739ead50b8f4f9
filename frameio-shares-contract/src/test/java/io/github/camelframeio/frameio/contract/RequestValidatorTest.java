package io.github.camelframeio.frameio.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one request validator, against the official document's request schemas and the project's own rules: what
 * it refuses, where it points, and how it words it both for Frame.io's 422 answers and for people.
 */
class RequestValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String UUID = "3b5f6ff0-4a1e-4c5c-9c33-1d1f1d0f8e2a";
    private static final Map<String, String> SHARE_PATH = Map.of("account_id", UUID, "share_id", UUID);
    private static final Map<String, String> PROJECT_PATH = Map.of("account_id", UUID, "project_id", UUID);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"data\":{\"type\":\"asset\",\"access\":\"public\"}}                                   | /data/name | Missing field: name | data.name: is required",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"colour\":1}}          | /data/colour | Unexpected field: colour | data.colour: is not a field of this request",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\"},\"meta\":1}             | /meta | Unexpected field: meta | meta: is not a field of this request",
        "{\"data\":{\"type\":\"folder\",\"name\":\"x\",\"access\":\"public\"}}                    | /data/type | Invalid value for enum | data.type: must be one of [asset]",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"restricted\"}}                 | /data/access | Invalid value for enum | data.access: must be one of [public, secure]",
        "{\"data\":{\"type\":\"asset\",\"name\":\"\",\"access\":\"public\"}}                      | /data/name | String length is smaller than minLength: 1 | data.name: must be at least 1 character",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"asset_ids\":[]}}      | /data/asset_ids | Array length 0 is smaller than minItems: 1 | data.asset_ids: must have at least 1 item",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"title_line_count\":3}} | /data/title_line_count | 3 is larger than inclusive maximum 2 | data.title_line_count: must be at most 2, was 3",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"title_line_count\":0}} | /data/title_line_count | 0 is smaller than inclusive minimum 1 | data.title_line_count: must be at least 1, was 0",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"enabled\":\"yes\"}}   | /data/enabled | Invalid boolean. Got: string | data.enabled: must be true or false, was a string",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"name_column_width\":1.5}} | /data/name_column_width | Invalid integer. Got: number | data.name_column_width: must be a whole number, was a number",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"expiration\":\"tomorrow\"}} | /data/expiration | Invalid format. Expected :date-time | data.expiration: must be an ISO-8601 date-time with offset, e.g. 2026-09-11T01:12:04Z, got 'tomorrow'",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"featured_field_definition_id\":\"abc\"}} | /data/featured_field_definition_id | Invalid format. Expected :uuid | data.featured_field_definition_id: must be a UUID, got 'abc'",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"sort_by\":{\"direction\":\"asc\"}}} | /data/sort_by/field_definition_id | Missing field: field_definition_id | data.sort_by.field_definition_id: is required",
        "{\"data\":{\"type\":\"asset\",\"name\":null,\"access\":\"public\"}}                       | /data/name | null value where string expected | data.name: must not be null",
        "{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\",\"visible_field_definition_ids\":[\"v\"]}} | /data/visible_field_definition_ids/0 | Invalid format. Expected :uuid | data.visible_field_definition_ids[0]: must be a UUID, got 'v'",
        "[]                                                                                        |  | Invalid object. Got: array | body: must be an object, was an array",
    })
    void createShareIsHeldToTheDocument(String body, String pointer, String detail, String described) throws Exception {
        Violation v = only(RequestValidator.SERVER.validateBody("shares.create", MAPPER.readTree(body)), pointer == null ? "" : pointer);
        assertEquals(detail, v.frameioDetail());
        assertEquals(described, v.toString());
    }

    @Test
    void everyViolationIsReportedAtOnce() throws Exception {
        String body = "{\"data\":{\"type\":\"asset\",\"access\":\"public\",\"name\":\"" + "n".repeat(176)
                      + "\",\"passphrase\":\"" + "p".repeat(250) + "SECRET\",\"description\":\"" + "d".repeat(641) + "\"}}";
        List<Violation> violations = RequestValidator.SERVER.validateBody("shares.create", MAPPER.readTree(body));
        assertEquals(3, violations.size(), violations.toString());
        assertTrue(violations.toString().contains("data.name: must be at most 175 characters, was 176"));
        assertTrue(violations.toString().contains("data.passphrase: must be at most 255 characters, was 256"));
        assertTrue(violations.toString().contains("data.description: must be at most 640 characters, was 641"));
        assertFalse(violations.toString().contains("SECRET"), "a violation never shows the value of a free-text field");
        String limits = "{\"data\":{\"type\":\"asset\",\"access\":\"public\",\"name\":\"" + "n".repeat(175)
                        + "\",\"passphrase\":\"" + "p".repeat(255) + "\",\"description\":\"" + "d".repeat(640) + "\"}}";
        assertEquals(List.of(), RequestValidator.SERVER.validateBody("shares.create", MAPPER.readTree(limits)));
    }

    @Test
    void theDocumentsOwnRequestExamplesAreValid() {
        JsonNode schemas = FrameioContract.document().at("/components/schemas");
        assertEquals(List.of(), RequestValidator.SERVER.validateBody("shares.create",
                schemas.at("/CreateShareParams/example")));
        assertEquals(List.of(), RequestValidator.SERVER.validateBody("shares.update",
                schemas.at("/UpdateShareParams/example")));
        assertEquals(List.of(), RequestValidator.SERVER.validateBody("shares.add_asset",
                schemas.at("/AddAssetParams/example")));
        assertEquals(List.of(), RequestValidator.SERVER.validateBody("shares.add_reviewers",
                schemas.at("/AddReviewersToShareParams/example")));
        assertEquals(List.of(), RequestValidator.SERVER.validateBody("shares.remove_reviewers",
                schemas.at("/RemoveReviewerParams/example")));
    }

    @Test
    void updateNeedsAFieldAndTakesNoCreateOnlyField() throws Exception {
        Violation empty = only(RequestValidator.SERVER.validateBody("shares.update", MAPPER.readTree("{\"data\":{}}")), "/data");
        assertEquals("Object property count 0 is less than minProperties: 1", empty.frameioDetail());
        assertEquals("data: must set at least 1 field", empty.toString());
        assertEquals("Unexpected field: asset_ids", only(RequestValidator.SERVER.validateBody("shares.update",
                MAPPER.readTree("{\"data\":{\"asset_ids\":[\"x\"]}}")), "/data/asset_ids").frameioDetail());
        assertEquals("data.description: must be at least 1 character", only(RequestValidator.SERVER.validateBody(
                "shares.update", MAPPER.readTree("{\"data\":{\"description\":\"\"}}")), "/data/description").toString());
        assertEquals(List.of(), RequestValidator.SERVER.validateBody("shares.update",
                MAPPER.readTree("{\"data\":{\"name\":null,\"passphrase\":null,\"expiration\":null}}")), "nullable on update");
    }

    @ParameterizedTest
    @ValueSource(strings = { "   ", "two\\nlines", "carriage\\rreturn", "line\\u2028separator" })
    void shareNamesNeedAVisibleCharacterAndNoLineBreak(String name) throws Exception {
        for (String op : List.of("shares.create", "shares.update")) {
            String body = op.equals("shares.create")
                    ? "{\"data\":{\"type\":\"asset\",\"access\":\"public\",\"name\":\"" + name + "\"}}"
                    : "{\"data\":{\"name\":\"" + name + "\"}}";
            Violation v = only(RequestValidator.SERVER.validateBody(op, MAPPER.readTree(body)), "/data/name");
            assertEquals(Violation.Kind.BAD_NAME, v.kind());
            assertEquals("Name must include at least one non-whitespace character and no line breaks", v.frameioDetail());
            assertEquals("data.name: must have a non-blank character and no line breaks", v.toString());
        }
    }

    @Test
    void reviewersAreOneTypeOfOneToTenUniqueWellFormedIdentifiers() throws Exception {
        assertEquals("Missing field: message", only(RequestValidator.SERVER.validateBody("shares.add_reviewers",
                MAPPER.readTree("{\"data\":{\"reviewers\":{\"emails\":[\"a@example.org\"]}}}")), "/data/message").frameioDetail());
        assertEquals("Object property count 2 is greater than maxProperties: 1", only(RequestValidator.SERVER.validateBody(
                "shares.add_reviewers", reviewers("{\"emails\":[\"a@example.org\"],\"user_ids\":[\"" + UUID + "\"]}")),
                "/data/reviewers").frameioDetail());
        assertEquals("Object property count 0 is less than minProperties: 1", only(RequestValidator.SERVER.validateBody(
                "shares.add_reviewers", reviewers("{}")), "/data/reviewers").frameioDetail());
        assertEquals("Array items must be unique", only(RequestValidator.SERVER.validateBody("shares.add_reviewers",
                reviewers("{\"emails\":[\"a@example.org\",\"a@example.org\"]}")), "/data/reviewers/emails").frameioDetail());
        assertEquals("data.reviewers.user_ids[0]: must be a UUID, got 'not-a-uuid'", only(RequestValidator.SERVER
                .validateBody("shares.add_reviewers", reviewers("{\"user_ids\":[\"not-a-uuid\"]}")),
                "/data/reviewers/user_ids/0").toString());
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("\"r").append(i).append("@example.org\"");
        }
        assertEquals("Array length 11 is larger than maxItems: 10", only(RequestValidator.SERVER.validateBody(
                "shares.add_reviewers", reviewers("{\"emails\":[" + eleven + "]}")), "/data/reviewers/emails").frameioDetail());
    }

    @Test
    void emailsMustBeAddressesBeyondTheDocument() throws Exception {
        Violation v = only(RequestValidator.SERVER.validateBody("shares.add_reviewers",
                reviewers("{\"emails\":[\"no-at-sign\"]}")), "/data/reviewers/emails/0");
        assertEquals("Invalid format. Expected :email", v.frameioDetail());
        assertEquals("data.reviewers.emails[0]: must be an e-mail address, got 'no-at-sign'", v.toString());
        assertEquals(List.of(), RequestValidator.SERVER.validateBody("shares.remove_reviewers",
                MAPPER.readTree("{\"data\":{\"reviewers\":{\"emails\":[\"a@example.org\"]}}}")));
    }

    @Test
    void removeReviewersMustNameSomeoneBeyondTheDocument() throws Exception {
        JsonNode empty = MAPPER.readTree("{\"data\":{\"reviewers\":{}}}");
        assertEquals("Object property count 0 is less than minProperties: 1",
                only(RequestValidator.SERVER.validateBody("shares.remove_reviewers", empty), "/data/reviewers").frameioDetail());
        assertEquals("Unexpected field: share_list_ids", only(RequestValidator.SERVER.validateBody("shares.remove_reviewers",
                MAPPER.readTree("{\"data\":{\"reviewers\":{\"share_list_ids\":[\"" + UUID + "\"]}}}")),
                "/data/reviewers/share_list_ids").frameioDetail());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "page_size=0             | /page_size | 0 is smaller than inclusive minimum 1 | page_size: must be at least 1, was 0",
        "page_size=101           | /page_size | 101 is larger than inclusive maximum 100 | page_size: must be at most 100, was 101",
        "page_size=ten           | /page_size | Invalid integer. Got: string | page_size: must be a whole number, was a string",
        "sort=newest             | /sort | Invalid value for enum | sort: must be one of [name_asc, created_at_asc, name_desc, created_at_desc]",
        "include_total_count=yes | /include_total_count | Invalid boolean. Got: string | include_total_count: must be true or false, was a string",
    })
    void queryParametersAreTypedAndChecked(String query, String pointer, String detail, String described) {
        String[] pair = query.split("=");
        Violation v = only(RequestValidator.SERVER.validateQuery("shares.index", Map.of(pair[0], pair[1])), pointer);
        assertEquals(detail, v.frameioDetail());
        assertEquals(described, v.toString());
    }

    @Test
    void includeMayListSeveralValuesEachOfTheEnum() {
        assertEquals(List.of(), RequestValidator.SERVER.validateQuery("shares.list_assets",
                Map.of("include", "creator,project,media_links.original")));
        assertEquals("Invalid value for enum", only(RequestValidator.SERVER.validateQuery("shares.list_assets",
                Map.of("include", "creator,thumbnails")), "/include").frameioDetail());
        assertEquals(List.of(), RequestValidator.SERVER.validateQuery("shares.list_activities", Map.of("include", "user")));
        assertEquals(1, RequestValidator.SERVER.validateQuery("shares.list_activities", Map.of("include", "comments")).size());
    }

    @Test
    void undeclaredQueryParametersAreLeftAlone() {
        assertEquals(List.of(), RequestValidator.SERVER.validateQuery("shares.show", Map.of("utm", "x")));
    }

    @Test
    void pathParametersFollowTheDocumentAndTheClientRefusesWhatCannotBeAnId() {
        Violation share = only(RequestValidator.SERVER.validatePath("shares.show", Map.of("account_id", UUID,
                "share_id", "not-a-uuid")), "/share_id");
        assertEquals("share_id: must be a UUID, got 'not-a-uuid'", share.toString());
        Map<String, String> path = new LinkedHashMap<>(PROJECT_PATH);
        path.put("project_id", "a/../b");
        assertEquals(List.of(), RequestValidator.SERVER.validatePath("shares.index", path), "FrameOrAdobeId is a string");
        assertEquals("project_id: must be a Frame.io id (a UUID) or an Adobe id starting with 'adobe:', got 'a/../b'",
                only(RequestValidator.CLIENT.validatePath("shares.index", path), "/project_id").toString());
        assertEquals(List.of(), RequestValidator.CLIENT.validatePath("shares.index",
                Map.of("account_id", "adobe:1234ABCD@AdobeOrg", "project_id", UUID)));
        assertEquals("/account_id", only(RequestValidator.CLIENT.validatePath("shares.show", Map.of("share_id", UUID)),
                "/account_id").pointer());
        assertTrue(RequestValidator.CLIENT.validate(SharesOperation.SHOW_SHARE, SHARE_PATH, Map.of(), null).isEmpty());
    }

    @Test
    void theClientRefusesAssetIdsThatCannotBeIds() throws Exception {
        JsonNode create = MAPPER.readTree("{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\","
                                          + "\"asset_ids\":[\"" + UUID + "\",\"x/y\"]}}");
        assertEquals(List.of(), RequestValidator.SERVER.validateBody("shares.create", create));
        assertEquals("data.asset_ids[1]: must be a Frame.io id (a UUID) or an Adobe id starting with 'adobe:', got 'x/y'",
                only(RequestValidator.CLIENT.validateBody("shares.create", create), "/data/asset_ids/1").toString());
        assertEquals(1, RequestValidator.CLIENT.validateBody("shares.add_asset",
                MAPPER.readTree("{\"data\":{\"asset_id\":\"a b\"}}")).size());
    }

    @Test
    void aBodyWhereNoneIsTakenIsRefused() throws Exception {
        assertEquals(1, RequestValidator.CLIENT.validateBody("shares.show", MAPPER.readTree("{}")).size());
        assertEquals("body: must not be null", RequestValidator.CLIENT.validate(SharesOperation.CREATE_SHARE,
                PROJECT_PATH, Map.of(), null).get(0).toString());
    }

    @Test
    void theServerAppliesOnlyTheRulesThatServersApply() {
        assertFalse(RequestValidator.SERVER.rules().contains(ProjectRule.FRAME_OR_ADOBE_ID));
        assertEquals(ProjectRule.values().length, RequestValidator.CLIENT.rules().size());
    }

    private static JsonNode reviewers(String reviewers) throws Exception {
        return MAPPER.readTree("{\"data\":{\"message\":\"Please review\",\"notify_by_email\":false,\"reviewers\":"
                               + reviewers + "}}");
    }

    private static Violation only(List<Violation> violations, String pointer) {
        if (violations.size() != 1) {
            fail("expected one violation at '" + pointer + "', got " + violations);
        }
        assertEquals(pointer, violations.get(0).pointer(), violations.toString());
        return violations.get(0);
    }
}
