package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.AddReviewersRequest;
import io.github.camelframeio.frameio.client.model.AssetChange;
import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.FileAsset;
import io.github.camelframeio.frameio.client.model.FolderAsset;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.RemoveReviewersRequest;
import io.github.camelframeio.frameio.client.model.ReviewerType;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAccess;
import io.github.camelframeio.frameio.client.model.ShareActivity;
import io.github.camelframeio.frameio.client.model.ShareActivityType;
import io.github.camelframeio.frameio.client.model.ShareAsset;
import io.github.camelframeio.frameio.client.model.ShareReviewer;
import io.github.camelframeio.frameio.client.model.UpdateShareRequest;
import io.github.camelframeio.frameio.client.model.VersionStackAsset;
import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.FrameioSimulatorExtension;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

import static io.github.camelframeio.frameio.client.FrameioSharesClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK on its own, without Camel on the classpath: every one of the twelve operations through its typed method,
 * asynchronous and blocking, listings that page themselves, and reviewer and asset requests of any size, against the
 * simulator on loopback.
 */
class SharesOperationsTest {

    @RegisterExtension
    static FrameioSimulatorExtension frameio = FrameioSimulatorExtension.create(b -> b.rateLimits(false));

    private SimulatorFixtures f;
    private FrameioSimulator sim;
    private FrameioSharesClient client;
    private FrameioSharesBlockingClient blocking;

    @BeforeEach
    void connect() {
        f = frameio.fixtures();
        sim = frameio.simulator();
        client = FrameioSharesClient.builder().baseUrl(f.baseUrl()).imsUrl(f.imsUrl())
                .clientCredentials(f.clientId(), f.clientSecret(), null).build();
        blocking = client.blocking();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void createShowUpdateAndDeleteAShare() {
        FrameioResponse<Share> created = await(client.createShare(f.accountId(), f.projectId(),
                CreateShareRequest.of("SDK share", ShareAccess.SECURE).assetIds(f.assetIds().get(0))));
        assertEquals(201, created.statusCode());
        assertEquals(SharesOperation.CREATE_SHARE, created.operation());
        Share share = created.body();
        assertTrue(share.getShortUrl().startsWith("https://f.io/"));
        assertNotNull(created.requestId());
        assertEquals(10, created.rateLimit().limit());

        assertEquals(share, blocking.getShare(f.accountId(), share.getId()));
        Share renamed = await(client.updateShare(f.accountId(), share.getId(), UpdateShareRequest.create().name("Renamed")))
                .body();
        assertEquals("Renamed", renamed.getName());
        assertEquals("Renamed", sim.share(share.getId()).get("name").asText(), "what Frame.io now holds");

        FrameioResponse<Void> deleted = await(client.deleteShare(f.accountId(), share.getId()));
        assertEquals(204, deleted.statusCode());
        assertNull(deleted.body());
        FrameioNotFoundException gone = assertThrows(FrameioNotFoundException.class,
                () -> blocking.getShare(f.accountId(), share.getId()));
        assertEquals(404, gone.getStatusCode());
    }

    @Test
    void listSharesPagesThroughAProject() {
        sim.bulkCreateShares(f.projectId(), 250);
        FrameioResponse<Page<Share>> first = await(client.listShares(f.accountId(), f.projectId(),
                ListOptions.pageSize(100).withTotalCount(true)));
        assertEquals(100, first.body().data().size());
        assertEquals(250, first.body().totalCount());
        assertNotNull(first.body().nextCursor());

        Listing<Share> all = await(client.shares(f.accountId(), f.projectId(), ListOptions.defaults()).collect());
        assertEquals(250, all.items().size());
        assertEquals(3, all.pages());
        assertNull(all.nextCursor());

        Listing<Share> some = await(client.shares(f.accountId(), f.projectId(), ListOptions.defaults()).collect(120));
        assertEquals(120, some.items().size(), "maxResults is exact");
        assertNotNull(some.nextCursor(), "a cursor that continues right after the last item");
        Page<Share> rest = blocking.listShares(f.accountId(), f.projectId(), ListOptions.defaults().withAfter(some.nextCursor()));
        assertEquals(all.items().get(120), rest.data().get(0));

        assertEquals(250, blocking.shares(f.accountId(), f.projectId()).count(), "a stream, read as consumed");
        Iterator<Share> lazily = client.shares(f.accountId(), f.projectId(), ListOptions.pageSize(50)).iterator(75);
        int n = 0;
        while (lazily.hasNext()) {
            lazily.next();
            n++;
        }
        assertEquals(75, n);
        List<String> sorted = blocking.listShares(f.accountId(), f.projectId(), ListOptions.pageSize(5)
                .withSort("name_desc")).data().stream().map(Share::getName).toList();
        assertEquals(sorted.stream().sorted(String.CASE_INSENSITIVE_ORDER.reversed()).toList(), sorted);
    }

    @Test
    void addListAndRemoveShareAssets() {
        Share share = blocking.createShare(f.accountId(), f.projectId(), CreateShareRequest.of("Assets", ShareAccess.PUBLIC));
        FrameioResponse<AssetChange> added = await(client.addAsset(f.accountId(), share.getId(), f.folderIds().get(0)));
        assertEquals(f.folderIds().get(0), added.body().getAssetId());
        assertEquals(share.getId(), added.body().getShare().getId());
        blocking.addAsset(f.accountId(), share.getId(), f.versionStackIds().get(0));

        Page<ShareAsset> assets = await(client.listShareAssets(f.accountId(), share.getId(),
                ListOptions.defaults().withInclude("creator,media_links.original"))).body();
        assertTrue(assets.data().stream().anyMatch(a -> a instanceof FolderAsset));
        assertTrue(assets.data().stream().anyMatch(a -> a instanceof VersionStackAsset));
        FileAsset file = (FileAsset) assets.data().stream().filter(a -> a instanceof FileAsset).findFirst().orElseThrow();
        assertTrue(file.getMediaLinks().getOriginal().getInlineUrl().startsWith("https://"));
        assertNotNull(file.getCreator().getEmail());
        assertEquals(assets.data().size(), client.shareAssets(f.accountId(), share.getId(), ListOptions.pageSize(2))
                .stream().count(), "the same rows in pages of two");

        AssetChange removed = blocking.removeAsset(f.accountId(), share.getId(), f.folderIds().get(0));
        assertEquals(f.folderIds().get(0), removed.getAssetId());
        List<String> rows = rowIds(share.getId());
        assertTrue(rows.contains(f.versionStackIds().get(0)) && !rows.contains(f.folderIds().get(0)), rows.toString());
    }

    @Test
    void addListAndRemoveReviewers() {
        Share share = blocking.createShare(f.accountId(), f.projectId(), CreateShareRequest.of("Review", ShareAccess.SECURE));
        FrameioResponse<Void> added = await(client.addReviewers(f.accountId(), share.getId(),
                AddReviewersRequest.emails("Please review", f.emails().get(1), "guest@example.org").withoutEmail()));
        assertEquals(204, added.statusCode());
        List<ShareReviewer> reviewers = await(client.listReviewers(f.accountId(), share.getId(), ListOptions.defaults()))
                .body().data();
        assertEquals(List.of(f.emails().get(1), "guest@example.org"), reviewers.stream().map(ShareReviewer::getEmail).toList());

        await(client.removeReviewers(f.accountId(), share.getId(),
                new RemoveReviewersRequest(ReviewerType.EMAILS, List.of("guest@example.org"))));
        assertEquals(List.of(f.emails().get(1)), blocking.listReviewers(f.accountId(), share.getId()).stream()
                .map(ShareReviewer::getEmail).toList());
    }

    @Test
    void listShareActivitiesWithUsers() {
        Share share = blocking.createShare(f.accountId(), f.projectId(), CreateShareRequest.of("Watched", ShareAccess.PUBLIC));
        sim.viewShare(share.getId());
        sim.viewShare(share.getId());
        Page<ShareActivity> feed = await(client.listShareActivities(f.accountId(), share.getId(),
                ListOptions.defaults().withInclude("user"))).body();
        assertEquals(2, feed.data().size());
        assertTrue(feed.data().stream().allMatch(a -> a.getType() == ShareActivityType.SHARE_VIEWED));
        assertEquals(2, client.shareActivities(f.accountId(), share.getId(), ListOptions.pageSize(1)).stream().count());
    }

    @Test
    void reviewersOfAnyNumberAndTypeGoInBatchesOfTenFromPlainLists() {
        Share share = blocking.createShare(f.accountId(), f.projectId(), CreateShareRequest.of("Many", ShareAccess.SECURE));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            people.add("guest" + i + "@example.org");
        }
        people.add(f.userIds().get(2));
        people.add("GUEST0@example.org"); // the same address: counted once
        Reviewers reviewers = Reviewers.parse(people, null, "the list");
        assertEquals(List.of(10, 10, 3, 1), reviewers.batches().stream().map(b -> b.identifiers().size()).toList());
        sim.requests().clear();
        BatchResult<Void> result = await(client.addReviewers(f.accountId(), share.getId(), reviewers, "Hello", false));
        assertEquals(4, result.responses().size());
        assertEquals(4, sim.requests().count("shares.add_reviewers"));
        assertEquals(24, blocking.listReviewers(f.accountId(), share.getId()).size());

        blocking.removeReviewers(f.accountId(), share.getId(), Reviewers.of(ReviewerType.EMAILS, people.subList(0, 12)));
        assertEquals(12, blocking.listReviewers(f.accountId(), share.getId()).size());
    }

    @Test
    void severalAssetsAreAddedOneByOneAndAFailureNamesWhatWasDone() {
        Share share = blocking.createShare(f.accountId(), f.projectId(), CreateShareRequest.of("Batch", ShareAccess.PUBLIC));
        BatchResult<AssetChange> added = await(client.addAssets(f.accountId(), share.getId(),
                List.of(f.assetIds().get(0), f.assetIds().get(1), f.assetIds().get(0))));
        assertEquals(2, added.responses().size(), "each asset once");
        assertEquals(List.of(f.assetIds().get(0), f.assetIds().get(1)), rowIds(share.getId()));

        FrameioBatchException partly = assertThrows(FrameioBatchException.class, () -> blocking.addAssets(f.accountId(),
                share.getId(), List.of(f.assetIds().get(2), f.accountId(), f.assetIds().get(3))));
        assertEquals(List.of(f.assetIds().get(2)), partly.getCompleted());
        assertEquals(f.accountId(), partly.getFailed());
        assertEquals(List.of(f.assetIds().get(3)), partly.getNotAttempted());
        assertInstanceOf(FrameioNotFoundException.class, partly.getCause());
        assertEquals(1, partly.getCompletedResponses().size());

        Share after = blocking.removeAssets(f.accountId(), share.getId(), List.of(f.assetIds().get(0), f.assetIds().get(2)));
        assertEquals(share.getId(), after.getId());
        assertEquals(List.of(f.assetIds().get(1)), rowIds(share.getId()));
    }

    @Test
    void badInputFailsBeforeAnythingIsSentNamingTheField() {
        sim.requests().clear();
        FrameioInvalidRequestException e = assertThrows(FrameioInvalidRequestException.class,
                () -> client.createShare(f.accountId(), f.projectId(), CreateShareRequest.of("two\nlines", ShareAccess.PUBLIC)));
        assertTrue(e.getMessage().contains("data.name: must have a non-blank character and no line breaks"), e.getMessage());
        assertThrows(FrameioInvalidRequestException.class, () -> client.getShare(f.accountId(), "not-a-uuid"));
        assertThrows(FrameioInvalidRequestException.class, () -> client.addAssets(f.accountId(),
                "3b5f6ff0-4a1e-4c5c-9c33-1d1f1d0f8e2a", List.of(f.assetIds().get(0), "x/y")));
        assertEquals(0, sim.requests().total());
    }

    /** The ids of a share's asset rows (each shared asset and everything in a shared folder or version stack). */
    private List<String> rowIds(String shareId) {
        return blocking.listShareAssets(f.accountId(), shareId, ListOptions.defaults()).data().stream()
                .map(ShareAsset::getId).collect(Collectors.toList());
    }
}
