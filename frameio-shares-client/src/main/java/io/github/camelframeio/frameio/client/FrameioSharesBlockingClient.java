package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.model.AddReviewersRequest;
import io.github.camelframeio.frameio.client.model.AssetChange;
import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.RemoveReviewersRequest;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareActivity;
import io.github.camelframeio.frameio.client.model.ShareAsset;
import io.github.camelframeio.frameio.client.model.ShareReviewer;
import io.github.camelframeio.frameio.client.model.UpdateShareRequest;
import io.github.camelframeio.frameio.client.model.Webhook;

import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link FrameioSharesClient} for code that waits: the same operations, returning the answers' bodies and throwing
 * the client's exceptions unwrapped. The calling thread waits for the answer itself (no hand-off to the callback
 * executor), so it is also the cheapest way to make one call. Obtain it with {@link FrameioSharesClient#blocking()}.
 */
public final class FrameioSharesBlockingClient {

    private final FrameioSharesClient client;

    FrameioSharesBlockingClient(FrameioSharesClient client) {
        this.client = client;
    }

    /** The asynchronous client this view waits on. */
    public FrameioSharesClient async() {
        return client;
    }

    public Page<Share> listShares(String accountId, String projectId, ListOptions options) {
        return client.sendAndWait(SharesCall.listShares(accountId, projectId, options)).body();
    }

    /** Every share of a project, read page by page as the stream is consumed. */
    public Stream<Share> shares(String accountId, String projectId) {
        return client.shares(accountId, projectId, ListOptions.defaults()).stream();
    }

    public Share getShare(String accountId, String shareId) {
        return client.sendAndWait(SharesCall.getShare(accountId, shareId)).body();
    }

    public Share createShare(String accountId, String projectId, CreateShareRequest request) {
        return client.sendAndWait(SharesCall.createShare(accountId, projectId, client.data(request.fields()))).body();
    }

    public Share updateShare(String accountId, String shareId, UpdateShareRequest request) {
        return client.sendAndWait(SharesCall.updateShare(accountId, shareId, client.data(request.fields()))).body();
    }

    public void deleteShare(String accountId, String shareId) {
        client.sendAndWait(SharesCall.deleteShare(accountId, shareId));
    }

    public Page<ShareAsset> listShareAssets(String accountId, String shareId, ListOptions options) {
        return client.sendAndWait(SharesCall.listShareAssets(accountId, shareId, options)).body();
    }

    public AssetChange addAsset(String accountId, String shareId, String assetId) {
        return client.sendAndWait(SharesCall.addAsset(accountId, shareId, assetId)).body();
    }

    public AssetChange removeAsset(String accountId, String shareId, String assetId) {
        return client.sendAndWait(SharesCall.removeAsset(accountId, shareId, assetId)).body();
    }

    /** The share after the last asset added; several assets, one call each. */
    public Share addAssets(String accountId, String shareId, List<String> assetIds) {
        return FrameioSharesClient.await(client.addAssets(accountId, shareId, assetIds)).last().body().getShare();
    }

    /** The share after the last asset removed; several assets, one call each. */
    public Share removeAssets(String accountId, String shareId, List<String> assetIds) {
        return FrameioSharesClient.await(client.removeAssets(accountId, shareId, assetIds)).last().body().getShare();
    }

    public List<ShareReviewer> listReviewers(String accountId, String shareId) {
        return client.sendAndWait(SharesCall.listReviewers(accountId, shareId, ListOptions.defaults())).body().data();
    }

    public void addReviewers(String accountId, String shareId, AddReviewersRequest request) {
        client.sendAndWait(SharesCall.addReviewers(accountId, shareId, request.type(), request.identifiers(),
                request.message(), request.notifyByEmail()));
    }

    /** Reviewers of any number and types, in as many calls as they take. */
    public void addReviewers(String accountId, String shareId, Reviewers reviewers, String message,
                             Boolean notifyByEmail) {
        FrameioSharesClient.await(client.addReviewers(accountId, shareId, reviewers, message, notifyByEmail));
    }

    public void removeReviewers(String accountId, String shareId, RemoveReviewersRequest request) {
        client.sendAndWait(SharesCall.removeReviewers(accountId, shareId, request.type(), request.identifiers()));
    }

    /** Reviewers of any number and types (not share lists), in as many calls as they take. */
    public void removeReviewers(String accountId, String shareId, Reviewers reviewers) {
        FrameioSharesClient.await(client.removeReviewers(accountId, shareId, reviewers));
    }

    public Page<ShareActivity> listShareActivities(String accountId, String shareId, ListOptions options) {
        return client.sendAndWait(SharesCall.listShareActivities(accountId, shareId, options)).body();
    }

    public Page<ObjectNode> listSharesJson(String accountId, String projectId, ListOptions options) {
        return client.sendAndWait(SharesCall.listSharesJson(accountId, projectId, options)).body();
    }

    public ObjectNode getShareJson(String accountId, String shareId) {
        return client.sendAndWait(SharesCall.getShareJson(accountId, shareId)).body();
    }

    public Page<Webhook> listWebhooks(String accountId, String workspaceId, ListOptions options) {
        return client.sendAndWait(SharesCall.listWebhooks(accountId, workspaceId, options)).body();
    }

    /** The answer's {@link Webhook#getSecret()} is the signing secret, sent this once. */
    public Webhook createWebhook(String accountId, String workspaceId, String name, String url, List<String> events) {
        return client.sendAndWait(SharesCall.createWebhook(accountId, workspaceId, name, url, events)).body();
    }

    public Webhook getWebhook(String accountId, String webhookId) {
        return client.sendAndWait(SharesCall.getWebhook(accountId, webhookId)).body();
    }

    public Webhook updateWebhook(String accountId, String webhookId, ObjectNode data) {
        return client.sendAndWait(SharesCall.updateWebhook(accountId, webhookId, data)).body();
    }

    public void deleteWebhook(String accountId, String webhookId) {
        client.sendAndWait(SharesCall.deleteWebhook(accountId, webhookId));
    }
}
