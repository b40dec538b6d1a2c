package org.caliptra.util.emulator.rom;

import java.util.Arrays;
import org.caliptra.util.emulator.dice.AliasIdentity;
import org.caliptra.util.emulator.dice.DiceCertificates;
import org.caliptra.util.emulator.dice.DiceIdentity;
import org.caliptra.util.emulator.dice.FirmwareMeasurements;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.runtime.cm.CmKek;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.firmware.LoadedFirmware;
import org.caliptra.util.emulator.firmware.Requester;
import org.caliptra.util.emulator.mailbox.CoreMailbox;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.regs.MboxCsr;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.fuses.FuseSet;

import static org.caliptra.util.protocol.error.CaliptraError.FW_PROC_INVALID_IMAGE_SIZE;
import static org.caliptra.util.protocol.error.CaliptraError.FW_PROC_MAILBOX_INVALID_CHECKSUM;
import static org.caliptra.util.protocol.error.CaliptraError.FW_PROC_MAILBOX_INVALID_COMMAND;
import static org.caliptra.util.protocol.error.CaliptraError.FW_PROC_MAILBOX_INVALID_REQUEST_LENGTH;
import static org.caliptra.util.protocol.error.CaliptraError.FW_PROC_MAILBOX_RESERVED_PAUSER;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_SHUTDOWN;

/**
 * The boot ROM (spec/device.md §3.1–§3.5): the cold-boot milestones, the manufacturing IDevID CSR
 * hand-off, its mailbox commands before FIRMWARE_LOAD, and FIRMWARE_LOAD itself — judged by the
 * image module's ROM verifier, at cold boot and as an update reset at runtime.
 *
 * <p>The ROM's mailbox rules differ from the runtime's: it looks the command up before anything
 * else, takes only exact-size requests, and every error is fatal.
 */
public final class BootRom {
    /** ROM global (385–387), cold reset started, IDevID (1–10), LDevID (65–70). */
    static final int[] COLD_BOOT_MILESTONES = {385, 386, 387, 257, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 65, 66, 67, 68, 69, 70};
    /** IDevID milestone 9 (SendCsr): where the ROM hands a requested CSR to the SoC. */
    static final int SEND_CSR_MILESTONE = 9;
    static final int DOWNLOAD_IMAGE_COMPLETE = 129;

    private final CaliptraFirmware firmware;
    private final CommandTable commands;
    private final RomCommands romCommands;
    private FuseSet fuseRegisters;
    private Fuses fuses;

    public BootRom(CaliptraFirmware firmware) {
        this.firmware = firmware;
        this.romCommands = new RomCommands(firmware);
        this.commands = CommandTable.builder().addAll(romCommands).build();
    }

    /** BOOTFSM_GO and FUSE_WR_DONE are both set: read the fuses and queue the cold-boot milestones. */
    public void startColdBoot() {
        fuseRegisters = firmware.soc().readFuses();
        fuses = fuseRegisters.verifierFuses(firmware.config().lifecycle());
        var config = firmware.config();
        firmware.log("lifecycle " + config.lifecycle().cliName() + (config.debugLocked() ? ", debug locked" : ", debug unlocked")
                + ", vendor_pk_hash " + hashFuse(fuseRegisters.vendorPkHash()) + ", owner_pk_hash " + hashFuse(fuseRegisters.ownerPkHash())
                + (firmware.generation() == Generation.V1 ? ", lms_verify " + (fuseRegisters.lmsVerify() ? "on" : "off") : ""));
        firmware.setDice(DiceIdentity.coldBoot(firmware.generation(), fuseRegisters, config.obfuscationKey(), config.csrHmacKey(),
                config.debugLocked()));
        for (int m : COLD_BOOT_MILESTONES) {
            firmware.milestones().add(m);
        }
        if (firmware.generation() == Generation.V2) {
            // Two TRNG draws after the DICE keys, kept in persistent data until the next cold boot.
            firmware.setCmKek(CmKek.generate(firmware.trng()));
        }
    }

    private static String hashFuse(Octets hash) {
        return hash.isZero() ? "not fused" : hash.hex();
    }

    /** One cold-boot step; true once the ROM is ready for firmware. */
    public boolean coldBootStep() {
        var soc = firmware.soc();
        var milestones = firmware.milestones();
        if (Integer.valueOf(SEND_CSR_MILESTONE).equals(milestones.peek()) && csrRequested()) {
            if (!firmware.mailbox().sendToSoc(idevIdCsr())) {
                return false; // the SoC holds the mailbox: try again next step
            }
            soc.setFlowBits(SocIfcRegs.FLOW_IDEVID_CSR_READY);
            firmware.reportBootStatus(milestones.poll());
            firmware.awaitCsrHandshake();
            return false;
        }
        firmware.reportBootStatus(milestones.poll());
        if (!milestones.isEmpty()) {
            return false;
        }
        // The ROM writes FLOW_STATUS whole here, which also drops idevid_csr_ready.
        soc.clearFlowBits(SocIfcRegs.FLOW_IDEVID_CSR_READY);
        soc.setFlowBits(SocIfcRegs.FLOW_READY_FOR_FW);
        firmware.log("ready for firmware");
        return true;
    }

    /** True once the SoC has cleared its CSR request: the ROM ends its mailbox transaction. */
    public boolean csrTaken() {
        if ((firmware.soc().reg(SocIfcRegs.DBG_MANUF_SERVICE_REG) & SocIfcRegs.MANUF_SERVICE_IDEVID_CSR) != 0) {
            return false;
        }
        firmware.mailbox().endSocTransfer();
        return true;
    }

    /** Manufacturing parts generate the IDevID CSR when the SoC asks (CPTRA_DBG_MANUF_SERVICE_REG[0]). */
    private boolean csrRequested() {
        return firmware.config().lifecycle() == Lifecycle.MANUFACTURING
                && (firmware.soc().reg(SocIfcRegs.DBG_MANUF_SERVICE_REG) & SocIfcRegs.MANUF_SERVICE_IDEVID_CSR) != 0;
    }

    private byte[] idevIdCsr() {
        return firmware.dice().csrPayload();
    }

    /**
     * PCR0/PCR1 and the FMC alias (ROM), PCR2/PCR3 and the RT alias (FMC) for the accepted image;
     * an update reset keeps the cold boot's FMC alias.
     */
    private void measure(LoadedFirmware loaded, boolean updateReset) {
        var m = measurements(loaded);
        var alias = firmware.alias();
        var next = updateReset && alias != null ? alias.updateReset(firmware.pcrs(), m)
                : AliasIdentity.coldBoot(firmware.dice(), firmware.pcrs(), m);
        firmware.setAlias(firmware.attestationDisabled() ? next.withAttestationDisabled() : next);
    }

    private FirmwareMeasurements measurements(LoadedFirmware loaded) {
        var a = loaded.accepted();
        var config = firmware.config();
        var f = fuseRegisters;
        boolean v1 = firmware.generation() == Generation.V1;
        boolean lms = v1 && f.lmsVerify();
        int pqcIndex = v1 ? (lms ? a.vendorPqcKeyIndex() : 0xFF) : a.vendorPqcKeyIndex();
        int fmcFuseSvn = v1 && !f.antiRollbackDisable() ? f.fmcSvn() : 0;
        byte[] manifest = new byte[loaded.bundle().manifestSize()];
        loaded.bundle().manifest().write(manifest);
        String[] validity = loaded.bundle().manifest().certValidity()
                .map(v -> new String[] {ascii(v[0]), ascii(v[1])})
                .orElse(new String[] {DiceCertificates.NOT_BEFORE, DiceCertificates.NOT_AFTER});
        var v2 = v1 ? FirmwareMeasurements.V2Fuses.NONE : new FirmwareMeasurements.V2Fuses(f.eccRevocation(), f.lmsRevocation(),
                f.mldsaRevocation(), f.runtimeSvn(), f.socManifestSvn(), f.socManifestMaxSvn(), f.pqcKeyType(),
                config.profile().subsystemMode());
        return new FirmwareMeasurements(config.lifecycle().value(), config.debugLocked(), f.antiRollbackDisable(),
                a.vendorEccKeyIndex(), pqcIndex, lms, a.ownerPkHashInFuses(), f.vendorPkHash().toByteArray(),
                a.ownerPkHash().toByteArray(), a.fmcSvn(), fmcFuseSvn, a.fmcDigest().toByteArray(), a.runtimeSvn(),
                a.runtimeDigest().toByteArray(), Sha384.of(manifest).toByteArray(), validity, v2);
    }

    private static String ascii(Octets field) {
        return new String(field.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Serves a pending command, if any, with the ROM's rules. */
    public void serve() {
        var pending = firmware.takePendingCommand();
        if (pending.isEmpty()) {
            return;
        }
        CoreMailbox.Request request = pending.get();
        try {
            if (request.user() == MboxCsr.CALIPTRA_USER) {
                throw CommandFailure.fatal(FW_PROC_MAILBOX_RESERVED_PAUSER, "command from the reserved requester 0xFFFFFFFF");
            }
            if (request.command() == CaliptraCommand.FIRMWARE_LOAD.code()) {
                load(request.payload());
                return;
            }
            var route = commands.route(request.command()).orElseThrow(() -> CommandFailure.fatal(FW_PROC_MAILBOX_INVALID_COMMAND,
                    String.format("command 0x%08X", request.command())));
            byte[] frame = request.payload();
            if (frame.length < MailboxFrame.REQUEST_HEADER || !route.acceptsLength(frame.length - MailboxFrame.REQUEST_HEADER)) {
                throw CommandFailure.fatal(FW_PROC_MAILBOX_INVALID_REQUEST_LENGTH, route.codec().name() + " request of "
                        + frame.length + " bytes");
            }
            if (!MailboxChecksum.isValid(request.command(), frame)) {
                throw CommandFailure.fatal(FW_PROC_MAILBOX_INVALID_CHECKSUM, "request checksum mismatch");
            }
            byte[] fields = Arrays.copyOfRange(frame, MailboxFrame.REQUEST_HEADER, frame.length);
            firmware.respond(route.fipsStatus(), route.serve(fields, new Requester(request.user())));
            if (request.command() == CaliptraCommand.SHUTDOWN.code()) {
                firmware.halt(RUNTIME_SHUTDOWN.code()); // the response is out; the ROM zeroizes and stops
            }
        } catch (CommandFailure failure) {
            firmware.fail(failure);
        } catch (ProtocolException malformed) {
            firmware.fail(CommandFailure.fatal(FW_PROC_MAILBOX_INVALID_REQUEST_LENGTH, malformed.getMessage()));
        }
    }

    /**
     * FIRMWARE_LOAD: at cold boot from the ROM, at runtime as an update reset; both judged by the same
     * checks against the fuses read at cold boot. A rejection is fatal.
     */
    public void load(byte[] image) {
        boolean updateReset = firmware.phase() == CaliptraFirmware.Phase.RUNTIME;
        Generation generation = firmware.generation();
        if (image.length == 0 || image.length > generation.maxImageSize()) {
            throw CommandFailure.fatal(FW_PROC_INVALID_IMAGE_SIZE, "image of " + image.length + " bytes");
        }
        if (!updateReset) {
            firmware.reportBootStatus(DOWNLOAD_IMAGE_COMPLETE);
        }
        VerificationResult result = RomVerifier.verify(image, fuses, generation);
        if (result instanceof VerificationResult.Rejected r) {
            throw new CommandFailure(r.rejection().code(), true, r.rejection().detail());
        }
        var accepted = ((VerificationResult.Accepted) result).image();
        firmware.log(String.format("image verified (%s): FMC %d bytes, SVN %d; runtime %d bytes, SVN %d",
                String.join(", ", accepted.signaturesVerified()), accepted.fmcSize(), accepted.fmcSvn(), accepted.runtimeSize(),
                accepted.runtimeSvn()));
        var bundle = FwBundle.parse(image, "firmware");
        var loaded = updateReset && firmware.loaded() != null ? firmware.loaded().updatedTo(bundle, accepted)
                : LoadedFirmware.coldBoot(bundle, accepted, fuses);
        measure(loaded, updateReset);
        firmware.complete();
        firmware.soc().clearFlowBits(SocIfcRegs.FLOW_READY_FOR_FW | SocIfcRegs.FLOW_READY_FOR_RUNTIME);
        firmware.startFirmwareBoot(loaded, updateReset ? BootMilestones.updateReset(generation) : BootMilestones.coldBoot(generation));
    }
}
