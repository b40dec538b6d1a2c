package org.caliptra.util.host.commands.deviceinfo;

import java.util.List;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.FixedSizeMailboxMapping;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.mcu.McCommand;

/** Device-information commands and their transport mappings. */
public final class DeviceInfoFamily implements CommandFamily {
    @Override
    public String name() {
        return "device-info";
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings() {
        return List.of(new FixedSizeMailboxMapping(GetDeviceId.ID, McCommand.MC_DEVICE_ID,
                GetDeviceId.REQUEST_SIZE, GetDeviceId.RESPONSE_SIZE));
    }
}
