package org.caliptra.util.emulator.mcu;

import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.firmware.Requester;
import org.caliptra.util.emulator.firmware.RuntimeRules;
import org.caliptra.util.emulator.mailbox.McuMailbox;
import org.caliptra.util.emulator.regs.MciRegisters;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.mcu.DeviceIdentity;


/**
 * The MCU runtime firmware's mailbox service (spec/device.md §4.5): on each step it takes a pending
 * command from MCI mailbox 0, checks size and checksum as Caliptra firmware does, dispatches
 * through its command table, and answers DATA_READY with a framed response, or CMD_FAILURE with the
 * cause in MCI FW_ERROR_NON_FATAL, where a SoC reads it on hardware. The register is cleared when
 * the next command starts.
 *
 * <p>Not thread-safe: owned by the device thread.
 */
public final class McuRuntime {
    private final McuMailbox mailbox;
    private final MciRegisters mci;
    private final CommandTable commands;

    /** @param subsystem the fuse, authorization, debug-unlock and DOT commands of the subsystem ({@link McuSubsystem}) */
    public McuRuntime(McuMailbox mailbox, MciRegisters mci, DeviceIdentity identity, CommandTable.CommandFamily subsystem) {
        this.mailbox = mailbox;
        this.mci = mci;
        this.commands = CommandTable.builder().addAll(new DeviceInfoHandlers(identity)).addAll(subsystem).build();
    }

    /** One firmware step: serves at most one pending command. Returns true if it served one. */
    public boolean step() {
        if (!mailbox.hasPendingCommand()) {
            return false;
        }
        var request = mailbox.takeCommand();
        mci.setFwErrorNonFatal(0);
        try {
            mailbox.respond(MailboxStatus.DATA_READY,
                    MailboxFrame.sealResponse(MailboxFrame.FIPS_APPROVED, dispatch(request.command(), request.payload())));
        } catch (CommandFailure failure) {
            mci.setFwErrorNonFatal(failure.code());
            mailbox.respond(MailboxStatus.CMD_FAILURE, new byte[0]);
        }
        return true;
    }

    private byte[] dispatch(int command, byte[] frame) {
        // The MCI mailbox does not latch a requester the firmware checks; 0 stands for "any SoC agent".
        return RuntimeRules.serve(commands, command, frame, new Requester(0), route -> { });
    }
}
