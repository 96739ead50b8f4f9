package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.FrameioError;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Frame.io answered a Shares call with an error status. Carries the status, Frame.io's error details, the
 * operation, the request id and the rate-limit budget it reported; never a token or a request body.
 * <p>
 * Each documented status has its own subclass, so routes can {@code onException} the ones they handle:
 * {@link FrameioBadRequestException} (400), {@link FrameioUnauthorizedException} (401),
 * {@link FrameioForbiddenException} (403), {@link FrameioNotFoundException} (404),
 * {@link FrameioConflictException} (409), {@link FrameioUnprocessableException} (422),
 * {@link FrameioRateLimitException} (429) and {@link FrameioServerException} (5xx).
 */
public class FrameioApiException extends FrameioException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final SharesOperation operation;
    private final transient List<FrameioError> errors;
    private final String requestId;
    private final transient RateLimitInfo rateLimit;
    private Long retryAfterMillis;

    public FrameioApiException(SharesOperation operation, int statusCode, List<FrameioError> errors, String requestId,
                               RateLimitInfo rateLimit) {
        this(operation, statusCode, errors, requestId, rateLimit, null);
    }

    protected FrameioApiException(SharesOperation operation, int statusCode, List<FrameioError> errors,
                                  String requestId, RateLimitInfo rateLimit, String hint) {
        super(message(operation, statusCode, errors, requestId, hint), null);
        this.statusCode = statusCode;
        this.operation = operation;
        this.errors = List.copyOf(errors);
        this.requestId = requestId;
        this.rateLimit = rateLimit;
    }

    /** The exception type for a status. */
    public static FrameioApiException of(SharesOperation operation, int status, List<FrameioError> errors,
                                         String requestId, RateLimitInfo rateLimit) {
        return switch (status) {
            case 400 -> new FrameioBadRequestException(operation, errors, requestId, rateLimit);
            case 401 -> new FrameioUnauthorizedException(operation, errors, requestId, rateLimit);
            case 403 -> new FrameioForbiddenException(operation, errors, requestId, rateLimit);
            case 404 -> new FrameioNotFoundException(operation, errors, requestId, rateLimit);
            case 409 -> new FrameioConflictException(operation, errors, requestId, rateLimit);
            case 422 -> new FrameioUnprocessableException(operation, errors, requestId, rateLimit);
            case 429 -> new FrameioRateLimitException(operation, errors, requestId, rateLimit);
            default -> status >= 500 ? new FrameioServerException(operation, status, errors, requestId, rateLimit)
                    : new FrameioApiException(operation, status, errors, requestId, rateLimit);
        };
    }

    private static String message(SharesOperation operation, int status, List<FrameioError> errors, String requestId,
                                  String hint) {
        StringBuilder sb = new StringBuilder("Frame.io ").append(operation.operationId()).append(" failed with ")
                .append(status);
        if (!errors.isEmpty()) {
            sb.append(": ").append(errors.stream().map(FrameioError::toString).collect(Collectors.joining("; ")));
        }
        if (requestId != null) {
            sb.append(" (request id ").append(requestId).append(')');
        }
        if (hint != null) {
            sb.append(". ").append(hint);
        }
        return sb.toString();
    }

    /** The HTTP status Frame.io answered. */
    @Override
    public int getStatusCode() {
        return statusCode;
    }

    @Override
    public SharesOperation getOperation() {
        return operation;
    }

    @Override
    public String getDetail() {
        return errors.isEmpty() ? "HTTP " + statusCode : errors.get(0).detail();
    }

    /** Frame.io's error details ({@code errors} array); empty when the body had none. */
    public List<FrameioError> getErrors() {
        return errors;
    }

    /** Frame.io's {@code x-request-id}, for support requests; may be null. */
    public String getRequestId() {
        return requestId;
    }

    /** The wait a {@code Retry-After} header asked for, or null when the answer had none. */
    public Long getRetryAfterMillis() {
        return retryAfterMillis;
    }

    /** Records the answer's {@code Retry-After} (seconds or an HTTP date), when it had one that can be read. */
    public FrameioApiException withRetryAfter(String header, long nowMillis) {
        if (header != null && !header.isBlank()) {
            try {
                this.retryAfterMillis = Math.max(0, Long.parseLong(header.trim()) * 1000);
            } catch (NumberFormatException e) {
                try {
                    long at = java.time.ZonedDateTime.parse(header.trim(),
                            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                    this.retryAfterMillis = Math.max(0, at - nowMillis);
                } catch (java.time.format.DateTimeParseException ignored) {
                    // unreadable: back off as if there were none
                }
            }
        }
        return this;
    }

    /** The budget Frame.io reported with the error; may be null. */
    public RateLimitInfo getRateLimit() {
        return rateLimit;
    }
}
