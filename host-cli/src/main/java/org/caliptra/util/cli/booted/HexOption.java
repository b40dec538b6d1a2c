package org.caliptra.util.cli.booted;

import java.util.HexFormat;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.protocol.Octets;

/** A fixed-size byte string given as hex on the command line; a bad value is exit 2 naming the option. */
final class HexOption {
    private HexOption() {}

    /** {@code value}'s bytes: exactly {@code size} bytes as {@code 2 * size} hex digits (an optional 0x prefix allowed). */
    static Octets parse(String option, String value, int size, String what) {
        String digits = value.trim();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            // ASCII only: Character.digit also accepts other scripts' digits, which HexFormat refuses.
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                // The position, not the character: the value may hold anything, a line break included.
                throw new UsageException(option + ": character " + (i + 1) + " is not a hex digit; " + what + " is "
                        + size + " bytes (" + 2 * size + " hex digits)");
            }
        }
        if (digits.length() != 2 * size) {
            throw new UsageException(option + ": " + digits.length() + " hex digits; " + what + " is " + size + " bytes ("
                    + 2 * size + " hex digits)");
        }
        return Octets.of(HexFormat.of().parseHex(digits));
    }
}
