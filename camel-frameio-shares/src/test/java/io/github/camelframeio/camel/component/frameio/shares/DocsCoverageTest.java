package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.model.ShareActivityType;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Docs move with behaviour: every option and header of the generated component JSON, and every event type the
 * consumers emit, appears in docs/ (the user guide) and in the component's AsciiDoc reference.
 */
class DocsCoverageTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path ADOC = Path.of("src", "main", "docs", "frameio-shares-component.adoc");

    private static JsonNode componentJson() throws Exception {
        try (InputStream in = DocsCoverageTest.class.getResourceAsStream(
                "/META-INF/io/github/camelframeio/camel/component/frameio/shares/frameio-shares.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static String guide() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void everyOptionAndHeaderIsInTheGuideAndTheReference() throws Exception {
        JsonNode json = componentJson();
        String guide = guide();
        String adoc = Files.readString(ADOC);
        List<String> missing = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            json.get(section).fieldNames().forEachRemaining(name -> {
                if (!guide.contains("`" + name + "`")) {
                    missing.add("docs/: " + section + "." + name);
                }
                if (!adoc.contains("*" + name + "*")) {
                    missing.add("adoc: " + section + "." + name);
                }
            });
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyEventTypeIsExplainedInTheConsumerGuide() throws Exception {
        String consumers = Files.readString(DOCS.resolve("consumers.md"));
        String adoc = Files.readString(ADOC);
        List<String> missing = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (FrameioSharesEventType type : FrameioSharesEventType.values()) {
            types.add(type.name());
        }
        for (ShareActivityType type : ShareActivityType.values()) {
            if (type != ShareActivityType.UNKNOWN) {
                types.add(type.wireName());
            }
        }
        for (String type : types) {
            if (!consumers.contains("`" + type + "`")) {
                missing.add("docs/consumers.md: " + type);
            }
            if (!adoc.contains("`" + type + "`")) {
                missing.add("adoc: " + type);
            }
        }
        assertEquals(List.of(), missing);
    }
}
