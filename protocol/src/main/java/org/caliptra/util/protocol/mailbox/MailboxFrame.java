package org.caliptra.util.protocol.mailbox;

import org.caliptra.util.protocol.ProtocolException;

/**
 * The framing every mailbox message shares (spec/device.md §2.6–§2.7), separate from the message
 * codecs: a request is {@code chksum:u32 ‖ fields}; a response is {@code chksum:u32 ‖
 * fips_status:u32 ‖ fields}. The checksum covers the command code (0 for responses) and every byte
 * after it. FIRMWARE_LOAD and FIRMWARE_VERIFY carry a raw image and are not framed.
 */
public final class MailboxFrame {
    /** Request header: the checksum. */
    public static final int REQUEST_HEADER = 4;
    /** Response header ("H"): checksum and fips_status. */
    public static final int RESPONSE_HEADER = 8;
    /** fips_status of an approved operation. */
    public static final int FIPS_APPROVED = 0;
    /** fips_status "USRD": a verify over a digest the user supplied (2.1 ECDSA/LMS verify). */
    public static final int FIPS_NOT_APPROVED_USER_SUPPLIED_DIGEST = 0x5553_5244;

    private MailboxFrame() {}

    /** Why a frame could not be opened: the device answers each with its own error code. */
    public enum Violation {
        /** Shorter than its header. */
        TOO_SHORT,
        /** The checksum does not match. */
        BAD_CHECKSUM
    }

    /** A frame that cannot be opened. */
    public static final class FrameException extends ProtocolException {
        private static final long serialVersionUID = 1L;
        private final Violation violation;

        FrameException(Violation violation, String message) {
            super(message);
            this.violation = violation;
        }

        public Violation violation() {
            return violation;
        }
    }

    /** An opened response: its fips_status and the fields after it. */
    public record Response(int fipsStatus, byte[] fields) {
        public Response {
            fields = fields.clone();
        }

        @Override
        public byte[] fields() {
            return fields.clone();
        }
    }

    public static byte[] sealRequest(int command, byte[] fields) {
        return MailboxChecksum.seal(command, fields);
    }

    /** The fields of a request frame for {@code command}, after checking its size and checksum. */
    public static byte[] openRequest(int command, byte[] frame, String what) {
        return open(command, frame, REQUEST_HEADER, what);
    }

    public static byte[] sealResponse(int fipsStatus, byte[] fields) {
        byte[] body = new byte[4 + fields.length];
        body[0] = (byte) fipsStatus;
        body[1] = (byte) (fipsStatus >>> 8);
        body[2] = (byte) (fipsStatus >>> 16);
        body[3] = (byte) (fipsStatus >>> 24);
        System.arraycopy(fields, 0, body, 4, fields.length);
        return MailboxChecksum.seal(0, body);
    }

    /** Opens a response frame: checksum (command 0), then fips_status and the fields. */
    public static Response openResponse(byte[] frame, String what) {
        byte[] body = open(0, frame, RESPONSE_HEADER, what);
        int fips = (frame[4] & 0xFF) | (frame[5] & 0xFF) << 8 | (frame[6] & 0xFF) << 16 | (frame[7] & 0xFF) << 24;
        return new Response(fips, body);
    }

    private static byte[] open(int command, byte[] frame, int header, String what) {
        if (frame.length < header) {
            throw new FrameException(Violation.TOO_SHORT, what + ": " + frame.length + " bytes is shorter than the "
                    + header + "-byte header" + (header == RESPONSE_HEADER ? " (checksum and fips_status)" : " (checksum)"));
        }
        if (!MailboxChecksum.isValid(command, frame)) {
            int stored = (frame[0] & 0xFF) | (frame[1] & 0xFF) << 8 | (frame[2] & 0xFF) << 16 | (frame[3] & 0xFF) << 24;
            throw new FrameException(Violation.BAD_CHECKSUM, String.format(
                    "%s: checksum mismatch at offset 0: found 0x%08X, expected 0x%08X", what, stored,
                    MailboxChecksum.compute(command, frame, MailboxChecksum.SIZE, frame.length)));
        }
        byte[] fields = new byte[frame.length - header];
        System.arraycopy(frame, header, fields, 0, fields.length);
        return fields;
    }
}
