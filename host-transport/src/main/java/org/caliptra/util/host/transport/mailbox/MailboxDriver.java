package org.caliptra.util.host.transport.mailbox;

/**
 * Moves one mailbox transaction to a device: the external command code plus the SRAM payload
 * (checksum first) out, the raw SRAM response (checksum first) back. Framing, checksums and
 * conversions are the business of {@link MailboxTransport}, not of drivers.
 */
public interface MailboxDriver {
    /** A short name for messages, e.g. "in-process". */
    String name();

    /**
     * @return the response bytes; never empty for a command that succeeded with data
     * @throws MailboxException when the transaction could not be completed or the device refused it
     */
    byte[] sendCommand(int externalCommand, byte[] payload);

    boolean isReady();

    /** See {@link org.caliptra.util.host.transport.Transport#callsAreSelfBounded}. */
    default boolean callsAreSelfBounded() {
        return false;
    }

    void connect();

    void disconnect();
}
