package io.github.camelframeio.examples.filedrop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.apache.camel.main.Main;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the example end to end against the simulator and checks what it leaves on disk.
 */
class FileDropApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOG = Path.of("target/file-drop-test.log");
    private static final String SHORT_URL = "https://f\\.io/[A-Za-z0-9]{8}";

    @Test
    void offlineDemoTurnsRequestsIntoSharesAndWebAppChangesIntoEvents(@TempDir Path workDir) throws Exception {
        FileDropFolders folders = new FileDropFolders(workDir);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = new OfflineDemo(folders, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String summary = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, summary);

        // every good request became a share: its result in outbox/, the request in done/
        Map<String, JsonNode> shares = new TreeMap<>();
        for (Path result : FileDropFolders.list(folders.outbox(), ".json")) {
            shares.put(result.getFileName().toString(), read(result));
        }
        assertEquals(List.of("dailies-day-1.json", "hero-cut.json", "poster.json"), List.copyOf(shares.keySet()));
        for (var share : shares.entrySet()) {
            String shortUrl = share.getValue().path("short_url").asText();
            assertTrue(shortUrl.matches(SHORT_URL), shortUrl);
            assertTrue(summary.contains(shortUrl), "the summary shows " + shortUrl);
            assertTrue(Files.exists(folders.done().resolve(share.getKey())));
        }
        assertEquals("Dailies, day 1", shares.get("dailies-day-1.json").path("name").asText());
        assertEquals("secure", shares.get("dailies-day-1.json").path("access").asText());
        assertFalse(shares.get("dailies-day-1.json").path("downloading_enabled").asBoolean());

        // every bad request is in error/, unchanged, with its reason next to it; nothing is left in the inbox
        assertEquals(List.of("broken.json", "broken.json.error.txt", "unknown-asset.json", "unknown-asset.json.error.txt"),
                names(folders.error()));
        assertTrue(Files.readString(folders.error().resolve("broken.json")).startsWith("{\"name\": \"Half a request\""));
        assertTrue(Files.readString(folders.error().resolve("broken.json.error.txt")).contains("not valid JSON"));
        String notFound = Files.readString(folders.error().resolve("unknown-asset.json.error.txt"));
        assertTrue(notFound.contains("failed with 404") && notFound.contains("not found"), notFound);
        assertEquals(List.of(), names(folders.inbox()));

        // the feed wrote one file per change: the shares' creations first, then the web-app changes
        List<JsonNode> events = new ArrayList<>();
        for (Path file : FileDropFolders.list(folders.events(), ".json")) {
            events.add(read(file));
        }
        String dailies = shares.get("dailies-day-1.json").path("id").asText();
        String hero = shares.get("hero-cut.json").path("id").asText();
        String poster = shares.get("poster.json").path("id").asText();
        assertEquals(List.of("created", "created", "created"),
                events.subList(0, 3).stream().map(e -> e.path("event").asText()).toList(), events::toString);
        assertEquals(Stream.of(dailies, hero, poster).sorted().toList(),
                events.subList(0, 3).stream().map(e -> e.path("share_id").asText()).sorted().toList());
        Map<String, JsonNode> changes = new TreeMap<>();
        events.subList(3, events.size()).forEach(e -> changes.put(e.path("event").asText(), e));
        assertEquals(List.of("deleted", "reviewersAdded", "updated", "viewed"), List.copyOf(changes.keySet()), events::toString);
        assertEquals(7, events.size(), events::toString);
        JsonNode updated = changes.get("updated");
        assertEquals(hero, updated.path("share_id").asText());
        assertEquals("[\"name\",\"updated_at\"]", updated.path("changed_fields").toString());
        assertEquals("Hero cut v2 for the client", updated.path("share").path("name").asText());
        assertEquals(dailies, changes.get("viewed").path("share_id").asText());
        assertEquals("[\"last_viewed_at\"]", changes.get("viewed").path("changed_fields").toString());
        assertEquals(dailies, changes.get("reviewersAdded").path("share_id").asText());
        assertEquals("blake.editor@example.com",
                changes.get("reviewersAdded").path("changed_items").path(0).path("email").asText());
        assertEquals(poster, changes.get("deleted").path("share_id").asText());
        assertTrue(Files.size(folders.state().resolve("share-changes.state")) > 0);

        // the readable log lines, and no secret: neither the share's passphrase (outside the request the user
        // wrote) nor the credential
        String log = Files.readString(LOG);
        assertTrue(log.contains("updated         'Hero cut v2 for the client' " + shares.get("hero-cut.json").path("short_url").asText()
                                + ": name, updated_at"), log);
        assertTrue(log.contains("Rejected broken.json (moved to error/)"), log);
        assertTrue(Files.readString(folders.done().resolve("hero-cut.json")).contains("\"passphrase\""));
        for (Path written : filesUnder(workDir, folders.done())) {
            assertFalse(Files.readString(written).contains("no-peeking-2026"), written + " holds the passphrase");
        }
        assertFalse(log.contains("no-peeking-2026"), "the log holds the passphrase");
        assertFalse(log.contains(simulatorFixtures().clientSecret()), "the log holds the client secret");
    }

    @Test
    void withFrameioVariablesTheRoutesUseThatAccountAndCredential(@TempDir Path workDir) throws Exception {
        try (FrameioSimulator frameio = FrameioSimulator.builder().start()) {
            SimulatorFixtures fx = frameio.fixtures();
            FileDropFolders folders = new FileDropFolders(workDir);
            Map<String, String> options = FileDropApplication.componentOptions(Map.of(
                    "FRAMEIO_BASE_URL", fx.baseUrl(), "FRAMEIO_IMS_URL", fx.imsUrl(),
                    "FRAMEIO_CLIENT_ID", fx.clientId(), "FRAMEIO_CLIENT_SECRET", fx.clientSecret(),
                    "FRAMEIO_ACCOUNT_ID", fx.accountId(), "FRAMEIO_PROJECT_ID", fx.projectId(),
                    "HOME", "/elsewhere"), folders);
            assertEquals(6, options.size(), options::toString);

            Main main = FileDropApplication.newMain(folders, options,
                    Map.of("filedrop.changes-delay", "200", "filedrop.changes-initial-delay", "0"));
            main.start();
            try {
                var feed = (ScheduledPollConsumer) main.getCamelContext().getRoute("share-events").getConsumer();
                await(feed::isFirstPollDone);
                Files.writeString(folders.inbox().resolve("review.json"),
                        "{\"data\": {\"name\": \"Review\", \"access\": \"public\", \"asset_ids\": [\"" + fx.assetIds().get(0) + "\"]}}");

                await(() -> Files.exists(folders.outbox().resolve("review.json")));
                String shareId = read(folders.outbox().resolve("review.json")).path("id").asText();
                assertTrue(frameio.hasShare(shareId));
                await(() -> names(folders.events()).stream().anyMatch(n -> n.endsWith("-created-" + shareId + ".json")));
                assertEquals(1, frameio.requests().count("ims.token"), "a server-to-server token from the variables");
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void incompleteFrameioVariablesAreNamed(@TempDir Path workDir) {
        var e = assertThrows(IllegalArgumentException.class, () -> FileDropApplication.componentOptions(
                Map.of("FRAMEIO_CLIENT_ID", "id", "FRAMEIO_PROJECT_ID", "p"), new FileDropFolders(workDir)));
        assertTrue(e.getMessage().contains("FRAMEIO_ACCOUNT_ID") && e.getMessage().contains("FRAMEIO_ACCESS_TOKEN"),
                e.getMessage());
        assertFalse(e.getMessage().contains("FRAMEIO_PROJECT_ID"), e.getMessage());
    }

    /** The fixtures of a simulator with the demo's (default) seed: the same credentials the demo's simulator had. */
    private static SimulatorFixtures simulatorFixtures() {
        try (FrameioSimulator simulator = FrameioSimulator.builder().start()) {
            return simulator.fixtures();
        }
    }

    private static List<Path> filesUnder(Path root, Path except) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(except)).collect(Collectors.toList());
        }
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out");
            Thread.sleep(50);
        }
    }
}
