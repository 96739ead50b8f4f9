package io.github.camelframeio.camel.component.frameio.shares.state;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Camel {@link StateRepository} that keeps each key in a file of its own in one directory, for a consumer's state
 * on a single host: a write costs the size of the one value that changed (where Camel's FileStateRepository rewrites
 * its whole file once it exceeds 1 MB), and is crash-safe: the value goes to a new temporary file, which is synced to
 * disk and then atomically renamed over the old one, and the directory is synced, so a crash or a full disk leaves
 * the old value or the new one, never a cut one.
 * <p>
 * Where the file system supports POSIX permissions the directory is created {@code rwx------} and the files
 * {@code rw-------}; elsewhere (Windows) they inherit the directory's ACL, so put the directory where only the
 * service's account can read. Key names become file names by keeping {@code a-z 0-9 - _ .} and writing any other
 * character as {@code %XX} of its UTF-8 bytes (upper case letters too, so that case-insensitive file systems keep
 * distinct keys apart), with {@code .state} appended; keys too long for a file name are shortened and suffixed with a
 * hash. One process per directory: two processes writing the same keys would overwrite each other.
 */
public class DirectoryStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryStateRepository.class);
    private static final String SUFFIX = ".state";
    private static final String TEMP_PREFIX = ".tmp-";
    /** Room within the 255 bytes most file systems allow, for the suffix and a temporary file's prefix. */
    private static final int MAX_NAME = 180;

    private final Path directory;
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private boolean posix;

    public DirectoryStateRepository(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** For bean definitions: {@code new DirectoryStateRepository("/var/lib/frameio")}. */
    public DirectoryStateRepository(String directory) {
        this(Path.of(directory));
    }

    public Path getDirectory() {
        return directory;
    }

    /** Bytes written to value files since this repository was created (temporary files included, once each). */
    public long getBytesWritten() {
        return bytesWritten.get();
    }

    /** Values written (each one file, one fsync, one rename) since this repository was created. */
    public long getWrites() {
        return writes.get();
    }

    @Override
    protected void doStart() throws Exception {
        posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            if (posix) {
                FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------"));
                Files.createDirectories(directory, ownerOnly);
            } else {
                Files.createDirectories(directory);
            }
            LOG.info("Created the state directory {}", directory);
        }
        if (!Files.isWritable(directory)) {
            throw new IOException("The state directory " + directory + " is not writable");
        }
        // what a crash between writing and renaming left behind
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, TEMP_PREFIX + "*")) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    protected void doStop() {
        // nothing held open: every write is complete when setState returns
    }

    @Override
    public String getState(String key) {
        try {
            return new String(Files.readAllBytes(file(key)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new RuntimeCamelException("Reading state key '" + key + "' from " + file(key) + " failed", e);
        }
    }

    /** Writes the value (null removes the key), durably: see the class comment. */
    @Override
    public void setState(String key, String value) {
        Path target = file(key);
        try {
            if (value == null) {
                Files.deleteIfExists(target);
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                Path temp = posix
                        ? Files.createTempFile(directory, TEMP_PREFIX, SUFFIX,
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : Files.createTempFile(directory, TEMP_PREFIX, SUFFIX);
                try {
                    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        ByteBuffer buffer = ByteBuffer.wrap(bytes);
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                        channel.force(true);
                    }
                    move(temp, target);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(temp);
                    throw e;
                }
                bytesWritten.addAndGet(bytes.length);
                writes.incrementAndGet();
            }
            syncDirectory();
        } catch (IOException e) {
            throw new RuntimeCamelException("Writing state key '" + key + "' to " + target + " failed: " + e, e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // not on this file system (rare for a rename within one directory): the best it offers
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; POSIX only (a directory cannot be opened for sync on Windows). */
    private void syncDirectory() {
        if (!posix) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("Syncing the directory {} is not supported here ({})", directory, e.getMessage());
        }
    }

    /** The file that holds a key (see the class comment for the encoding). */
    public Path file(String key) {
        return directory.resolve(fileName(key));
    }

    static String fileName(String key) {
        StringBuilder name = new StringBuilder(key.length() + 8);
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int c = utf8[i] & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                            || (c == '.' && i > 0);
            if (plain) {
                name.append((char) c);
            } else {
                name.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        if (name.length() == 0) {
            name.append('~'); // no name is empty, and no other key makes this one
        }
        if (name.length() > MAX_NAME) {
            String hash = sha256(key);
            name.setLength(MAX_NAME - 33);
            name.append('~').append(hash, 0, 32);
        }
        return name.append(SUFFIX).toString();
    }

    private static String sha256(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "DirectoryStateRepository " + directory;
    }
}
