package com.bp010.ingest;

/** Where readers put what they read: good readings and refused rows, in input order, one at a time. */
public interface ReadingSink {
    void accept(Reading reading);

    void reject(RowReject reject);

    /** Keeps nothing (a pass over an input that reads something else). */
    ReadingSink DISCARD = new ReadingSink() {
        @Override
        public void accept(Reading reading) {
        }

        @Override
        public void reject(RowReject reject) {
        }
    };
}
