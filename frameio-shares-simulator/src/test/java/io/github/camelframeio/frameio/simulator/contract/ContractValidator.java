package io.github.camelframeio.frameio.simulator.contract;

import io.github.camelframeio.frameio.contract.FrameioContract;
import io.github.camelframeio.frameio.contract.RequestValidator;
import io.github.camelframeio.frameio.contract.ResponseValidator;
import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.contract.Violation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks requests and answers as seen on the wire against the official document that the contract module ships
 * (and nothing else): requests with {@link RequestValidator#DOCUMENT} (the document's schemas alone, none of the
 * project's rules), answers with the strict {@link ResponseValidator}. A request to a route the document does not
 * have is a violation.
 */
public final class ContractValidator {

    private ContractValidator() {
    }

    /** The official document, as shipped. */
    public static String spec() {
        return FrameioContract.text();
    }

    /**
     * @param path the raw (percent-encoded) path
     */
    public static ContractReport validateRequest(String method, String path, Map<String, List<String>> query,
                                                 Map<String, List<String>> headers, String body) {
        return validateRequest(RequestValidator.DOCUMENT, method, path, query, headers, body);
    }

    /**
     * The same with another validator, e.g. {@link RequestValidator#SERVER} for what the simulator (and this project)
     * accepts: the document plus the project's rules, comma lists of {@code include} among them.
     */
    public static ContractReport validateRequest(RequestValidator validator, String method, String path,
                                                 Map<String, List<String>> query, Map<String, List<String>> headers,
                                                 String body) {
        SharesOperation.Match match = match(method, path);
        if (match == null) {
            return unknownRoute(method, path);
        }
        Map<String, String> single = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (!values.isEmpty()) {
                single.put(name, values.get(0));
            }
        });
        List<Violation> violations = new ArrayList<>();
        violations.addAll(validator.validatePath(match.operation(), match.pathParams()));
        violations.addAll(validator.validateQuery(match.operation(), single));
        if (validator.hasBody(match.operation().operationId()) || (body != null && !body.isEmpty())) {
            violations.addAll(validator.validateBody(match.operation(), parse(body, violations)));
        }
        return new ContractReport(violations);
    }

    /**
     * @param path the raw (percent-encoded) path of the request answered
     */
    public static ContractReport validateResponse(String method, String path, int status,
                                                  Map<String, List<String>> headers, String body) {
        SharesOperation.Match match = match(method, path);
        if (match == null) {
            return unknownRoute(method, path);
        }
        return new ContractReport(ResponseValidator.validate(match.operation(), status, headers, body));
    }

    public static String format(ContractReport report) {
        return report.toString();
    }

    private static SharesOperation.Match match(String method, String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(path.startsWith("/") ? 1 : 0).split("/", -1)) {
            segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
        }
        return SharesOperation.match(method.toUpperCase(Locale.ROOT), segments);
    }

    private static ContractReport unknownRoute(String method, String path) {
        return new ContractReport(List.of(new Violation(Violation.Location.PATH, path, Violation.Kind.OTHER, "",
                method + " " + path + " is not an operation of the contract")));
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String body, List<Violation> violations) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            violations.add(new Violation(Violation.Location.BODY, "", Violation.Kind.OTHER, "", "not JSON"));
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
