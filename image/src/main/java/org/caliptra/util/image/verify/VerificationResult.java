package org.caliptra.util.image.verify;

/** The boot ROM's verdict on an image. */
public sealed interface VerificationResult {
    record Accepted(AcceptedImage image) implements VerificationResult {}

    record Rejected(Rejection rejection) implements VerificationResult {}

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
