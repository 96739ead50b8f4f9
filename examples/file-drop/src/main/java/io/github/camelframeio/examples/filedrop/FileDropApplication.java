package io.github.camelframeio.examples.filedrop;

import org.apache.camel.main.Main;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the file-drop example (the routes are in {@code routes/*.yaml}).
 * <ul>
 * <li>With {@code FRAMEIO_*} environment variables it runs against Frame.io until stopped (Ctrl-C).</li>
 * <li>Without any, it runs the {@link OfflineDemo}: an in-process simulator, sample requests and web-app changes,
 * a summary, and an exit status that says whether everything expected happened.</li>
 * </ul>
 * The work directory is {@code FILEDROP_WORK_DIR} (or the system property {@code filedrop.work-dir}), by default
 * {@code target/file-drop}.
 */
public final class FileDropApplication {

    /** Environment variable to component option ({@code camel.component.frameio-shares.*}). */
    private static final Map<String, String> FRAMEIO_VARIABLES = Map.of(
            "FRAMEIO_ACCOUNT_ID", "account-id",
            "FRAMEIO_PROJECT_ID", "project-id",
            "FRAMEIO_ACCESS_TOKEN", "access-token",
            "FRAMEIO_CLIENT_ID", "client-id",
            "FRAMEIO_CLIENT_SECRET", "client-secret",
            "FRAMEIO_REFRESH_TOKEN", "refresh-token",
            "FRAMEIO_BASE_URL", "base-url",
            "FRAMEIO_IMS_URL", "ims-url");

    private FileDropApplication() {
    }

    public static void main(String[] args) throws Exception {
        FileDropFolders folders = new FileDropFolders(workDir());
        Map<String, String> env = System.getenv();
        if (env.keySet().stream().noneMatch(FRAMEIO_VARIABLES::containsKey)) {
            System.exit(new OfflineDemo(folders, System.out).run());
        }
        Map<String, String> options;
        try {
            options = componentOptions(env, folders);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        folders.create();
        System.out.println("Watching " + folders.inbox() + " and the shares of project " + options.get("project-id")
                           + "; Ctrl-C stops");
        newMain(folders, options, Map.of()).run();
    }

    /**
     * The component options that the {@code FRAMEIO_*} variables set: account, project, a credential (an access
     * token, or a client id with a client secret or a refresh token), and optionally other URLs.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    static Map<String, String> componentOptions(Map<String, String> env, FileDropFolders folders) {
        Map<String, String> options = new LinkedHashMap<>();
        FRAMEIO_VARIABLES.forEach((variable, option) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                options.put(option, value);
            }
        });
        List<String> missing = new ArrayList<>();
        for (String required : List.of("account-id", "project-id")) {
            if (!options.containsKey(required)) {
                missing.add("FRAMEIO_" + required.replace('-', '_').toUpperCase());
            }
        }
        if (!options.containsKey("access-token") && !(options.containsKey("client-id")
                && (options.containsKey("client-secret") || options.containsKey("refresh-token")))) {
            missing.add("FRAMEIO_ACCESS_TOKEN (or FRAMEIO_CLIENT_ID with FRAMEIO_CLIENT_SECRET or FRAMEIO_REFRESH_TOKEN)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Running against Frame.io needs " + String.join(", ", missing)
                                               + "; unset every FRAMEIO_* variable to run the offline demo instead");
        }
        if (options.containsKey("refresh-token")) {
            // Adobe IMS rotates refresh tokens: keep the successor so that a restart continues the chain
            options.put("refresh-token-file", folders.state().resolve("refresh-token").toString());
        }
        return options;
    }

    /**
     * A Camel Main with the example's routes and {@code application.properties}, the given component options
     * ({@code camel.component.frameio-shares.NAME}) and other properties overridden.
     */
    static Main newMain(FileDropFolders folders, Map<String, String> componentOptions, Map<String, String> properties) {
        Main main = new Main();
        main.addOverrideProperty("filedrop.work-dir", folders.root().toString());
        componentOptions.forEach((name, value) -> main.addOverrideProperty("camel.component.frameio-shares." + name, value));
        properties.forEach(main::addOverrideProperty);
        return main;
    }

    private static Path workDir() {
        String dir = System.getenv("FILEDROP_WORK_DIR");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("filedrop.work-dir", "target/file-drop");
        }
        return Path.of(dir);
    }
}
