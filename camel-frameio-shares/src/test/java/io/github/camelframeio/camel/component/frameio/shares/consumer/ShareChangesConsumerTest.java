package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAsset;
import io.github.camelframeio.frameio.client.model.ShareReviewer;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShareChangesConsumerTest extends ConsumerTestSupport {

    @TempDir
    Path dir;

    private String share(String name) {
        return admin.createShare(name, "public", List.of(fx.fileIds().get(0)));
    }

    @Test
    void baselineThenEveryKindOfChangeInAStableOrder() throws Exception {
        String a = share("A");
        String b = share("B");
        String c = share("C");
        consume("changes", "frameio-shares:shareChanges");
        assertEquals(List.of(), poll("changes"), "the shares that exist at start are the baseline");

        String d = share("D");
        admin.edit(a, Map.of("name", "A renamed", "downloading_enabled", false));
        admin.view(b);
        admin.delete(c);
        List<Received> events = poll("changes");

        assertEquals(List.of("updated", "viewed", "created", "deleted"), types(events));
        assertEquals(List.of(a, b, d, c), events.stream().map(Received::shareId).toList(), "listing order, deletions last");
        assertEquals(List.of("name", "downloading_enabled", "updated_at"), events.get(0).changedFields());
        assertEquals("A renamed", ((Share) events.get(0).body()).getName());
        assertEquals(List.of("last_viewed_at"), events.get(1).changedFields());
        assertTrue(((Share) events.get(1).body()).getLastViewedAt() != null);
        assertEquals("D", ((Share) events.get(2).body()).getName());
        assertEquals("C", ((Share) events.get(3).body()).getName(), "deleted: the share as last seen");
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, events.get(i).batchIndex());
            assertEquals(4, events.get(i).batchSize());
            assertEquals(i == 3, events.get(i).batchComplete());
        }
        assertEquals(List.of(), poll("changes"), "each change once");
    }

    @Test
    void anEditAndAViewTogetherAreTwoEvents() throws Exception {
        String a = share("A");
        consume("changes", "frameio-shares:shareChanges");
        poll("changes");
        admin.edit(a, Map.of("commenting_enabled", false));
        admin.view(a);
        List<Received> events = poll("changes");
        assertEquals(List.of("updated", "viewed"), types(events));
        assertEquals(List.of("commenting_enabled", "updated_at"), events.get(0).changedFields());
        assertEquals(List.of("last_viewed_at"), events.get(1).changedFields());
    }

    @Test
    void startFromBeginningEmitsEveryShareAsCreated() throws Exception {
        String a = share("A");
        String b = share("B");
        consume("changes", "frameio-shares:shareChanges?startFrom=beginning");
        List<Received> events = poll("changes");
        assertEquals(List.of("created", "created"), types(events));
        assertEquals(List.of(a, b), events.stream().map(Received::shareId).toList());
        assertEquals(List.of(), poll("changes"));
    }

    @Test
    void aFailedRouteStepIsEmittedAgainAndNothingElseIs() throws Exception {
        String a = share("A");
        String b = share("B");
        consume("changes", "frameio-shares:shareChanges");
        poll("changes");
        admin.edit(a, Map.of("name", "A2"));
        admin.edit(b, Map.of("name", "B2"));
        failWhen = r -> r.shareId().equals(a);
        List<Received> first = poll("changes");
        assertEquals(List.of(b), first.stream().map(Received::shareId).toList(), "b processed, a failed");

        failWhen = r -> false;
        List<Received> again = poll("changes");
        assertEquals(List.of("updated"), types(again));
        assertEquals(a, again.get(0).shareId());
        assertEquals("A2", ((Share) again.get(0).body()).getName());
        assertEquals(List.of(), poll("changes"));
    }

    @Test
    void aFailedUpdateDoesNotHoldBackTheViewOfTheSameShare() throws Exception {
        String a = share("A");
        consume("changes", "frameio-shares:shareChanges");
        poll("changes");
        admin.edit(a, Map.of("name", "A2"));
        admin.view(a);
        failWhen = r -> r.type().equals("updated");
        assertEquals(List.of("viewed"), types(poll("changes")));
        failWhen = r -> false;
        List<Received> again = poll("changes");
        assertEquals(List.of("updated"), types(again));
        assertEquals(List.of("name", "updated_at"), again.get(0).changedFields());
        assertEquals(List.of(), poll("changes"));
    }

    @Test
    void aListingThatFailsPartWayEmitsNoDeletionsAndCommitsNothing() throws Exception {
        simulator.bulkCreateShares(fx.projectId(), 150); // two pages
        consume("changes", "frameio-shares:shareChanges?maxRetries=1");
        poll("changes");
        List<String> ids = new ArrayList<>(admin.shares().keySet());
        admin.delete(ids.get(0));
        admin.edit(ids.get(120), Map.of("name", "edited"));
        String created = share("New");

        admin.faults("[{\"operation\":\"shares.index\",\"status\":503,\"skip\":1}]"); // every page but the first
        long showsBefore = apiCalls("shares.show");
        assertEquals(List.of(), poll("changes"));
        assertEquals(showsBefore, apiCalls("shares.show"), "no deletion was even considered");
        assertTrue(consumer("changes").getErrorCounter() > 0, "the failed poll counts as an error");

        admin.clearFaults();
        List<Received> events = poll("changes");
        assertEquals(List.of("updated", "created", "deleted"), types(events));
        assertEquals(List.of(ids.get(120), created, ids.get(0)), events.stream().map(Received::shareId).toList());
        assertEquals(0, consumer("changes").getErrorCounter());
    }

    @Test
    void aShareMissingFromTheListingIsOnlyDeletedOnceFrameioSaysSo() throws Exception {
        String a = share("A");
        consume("changes", "frameio-shares:shareChanges?maxRetries=0");
        poll("changes");
        admin.delete(a);
        admin.faults("[{\"operation\":\"shares.show\",\"status\":503}]");
        assertEquals(List.of(), poll("changes"), "reading the missing share failed: nothing decided");
        admin.clearFaults();
        assertEquals(List.of("deleted"), types(poll("changes")));
    }

    @Test
    void maxMessagesPerPollLosesNothing() throws Exception {
        consume("changes", "frameio-shares:shareChanges?maxMessagesPerPoll=2");
        poll("changes");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(share("S" + i));
        }
        List<Received> first = poll("changes");
        assertEquals(2, first.size());
        assertEquals(List.of(2, 2), first.stream().map(Received::batchSize).toList());
        List<Received> second = poll("changes");
        List<Received> third = poll("changes");
        assertEquals(List.of(2, 1), List.of(second.size(), third.size()));
        List<String> all = new ArrayList<>();
        for (List<Received> batch : List.of(first, second, third)) {
            batch.forEach(r -> all.add(r.shareId()));
        }
        assertEquals(ids, all, "every share once, in order");
        assertEquals(List.of(), poll("changes"));
    }

    @Test
    void reviewerAndAssetChangesAreOptIn() throws Exception {
        String secure = admin.createShare("Secure", "secure", List.of(fx.fileIds().get(0)));
        admin.addReviewers(secure, List.of(fx.emails().get(0)));
        consume("changes", "frameio-shares:shareChanges?reviewerChanges=true&assetChanges=true");
        assertEquals(List.of(), poll("changes"), "baseline, reviewers and assets included");

        admin.addReviewers(secure, List.of(fx.emails().get(1), "guest@example.com"));
        admin.removeReviewers(secure, List.of(fx.emails().get(0)));
        admin.addAsset(secure, fx.fileIds().get(1));
        admin.removeAsset(secure, fx.fileIds().get(0));
        List<Received> events = poll("changes");
        assertEquals(List.of("reviewersAdded", "reviewersRemoved", "assetsAdded", "assetsRemoved"), types(events));
        Set<String> added = events.get(0).changedItems().stream().map(r -> ((ShareReviewer) r).getEmail())
                .collect(Collectors.toSet());
        assertEquals(Set.of(fx.emails().get(1), "guest@example.com"), added);
        assertEquals(fx.emails().get(0), ((ShareReviewer) events.get(1).changedItems().get(0)).getEmail());
        assertEquals(fx.fileIds().get(1), ((ShareAsset) events.get(2).changedItems().get(0)).getId());
        assertEquals(fx.fileIds().get(0), ((ShareAsset) events.get(3).changedItems().get(0)).getId());
        assertEquals(secure, ((Share) events.get(0).body()).getId(), "the share in the body");
        assertEquals(List.of(), poll("changes"));

        String fresh = admin.createShare("Fresh", "secure", List.of(fx.fileIds().get(2)));
        assertEquals(List.of("created"), types(poll("changes")));
        List<Received> later = poll("changes");
        assertEquals(List.of("assetsAdded"), types(later), "a new share's assets count from none");
        assertEquals(fresh, later.get(0).shareId());
    }

    @Test
    void withoutOptInNoReviewerOrAssetCallsAreMade() throws Exception {
        admin.createShare("Secure", "secure", List.of(fx.fileIds().get(0)));
        consume("changes", "frameio-shares:shareChanges");
        poll("changes");
        poll("changes");
        assertEquals(0, apiCalls("shares.list_reviewers") + apiCalls("shares.list_assets"));
        assertEquals(2, apiCalls("shares.index"), "one list call per poll for a small project");
    }

    @Test
    void reviewerLooksStayWithinTheirAllowance() throws Exception {
        for (int i = 0; i < 5; i++) {
            admin.createShare("Secure " + i, "secure", List.of(fx.fileIds().get(0)));
        }
        consume("changes", "frameio-shares:shareChanges?reviewerChanges=true&reviewerCallsPerMinute=3");
        poll("changes");
        poll("changes");
        poll("changes");
        assertEquals(3, apiCalls("shares.list_reviewers"), "three a minute, however often it polls");
    }

    @Test
    void aRestartEmitsExactlyWhatChangedWhileItWasDown() throws Exception {
        String a = share("A");
        String b = share("B");
        FileStateRepository repo = FileStateRepository.fileStateRepository(dir.resolve("state.dat").toFile());
        context.getRegistry().bind("state", repo);
        consume("changes", "frameio-shares:shareChanges?stateRepository=#state");
        poll("changes");
        admin.edit(a, Map.of("name", "A2"));
        assertEquals(List.of("updated"), types(poll("changes")));

        context.getRouteController().stopRoute("changes");
        admin.edit(b, Map.of("name", "B2"));
        admin.delete(a);
        String c = share("C");
        context.getRouteController().startRoute("changes");
        List<Received> events = poll("changes");
        assertEquals(List.of("updated", "created", "deleted"), types(events));
        assertEquals(List.of(b, c, a), events.stream().map(Received::shareId).toList());
        assertEquals("A2", ((Share) events.get(2).body()).getName(), "the last share emitted");
        assertTrue(Files.size(dir.resolve("state.dat")) > 0);
    }

    @Test
    void aNewProcessResumesFromTheStateFile() throws Exception {
        String a = share("A");
        Path file = dir.resolve("state.dat");
        context.getRegistry().bind("state1", FileStateRepository.fileStateRepository(file.toFile()));
        consume("first", "frameio-shares:shareChanges?stateRepository=#state1");
        poll("first");
        context.getRouteController().stopRoute("first");
        context.removeRoute("first");

        admin.edit(a, Map.of("description", "while down"));
        admin.view(a);
        // a new repository and a new endpoint: nothing but the file carries over
        context.getRegistry().bind("state2", FileStateRepository.fileStateRepository(file.toFile()));
        consume("second", "frameio-shares:shareChanges?stateRepository=#state2&delay=1000");
        List<Received> events = poll("second");
        assertEquals(List.of("updated", "viewed"), types(events));
        assertEquals(List.of("description", "updated_at"), events.get(0).changedFields());
    }

    @Test
    void thePassphraseStaysOutOfTheState() throws Exception {
        String a = admin.createShare("Secret", "secure", List.of(fx.fileIds().get(0)));
        admin.edit(a, Map.of("passphrase", "correct horse battery staple"));
        Path file = dir.resolve("state.dat");
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(file.toFile()));
        consume("changes", "frameio-shares:shareChanges?stateRepository=#state");
        poll("changes");
        admin.edit(a, Map.of("passphrase", "another one"));
        List<Received> events = poll("changes");
        assertEquals(List.of("updated_at", "passphrase"), events.get(0).changedFields(), "a change is still noticed");
        admin.delete(a);
        List<Received> deleted = poll("changes");
        assertNull(((Share) deleted.get(0).body()).getPassphrase(), "the state never held it");
        context.getRouteController().stopRoute("changes");
        String stored = Files.readString(file);
        assertFalse(stored.contains("correct horse") || stored.contains("another one"));
        for (String line : stored.split("\n")) {
            if (line.contains("=") && !line.endsWith("=")) {
                String value = line.substring(line.indexOf('=') + 1);
                if (!value.startsWith("frameio-shares-state")) {
                    String decoded = new String(java.util.Base64.getUrlDecoder().decode(value),
                            java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertFalse(decoded.contains("another one"), "not even encoded");
                }
            }
        }
    }

    @Test
    void consumerOptionsAreCheckedBeforeAnythingIsSent() {
        long before = simulator.requests().total();
        assertStartFails("frameio-shares:shareChanges?projectId=", "projectId");
        assertStartFails("frameio-shares:shareChanges?startFrom=yesterday", "startFrom");
        assertStartFails("frameio-shares:shareChanges?consumerCallsPerMinute=0", "consumerCallsPerMinute");
        assertStartFails("frameio-shares:shareChanges?stateKey=a=b", "stateKey");
        assertStartFails("frameio-shares:getShare", "producer operation");
        assertEquals(before, simulator.requests().total());
        Exception e = assertThrows(Exception.class,
                () -> template.sendBody("frameio-shares:shareChanges", "x"));
        assertTrue(rootMessage(e).contains("consumer operation"), rootMessage(e));
    }

    private void assertStartFails(String uri, String expected) {
        // the route is refused when it starts (FailedToStartRouteException) or is created
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:never");
            }
        }));
        assertTrue(rootMessage(e).contains(expected), rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder all = new StringBuilder();
        while (t != null) {
            all.append(t.getMessage()).append(" / ");
            t = t.getCause();
        }
        return all.toString();
    }
}
