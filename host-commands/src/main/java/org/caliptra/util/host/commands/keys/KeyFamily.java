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
import org.caliptra.util.host.commands.keys.KeyCommands.CmStatus;
import org.caliptra.util.host.commands.keys.KeyCommands.Import;
import org.caliptra.util.host.commands.keys.KeyCommands.StorageStatus;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.cm.CmKeyCommands.ImportRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.Status;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McCryptoCommands;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * Key management as MC_IMPORT / MC_DELETE / MC_CM_STATUS on an MCU mailbox, CM_IMPORT / CM_DELETE /
 * CM_STATUS on a 2.x core. A 1.x core has no cryptographic mailbox.
 */
public final class KeyFamily implements CommandFamily {
    @Override
    public String name() {
        return "keys";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(IMPORT, DELETE, CM_STATUS),
                EnumSet.of(IMPORT, DELETE, CM_STATUS),
                EnumSet.of(IMPORT, DELETE, CM_STATUS),
                EnumSet.noneOf(CommandId.class),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(Import.TYPE, Delete.TYPE, CmStatus.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return mailboxMappings(kind, Generation.V2);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind, Generation generation) {
        return switch (kind) {
            case MCU -> mappings(McCryptoCommands.MC_IMPORT, McCryptoCommands.MC_DELETE, McCryptoCommands.MC_CM_STATUS);
            case CALIPTRA_CORE -> generation == Generation.V1 ? List.of()
                    : mappings(CmKeyCommands.CM_IMPORT, CmKeyCommands.CM_DELETE, CmKeyCommands.CM_STATUS);
        };
    }

    private static List<MailboxCommandMapping> mappings(CommandCodec<ImportRequest, Cmk> importKey, CommandCodec<Cmk, NoFields> delete,
            CommandCodec<NoFields, Status> status) {
        return List.of(
                CodecMailboxMapping.of(Import.TYPE, importKey, q -> ImportRequest.of(q.usage(), q.key()), KeyResponse::new),
                CodecMailboxMapping.of(Delete.TYPE, delete, Delete::cmk, (fips, none) -> new StatusResponse(fips)),
                CodecMailboxMapping.of(CmStatus.TYPE, status, q -> NoFields.INSTANCE,
                        (fips, s) -> new StorageStatus(fips, s.usedUsageStorage(), s.totalUsageStorage())));
    }
}
