package org.caliptra.util.cli.image;

import java.nio.file.Path;
import java.util.HexFormat;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.image.flash.FlashImage;

/** What `image inspect` and `image verify` say about a file that is none of the kinds they know. */
final class ImageKinds {
    private static final String KNOWN = "firmware bundles (CMAN, CMN2), SoC manifests (ATMN, ATM2, OWOM), flash images (FLSH v1, v3)";

    private ImageKinds() {}

    /**
     * Whether a file is a flash image: FLSH v1, v3, or an A1 out-bundle, which begins with its
     * Caliptra bundle, so this is asked before the bundle marker.
     */
    static boolean isFlash(byte[] bytes) {
        return FlashImage.isFlashV1(bytes) || FlashImage.isOutBundle(bytes) || FlashImage.isFlashV3(bytes);
    }

    static UsageException unknown(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            return new UsageException(file + ": is empty; known kinds: " + KNOWN);
        }
        return new UsageException(String.format("%s: unknown image kind (first bytes %s); known: %s", file,
                HexFormat.of().formatHex(bytes, 0, Math.min(8, bytes.length)), KNOWN));
    }
}
