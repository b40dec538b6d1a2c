package org.caliptra.util.host.commands.keys;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.KeyResponse;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.host.commands.keys.KeyCommands.Delete;
import org.caliptra.util.host.commands.keys.KeyCommands.Import;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.CmKeyCommands.ImportRequest;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McCryptoCommands;

import static org.caliptra.util.host.commands.CommandId.*;

/** Key management as MC_IMPORT / MC_DELETE on an MCU mailbox, CM_IMPORT / CM_DELETE on a 2.x core. */
public final class KeyFamily implements CommandFamily {
    @Override
    public String name() {
        return "keys";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(IMPORT, DELETE),
                EnumSet.of(IMPORT, DELETE),
                EnumSet.of(IMPORT, DELETE),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(Import.TYPE, Delete.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return switch (kind) {
            case MCU -> mappings(McCryptoCommands.MC_IMPORT, McCryptoCommands.MC_DELETE);
            case CALIPTRA_CORE -> mappings(CmKeyCommands.CM_IMPORT, CmKeyCommands.CM_DELETE);
        };
    }

    private static List<MailboxCommandMapping> mappings(CommandCodec<ImportRequest, Cmk> importKey, CommandCodec<Cmk, NoFields> delete) {
        return List.of(
                CodecMailboxMapping.of(Import.TYPE, importKey, q -> ImportRequest.of(q.usage(), q.key()), KeyResponse::new),
                CodecMailboxMapping.of(Delete.TYPE, delete, Delete::cmk, (fips, none) -> new StatusResponse(fips)));
    }
}
