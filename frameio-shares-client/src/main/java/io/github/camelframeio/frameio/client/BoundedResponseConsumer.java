package io.github.camelframeio.frameio.client;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an answer as it arrives, within {@link ResponseLimits}: a declared length over the limit fails before a
 * byte of the body is read, and an undeclared (chunked, endless) body fails as soon as it passes the limit. The
 * failure ends the exchange, whose connection HttpClient then closes instead of reusing, so the next call is
 * unaffected. Nothing is allocated from what the server declares; the buffer grows with what really arrived.
 * One instance per exchange.
 */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<FrameioTransport.RawResponse> {

    private final int max;
    private int status;
    private Map<String, String> headers;
    private ByteArrayOutputStream body;

    BoundedResponseConsumer(ResponseLimits limits) {
        this.max = limits.maxBodyBytes();
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws IOException {
        status = response.getCode();
        headers = new HashMap<>();
        for (Header h : response.getHeaders()) {
            headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        String length = headers.get(HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT));
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1; // HttpClient refuses a malformed length itself
            }
            if (declared > max) {
                throw new ResponseLimits.AnswerTooLarge(status, "the answer declares " + declared + " bytes, over the"
                        + " limit of " + max + " bytes (maxResponseSize)");
            }
        }
        body = new ByteArrayOutputStream(1024);
    }

    /**
     * No flow control: the I/O thread hands over what it read as it reads it, and {@link #data} counts it against the
     * limit (a small increment would stall every answer longer than it on a capacity update).
     */
    @Override
    protected int capacityIncrement() {
        return Integer.MAX_VALUE;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int n = src.remaining();
        if (body.size() + (long) n > max) {
            body = null;
            throw new ResponseLimits.AnswerTooLarge(status, "the answer's body passed the limit of " + max
                    + " bytes (maxResponseSize) and was cut off");
        }
        if (src.hasArray()) {
            body.write(src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.limit());
        } else {
            byte[] chunk = new byte[n];
            src.get(chunk);
            body.write(chunk, 0, n);
        }
    }

    @Override
    protected FrameioTransport.RawResponse buildResult() {
        return new FrameioTransport.RawResponse(status, headers, body == null ? new byte[0] : body.toByteArray());
    }

    @Override
    public void releaseResources() {
        body = null;
    }
}
