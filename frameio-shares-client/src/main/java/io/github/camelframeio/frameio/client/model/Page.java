package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One page of a list operation.
 *
 * @param <T>        the item type
 * @param data       the items of this page
 * @param nextCursor the opaque cursor of the next page ({@code after}), null on the last page
 * @param totalCount the number of items in the whole listing, when requested and sent; otherwise null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(@JsonProperty("data") List<T> data, @JsonProperty("next_cursor") String nextCursor,
                      @JsonProperty("total_count") Integer totalCount) {

    public Page {
        data = List.copyOf(data);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }
}
