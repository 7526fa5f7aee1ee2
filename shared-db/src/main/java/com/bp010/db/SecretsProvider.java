package com.bp010.db;

/** Where secret strings come from: Secrets Manager in AWS, a stub or a map in tests. */
public interface SecretsProvider {
    /** The secret's string value. Throws {@link Bp010Exception} with code SECRETS when it cannot be read. */
    String secretString(String name);

    /** Forget any cached copy of this secret, so the next read goes to the source (after a rotation). */
    default void invalidate(String name) {
    }
}
