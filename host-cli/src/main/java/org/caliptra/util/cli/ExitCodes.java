package org.caliptra.util.cli;

/** The exit-code contract scripts rely on. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The device, the transport or the check failed. */
    public static final int FAILURE = 1;
    /** Bad arguments or bad input files. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
