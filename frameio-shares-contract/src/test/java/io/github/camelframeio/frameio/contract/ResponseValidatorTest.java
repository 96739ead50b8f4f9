package io.github.camelframeio.frameio.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The strict response check: the document's own examples pass it, and every kind of drift (a field the contract
 * does not name, a missing required field, a wrong type, an undeclared status, a missing header, a body on 204)
 * fails it. The shapes the simulator used to send for assets, media links and projects fail it too.
 */
class ResponseValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, List<String>> HEADERS = Map.of("Content-Type", List.of("application/json"),
            "x-ratelimit-limit", List.of("100"), "x-ratelimit-remaining", List.of("99"), "x-ratelimit-window",
            List.of("60000"));

    @Test
    void everyExampleOfTheDocumentPassesExceptTheWebhooksStringBoolean() {
        List<String> failures = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> schemas = FrameioContract.document().at("/components/schemas").fields();
        int checked = 0;
        while (schemas.hasNext()) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            if (!schema.getValue().has("example")) {
                continue;
            }
            checked++;
            for (Violation v : ResponseValidator.validateSchema(schema.getKey(), schema.getValue().get("example"))) {
                failures.add(schema.getKey() + " " + v.pointer() + " " + v);
            }
        }
        assertTrue(checked > 60, "examples checked: " + checked);
        // the document's webhook examples write "active": "true" (the shared README says so): the only failures
        for (String failure : failures) {
            assertTrue(failure.startsWith("Webhook") && failure.contains("active") && failure.contains("true or false"),
                    failure);
        }
        assertEquals(6, failures.size(), failures.toString());
    }

    @Test
    void everyResponseExampleOfTheTwelveOperationsPasses() {
        for (SharesOperation op : SharesOperation.shareCalls()) {
            if (!op.hasResponseBody()) {
                continue;
            }
            String name = responseSchema(op);
            JsonNode example = FrameioContract.schema(name).get("example");
            assertEquals(List.of(), ResponseValidator.validate(op, op.successStatus(), HEADERS, example.toString()),
                    op + " " + name);
        }
    }

    @Test
    void everyWebhookAnswerExamplePassesOnceActiveIsABoolean() {
        int checked = 0;
        for (SharesOperation op : SharesOperation.webhookCalls()) {
            if (!op.hasResponseBody()) {
                continue;
            }
            String name = responseSchema(op);
            JsonNode example = FrameioContract.schema(name).get("example").deepCopy();
            List<Violation> asShipped = ResponseValidator.validate(op, op.successStatus(), HEADERS, example.toString());
            assertEquals(1, asShipped.size(), op + " " + name + " as shipped: " + asShipped);
            JsonNode data = example.get("data");
            for (JsonNode webhook : data.isArray() ? data : List.of(data)) {
                ((ObjectNode) webhook).put("active", true);
            }
            assertEquals(List.of(), ResponseValidator.validate(op, op.successStatus(), HEADERS, example.toString()),
                    op + " " + name);
            checked++;
        }
        assertEquals(4, checked, "list, create, show and update answer with a body");
    }

    @Test
    void theCreateAnswerNeedsTheSecretAndTheOthersMayNotCarryIt() {
        ObjectNode created = (ObjectNode) FrameioContract.schema("WebhookCreateResponse").get("example").deepCopy();
        ((ObjectNode) created.get("data")).put("active", true).remove("secret");
        Violation missing = only(ResponseValidator.validate(SharesOperation.CREATE_WEBHOOK, 201, HEADERS,
                created.toString()));
        assertEquals("/data/secret", missing.pointer());
        ObjectNode shown = (ObjectNode) FrameioContract.schema("WebhookWithIncludesResponse").get("example").deepCopy();
        ((ObjectNode) shown.get("data")).put("active", true).put("secret", "s3cr3t");
        Violation extra = only(ResponseValidator.validate(SharesOperation.SHOW_WEBHOOK, 200, HEADERS,
                shown.toString()));
        assertEquals("/data/secret", extra.pointer());
        assertEquals(Violation.Kind.UNEXPECTED_FIELD, extra.kind());
    }

    @Test
    void aFieldTheContractDoesNotNameFails() {
        ObjectNode share = (ObjectNode) FrameioContract.schema("ShareResponse").get("example");
        ((ObjectNode) share.get("data")).put("colour", "red");
        Violation v = only(ResponseValidator.validate(SharesOperation.SHOW_SHARE, 200, HEADERS, share.toString()));
        assertEquals("/data/colour", v.pointer());
        assertEquals(Violation.Kind.UNEXPECTED_FIELD, v.kind());
    }

    @Test
    void aMissingRequiredFieldOrAWrongTypeFails() {
        ObjectNode share = (ObjectNode) FrameioContract.schema("ShareResponse").get("example");
        ((ObjectNode) share.get("data")).remove("collection_id");
        ((ObjectNode) share.get("data")).put("enabled", "yes");
        List<Violation> violations = ResponseValidator.validate(SharesOperation.SHOW_SHARE, 200, HEADERS, share.toString());
        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.toString().contains("data.collection_id: is required"), violations.toString());
        assertTrue(violations.toString().contains("data.enabled: must be true or false"), violations.toString());
    }

    @Test
    void anUndeclaredStatusAMissingHeaderOrABodyOn204Fails() {
        String body = FrameioContract.schema("ShareResponse").get("example").toString();
        assertEquals(Violation.Kind.UNDECLARED_STATUS,
                only(ResponseValidator.validate(SharesOperation.SHOW_SHARE, 503, HEADERS, body)).kind());
        List<Violation> headers = ResponseValidator.validate(SharesOperation.SHOW_SHARE, 200,
                Map.of("content-type", List.of("application/json")), body);
        assertEquals(3, headers.size(), "three rate-limit headers: " + headers);
        headers.forEach(h -> assertEquals(Violation.Location.HEADER, h.location()));
        assertEquals(1, ResponseValidator.validate(SharesOperation.SHOW_SHARE, 200, Map.of("content-type",
                List.of("application/json"), "x-ratelimit-limit", List.of("-1"), "x-ratelimit-remaining", List.of("99"),
                "x-ratelimit-window", List.of("60000")), body).size(), "a negative limit");
        assertEquals(List.of(), ResponseValidator.validate(SharesOperation.DELETE_SHARE, 204, Map.of(), ""));
        assertEquals(1, ResponseValidator.validate(SharesOperation.DELETE_SHARE, 204, Map.of(), "\"\"").size());
        assertEquals(1, ResponseValidator.validate(SharesOperation.SHOW_SHARE, 200, Map.of("x-ratelimit-limit",
                List.of("100"), "x-ratelimit-remaining", List.of("99"), "x-ratelimit-window", List.of("60000")), body)
                .size(), "no content type");
        assertEquals(1, ResponseValidator.validate(SharesOperation.SHOW_SHARE, 200, HEADERS, "{\"data\":").size());
    }

    @Test
    void theAssetShapesTheSimulatorUsedToSendFail() throws Exception {
        String file = "{\"id\":\"bb57d8a0-bb35-423b-88c6-22d08a42d180\",\"type\":\"file\",\"name\":\"a.mov\","
                      + "\"status\":\"transcoded\",\"media_type\":\"video/quicktime\",\"file_size\":1,"
                      + "\"project_id\":\"bb57d8a0-bb35-423b-88c6-22d08a42d180\",\"parent_id\":null,"
                      + "\"created_at\":\"2023-09-25T19:18:29.614189Z\",\"updated_at\":\"2023-09-25T19:18:29.614189Z\","
                      + "\"view_url\":\"https://next.frame.io/x\"";
        String folder = file.replace("\"type\":\"file\"", "\"type\":\"folder\"")
                .replace("\"status\":\"transcoded\",\"media_type\":\"video/quicktime\",\"file_size\":1,", "");
        String stack = folder.replace("\"type\":\"folder\"", "\"type\":\"version_stack\"");
        assertEquals(List.of(), assets(file + "}", folder + ",\"cover_file_id\":null}", stack + ",\"head_version\":null}",
                stack + ",\"head_version\":" + file + "}}"));
        assertTrue(assets(folder + "}").toString().contains("data[0].cover_file_id: is required"));
        assertTrue(assets(stack + "}").toString().contains("data[0].head_version: is required"));
        assertTrue(assets(file + ",\"cover_file_id\":null}").toString().contains("data[0].cover_file_id: is not a field"));
        List<Violation> links = assets(file + ",\"media_links\":{\"original\":{\"url\":\"u\",\"download_url\":\"d\"},"
                + "\"thumbnail\":{\"url\":\"u\"},\"high_quality\":{\"url\":\"u\"}}}");
        assertTrue(links.toString().contains("data[0].media_links.original.url: is not a field"), links.toString());
        assertTrue(links.toString().contains("data[0].media_links.original.inline_url: is required"), links.toString());
        assertTrue(links.toString().contains("data[0].media_links.thumbnail.download_url: is required"), links.toString());
        assertTrue(links.toString().contains("data[0].media_links.high_quality.download_url: is required"), links.toString());
        assertEquals(4, links.size(), links.toString());
        List<Violation> project = assets(file + ",\"project\":{\"id\":\"bb57d8a0-bb35-423b-88c6-22d08a42d180\",\"name\":\"p\"}}");
        assertEquals(8, project.size(), "ProjectWithIncludes requires ten fields, two were sent: " + project);
    }

    private static List<Violation> assets(String... rows) {
        String body = "{\"data\":[" + String.join(",", rows) + "],\"links\":{\"next\":null}}";
        return ResponseValidator.validate(SharesOperation.LIST_SHARE_ASSETS, 200, HEADERS, body);
    }

    private static String responseSchema(SharesOperation op) {
        DocumentedOperation documented = DocumentedOperation.of(op.operationId());
        JsonNode ops = FrameioContract.document().at("/paths").get(documented.path()).get(op.method().toLowerCase());
        String ref = ops.at("/responses/" + op.successStatus() + "/content/application~1json/schema/$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Violation only(List<Violation> violations) {
        assertEquals(1, violations.size(), violations.toString());
        return violations.get(0);
    }
}
