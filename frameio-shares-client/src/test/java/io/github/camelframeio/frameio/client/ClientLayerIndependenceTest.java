package io.github.camelframeio.frameio.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK is plain Java: no Camel import in its sources and no Camel class on its test classpath (the build's
 * enforcer rule also fails on a Camel artifact anywhere in its dependency tree).
 */
class ClientLayerIndependenceTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/camelframeio/frameio/client");

    @Test
    void sourcesImportNothingFromCamel() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertTrue(sources.size() > 30, "sources found: " + sources.size());
            List<Path> offenders = sources.stream().filter(ClientLayerIndependenceTest::importsCamel).toList();
            assertEquals(List.of(), offenders, "the SDK must not depend on Camel");
        }
    }

    @Test
    void noCamelClassIsOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.camel.CamelContext"));
    }

    private static boolean importsCamel(Path source) {
        try {
            return Files.readAllLines(source).stream().anyMatch(l -> l.startsWith("import org.apache.camel")
                                                                     || l.startsWith("import static org.apache.camel")
                                                                     || l.contains("io.github.camelframeio.camel."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
