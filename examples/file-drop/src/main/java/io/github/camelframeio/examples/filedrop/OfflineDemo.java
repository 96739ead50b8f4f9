package io.github.camelframeio.examples.filedrop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.apache.camel.main.Main;
import org.apache.camel.support.ScheduledPollConsumer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The example without a Frame.io account: starts the simulator in-process and the routes against it, drops sample
 * share requests (good and bad) into the inbox, waits for their shares, changes some of them the way people do in
 * the web app, waits until the shareChanges feed has written those events, and prints what happened.
 * {@link #run()} answers 0 when every expected file appeared, 1 otherwise.
 */
final class OfflineDemo {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A sample request: a file for the inbox, and whether it should become a share. */
    private record SampleRequest(String fileName, String content, boolean valid) {
    }

    /** An event the feed must write: its type and the request file whose share it concerns. */
    private record ExpectedEvent(String event, String requestFile) {
    }

    private final FileDropFolders folders;
    private final PrintStream out;
    private final List<String> webAppChanges = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    OfflineDemo(FileDropFolders folders, PrintStream out) {
        this.folders = folders;
        this.out = out;
    }

    int run() throws Exception {
        folders.clear();
        folders.create();
        // Frame.io's rate limits stay on: the demo's few calls fit in them, as they would on Frame.io
        try (FrameioSimulator simulator = FrameioSimulator.builder().start()) {
            SimulatorFixtures fx = simulator.fixtures();
            out.println("No FRAMEIO_* environment variables: running against a Frame.io simulator at " + fx.baseUrl());
            out.println("Work directory: " + folders.root());
            Main main = FileDropApplication.newMain(folders,
                    Map.of("base-url", fx.baseUrl(), "ims-url", fx.imsUrl(),
                            "client-id", fx.clientId(), "client-secret", fx.clientSecret(),
                            "account-id", fx.accountId(), "project-id", fx.projectId()),
                    Map.of("filedrop.changes-delay", "500", "filedrop.changes-initial-delay", "0"));
            main.start();
            try {
                play(main, fx);
            } finally {
                main.stop();
            }
        }
        printSummary();
        return problems.isEmpty() ? 0 : 1;
    }

    private void play(Main main, SimulatorFixtures fx) throws Exception {
        // startFrom=now: the feed's first poll notes the project as it is, so drop the requests after it
        ScheduledPollConsumer feed = (ScheduledPollConsumer) main.getCamelContext().getRoute("share-events").getConsumer();
        if (!await("the first poll of the shareChanges feed", feed::isFirstPollDone)) {
            return;
        }

        List<SampleRequest> requests = sampleRequests(fx);
        for (SampleRequest request : requests) {
            drop(request);
        }
        if (!await("a result or an error for every request", () -> requests.stream().allMatch(this::isSettled))) {
            return;
        }
        Map<String, String> shareIds = new LinkedHashMap<>();
        for (SampleRequest request : requests) {
            boolean created = Files.exists(folders.outbox().resolve(request.fileName()));
            if (created != request.valid()) {
                problems.add(request.fileName() + (created ? " became a share but should have failed"
                        : " failed but should have become a share"));
            } else if (created) {
                shareIds.put(request.fileName(), read(folders.outbox().resolve(request.fileName())).path("id").asText());
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        // changes to a share before the feed has seen it would be folded into its created event
        List<ExpectedEvent> expected = new ArrayList<>();
        shareIds.keySet().forEach(file -> expected.add(new ExpectedEvent("created", file)));
        if (!await("a created event for every share", () -> eventsWritten(expected, shareIds))) {
            return;
        }

        SimulatedWebApp webApp = new SimulatedWebApp(fx.baseUrl());
        webApp.edit(shareIds.get("hero-cut.json"), Map.of("name", "Hero cut v2 for the client"));
        webAppChanges.add("renamed 'Hero cut for the client' to 'Hero cut v2 for the client'");
        expected.add(new ExpectedEvent("updated", "hero-cut.json"));
        webApp.view(shareIds.get("dailies-day-1.json"));
        webAppChanges.add("opened 'Dailies, day 1'");
        expected.add(new ExpectedEvent("viewed", "dailies-day-1.json"));
        webApp.addReviewers(shareIds.get("dailies-day-1.json"), List.of(fx.emails().get(1)));
        webAppChanges.add("invited " + fx.emails().get(1) + " to 'Dailies, day 1'");
        expected.add(new ExpectedEvent("reviewersAdded", "dailies-day-1.json"));
        webApp.delete(shareIds.get("poster.json"));
        webAppChanges.add("deleted 'Poster approval'");
        expected.add(new ExpectedEvent("deleted", "poster.json"));
        await("the events of the web-app changes", () -> eventsWritten(expected, shareIds));
    }

    private static List<SampleRequest> sampleRequests(SimulatorFixtures fx) throws IOException {
        Map<String, Object> dailies = new LinkedHashMap<>();
        dailies.put("name", "Dailies, day 1");
        dailies.put("access", "secure");
        dailies.put("asset_ids", List.of(fx.folderIds().get(0)));
        dailies.put("downloading_enabled", false);

        Map<String, Object> hero = new LinkedHashMap<>();
        hero.put("name", "Hero cut for the client");
        hero.put("access", "public");
        hero.put("asset_ids", List.of(fx.versionStackIds().get(0)));
        hero.put("expiration", OffsetDateTime.now(ZoneOffset.UTC).plusDays(14).truncatedTo(ChronoUnit.SECONDS).toString());
        // a secret: it stays in the request (done/hero-cut.json) and reaches neither outbox/, events/ nor the log
        hero.put("passphrase", "no-peeking-2026");

        Map<String, Object> poster = new LinkedHashMap<>();
        poster.put("name", "Poster approval");
        poster.put("access", "public");
        poster.put("asset_ids", List.of(fx.fileIds().get(fx.fileIds().size() - 1)));

        Map<String, Object> unknownAsset = new LinkedHashMap<>();
        unknownAsset.put("name", "Trailer");
        unknownAsset.put("access", "public");
        unknownAsset.put("asset_ids", List.of("7b0c3c39-2a59-4f4e-9a0e-000000000000"));

        return List.of(
                new SampleRequest("dailies-day-1.json", JSON.writeValueAsString(dailies), true),
                new SampleRequest("hero-cut.json", JSON.writeValueAsString(hero), true),
                new SampleRequest("poster.json", JSON.writeValueAsString(poster), true),
                // not JSON: refused before anything is sent
                new SampleRequest("broken.json", "{\"name\": \"Half a request\", \"access\": ", false),
                // valid, but Frame.io answers 404: the asset is not in the project
                new SampleRequest("unknown-asset.json", JSON.writeValueAsString(unknownAsset), false));
    }

    /** Writes the request beside the inbox and moves it in, so the route never reads half a file. */
    private void drop(SampleRequest request) throws IOException {
        Path temp = folders.inbox().resolve("." + request.fileName() + ".tmp");
        Files.writeString(temp, request.content());
        Files.move(temp, folders.inbox().resolve(request.fileName()), StandardCopyOption.ATOMIC_MOVE);
        out.println("Dropped inbox/" + request.fileName());
    }

    private boolean isSettled(SampleRequest request) {
        String name = request.fileName();
        return Files.exists(folders.outbox().resolve(name)) && Files.exists(folders.done().resolve(name))
               || Files.exists(folders.error().resolve(name)) && Files.exists(folders.error().resolve(name + ".error.txt"));
    }

    private boolean eventsWritten(List<ExpectedEvent> expected, Map<String, String> shareIds) {
        try {
            List<JsonNode> events = new ArrayList<>();
            for (Path file : FileDropFolders.list(folders.events(), ".json")) {
                events.add(read(file));
            }
            return expected.stream().allMatch(e -> events.stream().anyMatch(
                    ev -> ev.path("event").asText().equals(e.event())
                          && ev.path("share_id").asText().equals(shareIds.get(e.requestFile()))));
        } catch (IOException e) {
            return false; // a file being written; look again
        }
    }

    private boolean await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                problems.add("gave up waiting " + WAIT.toSeconds() + " s for " + what);
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private void printSummary() throws IOException {
        out.println();
        out.println("Shares created (outbox/):");
        for (Path file : FileDropFolders.list(folders.outbox(), ".json")) {
            JsonNode share = read(file);
            out.printf("  %-20s -> %-26s %s  %s%n", file.getFileName(), "'" + share.path("name").asText() + "'",
                    share.path("short_url").asText(), share.path("access").asText());
        }
        out.println("Requests refused (error/):");
        for (Path reason : FileDropFolders.list(folders.error(), ".error.txt")) {
            String request = reason.getFileName().toString().replace(".error.txt", "");
            out.printf("  %-20s -> %s%n", request, Files.readString(reason).strip());
        }
        out.println("Web-app changes (simulator admin API):");
        webAppChanges.forEach(change -> out.println("  " + change));
        out.println("Share events (events/):");
        for (Path file : FileDropFolders.list(folders.events(), ".json")) {
            JsonNode event = read(file);
            out.println(String.format("  %-15s %-29s %s  %s", event.path("event").asText(),
                    "'" + event.path("share").path("name").asText() + "'", event.path("share").path("short_url").asText(),
                    details(event)).stripTrailing());
        }
        out.println();
        if (problems.isEmpty()) {
            out.println("Done: every request was settled and every change was written as an event.");
        } else {
            problems.forEach(problem -> out.println("FAILED: " + problem));
        }
    }

    private static String details(JsonNode event) {
        List<String> items = new ArrayList<>();
        event.path("changed_fields").forEach(f -> items.add(f.asText()));
        event.path("changed_items").forEach(i -> items.add(i.path("email").asText(i.path("id").asText())));
        return String.join(", ", items);
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
