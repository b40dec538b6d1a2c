package org.caliptra.util.host.commands.debug;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CodecVdmMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugClearLog;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugEcho;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugGetLog;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugGetStatus;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugReadMemory;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugReset;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugSetConfig;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugWriteMemory;
import org.caliptra.util.host.commands.debug.DebugCommands.LogPage;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.host.transport.mctp.VdmCommandMapping;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mctp.VdmCommands;
import org.caliptra.util.protocol.mcu.McLogCommands;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * The debug log, which only the MCU runtime keeps: MC_GET_LOG / MC_CLEAR_LOG on its mailbox (the
 * codec takes data_len's leading more_data word apart), GetDebugLog (0x03) / ClearDebugLog (0x04)
 * over MCTP-VDM (at most 900 log bytes a page; more_data read as 0 or 1). No route carries the
 * other debug ids.
 */
public final class DebugFamily implements CommandFamily {
    @Override
    public String name() {
        return "debug";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(DEBUG_ECHO, DEBUG_GET_STATUS, DEBUG_READ_MEMORY, DEBUG_WRITE_MEMORY, DEBUG_GET_LOG,
                        DEBUG_SET_CONFIG, DEBUG_RESET, DEBUG_CLEAR_LOG),
                EnumSet.of(DEBUG_GET_LOG, DEBUG_CLEAR_LOG),
                EnumSet.noneOf(CommandId.class),
                EnumSet.of(DEBUG_GET_LOG, DEBUG_CLEAR_LOG)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(DebugEcho.TYPE, DebugGetStatus.TYPE, DebugReadMemory.TYPE, DebugWriteMemory.TYPE, DebugGetLog.TYPE,
                DebugSetConfig.TYPE, DebugReset.TYPE, DebugClearLog.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return switch (kind) {
            case MCU -> List.of(
                    CodecMailboxMapping.of(DebugGetLog.TYPE, McLogCommands.MC_GET_LOG, q -> NoFields.INSTANCE,
                            (fips, log) -> new LogPage(fips, log.hasMoreData(), log.logData())),
                    CodecMailboxMapping.of(DebugClearLog.TYPE, McLogCommands.MC_CLEAR_LOG, q -> NoFields.INSTANCE,
                            (fips, none) -> new StatusResponse(fips)));
            case CALIPTRA_CORE -> List.of();
        };
    }

    @Override
    public List<VdmCommandMapping> vdmMappings() {
        return List.of(
                CodecVdmMapping.of(DebugGetLog.TYPE, VdmCommands.VDM_GET_DEBUG_LOG, q -> NoFields.INSTANCE,
                        log -> new LogPage(CodecVdmMapping.SUCCESS_STATUS, log.hasMoreData(), log.data())),
                CodecVdmMapping.of(DebugClearLog.TYPE, VdmCommands.VDM_CLEAR_DEBUG_LOG, q -> NoFields.INSTANCE,
                        none -> new StatusResponse(CodecVdmMapping.SUCCESS_STATUS)));
    }
}
