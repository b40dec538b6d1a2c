package org.caliptra.util.image.build;

import org.caliptra.util.image.ImageException;

/** Inputs that cannot make a valid bundle: names the input. */
public final class BundleBuildException extends ImageException {
    private static final long serialVersionUID = 1L;

    public BundleBuildException(String message) {
        super(message);
    }
}
