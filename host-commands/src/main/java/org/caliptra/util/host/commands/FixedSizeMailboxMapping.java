package org.caliptra.util.host.commands;

import java.util.Objects;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mcu.McCommand;

/**
 * The general mailbox rule of spec/hostlib.md §2.4 for fixed-size commands: the request fields are
 * the internal request verbatim, and the response fields after the checksum are the internal
 * response verbatim (fips_status first). Both sizes are exact.
 */
public record FixedSizeMailboxMapping(CommandId id, McCommand command, int requestSize, int responseSize)
        implements MailboxCommandMapping {
    public FixedSizeMailboxMapping {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
    }

    @Override
    public int commandId() {
        return id.value();
    }

    @Override
    public int externalCommand() {
        return command.code();
    }

    @Override
    public String name() {
        return command.name();
    }

    @Override
    public byte[] toExternalRequest(byte[] internalRequest) {
        if (internalRequest.length != requestSize) {
            throw new ProtocolException(internalRequest.length + " bytes, expected " + requestSize);
        }
        return internalRequest.clone();
    }

    @Override
    public byte[] toInternalResponse(byte[] externalResponse) {
        if (externalResponse.length != responseSize) {
            throw new ProtocolException(String.format("%s response: %d bytes after the checksum, expected %d",
                    command.name(), externalResponse.length, responseSize));
        }
        return externalResponse.clone();
    }
}
