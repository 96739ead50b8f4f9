package io.github.camelframeio.frameio.simulator.state;

import java.util.List;

/**
 * A named group of users that can be added to a share as reviewers in one go.
 *
 * @param id        share list id
 * @param name      display name
 * @param memberIds user ids of its members
 */
public record ShareList(String id, String name, List<String> memberIds) {
}
