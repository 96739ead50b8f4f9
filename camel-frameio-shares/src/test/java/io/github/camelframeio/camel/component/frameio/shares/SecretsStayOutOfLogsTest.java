package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAccess;
import io.github.camelframeio.frameio.client.model.UpdateShareRequest;
import io.github.camelframeio.frameio.simulator.admin.FaultRule;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With every secret option set (access token, client secret, refresh token, share passphrase), in URIs and at
 * component level, and every logger at TRACE, a run of successes and failures leaves no secret in any exception
 * message or stack trace, masked endpoint URI, toString, log line of this component (at any level) or log line of
 * anything else at INFO and above.
 * <p>
 * Below INFO, a few third-party loggers print raw traffic and URI parameters, as they do for every component:
 * HttpClient's header and wire logs, and Camel's endpoint resolution when a secret is written into a URI. The test
 * pins that list, so a new leak anywhere else fails it; the component docs tell users to keep those loggers off.
 */
class SecretsStayOutOfLogsTest extends FrameioSharesTestSupport {

    @TempDir
    Path dir;

    @Test
    void noSecretInLogsExceptionsOrUris() throws Exception {
        String passphrase = "Passphrase-Kept-Out-Of-Logs-42";
        String wrongToken = "fio-sim-WRONG-TOKEN-KEPT-SECRET";
        String wrongSecret = "p8e-WRONG-CLIENT-SECRET-KEPT-SECRET";
        List<String> secrets = List.of(fx.token(), fx.clientSecret(), fx.refreshToken(), passphrase, wrongToken,
                wrongSecret);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        CapturingAppender appender = captureEverything();
        try {
            // static token, in the URI
            try (CamelContext context = context(Map.of())) {
                ProducerTemplate template = context.createProducerTemplate();
                String token = "frameio-shares:createShare?accessToken=RAW(" + fx.token() + ")";
                Exchange created = template.send(token, e -> e.getMessage().setBody(
                        CreateShareRequest.of("Secret share", ShareAccess.SECURE).passphrase(passphrase)));
                Share share = created.getMessage().getBody(Share.class);
                seen.add(share.toString());
                seen.add(String.valueOf(created.getMessage().getHeaders()));
                seen.add(URISupport.sanitizeUri(context.getEndpoint(token).getEndpointUri()));
                seen.add(context.getEndpoint(token).toString());
                seen.add(UpdateShareRequest.create().passphrase(passphrase).toString());
                template.send("direct:traced", e -> e.getMessage().setBody(share));
                record(seen, template.send("frameio-shares:getShare?accessToken=RAW(" + wrongToken + ")&shareId="
                                           + share.getId(), e -> { }));
                record(seen, template.send(token, e -> e.getMessage().setBody(
                        Map.of("name", "bad", "access", "public", "passphrase", "x".repeat(300) + passphrase))));
            }
            // server-to-server, in the URI and at component level, with an IMS failure
            try (CamelContext context = context(Map.of("clientId", fx.clientId(), "clientSecret", fx.clientSecret()))) {
                ProducerTemplate template = context.createProducerTemplate();
                record(seen, template.send("frameio-shares:createShare", e -> e.getMessage().setBody(
                        Map.of("name", "s2s", "access", "public", "passphrase", passphrase))));
                String wrong = "frameio-shares:createShare?clientSecret=RAW(" + wrongSecret + ")";
                record(seen, template.send(wrong, e -> e.getMessage().setBody(Map.of("name", "x", "access", "public"))));
                seen.add(URISupport.sanitizeUri(context.getEndpoint(wrong).getEndpointUri()));
                simulator.faults(FaultRule.status("ims.token", 503).times(1));
                simulator.expireAccessTokens();
                record(seen, template.send("frameio-shares:listShares", e -> { }));
            }
            // user refresh token with client secret, kept in a file
            try (CamelContext context = context(Map.of("clientId", fx.clientId(), "clientSecret", fx.clientSecret(),
                    "refreshToken", fx.refreshToken(), "refreshTokenFile", dir.resolve("rt").toString()))) {
                ProducerTemplate template = context.createProducerTemplate();
                record(seen, template.send("frameio-shares:listShares", e -> { }));
                String uri = "frameio-shares:listShares?refreshToken=RAW(" + fx.refreshToken() + ")&clientSecret=RAW("
                             + fx.clientSecret() + ")";
                seen.add(URISupport.sanitizeUri(context.getEndpoint(uri).getEndpointUri()));
                seen.add(context.getEndpoint(uri).toString());
                seen.add(context.getComponent("frameio-shares", FrameioSharesComponent.class)
                        .client(((FrameioSharesEndpoint) context.getEndpoint(uri)).getConfiguration()).toString());
            }
        } finally {
            appender.stop();
        }

        List<CapturedLine> lines = appender.lines();
        assertTrue(lines.stream().filter(l -> l.logger().startsWith("io.github.camelframeio")).count() >= 5,
                () -> "this component logged at DEBUG; loggers seen: " + lines.stream().map(CapturedLine::logger)
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        List<String> leaks = new ArrayList<>();
        Set<String> thirdPartyDebugLeaks = new TreeSet<>();
        for (CapturedLine line : lines) {
            if (containsAny(line.text(), secrets)) {
                boolean ours = line.logger().startsWith("io.github.camelframeio");
                if (!ours && !line.level().isMoreSpecificThan(Level.INFO)) {
                    thirdPartyDebugLeaks.add(line.logger());
                } else {
                    leaks.add(cut(line.logger() + " " + line.text()));
                }
            }
        }
        for (String text : seen) {
            if (containsAny(text, secrets)) {
                leaks.add(cut(text));
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(THIRD_PARTY_RAW_LOGGERS.containsAll(thirdPartyDebugLeaks),
                "secrets in debug logs of " + thirdPartyDebugLeaks + "; only " + THIRD_PARTY_RAW_LOGGERS + " are known to"
                + " print raw traffic or URI parameters");
    }

    /** Third-party loggers that print raw HTTP traffic or endpoint parameters below INFO (see the docs). */
    private static final Set<String> THIRD_PARTY_RAW_LOGGERS = Set.of(
            "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire",
            "org.apache.camel.impl.engine.AbstractCamelContext", "org.apache.camel.support.EndpointHelper",
            "org.apache.camel.support.DefaultComponent",
            // the simulator's Jetty in this test JVM: the server's side of the same traffic (docs/simulator.md)
            "org.eclipse.jetty.http.HttpParser");

    private static boolean containsAny(String text, List<String> secrets) {
        return secrets.stream().anyMatch(text::contains);
    }

    private static String cut(String text) {
        return text.substring(0, Math.min(300, text.length()));
    }

    /** The failure's message and stack trace, or the result (the request the route sent is not a log). */
    private static void record(List<String> seen, Exchange exchange) {
        if (exchange.getException() != null) {
            StringWriter trace = new StringWriter();
            exchange.getException().printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
        } else {
            seen.add(String.valueOf(exchange.getMessage().getBody()));
        }
    }

    private CamelContext context(Map<String, String> options) throws Exception {
        CamelContext context = startContext(simulator, c -> {
            c.setAccessToken(null);
            c.setClientId(options.get("clientId"));
            c.setClientSecret(options.get("clientSecret"));
            c.setRefreshToken(options.get("refreshToken"));
            c.setRefreshTokenFile(options.get("refreshTokenFile"));
        });
        context.setTracing(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:traced").routeId("traced")
                        .log("share ${body} with headers ${headers}")
                        .to("log:frameio?showAll=true&multiline=true");
            }
        });
        return context;
    }

    private static CapturingAppender captureEverything() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        CapturingAppender appender = new CapturingAppender();
        appender.start();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.ALL);
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.setLevel(Level.ALL);
        }
        logging.updateLoggers();
        return appender;
    }

    private record CapturedLine(String logger, Level level, String text) {
    }

    private static final class CapturingAppender extends AbstractAppender {
        private final List<CapturedLine> lines = Collections.synchronizedList(new ArrayList<>());

        CapturingAppender() {
            super("capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
            if (event.getThrown() != null) {
                StringWriter trace = new StringWriter();
                event.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            lines.add(new CapturedLine(event.getLoggerName(), event.getLevel(), line.toString()));
        }

        List<CapturedLine> lines() {
            return new ArrayList<>(lines);
        }

        @Override
        public boolean stop(long timeout, java.util.concurrent.TimeUnit unit) {
            LoggerContext logging = (LoggerContext) LogManager.getContext(false);
            logging.getConfiguration().getRootLogger().removeAppender(getName());
            logging.getConfiguration().getRootLogger().setLevel(Level.INFO);
            logging.updateLoggers();
            return super.stop(timeout, unit);
        }
    }
}
