package io.github.camelframeio.examples.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A replica in a JVM of its own, started with the launcher's classpath, and what the launcher does to it: kill it
 * ({@code SIGKILL}, as a node loss does), pause and resume it ({@code SIGSTOP}/{@code SIGCONT}, as a long GC pause or
 * a frozen VM does) or stop it gracefully ({@code SIGTERM}, as Kubernetes does on a rolling update). Its stdout and
 * stderr go to a file, from which {@link #lines()} reads the facts it printed.
 */
public final class ReplicaProcess {

    private final String name;
    private final Process process;
    private final Path output;

    private ReplicaProcess(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /**
     * Starts a replica JVM.
     *
     * @param properties system properties ({@code replica.*})
     * @param environment extra environment variables (the Frame.io token)
     */
    public static ReplicaProcess start(String name, Map<String, String> properties, Map<String, String> environment,
                                       Path output) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // small and quick to start: three replicas share two cores here; 256 MB, since a new leader compiles the
        // contract's schemas (about 70 MB) while it must keep renewing its lease
        command.addAll(List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData", "-Xshare:auto"));
        command.add("-Dreplica.name=" + name);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", classpath(), ReplicaApplication.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(output.getParent());
            return new ReplicaProcess(name, builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start replica " + name, e);
        }
    }

    /**
     * The launcher's own classpath. Under Surefire that is a manifest-only jar whose {@code Class-Path} lists the
     * test classpath, which a child JVM reads just as well.
     */
    private static String classpath() {
        return System.getProperty("replicas.classpath", System.getProperty("java.class.path"));
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path output() {
        return output;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** {@code SIGKILL}: no shutdown hook, no last write. */
    public void kill() {
        process.toHandle().destroyForcibly();
        awaitExit(10);
    }

    /** {@code SIGSTOP}: the JVM is frozen, its sockets and locks stay open. */
    public void pause() {
        signal("STOP");
    }

    /** {@code SIGCONT}: the JVM continues where it was frozen, unaware of the time that passed. */
    public void resume() {
        signal("CONT");
    }

    /** {@code SIGTERM}: Camel Main's shutdown hook stops the routes, and the cluster service gives up its lock. */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the JVM to exit, at most this many seconds. */
    public boolean awaitExit(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The facts the replica printed so far. */
    public List<ReplicaLine> lines() {
        try {
            if (!Files.exists(output)) {
                return List.of();
            }
            // a replica killed mid-write may leave half a character: decode leniently
            String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
            return text.lines().map(ReplicaLine::parse).flatMap(java.util.Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot send SIG" + signal + " to replica " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
