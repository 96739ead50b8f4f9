package io.github.camelframeio.frameio.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.simulator.http.HttpRequest;
import io.github.camelframeio.frameio.simulator.http.HttpResponse;
import io.github.camelframeio.frameio.simulator.state.Activity;
import io.github.camelframeio.frameio.simulator.state.Asset;
import io.github.camelframeio.frameio.simulator.state.Fixtures;
import io.github.camelframeio.frameio.simulator.state.ShareList;
import io.github.camelframeio.frameio.simulator.state.SimUser;
import io.github.camelframeio.frameio.simulator.state.SimulatorState;
import io.github.camelframeio.frameio.simulator.state.StoredShare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The twelve Shares operations. Each request is checked in Frame.io's order: query and body first (400, 422),
 * then the account (404, 403), then the project, share or asset it names (404, 409).
 */
public final class SharesApi {

    private final SimulatorState state;
    private final Fixtures fixtures;
    private final boolean customBrandedShares;

    public SharesApi(SimulatorState state, boolean customBrandedShares) {
        this.state = state;
        this.fixtures = state.fixtures();
        this.customBrandedShares = customBrandedShares;
    }

    public HttpResponse handle(SharesOperation.Match match, HttpRequest request) {
        Map<String, String> p = match.pathParams();
        return switch (match.operation()) {
            case LIST_SHARES -> listShares(p, request);
            case CREATE_SHARE -> createShare(p, request);
            case SHOW_SHARE -> Json.response(200, Json.data(Render.share(share(p))));
            case UPDATE_SHARE -> updateShare(p, request);
            case DELETE_SHARE -> deleteShare(p);
            case LIST_SHARE_ASSETS -> listAssets(p, request);
            case ADD_ASSET -> addAsset(p, request);
            case REMOVE_ASSET -> removeAsset(p);
            case LIST_REVIEWERS -> listReviewers(p, request);
            case ADD_REVIEWERS -> addReviewers(p, request);
            case REMOVE_REVIEWERS -> removeReviewers(p, request);
            case LIST_SHARE_ACTIVITIES -> listActivities(p, request);
            default -> throw new IllegalArgumentException(match.operation() + " is not a Shares operation");
        };
    }

    private HttpResponse listShares(Map<String, String> p, HttpRequest request) {
        Query query = Query.of(SharesOperation.LIST_SHARES, request);
        query.validate();
        String sort = query.sort();
        String projectId = project(p);
        return Json.response(200, query.page(state.shares(projectId, sort), Render::share));
    }

    private HttpResponse createShare(Map<String, String> p, HttpRequest request) {
        ShareRequests.CreateRequest create = ShareRequests.create(Requests.jsonBody(request));
        String projectId = project(p);
        requireBranding(create.fields());
        for (int i = 0; i < create.assetIds().size(); i++) {
            requireAsset(create.assetIds().get(i), projectId, "/data/asset_ids/" + i);
        }
        StoredShare share = state.create(projectId, create.fields(), create.assetIds());
        return Json.response(201, Json.data(Render.share(share)));
    }

    private HttpResponse updateShare(Map<String, String> p, HttpRequest request) {
        Map<String, JsonNode> changes = ShareRequests.update(Requests.jsonBody(request));
        StoredShare share = share(p);
        requireBranding(changes);
        return Json.response(200, Json.data(Render.share(state.update(share.id(), changes))));
    }

    private HttpResponse deleteShare(Map<String, String> p) {
        StoredShare share = share(p);
        if (state.delete(share.id()) == null) {
            throw ApiException.notFound("Share not found");
        }
        return HttpResponse.noContent();
    }

    private HttpResponse listAssets(Map<String, String> p, HttpRequest request) {
        Query query = Query.of(SharesOperation.LIST_SHARE_ASSETS, request);
        query.validate();
        Set<String> include = query.include();
        String sort = query.sort();
        StoredShare share = share(p);
        List<Asset> assets = new ArrayList<>(state.flatAssets(share));
        if (sort != null) {
            assets.sort(assetOrder(sort));
        }
        long now = state.clock().nowMillis() / 1000;
        return Json.response(200, query.page(assets, a -> Render.asset(a, include, fixtures, now)));
    }

    private HttpResponse addAsset(Map<String, String> p, HttpRequest request) {
        String assetId = ShareRequests.addAsset(Requests.jsonBody(request));
        StoredShare share = share(p);
        requireAsset(assetId, share.projectId(), "/data/asset_id");
        StoredShare updated = state.addAsset(share.id(), assetId);
        if (updated == null) {
            throw ApiException.conflict("Asset " + assetId + " is already in the share", "/data/asset_id");
        }
        ObjectNode data = Render.share(updated);
        data.put("asset_added", assetId);
        return Json.response(200, Json.data(data));
    }

    private HttpResponse removeAsset(Map<String, String> p) {
        StoredShare share = share(p);
        String assetId = p.get("asset_id");
        StoredShare updated = state.removeAsset(share.id(), assetId);
        if (updated == null) {
            throw ApiException.notFound("Asset " + assetId + " is not in the share");
        }
        ObjectNode data = Render.share(updated);
        data.put("asset_removed", assetId);
        return Json.response(200, Json.data(data));
    }

    private HttpResponse listReviewers(Map<String, String> p, HttpRequest request) {
        Query query = Query.of(SharesOperation.LIST_REVIEWERS, request);
        query.validate();
        String sort = query.sort();
        StoredShare share = share(p);
        List<SimUser> reviewers = new ArrayList<>(share.reviewers());
        if (sort != null) {
            reviewers.sort(reviewerOrder(sort));
        }
        return Json.response(200, query.all(reviewers, Render::user));
    }

    private HttpResponse addReviewers(Map<String, String> p, HttpRequest request) {
        ShareRequests.ReviewerRequest add = ShareRequests.addReviewers(Requests.jsonBody(request));
        StoredShare share = share(p);
        state.addReviewers(share.id(), resolve(add), add.message(), add.notifyByEmail());
        return HttpResponse.noContent();
    }

    private HttpResponse removeReviewers(Map<String, String> p, HttpRequest request) {
        ShareRequests.ReviewerRequest remove = ShareRequests.removeReviewers(Requests.jsonBody(request));
        StoredShare share = share(p);
        Set<String> wanted = new java.util.HashSet<>();
        remove.identifiers().forEach(id -> wanted.add(remove.kind().equals("emails") ? id.toLowerCase(Locale.ROOT) : id));
        Predicate<SimUser> match = switch (remove.kind()) {
            case "emails" -> u -> wanted.contains(u.email().toLowerCase(Locale.ROOT));
            case "user_ids" -> u -> u.id() != null && wanted.contains(u.id());
            default -> u -> u.adobeUserId() != null && wanted.contains(u.adobeUserId());
        };
        state.removeReviewers(share.id(), match);
        return HttpResponse.noContent();
    }

    private HttpResponse listActivities(Map<String, String> p, HttpRequest request) {
        Query query = Query.of(SharesOperation.LIST_SHARE_ACTIVITIES, request);
        query.validate();
        boolean includeUser = query.include().contains("user");
        StoredShare share = share(p);
        List<Activity> activities = state.activities(share.id());
        return Json.response(200, query.page(activities, a -> Render.activity(a, includeUser, fixtures), false));
    }

    /** The people a reviewer request names; unknown users, Adobe ids or share lists are a 422. */
    private List<SimUser> resolve(ShareRequests.ReviewerRequest request) {
        Map<String, SimUser> people = new LinkedHashMap<>();
        List<ApiException.Error> errors = new ArrayList<>();
        List<String> ids = request.identifiers();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String pointer = "/data/reviewers/" + request.kind() + "/" + i;
            switch (request.kind()) {
                case "emails" -> {
                    SimUser known = fixtures.userByEmail(id);
                    SimUser person = known != null ? known : SimUser.invited(id.toLowerCase(Locale.ROOT));
                    people.putIfAbsent(person.email().toLowerCase(Locale.ROOT), person);
                }
                case "user_ids" -> {
                    SimUser u = fixtures.users.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
                    if (u == null) {
                        errors.add(new ApiException.Error("User " + id + " is not a member of the account", pointer,
                                "Invalid value"));
                    } else {
                        people.putIfAbsent(u.email(), u);
                    }
                }
                case "adobe_user_ids" -> {
                    SimUser u = fixtures.userByAdobeId(id);
                    if (u == null) {
                        errors.add(new ApiException.Error("No account member has Adobe user id " + id, pointer,
                                "Invalid value"));
                    } else {
                        people.putIfAbsent(u.email(), u);
                    }
                }
                default -> {
                    ShareList list = fixtures.shareList(id);
                    if (list == null) {
                        errors.add(new ApiException.Error("Share list " + id + " not found", pointer, "Invalid value"));
                    } else {
                        for (String member : list.memberIds()) {
                            SimUser u = fixtures.userById(member);
                            people.putIfAbsent(u.email(), u);
                        }
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ArrayList<>(people.values());
    }



    private String project(Map<String, String> p) {
        Requests.requireAccount(fixtures, p);
        String projectId = p.get("project_id");
        if (!fixtures.isProjectOfAccount(projectId, p.get("account_id"))) {
            throw ApiException.notFound("Project not found");
        }
        return projectId;
    }

    private StoredShare share(Map<String, String> p) {
        Requests.requireAccount(fixtures, p);
        StoredShare share = state.share(p.get("share_id"));
        if (share == null || !share.accountId().equals(p.get("account_id"))) {
            throw ApiException.notFound("Share not found");
        }
        return share;
    }

    private void requireAsset(String assetId, String projectId, String pointer) {
        Asset asset = fixtures.asset(assetId);
        if (asset == null || !asset.projectId().equals(projectId)) {
            throw ApiException.notFound("Asset " + assetId + " not found in the share's project", pointer);
        }
    }

    /** {@code description} needs the account feature custom_branded_shares. */
    private void requireBranding(Map<String, JsonNode> fields) {
        JsonNode description = fields.get("description");
        if (!customBrandedShares && description != null && !description.isNull()) {
            throw new ApiException(403, List.of(new ApiException.Error(
                    "Setting a description requires the account feature custom_branded_shares", "/data/description",
                    "Forbidden")));
        }
    }

    private static Comparator<Asset> assetOrder(String sort) {
        Comparator<Asset> byName = Comparator.comparing(Asset::name, String.CASE_INSENSITIVE_ORDER);
        Comparator<Asset> created = Comparator.comparingLong(Asset::createdAt);
        Comparator<Asset> updated = Comparator.comparingLong(Asset::updatedAt);
        Comparator<Asset> id = Comparator.comparing(Asset::id);
        return switch (sort) {
            case "name_asc" -> byName.thenComparing(id);
            case "name_desc" -> byName.reversed().thenComparing(id);
            case "created_at_asc" -> created.thenComparing(id);
            case "created_at_desc" -> created.reversed().thenComparing(id);
            case "updated_at_asc" -> updated.thenComparing(id);
            default -> updated.reversed().thenComparing(id);
        };
    }

    private static Comparator<SimUser> reviewerOrder(String sort) {
        Comparator<SimUser> byName = Comparator.comparing((SimUser u) -> u.name() == null ? u.email() : u.name(),
                String.CASE_INSENSITIVE_ORDER);
        Comparator<SimUser> activeFirst = Comparator.comparing(u -> !u.active());
        return switch (sort) {
            case "name_asc" -> byName;
            case "name_desc" -> byName.reversed();
            case "active" -> activeFirst.thenComparing(byName);
            default -> activeFirst.reversed().thenComparing(byName);
        };
    }
}
