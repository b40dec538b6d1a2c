package org.caliptra.util.protocol;

/** A frame or message that does not follow the wire format: wrong size, bad checksum, bad field. */
public class ProtocolException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
