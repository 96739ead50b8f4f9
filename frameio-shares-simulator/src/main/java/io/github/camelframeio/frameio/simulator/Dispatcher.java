package io.github.camelframeio.frameio.simulator;

import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.simulator.admin.FaultInjector;
import io.github.camelframeio.frameio.simulator.admin.FaultRule;
import io.github.camelframeio.frameio.simulator.admin.RequestLog;
import io.github.camelframeio.frameio.simulator.api.ApiException;
import io.github.camelframeio.frameio.simulator.api.Json;
import io.github.camelframeio.frameio.simulator.api.RateLimiter;
import io.github.camelframeio.frameio.simulator.api.SharesApi;
import io.github.camelframeio.frameio.simulator.api.WebhooksApi;
import io.github.camelframeio.frameio.simulator.auth.TokenService;
import io.github.camelframeio.frameio.simulator.http.HttpRequest;
import io.github.camelframeio.frameio.simulator.http.HttpResponse;
import io.github.camelframeio.frameio.simulator.state.Actor;
import io.github.camelframeio.frameio.simulator.state.Ids;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Routes every request: {@code /_sim} to the admin API, {@code /ims/token/v3} to the IMS look-alike and
 * {@code /v4} to the Shares and webhook operations, with fault injection, authentication, rate limiting and the request log in
 * front of the API, in that order.
 */
final class Dispatcher {

    /** The operation name the simulator uses for the Adobe IMS token endpoint in logs and fault rules. */
    static final String IMS_TOKEN = FaultInjector.IMS_TOKEN;

    private final SharesApi shares;
    private final WebhooksApi webhooks;
    private final TokenService tokens;
    private final RateLimiter limiter;
    private final FaultInjector faults;
    private final RequestLog log;
    private final AdminApi admin;
    private final boolean retryAfter;
    private final PrintStream requestLogOut;
    private final Ids requestIds;
    private final List<ExchangeObserver> observers;

    Dispatcher(SharesApi shares, WebhooksApi webhooks, TokenService tokens, RateLimiter limiter, FaultInjector faults, RequestLog log,
               AdminApi admin, boolean retryAfter, PrintStream requestLogOut, long seed,
               List<ExchangeObserver> observers) {
        this.shares = shares;
        this.webhooks = webhooks;
        this.tokens = tokens;
        this.limiter = limiter;
        this.faults = faults;
        this.log = log;
        this.admin = admin;
        this.retryAfter = retryAfter;
        this.requestLogOut = requestLogOut;
        this.requestIds = new Ids(seed ^ 0x524551L);
        this.observers = List.copyOf(observers);
    }

    HttpResponse handle(HttpRequest request) {
        List<String> segments = request.segments();
        if (!segments.isEmpty() && segments.get(0).equals("_sim")) {
            return admin.handle(request);
        }
        if (segments.equals(List.of("ims", "token", "v3"))) {
            return withFaults(IMS_TOKEN, request, () -> tokens.token(request));
        }
        SharesOperation.Match match = segments.isEmpty() || !segments.get(0).equals("v4")
                ? null : SharesOperation.match(request.method(), segments);
        if (match == null) {
            HttpResponse response = Json.error(ApiException.notFound("Not found"));
            record(request, response, null, null);
            return response;
        }
        return withFaults(match.operation().operationId(), request, () -> api(match, request));
    }

    private HttpResponse withFaults(String operationId, HttpRequest request, Supplier<HttpResponse> work) {
        FaultRule fault = faults.next(operationId);
        HttpResponse response = fault == null ? work.get() : applyFault(fault, operationId, work);
        record(request, response, operationId, fault);
        return response;
    }

    /**
     * Order of effects: a {@code processed} rule runs the request first; then the delay; then a reset, or the
     * injected status, or the real response; a {@code malformed} rule finally truncates the body.
     */
    private HttpResponse applyFault(FaultRule fault, String operationId, Supplier<HttpResponse> work) {
        HttpResponse real = fault.processed() ? work.get() : null;
        if (fault.delayMillis() > 0) {
            try {
                Thread.sleep(fault.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.reset()) {
            return HttpResponse.abort(HttpResponse.Abort.RESET);
        }
        HttpResponse response;
        if (fault.status() != null) {
            response = injectedStatus(fault.status(), operationId);
        } else {
            response = real != null ? real : work.get();
        }
        if (fault.malformed() && response.body().length > 0) {
            byte[] body = response.body();
            response.body(Arrays.copyOf(body, Math.max(1, body.length / 2)), "application/json; charset=utf-8");
        }
        return response;
    }

    private HttpResponse injectedStatus(int status, String operationId) {
        String detail = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> status >= 500 ? "Internal server error" : "Error";
        };
        HttpResponse response = Json.error(ApiException.of(status, detail));
        SharesOperation op = SharesOperation.byOperationId(operationId);
        // API answers carry the rate-limit headers; a 5xx comes from in front of the API and does not
        if (op != null && status < 500) {
            RateLimiter.Decision d = limiter.peek(op);
            rateLimitHeaders(response, new RateLimiter.Decision(status != 429, d.limit(),
                    status == 429 ? 0 : d.remaining(), d.windowMillis(), d.windowMillis() / d.limit()));
        }
        if (status == 429 && retryAfter) {
            response.header("retry-after", "1");
        }
        return response;
    }

    private HttpResponse api(SharesOperation.Match match, HttpRequest request) {
        SharesOperation op = match.operation();
        HttpResponse response;
        RateLimiter.Decision decision;
        TokenService.Principal principal = tokens.authenticate(request.header("authorization"));
        if (principal == null) {
            decision = limiter.peek(op);
            response = Json.error(ApiException.unauthorized());
        } else {
            decision = limiter.acquire(match.pathParams().get("account_id"), principal.userId(), op);
            if (!decision.allowed()) {
                response = Json.error(ApiException.of(429, "Too many requests"));
                if (retryAfter) {
                    response.header("retry-after", Long.toString(Math.max(1, (decision.retryAfterMillis() + 999) / 1000)));
                }
            } else {
                try {
                    String userId = principal.userId();
                    response = op.isShareCall()
                            ? Actor.as(userId, () -> shares.handle(match, request))
                            : webhooks.handle(match, request, userId);
                } catch (ApiException e) {
                    response = Json.error(e);
                } catch (NoSuchElementException e) {
                    // the share went away while this request was working on it
                    response = Json.error(ApiException.notFound("Share not found"));
                }
            }
        }
        if (response.status() != 204) {
            rateLimitHeaders(response, decision);
        }
        return response;
    }

    private static void rateLimitHeaders(HttpResponse response, RateLimiter.Decision decision) {
        response.header("x-ratelimit-limit", Integer.toString(decision.limit()));
        response.header("x-ratelimit-remaining", Integer.toString(decision.remaining()));
        response.header("x-ratelimit-window", Long.toString(decision.windowMillis()));
    }

    private void record(HttpRequest request, HttpResponse response, String operationId, FaultRule fault) {
        response.header("x-request-id", requestIds.alphanumeric(20));
        log.record(new RequestLog.Entry(request.method(), request.rawPath(), request.rawQuery(),
                response.abort() == null ? response.status() : 0, operationId, fault == null ? null : fault.label()));
        for (ExchangeObserver observer : observers) {
            observer.onExchange(operationId, request, response);
        }
        if (requestLogOut != null) {
            requestLogOut.println(request.method() + " " + request.rawPath()
                                  + (request.rawQuery() == null ? "" : "?" + request.rawQuery()) + " -> "
                                  + (response.abort() == null ? Integer.toString(response.status()) : "connection " + response.abort())
                                  + (operationId == null ? "" : " [" + operationId + "]")
                                  + (fault == null ? "" : " fault=" + fault.label()));
        }
    }
}
