package io.github.camelframeio.frameio.simulator.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The world the simulator starts from: one account with a project of nested folders, files and a version stack,
 * people, a share list and credentials. Every id and secret is derived from the seed, so a seed always gives the
 * same fixtures.
 */
public final class Fixtures {

    /** All fixture timestamps are fixed, so that they do not depend on when the simulator started. */
    private static final long BASE_MICROS = SimClock.toMicros(Instant.parse("2026-01-15T09:00:00Z"));

    public final String accountId;
    public final String accountName = "Simulated Studio";
    public final String projectId;
    public final String projectName = "Launch Campaign";
    public final String otherProjectId;
    public final String otherProjectName = "Archive";
    /** An account that exists but that none of the fixture users may access (answers 403). */
    public final String forbiddenAccountId;

    public final String staticToken;
    public final String clientId;
    public final String clientSecret;
    public final String refreshToken;

    /** The account's members, in a stable order; the first is the owner of the static token and refresh token. */
    public final List<SimUser> users;
    /** The technical account that server-to-server (client credentials) tokens act as. */
    public final SimUser serviceUser;
    public final List<ShareList> shareLists;

    /** The workspace both projects belong to (webhooks are registered per workspace). */
    public final String workspaceId;
    public final String workspaceName = "Production";
    /** The custom metadata fields the account defines, shown on every asset with {@code include=metadata}. */
    public final List<FieldDefinition> fieldDefinitions;

    private final Map<String, Asset> assets;
    private final Map<String, ProjectInfo> projects;
    public final List<String> fileIds;
    public final List<String> folderIds;
    public final List<String> versionStackIds;

    private Fixtures(Ids ids) {
        accountId = ids.uuid();
        projectId = ids.uuid();
        otherProjectId = ids.uuid();
        forbiddenAccountId = ids.uuid();
        staticToken = "fio-sim-" + ids.hex(24);
        clientId = ids.hex(16);
        clientSecret = "p8e-" + ids.alphanumeric(32);
        refreshToken = "sim-rt-" + ids.alphanumeric(40);

        List<SimUser> people = new ArrayList<>();
        people.add(user(ids, "Alex Producer", "alex.producer@example.com"));
        people.add(user(ids, "Blake Editor", "blake.editor@example.com"));
        people.add(user(ids, "Casey Client", "casey.client@example.com"));
        users = Collections.unmodifiableList(people);
        serviceUser = new SimUser(ids.uuid(), "Service Account User", "service-account@techacct.adobe.com",
                ids.hex(12).toUpperCase() + "@techacct.adobe.com", null, true);
        shareLists = List.of(new ShareList(ids.uuid(), "Review Team", List.of(people.get(1).id(), people.get(2).id())));

        Map<String, Asset> all = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        List<String> stacks = new ArrayList<>();
        AssetTree tree = new AssetTree(ids, all, files, folders, stacks);

        String alex = people.get(0).id();
        String blake = people.get(1).id();
        String root = tree.add("folder", "root", null, projectId, null, 0, alex);
        String dailies = tree.add("folder", "Dailies", root, projectId, null, 0, alex);
        tree.add("file", "A001_C002.mov", dailies, projectId, "video/quicktime", 734_003_200L, alex);
        tree.add("file", "A001_C003.mov", dailies, projectId, "video/quicktime", 512_409_600L, alex);
        String day2 = tree.add("folder", "Day 2", dailies, projectId, null, 0, alex);
        tree.add("file", "B001_C001.mov", day2, projectId, "video/quicktime", 901_775_360L, alex);
        String hero = tree.add("version_stack", "Hero Cut", root, projectId, null, 0, blake);
        tree.add("file", "hero_cut_v1.mp4", hero, projectId, "video/mp4", 210_763_776L, blake);
        tree.add("file", "hero_cut_v2.mp4", hero, projectId, "video/mp4", 214_958_080L, blake);
        tree.add("file", "poster.png", root, projectId, "image/png", 4_194_304L, alex);

        String otherRoot = tree.add("folder", "root", null, otherProjectId, null, 0, alex);
        tree.add("file", "old_teaser.mp4", otherRoot, otherProjectId, "video/mp4", 98_566_144L, alex);

        // drawn after every earlier id, so that the ids above are the same for a seed as before these existed
        workspaceId = ids.uuid();
        fieldDefinitions = List.of(
                new FieldDefinition(ids.uuid(), "Status", "select", true,
                        options(ids, "Needs Review", "In Progress", "Approved")),
                new FieldDefinition(ids.uuid(), "Rating", "rating", true, List.of()),
                new FieldDefinition(ids.uuid(), "Notes", "long_text", true, List.of()),
                new FieldDefinition(ids.uuid(), "Approved", "toggle", true, List.of()),
                new FieldDefinition(ids.uuid(), "Due Date", "date", true, List.of()),
                new FieldDefinition(ids.uuid(), "Assignee", "user_single", true, List.of()),
                new FieldDefinition(ids.uuid(), "Keywords", "select_multi", true,
                        options(ids, "Interview", "B-Roll", "Hero", "Archive")),
                new FieldDefinition(ids.uuid(), "Frame Rate", "number", false, List.of()));
        long projectCreated = BASE_MICROS - 86_400_000_000L;
        Map<String, ProjectInfo> projectInfos = new LinkedHashMap<>();
        projectInfos.put(projectId, new ProjectInfo(projectId, projectName, "Spring launch: dailies, cuts and key art",
                root, alex, projectCreated, BASE_MICROS + 600_000_000L));
        projectInfos.put(otherProjectId, new ProjectInfo(otherProjectId, otherProjectName, "Finished work, kept for"
                + " reference", otherRoot, alex, projectCreated - 86_400_000_000L, projectCreated));
        projects = Collections.unmodifiableMap(projectInfos);

        // roots are not assets a user shares; keep them out of the advertised lists
        folders.remove(root);
        folders.remove(otherRoot);
        assets = Collections.unmodifiableMap(all);
        fileIds = Collections.unmodifiableList(files);
        folderIds = Collections.unmodifiableList(folders);
        versionStackIds = Collections.unmodifiableList(stacks);
    }

    /**
     * A project's own fields (ProjectWithIncludes).
     *
     * @param rootFolderId the project's root folder (an asset, not listed among the shareable ones)
     * @param ownerId      the account member who owns it
     */
    public record ProjectInfo(String id, String name, String description, String rootFolderId, String ownerId,
                              long createdAt, long updatedAt) {
    }

    /** A custom metadata field of the account: its type is one of the document's {@code field_type} values. */
    public record FieldDefinition(String id, String name, String type, boolean mutable, List<SelectOption> options) {
    }

    /** One choice of a select or multi-select field. */
    public record SelectOption(String id, String displayName) {
    }

    private static List<SelectOption> options(Ids ids, String... names) {
        List<SelectOption> options = new ArrayList<>();
        for (String name : names) {
            options.add(new SelectOption(ids.uuid(), name));
        }
        return List.copyOf(options);
    }

    public static Fixtures create(long seed) {
        return new Fixtures(new Ids(seed));
    }

    private static SimUser user(Ids ids, String name, String email) {
        String id = ids.uuid();
        String adobeId = ids.hex(12).toUpperCase() + "@AdobeID";
        return new SimUser(id, name, email, adobeId, "https://avatars.frame.io.sim/" + id + ".png", true);
    }

    public Asset asset(String id) {
        return assets.get(id);
    }

    public Map<String, Asset> assets() {
        return assets;
    }

    /** A project of the account, or null. */
    public ProjectInfo project(String id) {
        return projects.get(id);
    }

    /** The first file inside a folder, depth first (what Frame.io shows as its cover), or null for none. */
    public String coverFileId(Asset folder) {
        for (String childId : folder.childIds()) {
            Asset child = assets.get(childId);
            if (child.isFile()) {
                return child.id();
            }
            String nested = child.type().equals("folder") ? coverFileId(child) : null;
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    /** The head (newest) version of a version stack, or null for an empty one. */
    public Asset headVersion(Asset stack) {
        List<String> versions = stack.childIds();
        return versions.isEmpty() ? null : assets.get(versions.get(versions.size() - 1));
    }

    /** Bytes stored in a project: the sum of its files' sizes. */
    public long storage(String projectId) {
        long bytes = 0;
        for (Asset a : assets.values()) {
            if (a.isFile() && a.projectId().equals(projectId)) {
                bytes += a.fileSize();
            }
        }
        return bytes;
    }

    /** Files and version stacks of the default project: what a share usually holds. */
    public List<String> shareableAssetIds() {
        List<String> result = new ArrayList<>();
        for (String id : fileIds) {
            if (projectId.equals(assets.get(id).projectId())) {
                result.add(id);
            }
        }
        result.addAll(versionStackIds);
        return result;
    }

    public SimUser userById(String id) {
        if (id == null) {
            return null;
        }
        for (SimUser u : users) {
            if (id.equals(u.id())) {
                return u;
            }
        }
        return id.equals(serviceUser.id()) ? serviceUser : null;
    }

    public SimUser userByEmail(String email) {
        for (SimUser u : users) {
            if (u.email().equalsIgnoreCase(email)) {
                return u;
            }
        }
        return null;
    }

    public SimUser userByAdobeId(String adobeUserId) {
        for (SimUser u : users) {
            if (u.adobeUserId().equals(adobeUserId)) {
                return u;
            }
        }
        return null;
    }

    public ShareList shareList(String id) {
        for (ShareList list : shareLists) {
            if (list.id().equals(id)) {
                return list;
            }
        }
        return null;
    }

    public boolean isProjectOfAccount(String project, String account) {
        return accountId.equals(account) && (projectId.equals(project) || otherProjectId.equals(project));
    }

    /** Builds the asset tree with fixed, increasing timestamps. */
    private static final class AssetTree {
        private final Ids ids;
        private final Map<String, Asset> all;
        private final List<String> files;
        private final List<String> folders;
        private final List<String> stacks;
        private final Map<String, List<String>> children = new LinkedHashMap<>();
        private long tick;

        AssetTree(Ids ids, Map<String, Asset> all, List<String> files, List<String> folders, List<String> stacks) {
            this.ids = ids;
            this.all = all;
            this.files = files;
            this.folders = folders;
            this.stacks = stacks;
        }

        String add(String type, String name, String parentId, String projectId, String mediaType, long size,
                   String creatorId) {
            String id = ids.uuid();
            long at = BASE_MICROS + (tick++) * 60_000_000L;
            List<String> kids = new ArrayList<>();
            children.put(id, kids);
            all.put(id, new Asset(id, type, name, parentId, projectId, at, at, Collections.unmodifiableList(kids),
                    mediaType, size, creatorId));
            if (parentId != null) {
                children.get(parentId).add(id);
            }
            switch (type) {
                case "file" -> files.add(id);
                case "folder" -> folders.add(id);
                default -> stacks.add(id);
            }
            return id;
        }
    }
}
