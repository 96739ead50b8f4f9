package io.github.camelframeio.frameio.simulator.state;

import java.util.List;

/**
 * A file, folder or version stack of a simulated project.
 *
 * @param id        asset id
 * @param type      {@code file}, {@code folder} or {@code version_stack}
 * @param name      display name
 * @param parentId  containing folder or version stack, null for a project's root folder
 * @param projectId owning project
 * @param createdAt creation time, epoch microseconds
 * @param updatedAt last update, epoch microseconds
 * @param childIds  children of a folder or version stack, in display order
 * @param mediaType MIME type of a file, null otherwise
 * @param fileSize  size of a file in bytes, 0 otherwise
 * @param creatorId the account member who uploaded or made it
 */
public record Asset(String id, String type, String name, String parentId, String projectId, long createdAt, long updatedAt,
        List<String> childIds, String mediaType, long fileSize, String creatorId) {

    public boolean isContainer() {
        return !"file".equals(type);
    }

    public boolean isFile() {
        return "file".equals(type);
    }

    /** A video file (which has video renditions), as opposed to an image or a container. */
    public boolean isVideo() {
        return mediaType != null && mediaType.startsWith("video/");
    }
}
