package org.caliptra.util.cli;

/** The exit-code contract scripts rely on. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A valid input the device (or the check standing in for it) refuses, or the device or transport failed. */
    public static final int FAILURE = 1;
    /** Bad arguments, or an input that is not a valid input of its kind (docs/cli.md, "the rule"). */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
