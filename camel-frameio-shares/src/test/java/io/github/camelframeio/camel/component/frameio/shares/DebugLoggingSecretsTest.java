package io.github.camelframeio.camel.component.frameio.shares;

import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code org.apache.camel} at DEBUG, Camel Main and its properties parser print configured secrets, resolved
 * {@code {{env:...}}} values included. The docs (troubleshooting.md, "Camel's own loggers at DEBUG") name the
 * loggers that do and how to keep them at INFO; this test checks both halves: the loggers named do print a secret,
 * and with them at INFO nothing does.
 */
class DebugLoggingSecretsTest {

    /** The loggers the docs name; keep in step with docs/troubleshooting.md. */
    static final List<String> SECRET_PRINTING_LOGGERS = List.of("org.apache.camel.main.BaseMainSupport",
            "org.apache.camel.main.MainHelper", "org.apache.camel.component.properties.DefaultPropertiesParser",
            "org.apache.camel.component.properties.PropertiesComponent",
            "org.apache.camel.impl.engine.DefaultCamelContextExtension");

    private static final String ENV_SECRET = "secret-from-a-system-property-7f3a";
    private static final String PLAIN_SECRET = "plain-client-secret-91c2";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private AbstractAppender capture;

    @AfterEach
    void restore() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender("capture");
        if (capture != null) {
            capture.stop();
        }
        Configurator.setLevel("org.apache.camel", Level.INFO);
        SECRET_PRINTING_LOGGERS.forEach(name -> Configurator.setLevel(name, (Level) null));
        System.clearProperty("frameio.test.token");
        context.updateLoggers();
    }

    @Test
    void theNamedLoggersPrintSecretsAtDebug() throws Exception {
        List<String> leaks = runMainWithCamelAtDebug(false);
        assertFalse(leaks.isEmpty(), "Camel no longer prints secrets at DEBUG? then the docs' warning can go");
        for (String line : leaks) {
            assertTrue(SECRET_PRINTING_LOGGERS.stream().anyMatch(line::startsWith), "a logger the docs do not name: "
                                                                                     + line);
        }
    }

    @Test
    void withTheNamedLoggersAtInfoNoSecretIsPrinted() throws Exception {
        assertTrue(runMainWithCamelAtDebug(true).isEmpty(), String.join("\n", lines));
    }

    /** Lines that hold a secret, as {@code logger | message}. */
    private List<String> runMainWithCamelAtDebug(boolean silenced) throws Exception {
        System.setProperty("frameio.test.token", ENV_SECRET);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLoggerName() + " | " + event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        LoggerConfig root = config.getRootLogger();
        root.addAppender(capture, Level.ALL, null);
        Configurator.setLevel("org.apache.camel", Level.TRACE);
        if (silenced) {
            SECRET_PRINTING_LOGGERS.forEach(name -> Configurator.setLevel(name, Level.INFO));
        }
        context.updateLoggers();

        Main main = new Main();
        Map.of("camel.component.frameio-shares.access-token", "{{sys:frameio.test.token}}",
                "camel.component.frameio-shares.client-secret", PLAIN_SECRET,
                "camel.component.frameio-shares.account-id", "00000000-0000-4000-8000-000000000001",
                "camel.main.duration-max-messages", "1").forEach(main::addInitialProperty);
        main.configure().addRoutesBuilder(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("timer:once?repeatCount=1").to("log:once");
            }
        });
        main.run();
        return lines.stream().filter(l -> l.contains(ENV_SECRET) || l.contains(PLAIN_SECRET)).toList();
    }
}
