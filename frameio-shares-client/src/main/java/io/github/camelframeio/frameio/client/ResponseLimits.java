package io.github.camelframeio.frameio.client;

import java.io.IOException;

/**
 * How large an answer may be: its body, each header line, and the number of headers. A Frame.io answer is a page
 * of at most 100 shares (a few hundred KB at most); anything far larger is a fault or an attack, and is cut off at
 * the limit instead of being buffered until the heap runs out.
 *
 * @param maxBodyBytes    the largest body read (the default, 8 MiB, is some 20 times the largest page seen)
 * @param maxHeaderBytes  the longest header line (status line included)
 * @param maxHeaderCount  the most headers
 */
public record ResponseLimits(int maxBodyBytes, int maxHeaderBytes, int maxHeaderCount) {

    public static final ResponseLimits DEFAULT = new ResponseLimits(8 * 1024 * 1024, 64 * 1024, 200);

    public ResponseLimits {
        if (maxBodyBytes < 1024) {
            throw new FrameioInvalidRequestException("maxResponseSize must be at least 1024 bytes, got " + maxBodyBytes);
        }
        if (maxHeaderBytes < 1024) {
            throw new FrameioInvalidRequestException("maxHeaderSize must be at least 1024 bytes, got " + maxHeaderBytes);
        }
        if (maxHeaderCount < 10) {
            throw new FrameioInvalidRequestException("maxHeaderCount must be at least 10, got " + maxHeaderCount);
        }
    }

    /** The same limits with another body size. */
    public ResponseLimits withMaxBodyBytes(int bytes) {
        return new ResponseLimits(bytes, maxHeaderBytes, maxHeaderCount);
    }

    /** The same limits with another header line size. */
    public ResponseLimits withMaxHeaderBytes(int bytes) {
        return new ResponseLimits(maxBodyBytes, bytes, maxHeaderCount);
    }

    @Override
    public String toString() {
        return "limits[body " + maxBodyBytes + " B, header line " + maxHeaderBytes + " B, " + maxHeaderCount + " headers]";
    }

    /** An answer over a limit, as the transport reports it (the client turns it into a typed exception). */
    public static final class AnswerTooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        private final int status;

        AnswerTooLarge(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The status of the answer that was cut off. */
        public int status() {
            return status;
        }
    }
}
