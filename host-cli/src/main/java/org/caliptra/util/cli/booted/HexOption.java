package org.caliptra.util.cli.booted;

import java.util.HexFormat;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.protocol.Octets;

/** A fixed-size byte string given as hex on the command line; a bad value is exit 2 naming the option. */
public final class HexOption {
    private HexOption() {}

    /** {@code value}'s bytes: exactly {@code size} bytes as {@code 2 * size} hex digits (an optional 0x prefix allowed). */
    public static Octets parse(String option, String value, int size, String what) {
        String digits = digits(option, value, what + " is " + size + " bytes (" + 2 * size + " hex digits)");
        if (digits.length() != 2 * size) {
            throw new UsageException(option + ": " + digits.length() + " hex digits; " + what + " is " + size + " bytes ("
                    + 2 * size + " hex digits)");
        }
        return Octets.of(HexFormat.of().parseHex(digits));
    }

    /** {@code value}'s bytes: an even number of hex digits for at most {@code max} bytes (an optional 0x prefix allowed). */
    public static Octets parseUpTo(String option, String value, int max, String what) {
        String limit = what + " is at most " + max + " bytes (" + 2 * max + " hex digits)";
        String digits = digits(option, value, limit);
        if (digits.length() % 2 != 0) {
            throw new UsageException(option + ": " + digits.length() + " hex digits, an odd number; every byte is two");
        }
        if (digits.length() > 2 * max) {
            throw new UsageException(option + ": " + digits.length() / 2 + " bytes; " + limit);
        }
        return Octets.of(HexFormat.of().parseHex(digits));
    }

    /**
     * The hex digits of {@code value} without a 0x prefix; an error names the option and the position
     * of the first character that is not one, never the value, which may be a key.
     */
    private static String digits(String option, String value, String expected) {
        String digits = value.trim();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            // ASCII only: Character.digit also accepts other scripts' digits, which HexFormat refuses.
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                // The position, not the character: the value may hold anything, a line break included.
                throw new UsageException(option + ": character " + (i + 1) + " is not a hex digit; " + expected);
            }
        }
        return digits;
    }
}
