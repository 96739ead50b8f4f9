package io.github.camelframeio.frameio.simulator.api;

import java.util.List;

/**
 * A Frame.io error response: a status and the {@code errors} array of the V4 error body.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One entry of the {@code errors} array; pointer and title may be null. */
    public record Error(String detail, String pointer, String title) {
    }

    private final int status;
    private final transient List<Error> errors;

    public ApiException(int status, List<Error> errors) {
        super(status + " " + (errors.isEmpty() ? "" : errors.get(0).detail()), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ApiException of(int status, String detail) {
        return new ApiException(status, List.of(new Error(detail, null, null)));
    }

    public static ApiException badRequest(String detail) {
        return of(400, detail);
    }

    public static ApiException unauthorized() {
        return of(401, "Unauthorized");
    }

    public static ApiException forbidden(String detail) {
        return of(403, detail);
    }

    public static ApiException notFound(String detail) {
        return of(404, detail);
    }

    public static ApiException notFound(String detail, String pointer) {
        return new ApiException(404, List.of(new Error(detail, pointer, "Not found")));
    }

    public static ApiException conflict(String detail, String pointer) {
        return new ApiException(409, List.of(new Error(detail, pointer, "Conflict")));
    }

    /** A 422 with one or more validation errors. */
    public static ApiException invalid(List<Error> errors) {
        return new ApiException(422, errors);
    }

    public static ApiException invalid(String pointer, String detail) {
        return invalid(List.of(new Error(detail, pointer, "Invalid value")));
    }

    public int status() {
        return status;
    }

    public List<Error> errors() {
        return errors;
    }
}
