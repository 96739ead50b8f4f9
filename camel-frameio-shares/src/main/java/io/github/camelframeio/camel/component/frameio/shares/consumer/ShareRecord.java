package io.github.camelframeio.camel.component.frameio.shares.consumer;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the shareChanges consumer last emitted about one share: the share (encoded by {@link ShareCodec}), and, when
 * known, its reviewers (id to e-mail) and its assets. Null reviewers or assets mean "not looked at yet": the first
 * look records them without emitting anything.
 */
record ShareRecord(byte[] share, Map<String, String> reviewers, Set<String> assets) {

    ShareRecord {
        reviewers = reviewers == null ? null : Collections.unmodifiableMap(new TreeMap<>(reviewers));
        assets = assets == null ? null : Collections.unmodifiableSet(new TreeSet<>(assets));
    }

    ShareRecord withShare(byte[] newShare) {
        return new ShareRecord(newShare, reviewers, assets);
    }

    ShareRecord withReviewers(Map<String, String> newReviewers) {
        return new ShareRecord(share, newReviewers, assets);
    }

    ShareRecord withAssets(Set<String> newAssets) {
        return new ShareRecord(share, reviewers, newAssets);
    }

    /** The share of an encoded record, without decoding the rest. */
    static byte[] shareOf(byte[] record) {
        return new Bytes.In(record).block();
    }

    static final BucketedState.ValueFormat<ShareRecord> FORMAT = new BucketedState.ValueFormat<>() {
        @Override
        public void write(Bytes.Out out, ShareRecord r) {
            out.block(r.share);
            if (r.reviewers == null) {
                out.write(0);
            } else {
                out.write(1);
                out.varint(r.reviewers.size());
                r.reviewers.forEach((id, email) -> {
                    out.id(id);
                    out.string(email == null ? "" : email);
                });
            }
            if (r.assets == null) {
                out.write(0);
            } else {
                out.write(1);
                out.varint(r.assets.size());
                r.assets.forEach(out::id);
            }
        }

        @Override
        public ShareRecord read(Bytes.In in) {
            byte[] share = in.block();
            Map<String, String> reviewers = null;
            if (in.read() == 1) {
                reviewers = new TreeMap<>();
                int n = in.varint();
                for (int i = 0; i < n; i++) {
                    String id = in.id();
                    String email = in.string();
                    reviewers.put(id, email.isEmpty() ? null : email);
                }
            }
            Set<String> assets = null;
            if (in.read() == 1) {
                assets = new TreeSet<>();
                int n = in.varint();
                for (int i = 0; i < n; i++) {
                    assets.add(in.id());
                }
            }
            return new ShareRecord(share, reviewers, assets);
        }
    };
}
