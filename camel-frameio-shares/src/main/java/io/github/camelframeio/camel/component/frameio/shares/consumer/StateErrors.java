package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateException;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The errors of a consumer's state, each naming the store and the keys, as an operator would look for them. */
final class StateErrors {

    private StateErrors() {
    }

    /** The store: its class, and its file or directory when it has one. */
    static String describe(StateRepository<String, String> repository) {
        if (repository instanceof FileStateRepository file) {
            return "FileStateRepository " + file.getFileStore();
        }
        String text = String.valueOf(repository);
        String name = repository.getClass().getName();
        return text.startsWith(name + "@") ? name : text;
    }

    /** Keys lost or damaged, each with what is wrong with it (the first five in the message, all in the keys). */
    static FrameioSharesStateException lost(String store, String prefix, Map<String, String> losses, String consequence) {
        StringBuilder message = new StringBuilder("The consumer state in ").append(store).append(" (stateKey '")
                .append(prefix).append("') is incomplete or corrupt: ");
        int shown = 0;
        for (Map.Entry<String, String> e : losses.entrySet()) {
            if (shown++ == 5) {
                message.append(", and ").append(losses.size() - 5).append(" more keys");
                break;
            }
            message.append(shown > 1 ? "; " : "").append("key '").append(e.getKey()).append("' ").append(e.getValue());
        }
        message.append(". ").append(consequence);
        return new FrameioSharesStateException(message.toString(), store, new ArrayList<>(losses.keySet()), null);
    }

    static FrameioSharesStateException writeFailed(String store, String key, RuntimeException cause) {
        return new FrameioSharesStateException("Writing the consumer state key '" + key + "' to " + store + " failed ("
                                               + cause.getMessage() + "); the consumer emits nothing new until it is"
                                               + " written", store, List.of(key), cause);
    }

    static FrameioSharesStateException unknownFormat(String store, String prefix, String meta) {
        String shown = meta.length() > 60 ? meta.substring(0, 60) + "..." : meta;
        return new FrameioSharesStateException("The state under key '" + prefix + "' in " + store + " is in a format"
                                               + " this version does not read (" + shown + "); run the version that"
                                               + " wrote it, or use another stateKey", store, List.of(prefix), null);
    }
}
