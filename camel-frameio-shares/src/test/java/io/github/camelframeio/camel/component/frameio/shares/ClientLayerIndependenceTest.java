package io.github.camelframeio.camel.component.frameio.shares;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client and model layers are a plain Java SDK: no Camel import anywhere in them.
 */
class ClientLayerIndependenceTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/camelframeio/camel/component/frameio/shares");

    @Test
    void clientAndModelImportNothingFromCamel() throws IOException {
        for (String layer : List.of("client", "model")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(layer))) {
                List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
                assertTrue(sources.size() > 5, layer + " sources found");
                List<Path> offenders = sources.stream().filter(ClientLayerIndependenceTest::importsCamel).toList();
                assertEquals(List.of(), offenders, layer + " must not depend on Camel");
            }
        }
    }

    private static boolean importsCamel(Path source) {
        try {
            return Files.readAllLines(source).stream().anyMatch(l -> l.startsWith("import org.apache.camel")
                                                                     || l.startsWith("import static org.apache.camel"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
