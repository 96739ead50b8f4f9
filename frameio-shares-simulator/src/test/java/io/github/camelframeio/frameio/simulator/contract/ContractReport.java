package io.github.camelframeio.frameio.simulator.contract;

import io.github.camelframeio.frameio.contract.Violation;

import java.util.List;

/**
 * What the contract check found in one request or answer: nothing, or the violations of the official document.
 *
 * @param violations every violation found, in the order found
 */
public record ContractReport(List<Violation> violations) {

    public ContractReport {
        violations = List.copyOf(violations);
    }

    public boolean hasErrors() {
        return !violations.isEmpty();
    }

    /** One line per violation: where, Frame.io's wording, and the same in plain words. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Violation v : violations) {
            sb.append("  ").append(v.location()).append(' ').append(v.pointer()).append(": ").append(v.frameioDetail())
                    .append(" (").append(v.describe()).append(")\n");
        }
        return sb.toString();
    }
}
