package org.caliptra.util.emulator.fw;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.soc.CoreMailbox;
import org.caliptra.util.emulator.soc.SocIfc;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.soc.FirmwareTrust;
import org.caliptra.util.image.soc.ManifestAuthorization;
import org.caliptra.util.image.verify.AcceptedImage;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxStatus;

/**
 * The Caliptra uC's behaviour as the SoC observes it: the boot ROM (milestones, ROM-phase
 * commands, FIRMWARE_LOAD checked by the image module's ROM verifier) and the runtime (a dispatch
 * table of command handlers). Driven one {@link #step()} at a time; documented step counts:
 *
 * <ul>
 *   <li>ROM start: after both BOOTFSM_GO and FUSE_WR_DONE, one milestone per step (20 steps) to
 *       ready_for_fw;
 *   <li>a mailbox command is served on the step after EXECUTE is set;
 *   <li>after an accepted FIRMWARE_LOAD: one milestone per step through FMC and RT alias
 *       derivation (22 steps on 1.x, 23 on 2.x) to ready_for_runtime and boot status 0x600;
 *   <li>runtime SELF_TEST_START: {@value #SELF_TEST_STEPS} steps until results are available.
 * </ul>
 * Not thread-safe: owned by the device thread.
 */
public final class Firmware {
    public static final int SELF_TEST_STEPS = 1_000;
    static final int MAX_STASHED_MEASUREMENTS = 8;

    private enum Phase { WAIT_FOR_START, ROM_BOOT, CSR_HANDSHAKE, ROM, LOADING, RUNTIME, FATAL }

    /** IDevID milestone 9 (SendCsr): where the ROM hands a requested CSR to the SoC. */
    private static final int SEND_CSR_MILESTONE = 9;

    private final DeviceConfig config;
    private final SocIfc soc;
    private final CoreMailbox mailbox;
    private final Generation generation;
    private final ArrayDeque<Integer> milestones = new ArrayDeque<>();
    private final Map<Integer, Handler> romHandlers = new HashMap<>();
    private final Map<Integer, Handler> runtimeHandlers = new HashMap<>();
    private Phase phase = Phase.WAIT_FOR_START;
    private int bootStatus;
    private int stashed;
    private boolean romSelfTestPending;
    private long selfTestDoneAt = -1;
    private long steps;
    private Fuses fuses;
    private FwBundle bundle;
    private AcceptedImage accepted;
    private ManifestAuthorization authorization;

    @FunctionalInterface
    interface Handler {
        /** Request fields after the checksum in; response fields after H (fips_status) out, or null for CMD_COMPLETE. */
        byte[] handle(CoreMailbox.Request request, byte[] body) throws FirmwareError;
    }

    public Firmware(DeviceConfig config, SocIfc soc, CoreMailbox mailbox) {
        this.config = config;
        this.soc = soc;
        this.mailbox = mailbox;
        this.generation = config.profile().generation();
        romHandlers.put(Codes.CAPABILITIES, (r, b) -> capabilities(15));
        romHandlers.put(Codes.VERSION, (r, b) -> version());
        romHandlers.put(Codes.STASH_MEASUREMENT, this::romStash);
        romHandlers.put(Codes.SELF_TEST_START, (r, b) -> {
            romSelfTestPending = true;
            return new byte[0];
        });
        romHandlers.put(Codes.SELF_TEST_GET_RESULTS, (r, b) -> {
            if (!romSelfTestPending) {
                throw new FirmwareError(0, false, "no self test started");
            }
            romSelfTestPending = false;
            return new byte[0];
        });
        romHandlers.put(Codes.SHUTDOWN, (r, b) -> new byte[0]);
        runtimeHandlers.put(Codes.CAPABILITIES, (r, b) -> capabilities(7));
        runtimeHandlers.put(Codes.VERSION, (r, b) -> version());
        runtimeHandlers.put(Codes.FW_INFO, (r, b) -> fwInfo());
        runtimeHandlers.put(Codes.SELF_TEST_START, (r, b) -> {
            selfTestDoneAt = steps + SELF_TEST_STEPS;
            return new byte[0];
        });
        runtimeHandlers.put(Codes.SELF_TEST_GET_RESULTS, (r, b) -> {
            if (selfTestDoneAt < 0) {
                throw new FirmwareError(Codes.RUNTIME_SELF_TEST_NOT_STARTED, false, "self test not started");
            }
            if (steps < selfTestDoneAt) {
                throw new FirmwareError(Codes.RUNTIME_SELF_TEST_IN_PROGRESS, false, "self test in progress");
            }
            selfTestDoneAt = -1;
            return new byte[0];
        });
        runtimeHandlers.put(Codes.SHUTDOWN, (r, b) -> new byte[0]);
        runtimeHandlers.put(Codes.STASH_MEASUREMENT, (r, b) -> {
            requireLength(b, 104, "STASH_MEASUREMENT");
            return new byte[4];
        });
        runtimeHandlers.put(Codes.SET_AUTH_MANIFEST, this::setAuthManifest);
        runtimeHandlers.put(Codes.AUTHORIZE_AND_STASH, this::authorizeAndStash);
    }

    /** The accepted image, once the ROM took one. */
    public AcceptedImage acceptedImage() {
        return accepted;
    }

    public boolean fatal() {
        return phase == Phase.FATAL;
    }

    public boolean atRuntime() {
        return phase == Phase.RUNTIME;
    }

    public void step() {
        steps++;
        switch (phase) {
            case WAIT_FOR_START -> {
                if (soc.bootFsmGo() && soc.fusesLocked()) {
                    fuses = soc.readFuses();
                    for (int m : new int[] {385, 386, 387, 257, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 65, 66, 67, 68, 69, 70}) {
                        milestones.add(m);
                    }
                    phase = Phase.ROM_BOOT;
                }
            }
            case ROM_BOOT -> {
                if (Integer.valueOf(SEND_CSR_MILESTONE).equals(milestones.peek()) && csrRequested()) {
                    if (!mailbox.sendToSoc(idevIdCsr())) {
                        return; // the SoC holds the mailbox: try again next step
                    }
                    soc.setFlowBits(SocIfc.FLOW_IDEVID_CSR_READY);
                    reportBootStatus(milestones.poll());
                    phase = Phase.CSR_HANDSHAKE;
                    return;
                }
                reportBootStatus(milestones.poll());
                if (milestones.isEmpty()) {
                    // The ROM writes FLOW_STATUS whole here, which also drops idevid_csr_ready.
                    soc.clearFlowBits(SocIfc.FLOW_IDEVID_CSR_READY);
                    soc.setFlowBits(SocIfc.FLOW_READY_FOR_FW);
                    phase = Phase.ROM;
                }
            }
            case CSR_HANDSHAKE -> {
                if ((soc.reg(SocIfc.DBG_MANUF_SERVICE_REG) & 1) == 0) {
                    mailbox.endSocTransfer(); // the SoC has the CSR
                    phase = Phase.ROM_BOOT;
                }
            }
            case ROM -> serve(true);
            case LOADING -> {
                reportBootStatus(milestones.poll());
                if (milestones.isEmpty()) {
                    soc.setReg(SocIfc.FW_REV_ID, config.romVersion() | config.fmcVersion() << 16);
                    soc.setReg(SocIfc.FW_REV_ID + 4, config.runtimeVersion());
                    soc.setFlowBits(SocIfc.FLOW_READY_FOR_RUNTIME | SocIfc.FLOW_MAILBOX_FLOW_DONE);
                    reportBootStatus(0x600);
                    phase = Phase.RUNTIME;
                }
            }
            case RUNTIME -> serve(false);
            case FATAL -> { }
        }
    }

    /** Manufacturing parts generate the IDevID CSR when the SoC asks (CPTRA_DBG_MANUF_SERVICE_REG[0]). */
    private boolean csrRequested() {
        return config.lifecycle() == Lifecycle.MANUFACTURING && (soc.reg(SocIfc.DBG_MANUF_SERVICE_REG) & 1) != 0;
    }

    private byte[] idevIdCsr() {
        return IdevIdCsr.payload(generation, fuseBytes("FUSE_UDS_SEED"), fuseBytes("FUSE_FIELD_ENTROPY"));
    }

    /** A secret fuse's words as the ROM's key vault sees them: each word big-endian, in order. */
    private byte[] fuseBytes(String name) {
        var fuse = soc.fuseMap().byName(name);
        var bytes = ByteBuffer.allocate(4 * fuse.words());
        for (int w = 0; w < fuse.words(); w++) {
            bytes.putInt(soc.reg(fuse.offset() + 4 * w));
        }
        return bytes.array();
    }

    private void reportBootStatus(int status) {
        bootStatus = status;
        if (!config.debugLocked()) {
            soc.setReg(SocIfc.BOOT_STATUS, status);
        }
    }

    private void serve(boolean rom) {
        if (mailbox.inError()) {
            mailbox.forceUnlock();
            return;
        }
        if (!mailbox.hasPendingCommand()) {
            return;
        }
        var request = mailbox.takeCommand();
        if (!rom) {
            soc.clearFlowBits(SocIfc.FLOW_MAILBOX_FLOW_DONE);
            soc.setReg(SocIfc.FW_ERROR_NON_FATAL, 0);
        }
        try {
            if (request.user() == Codes.RESERVED_USER) {
                throw new FirmwareError(rom ? Codes.FW_PROC_MAILBOX_RESERVED_PAUSER : Codes.RUNTIME_CMD_RESERVED_PAUSER, rom,
                        "command from the reserved requester 0xFFFFFFFF");
            }
            if (request.command() == Codes.FIRMWARE_LOAD) {
                firmwareLoad(request.payload());
                return;
            }
            byte[] payload = request.payload();
            if (payload.length < 4) {
                throw new FirmwareError(rom ? Codes.FW_PROC_MAILBOX_INVALID_REQUEST_LENGTH : Codes.RUNTIME_MAILBOX_INVALID_PARAMS,
                        rom, "request of " + payload.length + " bytes has no checksum");
            }
            if (!MailboxChecksum.isValid(request.command(), payload)) {
                throw new FirmwareError(rom ? Codes.FW_PROC_MAILBOX_INVALID_CHECKSUM : Codes.RUNTIME_INVALID_CHECKSUM, rom,
                        "request checksum mismatch");
            }
            Handler handler = (rom ? romHandlers : runtimeHandlers).get(request.command());
            if (handler == null) {
                throw new FirmwareError(rom ? Codes.FW_PROC_MAILBOX_INVALID_COMMAND : Codes.RUNTIME_UNIMPLEMENTED_COMMAND, rom,
                        String.format("command 0x%08X", request.command()));
            }
            byte[] fields = handler.handle(request, Arrays.copyOfRange(payload, 4, payload.length));
            byte[] body = ByteBuffer.allocate(4 + fields.length).order(ByteOrder.LITTLE_ENDIAN).putInt(0).put(fields).array();
            mailbox.respond(MailboxStatus.DATA_READY, MailboxChecksum.seal(0, body));
            if (request.command() == Codes.SHUTDOWN) {
                fatal(Codes.RUNTIME_SHUTDOWN);
            }
        } catch (FirmwareError e) {
            if (e.code != 0) {
                soc.setReg(SocIfc.FW_ERROR_NON_FATAL, e.code);
            }
            mailbox.respond(MailboxStatus.CMD_FAILURE, new byte[0]);
            if (e.fatal) {
                fatal(e.code);
            }
        } finally {
            if (!rom && phase == Phase.RUNTIME) {
                soc.setFlowBits(SocIfc.FLOW_MAILBOX_FLOW_DONE);
            }
        }
    }

    /** Zeroize and stop: both FW error registers, boot status visible, only a reset recovers. */
    private void fatal(int code) {
        soc.setReg(SocIfc.FW_ERROR_FATAL, code);
        soc.setReg(SocIfc.FW_ERROR_NON_FATAL, code);
        soc.setReg(SocIfc.BOOT_STATUS, bootStatus);
        mailbox.failIfExecuting();
        phase = Phase.FATAL;
    }

    private void firmwareLoad(byte[] image) throws FirmwareError {
        boolean rom = phase == Phase.ROM;
        int max = generation.maxImageSize();
        if (image.length == 0 || image.length > max) {
            throw new FirmwareError(Codes.FW_PROC_INVALID_IMAGE_SIZE, true, "image of " + image.length + " bytes");
        }
        reportBootStatus(129);
        // At runtime a FIRMWARE_LOAD is an update reset: judged by the same checks against the same fuses.
        VerificationResult result = RomVerifier.verify(image, fuses, generation);
        if (result instanceof VerificationResult.Rejected r) {
            throw new FirmwareError(r.rejection().code(), true, r.rejection().detail());
        }
        accepted = ((VerificationResult.Accepted) result).image();
        bundle = FwBundle.parse(image, "firmware");
        authorization = null;
        mailbox.respond(MailboxStatus.CMD_COMPLETE, new byte[0]);
        soc.clearFlowBits(SocIfc.FLOW_READY_FOR_FW | SocIfc.FLOW_READY_FOR_RUNTIME);
        int last = generation == Generation.V1 ? 136 : 137;
        for (int m = 130; m <= last; m++) {
            milestones.add(m);
        }
        for (int m = 193; m <= 198; m++) {
            milestones.add(m);
        }
        milestones.add(rom ? 320 : 328);
        for (int m = 0x400; m <= 0x406; m++) {
            milestones.add(m);
        }
        phase = Phase.LOADING;
    }

    // ---- handlers ----------------------------------------------------------------------------

    private static byte[] capabilities(int byteIndex) {
        byte[] caps = new byte[16];
        caps[byteIndex] = 1; // ROM_BASE (bit 0, byte 15) or RT_BASE (bit 64, byte 7) of the big-endian u128
        return caps;
    }

    private byte[] version() {
        var b = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x4649_5053).putInt(soc.reg(SocIfc.HW_REV_ID)).putInt(soc.reg(SocIfc.FW_REV_ID)).putInt(soc.reg(SocIfc.FW_REV_ID + 4));
        b.put("Caliptra RTM".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private byte[] romStash(CoreMailbox.Request r, byte[] body) throws FirmwareError {
        requireLength(body, 104, "STASH_MEASUREMENT");
        if (++stashed > MAX_STASHED_MEASUREMENTS) {
            throw new FirmwareError(Codes.FW_PROC_MAILBOX_STASH_MEASUREMENT_MAX_LIMIT, true, "more than 8 measurements");
        }
        return new byte[4];
    }

    private static void requireLength(byte[] body, int length, String what) throws FirmwareError {
        if (body.length != length) {
            throw new FirmwareError(Codes.RUNTIME_MAILBOX_INVALID_PARAMS, false,
                    what + ": " + body.length + " bytes after the checksum, expected " + length);
        }
    }

    private boolean isPl0(int user) {
        var header = bundle instanceof FwBundle.V1 v1 ? new int[] {v1.manifest().header().flags(), v1.manifest().header().pl0Pauser()}
                : new int[] {((FwBundle.V2) bundle).manifest().header().flags(), ((FwBundle.V2) bundle).manifest().header().pl0Pauser()};
        return (header[0] & 1) != 0 && header[1] == user;
    }

    private byte[] fwInfo() {
        var m = accepted;
        var b = ByteBuffer.allocate(generation == Generation.V1 ? 256 : 384).order(ByteOrder.LITTLE_ENDIAN);
        int pl0 = bundle instanceof FwBundle.V1 v1 ? v1.manifest().header().pl0Pauser() : ((FwBundle.V2) bundle).manifest().header().pl0Pauser();
        if (generation == Generation.V1) {
            b.putInt(pl0).putInt(m.runtimeSvn()).putInt(m.fuseSvn()).putInt(m.fmcSvn()).putInt(0);
        } else {
            b.putInt(pl0).putInt(m.runtimeSvn()).putInt(m.fuseSvn()).putInt(m.runtimeSvn()).putInt(0);
        }
        b.put(new byte[20]).put(bundle.fmc().revision().toByteArray()).put(bundle.runtime().revision().toByteArray());
        b.put(new byte[32]); // ROM SHA-256: no ROM image in the emulator
        b.put(hw(m.fmcDigest())).put(hw(m.runtimeDigest())).put(hw(m.ownerPkHash()));
        if (generation == Generation.V2) {
            b.put(new byte[48]); // authman SHA-384 (no owner auth manifest digest kept)
            b.putInt(soc.reg(SocIfc.FW_ERROR_NON_FATAL));
            b.put(hw(m.vendorPkHash()));
            b.putInt(m.pqcKeyType() == null ? 0 : m.pqcKeyType().value()).putInt(m.vendorEccKeyIndex()).putInt(m.vendorPqcKeyIndex());
            b.putInt(0).putInt(0).putInt(0).putInt(0);
        }
        return b.array();
    }

    private static byte[] hw(Octets digest) {
        return HwFormat.reverseEach4(digest.toByteArray());
    }

    private byte[] setAuthManifest(CoreMailbox.Request r, byte[] body) throws FirmwareError {
        if (!isPl0(r.user())) {
            throw new FirmwareError(Codes.RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL, false,
                    String.format("SET_AUTH_MANIFEST needs PL0; requester 0x%08X", r.user()));
        }
        if (body.length < 4) {
            throw new FirmwareError(Codes.RUNTIME_MAILBOX_INVALID_PARAMS, false, "no manifest_size");
        }
        long size = Integer.toUnsignedLong(ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
        if (size > body.length - 4) {
            throw new FirmwareError(Codes.RUNTIME_MAILBOX_INVALID_PARAMS, false,
                    "manifest_size " + size + " exceeds the " + (body.length - 4) + " bytes sent");
        }
        byte[] manifest = Arrays.copyOfRange(body, 4, 4 + (int) size);
        var trust = FirmwareTrust.of(bundle, accepted, fuses);
        var base = authorization == null ? ManifestAuthorization.empty(generation) : authorization;
        var load = base.apply(manifest, trust);
        if (load instanceof ManifestAuthorization.Load.Refused refused) {
            throw new FirmwareError(refused.error().code(), false, refused.error().detail());
        }
        authorization = ((ManifestAuthorization.Load.Loaded) load).authorization();
        return new byte[0];
    }

    private byte[] authorizeAndStash(CoreMailbox.Request r, byte[] body) throws FirmwareError {
        requireLength(body, generation == Generation.V1 ? 112 : 116, "AUTHORIZE_AND_STASH");
        var b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int fwId = b.getInt(0);
        Octets measurement = Octets.of(body, 4, 48);
        int flags = b.getInt(104);
        int source = b.getInt(108);
        boolean supported = generation == Generation.V1 ? source == 1 : source >= 1 && source <= 3;
        if (!supported) {
            throw new FirmwareError(Codes.RUNTIME_AUTH_AND_STASH_UNSUPPORTED_IMAGE_SOURCE, false, "image source " + source);
        }
        if (generation == Generation.V2 && (flags & 1) == 0 && !isPl0(r.user())) {
            throw new FirmwareError(Codes.RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL, false, "stashing needs PL0");
        }
        var auth = authorization == null ? ManifestAuthorization.empty(generation) : authorization;
        var result = auth.authorize(fwId, measurement);
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(result.code()).array();
    }
}
