package io.github.camelframeio.frameio.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void everyFlagInTheHelpIsAccepted() {
        Matcher flags = Pattern.compile("^\\s+(--[a-z-]+)( [A-Z]+)?", Pattern.MULTILINE).matcher(Main.USAGE);
        int count = 0;
        while (flags.find()) {
            String flag = flags.group(1);
            if (flag.equals("--help")) {
                continue;
            }
            String[] args = flags.group(2) == null ? new String[] { flag }
                    : new String[] { flag, flag.equals("--host") ? "127.0.0.1"
                                           : flag.equals("--rate-limit-scale") ? "0.5" : "3" };
            assertNotNull(Main.parse(args, new PrintStream(new ByteArrayOutputStream())), flag);
            count++;
        }
        assertEquals(14, count, "flags documented in --help");
    }

    @Test
    void helpPrintsUsageAndStops() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertNull(Main.parse(new String[] { "--help" }, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--rate-limit-scale F"));
    }

    @Test
    void badArgumentsNameTheFlag() {
        assertEquals("unknown option --colour",
                assertThrows(IllegalArgumentException.class, () -> parse("--colour")).getMessage());
        assertEquals("--port needs a value", assertThrows(IllegalArgumentException.class, () -> parse("--port")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--port", "eighty")).getMessage()
                .contains("--port needs a whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--rate-limit-scale", "0")).getMessage()
                .contains("rateLimitScale must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--webhook-retry-scale", "-1")).getMessage()
                .contains("webhookRetryScale must be a positive number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--webhook-timeout-ms", "0")).getMessage()
                .contains("webhookTimeout must be positive"));
    }

    private static FrameioSimulator.Builder parse(String... args) {
        return Main.parse(args, new PrintStream(new ByteArrayOutputStream()));
    }
}
