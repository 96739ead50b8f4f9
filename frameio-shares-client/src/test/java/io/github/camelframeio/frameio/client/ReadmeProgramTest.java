package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAccess;
import io.github.camelframeio.frameio.simulator.FrameioSimulatorExtension;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's ten-line program works as printed: it is the first {@code java} block of README.md, line for line the
 * body of {@link #program}, run here against the simulator.
 */
class ReadmeProgramTest {

    @RegisterExtension
    static FrameioSimulatorExtension frameio = FrameioSimulatorExtension.create(b -> b.rateLimits(false));

    @Test
    void theReadmeProgramListsAndCreatesShares() throws IOException {
        SimulatorFixtures f = frameio.fixtures();
        frameio.simulator().bulkCreateShares(f.projectId(), 3);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            program(f.baseUrl(), f.imsUrl(), f.clientId(), f.clientSecret(), f.accountId(), f.projectId(),
                    f.folderIds().get(0));
        } finally {
            System.setOut(out);
        }
        assertEquals(3, printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("https://f.io/")).count());
        assertEquals(4, frameio.simulator().shareCount());
        assertTrue(frameio.simulator().requests().count("shares.add_reviewers") == 1);
    }

    @Test
    void theReadmeShowsThisProgram() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```java\n") + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        String source = Files.readString(Path.of("src/test/java/io/github/camelframeio/frameio/client/ReadmeProgramTest.java"));
        String method = source.substring(source.lastIndexOf("private static void program("));
        String body = method.substring(method.indexOf("// README from here") + "// README from here".length(),
                method.indexOf("// README to here"));
        List<String> expected = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> shown = block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertEquals(expected.size(), shown.size(), "the same number of lines: " + shown);
        // the README authenticates from the environment, the test with the simulator's URLs and credentials
        assertEquals(expected.subList(2, expected.size()), shown.subList(2, shown.size()));
    }

    private static void program(String baseUrl, String imsUrl, String clientId, String clientSecret, String accountId,
                                String projectId, String folderId) {
        // README from here
        try (FrameioSharesClient frameio = FrameioSharesClient.builder().baseUrl(baseUrl).imsUrl(imsUrl)
                .clientCredentials(clientId, clientSecret, null)
                .build()) {
            FrameioSharesBlockingClient shares = frameio.blocking();
            shares.shares(accountId, projectId).forEach(s -> System.out.println(s.getName() + " " + s.getShortUrl()));
            Share created = shares.createShare(accountId, projectId,
                    CreateShareRequest.of("Dailies for the client", ShareAccess.SECURE).assetIds(folderId));
            shares.addReviewers(accountId, created.getId(), Reviewers.parse(List.of("client@example.com"), null, "args"),
                    "Here are the dailies", true);
        }
        // README to here
    }
}
