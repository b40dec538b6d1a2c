package org.caliptra.util.emulator.mcu;

import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.dice.Ueid;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.firmware.Requester;
import org.caliptra.util.emulator.firmware.RuntimeRules;
import org.caliptra.util.emulator.mailbox.McuMailbox;
import org.caliptra.util.emulator.regs.MciRegisters;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.mcu.McCommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.ExternalCommand;


/**
 * The MCU runtime firmware's mailbox service (spec/device.md §4.5): on each step it takes a pending
 * command from MCI mailbox 0, checks size and checksum as Caliptra firmware does, dispatches
 * through its command table, and answers DATA_READY with a framed response, or CMD_FAILURE with the
 * cause in MCI FW_ERROR_NON_FATAL, where a SoC reads it on hardware. The register is cleared when
 * the next command starts. A relayed command's response header carries the core's fips_status.
 *
 * <p>Each step the MCU also watches the core ({@link CoreWatch}) and, on a step that serves no
 * command, runs the periodic self test; the MCTP-VDM responder answers between steps. Every MC_*
 * and VDM command served goes into the device log with its result, except the log's own commands.
 *
 * <p>Not thread-safe: owned by the device thread.
 */
public final class McuRuntime {
    private final McuMailbox mailbox;
    private final MciRegisters mci;
    private final CoreLink core;
    private final DeviceLog log = new DeviceLog();
    private final CoreWatch watch;
    private final PeriodicSelfTest periodic;
    private final CommandTable commands;
    private final VdmResponder vdm;
    private long steps;

    /**
     * @param core the MCU's way to the Caliptra core, as the device wires it
     * @param subsystem the fuse, authorization, debug-unlock and DOT commands of the subsystem ({@link McuSubsystem})
     */
    public McuRuntime(McuMailbox mailbox, MciRegisters mci, DeviceConfig config, CoreLink core, CommandTable.CommandFamily subsystem) {
        this.mailbox = mailbox;
        this.mci = mci;
        this.core = core;
        this.watch = new CoreWatch(core, log);
        this.periodic = new PeriodicSelfTest(core, log);
        var information = new DeviceInformation(core, config.mcuRuntimeVersion(), config.socFirmwareVersion(), this::serves);
        var chipId = Octets.of(Ueid.of(Generation.V2, config.fuses().idevidCertAttr()));
        this.commands = CommandTable.builder()
                .addAll(new DeviceInfoHandlers(config.identity(), information, chipId))
                .addAll(new RelayHandlers(core, mailbox.capacity() - MailboxFrame.RESPONSE_HEADER))
                .addAll(periodic)
                .addAll(new LogHandlers(log))
                .addAll(new AttestationHandlers(core, new OcpEat(core, config.debugLocked(), config.profile().id())))
                .addAll(subsystem)
                .build();
        this.vdm = new VdmResponder(information, log);
    }

    /** One firmware step: serves at most one pending command. Returns true if it served one. */
    public boolean step() {
        steps++;
        watch.step(steps);
        if (!mailbox.hasPendingCommand()) {
            periodic.step(steps);
            return false;
        }
        periodic.tick(steps);
        var request = mailbox.takeCommand();
        mci.setFwErrorNonFatal(0);
        core.takeRelayedFipsStatus();
        try {
            byte[] fields = dispatch(request.command(), request.payload());
            int fipsStatus = core.takeRelayedFipsStatus().orElse(MailboxFrame.FIPS_APPROVED);
            mailbox.respond(MailboxStatus.DATA_READY, MailboxFrame.sealResponse(fipsStatus, fields));
            record(request.command(), null);
        } catch (CommandFailure failure) {
            mci.setFwErrorNonFatal(failure.code());
            mailbox.respond(MailboxStatus.CMD_FAILURE, new byte[0]);
            record(request.command(), failure);
        }
        return true;
    }

    /**
     * One MCTP-VDM exchange (spec/hostlib.md §4.2): the request message from the IANA id on, the
     * response message likewise; a refusal is a completion code, never an exception.
     */
    public byte[] exchangeVdm(byte[] request) {
        var result = vdm.exchange(request);
        int command = request.length > 5 ? request[5] & 0xFF : 0;
        if (command != ExternalCommand.GET_DEBUG_LOG.commandCode() && command != ExternalCommand.CLEAR_DEBUG_LOG.commandCode()) {
            log.append(steps, DeviceLog.Category.VDM, String.format("command 0x%02X %s", command,
                    result.succeeded() ? "ok" : "failed: " + result.failure()));
        }
        return result.message();
    }

    /** Whether the MCU mailbox serves {@code command}. */
    boolean serves(int command) {
        return commands.route(command).isPresent();
    }

    private byte[] dispatch(int command, byte[] frame) {
        // The MCI mailbox does not latch a requester the firmware checks; 0 stands for "any SoC agent".
        return RuntimeRules.serve(commands, command, frame, new Requester(0), route -> { });
    }

    /** Reading or clearing the log is not written to it: a drain would otherwise never end empty. */
    private void record(int command, CommandFailure failure) {
        if (command == McCommand.MC_GET_LOG.code() || command == McCommand.MC_CLEAR_LOG.code()) {
            return;
        }
        String name = McCommand.fromCode(command).map(Enum::name).orElse(String.format("command 0x%08X", command));
        log.append(steps, DeviceLog.Category.CMD, name + (failure == null ? " ok"
                : " failed: " + CaliptraError.describe(failure.code(), Generation.V2)));
    }
}
