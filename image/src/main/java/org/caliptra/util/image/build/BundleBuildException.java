package org.caliptra.util.image.build;

import org.caliptra.util.image.ImageException;
import org.caliptra.util.image.verify.VerifierError;

/** Inputs that cannot make a valid bundle: names the input, and the ROM's error where the ROM would be the one to refuse. */
public final class BundleBuildException extends ImageException {
    private static final long serialVersionUID = 1L;

    /** Which input is at fault, so a front end can name its option or configuration key. */
    public enum Input {
        /** The two images together (their sizes). */
        IMAGE_SIZES, FMC_LOAD_ADDRESS, FMC_ENTRY_POINT, FMC_SVN, RUNTIME_LOAD_ADDRESS, RUNTIME_ENTRY_POINT, RUNTIME_SVN,
        /** 2.x: the header's firmware SVN. */
        FIRMWARE_SVN
    }

    private final transient Input input;
    private final transient VerifierError romError;

    public BundleBuildException(String message) {
        this(message, null, null);
    }

    public BundleBuildException(String message, Input input, VerifierError romError) {
        super(message);
        this.input = input;
        this.romError = romError;
    }

    /** The input at fault, or null when the problem is not one input's. */
    public Input input() {
        return input;
    }

    /** The error the boot ROM would report for the bundle, or null when the builder refuses for another reason. */
    public VerifierError romError() {
        return romError;
    }
}
