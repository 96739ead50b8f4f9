package io.github.camelframeio.examples.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders of the example under one work directory, as the YAML routes use them.
 *
 * @param root the work directory ({@code filedrop.work-dir})
 */
public record FileDropFolders(Path root) {

    public FileDropFolders {
        root = root.toAbsolutePath().normalize();
    }

    /** Share requests to create: {@code *.json} files. */
    public Path inbox() {
        return root.resolve("inbox");
    }

    /** One result per created share: the share as Frame.io returned it, under the request's file name. */
    public Path outbox() {
        return root.resolve("outbox");
    }

    /** Requests that became shares. */
    public Path done() {
        return root.resolve("done");
    }

    /** Requests that failed, each with its reason in {@code <name>.error.txt}. */
    public Path error() {
        return root.resolve("error");
    }

    /** One JSON file per share change. */
    public Path events() {
        return root.resolve("events");
    }

    /** What the shareChanges consumer has emitted, so that a restart emits exactly what changed meanwhile. */
    public Path state() {
        return root.resolve("state");
    }

    /** Creates the folders. */
    public void create() throws IOException {
        for (Path dir : all()) {
            Files.createDirectories(dir);
        }
    }

    /** Empties the folders (only these: the work directory may hold other things). */
    public void clear() throws IOException {
        for (Path dir : all()) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path p : tree.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** The files of a folder whose names end with {@code suffix}, sorted by name; none if it does not exist. */
    public static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        }
    }

    private List<Path> all() {
        return List.of(inbox(), outbox(), done(), error(), events(), state());
    }
}
