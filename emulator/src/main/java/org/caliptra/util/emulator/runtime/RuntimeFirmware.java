package org.caliptra.util.emulator.runtime;

import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.runtime.dpe.DpeHandlers;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.firmware.Requester;
import org.caliptra.util.emulator.firmware.RuntimeRules;
import org.caliptra.util.emulator.mailbox.CoreMailbox;
import org.caliptra.util.emulator.runtime.cm.CryptoMailbox;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.MboxCsr;
import org.caliptra.util.protocol.regs.SocIfcRegs;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_CMD_RESERVED_PAUSER;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_SHUTDOWN;

/**
 * The runtime's mailbox loop (spec/device.md §3.7): mailbox_flow_done drops while a command runs;
 * CPTRA_FW_ERROR_NON_FATAL is saved and cleared before each command; the reserved requester is
 * refused; FIRMWARE_LOAD becomes an update reset; otherwise the request must carry a checksum that
 * matches, a known command, PL0 where the catalogue demands it, and fields its codec accepts. Every
 * error here is non-fatal. The command families each live in their own file.
 */
public final class RuntimeFirmware {
    public static final int SELF_TEST_STEPS = SelfTestHandlers.SELF_TEST_STEPS;

    private final CaliptraFirmware firmware;
    private final SelfTestHandlers selfTest;
    private final AuthManifestHandlers authManifest;
    private final DpeHandlers dpe;
    private final CommandTable commands;
    private int previousFwError;

    public RuntimeFirmware(CaliptraFirmware firmware) {
        this.firmware = firmware;
        this.selfTest = new SelfTestHandlers(firmware);
        this.authManifest = new AuthManifestHandlers(firmware);
        var certificates = new CertificateHandlers(firmware);
        this.dpe = new DpeHandlers(firmware, certificates::populatedIdevCert);
        this.commands = CommandTable.builder()
                .addAll(new InfoHandlers(firmware, this))
                .addAll(selfTest)
                .addAll(new MeasurementHandlers(firmware, dpe))
                .addAll(certificates)
                .addAll(firmware.generation() == Generation.V2 ? new AttestedCsrHandlers(firmware) : table -> { })
                .addAll(dpe)
                .addAll(new SignatureVerifyHandlers(firmware))
                .addAll(authManifest)
                .addAll(firmware.generation() == Generation.V2 ? CryptoMailbox.runtime(firmware) : table -> { })
                .build();
    }

    /** The runtime starts after a cold boot or an update reset: per-boot state begins anew, DPE's persists. */
    public void enter(boolean updateReset) {
        dpe.enter(updateReset);
        selfTest.reset();
        authManifest.reset();
    }

    /**
     * The last non-zero CPTRA_FW_ERROR_NON_FATAL the runtime cleared before a command: the most
     * recent firmware error (2.x FW_INFO).
     */
    int previousFwError() {
        return previousFwError;
    }

    /** SHA-384 of the SET_AUTH_MANIFEST buffer in force, or zeros (2.x FW_INFO). */
    org.caliptra.util.protocol.Octets authManifestDigest() {
        return authManifest.digest();
    }

    public void serve() {
        var pending = firmware.takePendingCommand();
        if (pending.isEmpty()) {
            return;
        }
        CoreMailbox.Request request = pending.get();
        var soc = firmware.soc();
        soc.clearFlowBits(SocIfcRegs.FLOW_MAILBOX_FLOW_DONE);
        int cleared = soc.reg(SocIfcRegs.FW_ERROR_NON_FATAL);
        if (cleared != 0) {
            previousFwError = cleared;
        }
        soc.setReg(SocIfcRegs.FW_ERROR_NON_FATAL, 0);
        try {
            dispatch(request);
        } catch (CommandFailure failure) {
            firmware.fail(failure);
        } finally {
            if (firmware.phase() == CaliptraFirmware.Phase.RUNTIME) {
                soc.setFlowBits(SocIfcRegs.FLOW_MAILBOX_FLOW_DONE);
            }
        }
    }

    private void dispatch(CoreMailbox.Request request) {
        int command = request.command();
        if (request.user() == MboxCsr.CALIPTRA_USER) {
            throw CommandFailure.of(RUNTIME_CMD_RESERVED_PAUSER, "command from the reserved requester 0xFFFFFFFF");
        }
        if (command == CaliptraCommand.FIRMWARE_LOAD.code()) {
            firmware.loadFirmware(request.payload()); // an update reset: the ROM judges the image again
            return;
        }
        byte[] response = RuntimeRules.serve(commands, command, request.payload(), new Requester(request.user()), route -> {
            boolean pl0Only = CaliptraCommand.fromCode(command).map(CaliptraCommand::pl0Only).orElse(false);
            if (pl0Only && !firmware.loaded().isPl0(request.user())) {
                throw CommandFailure.of(RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL,
                        String.format("%s needs PL0; requester 0x%08X", route.codec().name(), request.user()));
            }
        });
        firmware.respond(commands.route(command).map(CommandTable.Route::fipsStatus).orElse(MailboxFrame.FIPS_APPROVED), response);
        if (command == CaliptraCommand.SHUTDOWN.code()) {
            firmware.halt(RUNTIME_SHUTDOWN.code()); // the response is out; the runtime zeroizes and stops
        }
    }
}
