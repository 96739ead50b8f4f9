package io.github.camelframeio.camel.component.frameio.shares.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** One file per key, written whole or not at all, readable by the owner only, names that cannot collide. */
class DirectoryStateRepositoryTest {

    @TempDir
    Path tmp;

    private DirectoryStateRepository started(Path dir) {
        DirectoryStateRepository repo = new DirectoryStateRepository(dir);
        repo.start();
        return repo;
    }

    @Test
    void valuesSurviveANewRepositoryOnTheSameDirectory() {
        DirectoryStateRepository repo = started(tmp.resolve("a/b/state"));
        repo.setState("frameio-shares.shareChanges.x.1", "one");
        repo.setState("frameio-shares.shareChanges.x.1", "two");
        repo.setState("other", "value with = and\nline breaks");
        repo.stop();
        DirectoryStateRepository again = started(tmp.resolve("a/b/state"));
        assertEquals("two", again.getState("frameio-shares.shareChanges.x.1"));
        assertEquals("value with = and\nline breaks", again.getState("other"));
        assertNull(again.getState("never written"));
        again.setState("other", null);
        assertNull(again.getState("other"));
    }

    @Test
    void directoryAndFilesAreTheOwnersOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path dir = tmp.resolve("created");
        DirectoryStateRepository repo = started(dir);
        repo.setState("k", "secret-ish");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(repo.file("k"))));
    }

    @Test
    void aWriteReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "inode numbers");
        DirectoryStateRepository repo = started(tmp);
        String big = "x".repeat(100_000);
        repo.setState("k", big);
        Object before = Files.readAttributes(repo.file("k"), "unix:ino").get("ino");
        repo.setState("k", "small");
        // a new file renamed over the old one (a new inode), not the old one truncated and rewritten
        assertTrue(!before.equals(Files.readAttributes(repo.file("k"), "unix:ino").get("ino")));
        assertEquals("small", repo.getState("k"));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(repo.file("k")), files.toList());
        }
    }

    @Test
    void leftoversOfACrashBetweenWriteAndRenameAreRemovedAtStart() throws Exception {
        Files.writeString(tmp.resolve(".tmp-123.state"), "half");
        DirectoryStateRepository repo = started(tmp);
        assertFalse(Files.exists(tmp.resolve(".tmp-123.state")));
        assertNull(repo.getState(".tmp-123"));
    }

    @Test
    void writesCostTheValueThatChangedNotTheWholeState() {
        DirectoryStateRepository repo = started(tmp);
        for (int i = 0; i < 1024; i++) {
            repo.setState("k." + i, "v".repeat(1_300));
        }
        long baseline = repo.getBytesWritten();
        repo.setState("k.7", "w".repeat(1_300));
        assertEquals(1_300, repo.getBytesWritten() - baseline);
        assertEquals(1025, repo.getWrites());
    }

    @Test
    void keysBecomeSafeDistinctFileNames() {
        List<String> keys = List.of("a", "A", "../../etc/passwd", "a/b", "a\\b", ".hidden", "con", "ümlaut", "a%2Fb",
                "with space", "x".repeat(400), "x".repeat(399) + "y", "");
        Set<String> names = new HashSet<>();
        DirectoryStateRepository repo = started(tmp);
        for (String key : keys) {
            String name = repo.file(key).getFileName().toString();
            assertTrue(name.matches("[a-z0-9._%~A-F-]+") && !name.startsWith(".") && name.length() < 200, name);
            assertEquals(tmp, repo.file(key).getParent(), "inside the directory: " + key);
            assertTrue(names.add(name.toLowerCase(java.util.Locale.ROOT)), "distinct even ignoring case: " + key);
            repo.setState(key, "value of " + key);
        }
        for (String key : keys) {
            assertEquals("value of " + key, repo.getState(key));
        }
    }
}
