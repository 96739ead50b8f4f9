package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.camel.component.frameio.shares.state.DirectoryStateRepository;
import io.github.camelframeio.frameio.client.model.ShareActivity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both consumers over state that was lost while they were down (files of a DirectoryStateRepository deleted or
 * changed): no event is made up, the loss is reported naming the key each poll, the other shares keep flowing, and
 * stateRecovery=rebaseline records the lost shares as they are, silently.
 */
class StateLossConsumerTest extends ConsumerTestSupport {

    @TempDir
    Path dir;
    DirectoryStateRepository repo;

    private String changesKey() {
        return "frameio-shares.shareChanges." + fx.accountId() + "." + fx.projectId();
    }

    private static String bucketKey(String prefix, String shareId) {
        return prefix + "." + BucketedState.bucket(shareId);
    }

    /** Shares of distinct buckets (so that each loss concerns one share). */
    private List<String> shares(int n) {
        List<String> ids = new ArrayList<>();
        java.util.Set<Integer> buckets = new java.util.HashSet<>();
        while (ids.size() < n) {
            String id = admin.createShare("S" + ids.size(), "public", List.of(fx.fileIds().get(0)));
            if (buckets.add(BucketedState.bucket(id))) {
                ids.add(id);
            }
        }
        return ids;
    }

    private String watch(String extra) throws Exception {
        repo = new DirectoryStateRepository(dir.resolve("state"));
        context.getRegistry().bind("state", repo);
        consume("changes", "frameio-shares:shareChanges?stateRepository=#state" + extra);
        assertEquals(List.of(), poll("changes"));
        return changesKey();
    }

    private void restart() throws Exception {
        context.getRouteController().stopRoute("changes");
        context.getRouteController().startRoute("changes");
    }

    @Test
    void aLostBucketHoldsBackItsShareOnlyAndIsReportedEachPollUntilRestored() throws Exception {
        List<String> ids = shares(3);
        String prefix = watch("");
        String lost = bucketKey(prefix, ids.get(0));
        context.getRouteController().stopRoute("changes");
        Path file = repo.file(lost);
        byte[] saved = Files.readAllBytes(file);
        Files.delete(file);
        admin.edit(ids.get(0), Map.of("name", "edited while its state was lost"));
        admin.edit(ids.get(1), Map.of("name", "edited"));
        context.getRouteController().startRoute("changes");

        List<Received> events = poll("changes");
        assertEquals(List.of("updated"), types(events), "no 'created' for the share whose state was lost");
        assertEquals(ids.get(1), events.get(0).shareId());
        assertTrue(reported(0, lost), "the poll fails naming the key: " + stateErrors);
        assertTrue(stateErrors.get(0).getMessage().contains(repo.getDirectory().toString()), stateErrors.get(0).getMessage());
        int errors = stateErrors.size();
        admin.edit(ids.get(2), Map.of("name", "edited too"));
        assertEquals(List.of(ids.get(2)), poll("changes").stream().map(Received::shareId).toList());
        assertTrue(reported(errors, lost), "reported again by the next poll");

        Files.write(file, saved); // restored from a backup
        errors = stateErrors.size();
        List<Received> after = poll("changes");
        assertEquals(List.of("updated"), types(after), "its real change, once the state is back");
        assertEquals(ids.get(0), after.get(0).shareId());
        assertEquals(errors, stateErrors.size(), "no error any more");
        assertEquals(List.of(), poll("changes"));
    }

    @Test
    void aLostFormatKeyIsNotAFreshStart() throws Exception {
        List<String> ids = shares(2);
        String prefix = watch("");
        context.getRouteController().stopRoute("changes");
        Files.delete(repo.file(prefix));
        admin.edit(ids.get(0), Map.of("name", "edited"));
        context.getRouteController().startRoute("changes");
        List<Received> events = poll("changes");
        assertEquals(List.of("updated"), types(events), "the buckets that read back whole still count");
        assertTrue(reported(0, prefix), "the format key is named: " + stateErrors);
        String created = admin.createShare("New", "public", List.of(fx.fileIds().get(0)));
        List<Received> next = poll("changes");
        assertTrue(next.stream().noneMatch(r -> r.shareId().equals(ids.get(1))), "nothing made up: " + next);
        assertTrue(next.stream().allMatch(r -> r.shareId().equals(created)), next.toString());
    }

    @Test
    void rebaselineRecordsTheLostSharesAsTheyAreAndEmitsNothingForThem() throws Exception {
        List<String> ids = shares(2);
        String prefix = watch("&stateRecovery=rebaseline");
        context.getRouteController().stopRoute("changes");
        Path file = repo.file(bucketKey(prefix, ids.get(0)));
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2)); // cut
        admin.edit(ids.get(0), Map.of("name", "lost edit"));
        admin.edit(ids.get(1), Map.of("name", "kept edit"));
        context.getRouteController().startRoute("changes");
        List<Received> events = poll("changes");
        assertEquals(List.of(ids.get(1)), events.stream().map(Received::shareId).toList());
        assertEquals(List.of(), stateErrors);
        admin.edit(ids.get(0), Map.of("name", "after the re-baseline"));
        List<Received> later = poll("changes");
        assertEquals(List.of("updated"), types(later), "an update, not a creation: it was re-baselined");
        assertEquals(List.of("name", "updated_at"), later.get(0).changedFields());
        restart();
        assertEquals(List.of(), poll("changes"));
    }

    @Test
    void aLostActivityPositionDoesNotEmitTheOldItemsAgain() throws Exception {
        List<String> ids = shares(2);
        String asset = fx.fileIds().get(0);
        for (int i = 0; i < 5; i++) {
            admin.activity(ids.get(0), "asset_viewed", asset);
            admin.activity(ids.get(1), "asset_viewed", asset);
        }
        repo = new DirectoryStateRepository(dir.resolve("activity"));
        context.getRegistry().bind("state", repo);
        consume("activity", "frameio-shares:shareActivity?stateRepository=#state");
        assertEquals(List.of(), poll("activity"));
        String prefix = "frameio-shares.shareActivity." + fx.accountId() + "." + fx.projectId();
        String lost = bucketKey(prefix, ids.get(0));
        context.getRouteController().stopRoute("activity");
        Files.delete(repo.file(lost));
        String fresh = admin.activity(ids.get(1), "comment_created", asset);
        admin.activity(ids.get(0), "comment_created", asset);
        context.getRouteController().startRoute("activity");

        List<Received> events = poll("activity");
        assertEquals(List.of(fresh), events.stream().map(r -> ((ShareActivity) r.body()).getId()).toList(),
                "only the other share's new item: none of the held-back share's old items");
        assertTrue(reported(0, lost), stateErrors.toString());

        context.getRouteController().stopRoute("activity");
        context.removeRoute("activity");
        consume("activity2", "frameio-shares:shareActivity?stateRepository=#state&stateRecovery=rebaseline");
        assertEquals(List.of(), poll("activity2"), "re-baselined where the feed stands");
        String after = admin.activity(ids.get(0), "asset_downloaded", asset);
        assertEquals(List.of(after), poll("activity2").stream().map(r -> ((ShareActivity) r.body()).getId()).toList());
    }
}
