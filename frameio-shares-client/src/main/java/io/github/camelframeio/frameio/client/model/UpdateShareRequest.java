package io.github.camelframeio.frameio.client.model;

/**
 * A request to change a share's settings ({@code shares.update}): only the fields set here change; at least one
 * must be set. Setting a nullable field to {@code null} clears it.
 *
 * <pre>{@code
 * UpdateShareRequest.create().name("Final cut").passphrase(null).expiration(null);
 * }</pre>
 */
public final class UpdateShareRequest extends ShareSettings<UpdateShareRequest> {

    private UpdateShareRequest() {
    }

    public static UpdateShareRequest create() {
        return new UpdateShareRequest();
    }
}
