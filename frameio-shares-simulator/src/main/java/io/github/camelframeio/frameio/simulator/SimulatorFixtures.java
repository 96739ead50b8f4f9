package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.api.Json;
import io.github.camelframeio.frameio.simulator.state.Asset;
import io.github.camelframeio.frameio.simulator.state.Fixtures;
import io.github.camelframeio.frameio.simulator.state.ShareList;
import io.github.camelframeio.frameio.simulator.state.SimUser;

import java.util.List;

/**
 * What a test or a demo needs to talk to a running simulator: URLs, credentials and the ids of the fixture
 * account, project, assets and people. The same values are served at {@code GET /_sim/fixtures}.
 *
 * @param baseUrl            the API base URL, e.g. {@code http://127.0.0.1:40123} (paths start with {@code /v4})
 * @param imsUrl             the Adobe IMS base URL (token endpoint {@code /ims/token/v3}); the same server
 * @param token              a static bearer token that never expires, acting as the first user
 * @param clientId           IMS client id (client credentials and refresh-token grants)
 * @param clientSecret       IMS client secret
 * @param refreshToken       a user refresh token for the first user; it rotates on use
 * @param scopes             the server-to-server scopes Frame.io requires
 * @param accountId          the fixture account
 * @param projectId          the fixture project with the asset tree
 * @param otherProjectId     a second project of the account, with one file
 * @param forbiddenAccountId an account that exists but that no fixture user may access (403)
 * @param assetIds           files and version stacks of the fixture project
 * @param fileIds            every file of the fixture project, including files inside folders and version stacks
 * @param folderIds          folders of the fixture project (not the root)
 * @param versionStackIds    version stacks of the fixture project
 * @param userIds            account members, the first one owning the static token and the refresh token
 * @param emails             the members' e-mail addresses, in the order of {@code userIds}
 * @param adobeUserIds       the members' Adobe user ids, in the order of {@code userIds}
 * @param shareListIds       share lists whose members can be added as reviewers
 * @param serviceUserId      the user that server-to-server tokens act as
 * @param workspaceId        the workspace both projects belong to, where webhooks are registered
 */
public record SimulatorFixtures(String baseUrl, String imsUrl, String token, String clientId, String clientSecret,
        String refreshToken, String scopes, String accountId, String projectId, String otherProjectId,
        String forbiddenAccountId, List<String> assetIds, List<String> fileIds, List<String> folderIds,
        List<String> versionStackIds, List<String> userIds, List<String> emails, List<String> adobeUserIds,
        List<String> shareListIds, String serviceUserId, String workspaceId) {

    static SimulatorFixtures of(Fixtures f, String baseUrl) {
        return new SimulatorFixtures(baseUrl, baseUrl, f.staticToken, f.clientId, f.clientSecret, f.refreshToken,
                "openid,AdobeID,frame.s2s.all", f.accountId, f.projectId, f.otherProjectId, f.forbiddenAccountId,
                f.shareableAssetIds(),
                f.fileIds.stream().filter(id -> f.asset(id).projectId().equals(f.projectId)).toList(),
                f.folderIds, f.versionStackIds,
                f.users.stream().map(SimUser::id).toList(),
                f.users.stream().map(SimUser::email).toList(),
                f.users.stream().map(SimUser::adobeUserId).toList(),
                f.shareLists.stream().map(ShareList::id).toList(),
                f.serviceUser.id(), f.workspaceId);
    }

    static ObjectNode toJson(SimulatorFixtures s, Fixtures f) {
        ObjectNode n = Json.object();
        n.put("base_url", s.baseUrl());
        n.put("ims_url", s.imsUrl());
        n.put("token", s.token());
        n.put("client_id", s.clientId());
        n.put("client_secret", s.clientSecret());
        n.put("refresh_token", s.refreshToken());
        n.put("scopes", s.scopes());
        n.put("account_id", s.accountId());
        n.put("project_id", s.projectId());
        n.put("other_project_id", s.otherProjectId());
        n.put("forbidden_account_id", s.forbiddenAccountId());
        strings(n.putArray("asset_ids"), s.assetIds());
        strings(n.putArray("file_ids"), s.fileIds());
        strings(n.putArray("folder_ids"), s.folderIds());
        strings(n.putArray("version_stack_ids"), s.versionStackIds());
        strings(n.putArray("user_ids"), s.userIds());
        strings(n.putArray("emails"), s.emails());
        strings(n.putArray("adobe_user_ids"), s.adobeUserIds());
        strings(n.putArray("share_list_ids"), s.shareListIds());
        n.put("service_user_id", s.serviceUserId());
        n.put("workspace_id", s.workspaceId());
        ArrayNode assets = n.putArray("assets");
        for (Asset a : f.assets().values()) {
            if (a.parentId() == null) {
                continue;
            }
            ObjectNode an = assets.addObject();
            an.put("id", a.id());
            an.put("type", a.type());
            an.put("name", a.name());
            an.put("parent_id", a.parentId());
            an.put("project_id", a.projectId());
        }
        return n;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
