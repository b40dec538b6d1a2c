package org.caliptra.util.emulator.firmware;

import java.util.ArrayDeque;
import java.util.Optional;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.dice.AliasIdentity;
import org.caliptra.util.emulator.dice.DiceIdentity;
import org.caliptra.util.emulator.dice.PcrBank;
import org.caliptra.util.emulator.mailbox.CoreMailbox;
import org.caliptra.util.emulator.regs.ShaAccelerator;
import org.caliptra.util.emulator.regs.SocIfc;
import org.caliptra.util.emulator.rom.BootRom;
import org.caliptra.util.emulator.runtime.RuntimeFirmware;
import org.caliptra.util.emulator.runtime.cm.CmKek;
import org.caliptra.util.image.verify.AcceptedImage;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.regs.SocIfcRegs;

/**
 * The Caliptra uC as the SoC observes it, driven one {@link #step()} at a time: which phase it is
 * in, the boot milestones it reports, and the operations its ROM and runtime share (answering the
 * mailbox, halting on a fatal error). The ROM's and the runtime's behaviour live in their own
 * packages. Documented step counts:
 *
 * <ul>
 *   <li>ROM start: after both BOOTFSM_GO and FUSE_WR_DONE, one milestone per step (20 steps) to
 *       ready_for_fw;
 *   <li>a mailbox command is served on the step after EXECUTE is set;
 *   <li>after an accepted FIRMWARE_LOAD: one milestone per step through FMC and RT alias
 *       derivation (22 steps on 1.x, 23 on 2.x) to ready_for_runtime and boot status 0x600;
 *   <li>runtime SELF_TEST_START: {@value RuntimeFirmware#SELF_TEST_STEPS} steps until results are available.
 * </ul>
 * Not thread-safe: owned by the device thread.
 */
public final class CaliptraFirmware {
    /** What the uC is doing. */
    public enum Phase {
        /** Held in reset until the SoC sets both CPTRA_FUSE_WR_DONE and CPTRA_BOOTFSM_GO. */
        AWAITING_FUSES_AND_GO,
        /** ROM cold boot: KATs, IDevID and LDevID derivation, one milestone per step. */
        ROM_COLD_BOOT,
        /** ROM has put the IDevID CSR in the mailbox and waits for the SoC to take it. */
        ROM_IDEVID_CSR_HANDSHAKE,
        /** ROM sets ready_for_fw and serves its mailbox commands until FIRMWARE_LOAD. */
        ROM_AWAITING_FIRMWARE,
        /** An image was accepted: FMC and runtime alias derivation, one milestone per step. */
        FIRMWARE_BOOT,
        /** The runtime serves mailbox commands. */
        RUNTIME,
        /** Stopped on a fatal error or SHUTDOWN; only a new device recovers. */
        HALTED
    }

    public static final int RUNTIME_READY_STATUS = 0x600;

    private final DeviceConfig config;
    private final SocIfc soc;
    private final CoreMailbox mailbox;
    private final ShaAccelerator shaAcc;
    private final ArrayDeque<Integer> milestones = new ArrayDeque<>();
    // Built when the uC first leaves reset: a device that is never booted, like the one that answers
    // get-device-id through the MCU, never needs the ROM's or the runtime's command tables.
    private BootRom rom;
    private RuntimeFirmware runtime;
    private Phase phase = Phase.AWAITING_FUSES_AND_GO;
    private int bootStatus;
    private long steps;
    private LoadedFirmware loaded;
    private DiceIdentity dice;
    private AliasIdentity alias;
    private boolean csrGenerated;
    private boolean attestationDisabled;
    private final PcrBank pcrs = new PcrBank();
    private final Trng trng;
    private final java.util.List<RomMeasurement> romMeasurements = new java.util.ArrayList<>();
    private boolean enteringAfterUpdateReset;
    private CmKek cmKek;
    private int runtimeStarts;
    private final UartLog uart = new UartLog();
    /** The command being served, named in its outcome's log line; null between commands. */
    private CoreMailbox.Request serving;

    public CaliptraFirmware(DeviceConfig config, SocIfc soc, CoreMailbox mailbox, ShaAccelerator shaAcc) {
        this.config = config;
        this.soc = soc;
        this.mailbox = mailbox;
        this.shaAcc = shaAcc;
        this.trng = new Trng(config.trngSeed());
    }

    /** The 1.x SHA accelerator whose digest the verify commands read; empty on 2.x. */
    public Optional<ShaAccelerator> shaAccelerator() {
        return Optional.ofNullable(shaAcc);
    }

    private BootRom rom() {
        if (rom == null) {
            rom = new BootRom(this);
        }
        return rom;
    }

    private RuntimeFirmware runtime() {
        if (runtime == null) {
            runtime = new RuntimeFirmware(this);
        }
        return runtime;
    }

    public void step() {
        steps++;
        switch (phase) {
            case AWAITING_FUSES_AND_GO -> {
                if (soc.bootFsmGo() && soc.fusesLocked()) {
                    uart.println("[rom] cold boot: CPTRA_BOOTFSM_GO and CPTRA_FUSE_WR_DONE are set");
                    rom().startColdBoot();
                    phase = Phase.ROM_COLD_BOOT;
                }
            }
            case ROM_COLD_BOOT -> {
                if (rom().coldBootStep()) {
                    phase = Phase.ROM_AWAITING_FIRMWARE;
                }
            }
            case ROM_IDEVID_CSR_HANDSHAKE -> {
                if (rom().csrTaken()) {
                    phase = Phase.ROM_COLD_BOOT;
                }
            }
            case ROM_AWAITING_FIRMWARE -> rom().serve();
            case FIRMWARE_BOOT -> firmwareBootStep();
            case RUNTIME -> runtime().serve();
            case HALTED -> { }
        }
    }

    private void firmwareBootStep() {
        reportBootStatus(milestones.poll());
        if (milestones.isEmpty()) {
            // The ROM writes the loaded manifest's FMC version beside its own, the FMC the runtime's.
            soc.setReg(SocIfcRegs.FW_REV_ID, config.romVersion() | (loaded.bundle().fmc().version() & 0xFFFF) << 16);
            soc.setReg(SocIfcRegs.FW_REV_ID + 4, loaded.bundle().runtime().version());
            soc.setFlowBits(SocIfcRegs.FLOW_READY_FOR_RUNTIME | SocIfcRegs.FLOW_MAILBOX_FLOW_DONE);
            phase = Phase.RUNTIME;
            reportBootStatus(RUNTIME_READY_STATUS);
            log("ready for commands");
            runtimeStarts++;
            runtime().enter(enteringAfterUpdateReset);
        }
    }

    // ---- what the rooms share --------------------------------------------------------------------

    public DeviceConfig config() {
        return config;
    }

    public Generation generation() {
        return config.profile().generation();
    }

    public SocIfc soc() {
        return soc;
    }

    public CoreMailbox mailbox() {
        return mailbox;
    }

    public long steps() {
        return steps;
    }

    /** The firmware's debug UART output. */
    public UartLog uart() {
        return uart;
    }

    /** A line on the debug UART, prefixed with who prints it: the ROM (or FMC while it boots) or the runtime. */
    public void log(String text) {
        uart.println(source() + text);
    }

    private String source() {
        return switch (phase) {
            case FIRMWARE_BOOT -> "[fmc] ";
            case RUNTIME -> "[rt] ";
            case HALTED -> "[fw] ";
            default -> "[rom] ";
        };
    }

    public Phase phase() {
        return phase;
    }

    public boolean halted() {
        return phase == Phase.HALTED;
    }

    /** The image the ROM accepted, once FIRMWARE_LOAD succeeded. */
    public LoadedFirmware loaded() {
        return loaded;
    }

    public AcceptedImage acceptedImage() {
        return loaded == null ? null : loaded.accepted();
    }

    /** The identity this cold boot's ROM derived; null until the ROM has read the fuses. */
    public DiceIdentity dice() {
        return dice;
    }

    public void setDice(DiceIdentity identity) {
        dice = identity;
    }

    /** The FMC and RT alias layers of the running firmware; null before a FIRMWARE_LOAD was accepted. */
    public AliasIdentity alias() {
        return alias;
    }

    public void setAlias(AliasIdentity identity) {
        alias = identity;
    }

    /**
     * DISABLE_ATTESTATION: the runtime replaces its RT CDI and keys by ones from an all-zero key;
     * the flag survives update resets, whose runtime disables attestation again.
     */
    public void disableAttestation() {
        attestationDisabled = true;
        if (alias != null) {
            alias = alias.withAttestationDisabled();
        }
    }

    public boolean attestationDisabled() {
        return attestationDisabled;
    }

    /** A measurement the SoC stashed with the ROM before firmware: the runtime replays it into DPE. */
    public record RomMeasurement(int metadata, byte[] measurement) {}

    /** The ROM's measurement log of this cold boot, oldest first. */
    public java.util.List<RomMeasurement> romMeasurements() {
        return java.util.Collections.unmodifiableList(romMeasurements);
    }

    /** The ROM logs a stashed measurement (and extends PCR31 with it). */
    public void logRomMeasurement(int metadata, byte[] measurement) {
        romMeasurements.add(new RomMeasurement(metadata, measurement.clone()));
        pcrs.stash(measurement);
    }

    /** The TRNG the firmware draws handles, per-boot keys and nonces from. */
    public Trng trng() {
        return trng;
    }

    /**
     * The 2.x cryptographic mailbox's key-encryption key, which the ROM draws at cold boot into its
     * persistent data: kept through update resets, so CMKs outlive them; null on 1.x and before
     * the ROM ran.
     */
    public CmKek cmKek() {
        return cmKek;
    }

    public void setCmKek(CmKek kek) {
        cmKek = kek;
    }

    /**
     * How many times a runtime has started on this device (the cold boot's and each update
     * reset's): state the reference runtime re-initialises at every start is keyed on it.
     */
    public int runtimeStarts() {
        return runtimeStarts;
    }

    /** The PCR bank: zero at power-on, kept through update resets. */
    public PcrBank pcrs() {
        return pcrs;
    }

    /** Milestones to report, one per step, in the current phase. */
    public ArrayDeque<Integer> milestones() {
        return milestones;
    }

    /** The ROM handed the IDevID CSR to the SoC and waits for it to be taken. */
    public void awaitCsrHandshake() {
        csrGenerated = true;
        phase = Phase.ROM_IDEVID_CSR_HANDSHAKE;
    }

    /** Whether this cold boot's ROM generated the IDevID CSR (and so the runtime can return it). */
    public boolean csrGenerated() {
        return csrGenerated;
    }

    /** FIRMWARE_LOAD at runtime: an update reset, judged by the ROM again. */
    public void loadFirmware(byte[] image) {
        rom().load(image);
    }

    /** FIRMWARE_LOAD accepted {@code image}: FMC and runtime boot through {@code bootMilestones}. */
    public void startFirmwareBoot(LoadedFirmware image, int[] bootMilestones) {
        enteringAfterUpdateReset = phase == Phase.RUNTIME;
        loaded = image;
        milestones.clear();
        for (int m : bootMilestones) {
            milestones.add(m);
        }
        phase = Phase.FIRMWARE_BOOT;
    }

    /**
     * The command the SoC has handed over, if any. A mailbox left in the error state is released
     * first, as the uC's MBOX_UNLOCK does, and nothing is served on that step.
     */
    public Optional<CoreMailbox.Request> takePendingCommand() {
        if (mailbox.inError()) {
            mailbox.forceUnlock();
            return Optional.empty();
        }
        if (!mailbox.hasPendingCommand()) {
            return Optional.empty();
        }
        serving = mailbox.takeCommand();
        return Optional.of(serving);
    }

    /** The log line of a command's outcome: which command, from whom, how it ended. */
    private void logOutcome(String outcome) {
        if (serving == null) {
            return;
        }
        int code = serving.command();
        String name = org.caliptra.util.protocol.core.CaliptraCommand.fromCode(code).map(c -> c.name() + " ").orElse("");
        log(String.format("%s(0x%08X) from 0x%08X, %d bytes: %s", name, code, serving.user(), serving.payload().length, outcome));
        serving = null;
    }

    /** CPTRA_BOOT_STATUS: always remembered, visible in the register only when debug is unlocked. */
    public void reportBootStatus(int status) {
        // Who reports it follows from the value: the ROM below 0x400, the FMC below 0x600, then the runtime.
        uart.println((status >= RUNTIME_READY_STATUS ? "[rt] " : status >= 0x400 ? "[fmc] " : "[rom] ")
                + String.format("boot status 0x%X", status));
        bootStatus = status;
        if (!config.debugLocked()) {
            soc.setReg(SocIfcRegs.BOOT_STATUS, status);
        }
    }

    /** DATA_READY with a checksummed response: header (FIPS approved) then {@code fields}. */
    public void respond(byte[] fields) {
        respond(MailboxFrame.FIPS_APPROVED, fields);
    }

    /** DATA_READY with a checksummed response whose header carries {@code fipsStatus}. */
    public void respond(int fipsStatus, byte[] fields) {
        byte[] response = MailboxFrame.sealResponse(fipsStatus, fields);
        mailbox.respond(MailboxStatus.DATA_READY, response);
        logOutcome("DATA_READY, " + response.length + " bytes");
    }

    /** CMD_COMPLETE, no data. */
    public void complete() {
        mailbox.respond(MailboxStatus.CMD_COMPLETE, new byte[0]);
        logOutcome("CMD_COMPLETE");
    }

    /** CMD_FAILURE with the failure's code in CPTRA_FW_ERROR_NON_FATAL; a fatal failure then halts. */
    public void fail(CommandFailure failure) {
        if (failure.code() != 0) {
            soc.setReg(SocIfcRegs.FW_ERROR_NON_FATAL, failure.code());
        }
        mailbox.respond(MailboxStatus.CMD_FAILURE, new byte[0]);
        logOutcome("CMD_FAILURE" + (failure.code() != 0 ? " " + describe(failure.code()) : "")
                + (failure.getMessage() != null ? ": " + failure.getMessage() : ""));
        if (failure.fatal()) {
            halt(failure.code());
        }
    }

    /** Zeroize and stop: both FW error registers, boot status made visible, only a reset recovers. */
    public void halt(int code) {
        soc.setReg(SocIfcRegs.FW_ERROR_FATAL, code);
        soc.setReg(SocIfcRegs.FW_ERROR_NON_FATAL, code);
        soc.setReg(SocIfcRegs.BOOT_STATUS, bootStatus);
        boolean executing = mailbox.fsm() == org.caliptra.util.protocol.regs.MboxCsr.Fsm.EXECUTE_UC;
        mailbox.failIfExecuting();
        if (executing) {
            logOutcome("CMD_FAILURE");
        }
        serving = null;
        log("fatal error " + describe(code) + ": halted until reset");
        phase = Phase.HALTED;
    }

    private String describe(int code) {
        return org.caliptra.util.protocol.error.CaliptraError.of(code, generation()).map(e -> e.describe())
                .orElse(String.format("0x%08X", code));
    }
}
