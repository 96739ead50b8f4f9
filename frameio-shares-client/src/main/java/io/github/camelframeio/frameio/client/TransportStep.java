package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The last step: the HTTP request of the attempt (bearer token, JSON body), its exchange, and the typed answer or
 * the typed failure ({@link FrameioApiException} for an answer, {@link FrameioTransportException} for none).
 */
final class TransportStep implements CallStep {

    private static final Logger LOG = LoggerFactory.getLogger(FrameioSharesClient.class);

    private final URI baseUri;
    private final FrameioTransport transport;
    private final ObjectMapper mapper;
    private final ResponseReader reader;

    TransportStep(URI baseUri, FrameioTransport transport, ObjectMapper mapper) {
        this.baseUri = baseUri;
        this.transport = transport;
        this.mapper = mapper;
        this.reader = new ResponseReader(mapper);
    }

    @Override
    public <T> CompletableFuture<FrameioResponse<T>> execute(Attempt<T> attempt, Chain chain) {
        SharesCall<T> call = attempt.call();
        SimpleHttpRequest request = request(call, attempt.token());
        CallProgress progress = attempt.progress();
        ServerClock clock = progress.clock();
        long sent = clock.nowMicros();
        CompletableFuture<FrameioTransport.RawResponse> exchange = transport.execute(request);
        progress.sending(() -> exchange.cancel(true));
        return exchange.handle((raw, error) -> {
            long received = clock.nowMicros();
            long millis = (received - sent) / 1000;
            if (error != null) {
                Throwable cause = FrameioSharesClient.unwrap(error);
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} {} attempt {}: no answer after {} ms: {}", call.operation(),
                            call.operation().method(), call.path(), attempt.number(), millis, cause.toString());
                }
                throw new CompletionException(cause instanceof FrameioTransportException e ? e
                        : FrameioTransportException.classify(call.operation(), cause));
            }
            clock.observeDate(raw.header("date"), sent, received);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} attempt {} -> {} in {} ms", call.operation(), call.operation().method(), call.path(),
                        attempt.number(), raw.status(), millis);
            }
            return reader.read(call, raw);
        });
    }

    private SimpleHttpRequest request(SharesCall<?> call, String token) {
        StringBuilder uri = new StringBuilder(baseUri.toString()).append(call.path());
        char separator = '?';
        for (Map.Entry<String, String> q : call.query().entrySet()) {
            uri.append(separator).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(),
                    StandardCharsets.UTF_8));
            separator = '&';
        }
        SimpleHttpRequest request = SimpleHttpRequest.create(call.operation().method(), URI.create(uri.toString()));
        request.setHeader("Authorization", "Bearer " + token);
        request.setHeader("Accept", "application/json");
        if (call.body() != null) {
            try {
                request.setBody(mapper.writeValueAsBytes(call.body()), ContentType.APPLICATION_JSON);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return request;
    }
}
