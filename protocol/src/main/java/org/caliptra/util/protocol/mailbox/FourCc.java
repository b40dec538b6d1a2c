package org.caliptra.util.protocol.mailbox;

/**
 * Mailbox command codes are u32 values whose big-endian bytes read as ASCII ("MDID" = 0x4D444944).
 */
public final class FourCc {
    private FourCc() {}

    public static int of(String mnemonic) {
        if (mnemonic.length() != 4 || !mnemonic.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("a FourCC is 4 printable ASCII characters: '" + mnemonic + "'");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | mnemonic.charAt(i);
        }
        return value;
    }

    /** The ASCII reading, with non-printable bytes shown as '.', e.g. "MDID". */
    public static String toAscii(int code) {
        var sb = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int b = (code >>> shift) & 0xFF;
            sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return sb.toString();
    }

    /** "0x4D444944 (MDID)". */
    public static String describe(int code) {
        return String.format("0x%08X (%s)", code, toAscii(code));
    }
}
