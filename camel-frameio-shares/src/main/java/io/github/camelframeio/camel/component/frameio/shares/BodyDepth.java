package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.client.FrameioInvalidRequestException;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a Map, Collection or JSON tree body that refers to itself or is nested deeper than any Frame.io request
 * (a few levels), before it is converted: converting one recursively would end in a StackOverflowError. The walk
 * is iterative, so the check itself cannot overflow.
 */
final class BodyDepth {

    /** Deeper than any request of the contract (data.reviewers.emails[i] is four levels) by far. */
    static final int MAX_DEPTH = 32;

    /** More values than any request holds (100 reviewers of a batch call are some hundred). */
    static final int MAX_VALUES = 1_000_000;

    private BodyDepth() {
    }

    static void requireBounded(Object body, String op) {
        Iterable<?> top = children(body);
        if (top == null) {
            return;
        }
        // a depth-first walk with an explicit stack: a value met again on its own path is a cycle, one met again
        // elsewhere is only shared (legal)
        Set<Object> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> path = new ArrayDeque<>();
        Deque<Iterator<?>> stack = new ArrayDeque<>();
        path.push(body);
        onPath.add(body);
        stack.push(top.iterator());
        long values = 0;
        while (!stack.isEmpty()) {
            Iterator<?> siblings = stack.peek();
            if (!siblings.hasNext()) {
                stack.pop();
                onPath.remove(path.pop());
                continue;
            }
            Object child = siblings.next();
            if (++values > MAX_VALUES) {
                throw new FrameioInvalidRequestException(op + " body holds more than " + MAX_VALUES + " values; no"
                        + " Frame.io request does");
            }
            Iterable<?> grandchildren = children(child);
            if (grandchildren == null) {
                continue;
            }
            if (onPath.contains(child)) {
                throw new FrameioInvalidRequestException(op + " body refers to itself (a Map, List or JSON node that"
                        + " contains itself); it cannot be sent as JSON");
            }
            if (path.size() >= MAX_DEPTH) {
                throw new FrameioInvalidRequestException(op + " body is nested deeper than " + MAX_DEPTH + " levels;"
                        + " no Frame.io request is");
            }
            path.push(child);
            onPath.add(child);
            stack.push(grandchildren.iterator());
        }
    }

    private static Iterable<?> children(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values();
        }
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        if (value instanceof JsonNode node && node.isContainerNode()) {
            return node;
        }
        return null;
    }
}
