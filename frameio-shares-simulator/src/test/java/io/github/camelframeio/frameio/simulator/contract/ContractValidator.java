package io.github.camelframeio.frameio.simulator.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks requests and responses against Frame.io's official OpenAPI document for the Shares API, which the
 * simulator jar ships as {@code io/github/camelframeio/frameio/simulator/openapi-shares.json}.
 * <p>
 * Two settings matter. Combinators are resolved, because {@code AddAssetResponse} and {@code RemoveAssetResponse}
 * combine {@code allOf} with {@code additionalProperties: false}, which means "no fields beyond those of the allOf
 * members" (read literally, JSON Schema would reject every field). And additional properties stay an error (the
 * library's default), so a field that is not in the contract fails a response even where the schema itself does
 * not forbid extra fields. The one accepted message is a missing body on 204, explained below.
 */
public final class ContractValidator {

    public static final String SPEC_RESOURCE = "/io/github/camelframeio/frameio/simulator/openapi-shares.json";

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(spec())
            .withResolveCombinators(true)
            // The contract declares 204 answers with the NoContent schema, a string whose value is "". HTTP forbids
            // a body on 204, so the empty body is that string; only this one message, only on 204, is accepted.
            .withWhitelist(ValidationErrorsWhitelist.create().withRule("204 carries the empty NoContent string",
                    WhitelistRules.allOf(WhitelistRules.responseStatusIs(204),
                            WhitelistRules.messageHasKey("validation.response.body.missing"))))
            .build();

    private ContractValidator() {
    }

    public static String spec() {
        try (InputStream in = ContractValidator.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Contract not on the classpath: " + SPEC_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ValidationReport validateRequest(String method, String path, Map<String, List<String>> query,
                                                   Map<String, List<String>> headers, String body) {
        return VALIDATOR.validateRequest(request(method, path, query, headers, body));
    }

    public static ValidationReport validateResponse(String method, String path, int status,
                                                    Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        headers.forEach((name, values) -> response.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        return VALIDATOR.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                response.build());
    }

    public static String format(ValidationReport report) {
        return SimpleValidationReportFormat.getInstance().apply(report);
    }

    private static Request request(String method, String path, Map<String, List<String>> query,
                                   Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), path);
        query.forEach(builder::withQueryParam);
        headers.forEach(builder::withHeader);
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }
}
