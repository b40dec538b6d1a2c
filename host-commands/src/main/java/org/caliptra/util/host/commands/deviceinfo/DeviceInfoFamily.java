package org.caliptra.util.host.commands.deviceinfo;

import java.util.List;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;

/** Device-information commands and their transport mappings. */
public final class DeviceInfoFamily implements CommandFamily {
    @Override
    public String name() {
        return "device-info";
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings() {
        return List.of(new CodecMailboxMapping<>(GetDeviceId.ID, McDeviceInfoCommands.MC_DEVICE_ID, internal -> {
            if (internal.length != GetDeviceId.REQUEST_SIZE) {
                throw new ProtocolException("GetDeviceId request: " + internal.length + " bytes, it takes none");
            }
            return NoFields.INSTANCE;
        }, (fips, identity) -> new GetDeviceId.Response(fips, identity).encode()));
    }
}
