package org.caliptra.util.soc.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.image.soc.ManifestAuthorization;
import org.caliptra.util.image.soc.SocManifest;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.core.AuthManifestCommands;
import org.caliptra.util.protocol.core.AuthManifestCommands.AuthorizeAndStashRequest;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.mailbox.MailboxRegisters;
import org.caliptra.util.soc.mailbox.RegisterMailboxDriver;

/**
 * Boots a Caliptra in passive mode through nothing but its registers, as a SoC's boot code
 * (libcaliptra, a BootMCU) does (spec/device.md §3.1): fuses and CPTRA_FUSE_WR_DONE, BOOTFSM_GO,
 * ready_for_fw, FIRMWARE_LOAD, ready_for_runtime, then SET_AUTH_MANIFEST and AUTHORIZE_AND_STASH
 * for each SoC image; when the plan asks, the manufacturing IDevID CSR on the way (§3.5). Works over any {@link RegisterBus}: an emulated device, a recording or
 * fault-injecting wrapper, a remote register socket. Each stage is reported; the first failing
 * stage ends the boot, except that every image is authorized even when one is refused, so the
 * report names all of them.
 */
public final class BootFlow {
    /** How long to wait: polls of a flow bit, and polls of a command's status. */
    public record Limits(int flowPolls, int commandPolls) {
        public Limits {
            if (flowPolls < 1 || commandPolls < 1) {
                throw new IllegalArgumentException("poll limits must be at least 1");
            }
        }

        /** The reference SoC driver's bound for both (400 000 polls, about 100 ms at 400 MHz). */
        public static Limits defaults() {
            return new Limits(RegisterMailboxDriver.DEFAULT_MAX_POLLS, RegisterMailboxDriver.DEFAULT_MAX_POLLS);
        }
    }

    private final RegisterBus bus;
    private final Limits limits;

    public BootFlow(RegisterBus bus, Limits limits) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public BootFlow(RegisterBus bus) {
        this(bus, Limits.defaults());
    }

    public BootReport run(BootPlan plan) {
        Generation generation = plan.fuses().generation();
        var mailbox = new RegisterMailboxDriver(bus, MailboxRegisters.core(generation), limits.commandPolls());
        var stages = new ArrayList<StageResult>();
        var csr = new Octets[1];
        if (!fuse(plan, stages) || !startRom(plan, generation, stages, csr) || !loadFirmware(plan, mailbox, stages)
                || !reachRuntime(stages)) {
            return new BootReport(generation, stages, Optional.ofNullable(csr[0]));
        }
        if (plan.images().manifest().isPresent() && setManifest(plan, generation, mailbox, stages)) {
            authorizeImages(plan.images().images(), generation, mailbox, stages);
        }
        return new BootReport(generation, stages, Optional.ofNullable(csr[0]));
    }

    private boolean fuse(BootPlan plan, List<StageResult> stages) {
        boolean accepted = bus.exclusive(b -> {
            plan.fuses().writeTo(b);
            if (plan.requestIdevidCsr()) {
                // Before the ROM starts, which takes both FUSE_WR_DONE and BOOTFSM_GO: it reads the request at its IDevID step.
                b.write32(SocIfcRegs.BASE + SocIfcRegs.DBG_MANUF_SERVICE_REG, SocIfcRegs.MANUF_SERVICE_IDEVID_CSR);
            }
            b.write32(SocIfcRegs.BASE + SocIfcRegs.FUSE_WR_DONE, 1);
            return (b.read32(SocIfcRegs.BASE + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FUSES) == 0;
        });
        String detail = "Caliptra " + plan.fuses().generation().label() + " fuses written, CPTRA_FUSE_WR_DONE set";
        stages.add(StageResult.of(BootStage.FUSES, accepted ? new Outcome.Passed() : new Outcome.FusesNotAccepted(), detail));
        return accepted;
    }

    private boolean startRom(BootPlan plan, Generation generation, List<StageResult> stages, Octets[] csr) {
        bus.write32(SocIfcRegs.BASE + SocIfcRegs.BOOTFSM_GO, 1);
        if (plan.requestIdevidCsr() && !takeIdevidCsr(generation, stages, csr)) {
            return false;
        }
        boolean ready = awaitFlow(SocIfcRegs.FLOW_READY_FOR_FW);
        stages.add(StageResult.of(BootStage.ROM, ready ? new Outcome.Passed()
                : new Outcome.NotReady("ready_for_fw", limits.flowPolls()), ready ? "ready_for_fw" : "ready_for_fw never set"));
        return ready;
    }

    /**
     * The ROM's side of the hand-off is a Caliptra-initiated mailbox transaction: it holds the lock,
     * fills the mailbox and sets idevid_csr_ready. The SoC reads DLEN and DATAOUT without taking
     * the lock, then clears its request, and the ROM ends the transaction and goes on.
     */
    private boolean takeIdevidCsr(Generation generation, List<StageResult> stages, Octets[] csr) {
        int flow = awaitFlowAny(SocIfcRegs.FLOW_IDEVID_CSR_READY | SocIfcRegs.FLOW_READY_FOR_FW);
        if ((flow & SocIfcRegs.FLOW_IDEVID_CSR_READY) == 0) {
            bus.write32(SocIfcRegs.BASE + SocIfcRegs.DBG_MANUF_SERVICE_REG, 0);
            String detail = (flow & SocIfcRegs.FLOW_READY_FOR_FW) != 0
                    ? "the ROM went on to ready_for_fw without a CSR: it makes one only in the manufacturing lifecycle"
                    : "idevid_csr_ready never set";
            stages.add(StageResult.of(BootStage.IDEVID_CSR, new Outcome.NotReady("idevid_csr_ready", limits.flowPolls()), detail));
            return false;
        }
        var registers = MailboxRegisters.core(generation);
        byte[] payload = bus.exclusive(b -> {
            long length = Integer.toUnsignedLong(b.read32(registers.dataLength()));
            if (length == 0 || length > registers.capacity()) {
                return null;
            }
            byte[] data = new byte[(int) length];
            b.readFifo(registers.dataOut(), data, 0, data.length);
            return data;
        });
        bus.write32(SocIfcRegs.BASE + SocIfcRegs.DBG_MANUF_SERVICE_REG, 0);
        if (payload == null) {
            stages.add(StageResult.of(BootStage.IDEVID_CSR, new Outcome.Malformed("DLEN is 0 or above the mailbox's "
                    + registers.capacity() + " bytes"), "idevid_csr_ready"));
            return false;
        }
        csr[0] = Octets.of(payload);
        stages.add(StageResult.of(BootStage.IDEVID_CSR, new Outcome.Passed(), payload.length + " bytes"
                + (generation == Generation.V1 ? ", DER CSR" : ", InitDevIdCsrEnvelope")));
        return true;
    }

    private boolean loadFirmware(BootPlan plan, RegisterMailboxDriver mailbox, List<StageResult> stages) {
        var reply = mailbox.execute(CaliptraCommand.FIRMWARE_LOAD.code(), plan.images().firmware().toByteArray());
        if (reply instanceof MailboxReply.Complete) {
            stages.add(StageResult.of(BootStage.FIRMWARE_LOAD, new Outcome.Passed(), "CMD_COMPLETE"));
            return true;
        }
        stages.add(failure(BootStage.FIRMWARE_LOAD, OptionalInt.empty(), reply, "FIRMWARE_LOAD"));
        return false;
    }

    private boolean reachRuntime(List<StageResult> stages) {
        boolean ready = awaitFlow(SocIfcRegs.FLOW_READY_FOR_RUNTIME);
        if (!ready) {
            stages.add(StageResult.of(BootStage.RUNTIME, new Outcome.NotReady("ready_for_runtime", limits.flowPolls()),
                    "ready_for_runtime never set"));
            return false;
        }
        // A debug-locked part keeps its boot milestones out of the register.
        int bootStatus = bus.read32(SocIfcRegs.BASE + SocIfcRegs.BOOT_STATUS);
        stages.add(StageResult.of(BootStage.RUNTIME, new Outcome.Passed(),
                "ready_for_runtime" + (bootStatus != 0 ? String.format(", boot status 0x%X", bootStatus) : "")));
        return true;
    }

    private boolean setManifest(BootPlan plan, Generation generation, RegisterMailboxDriver mailbox, List<StageResult> stages) {
        byte[] manifest = plan.images().manifest().orElseThrow().toByteArray();
        var codec = AuthManifestCommands.setAuthManifest(generation);
        String kind;
        try {
            kind = SocManifest.parse(manifest, "SoC manifest").kind();
        } catch (ImageFormatException e) {
            kind = "SoC manifest of " + manifest.length + " bytes";
        }
        try {
            var request = codec.encodeRequest(new AuthManifestCommands.ManifestRequest(plan.images().manifest().orElseThrow()));
            var reply = mailbox.execute(codec.code(), MailboxFrame.sealRequest(codec.code(), request));
            if (reply instanceof MailboxReply.Data data) {
                codec.decodeResponse(MailboxFrame.openResponse(data.bytes(), codec.name() + " response").fields());
                stages.add(StageResult.of(BootStage.SET_AUTH_MANIFEST, new Outcome.Passed(), kind));
                return true;
            }
            stages.add(failure(BootStage.SET_AUTH_MANIFEST, OptionalInt.empty(), reply, codec.name()));
        } catch (ProtocolException e) {
            stages.add(StageResult.of(BootStage.SET_AUTH_MANIFEST, new Outcome.Malformed(e.getMessage()), kind));
        }
        return false;
    }

    private void authorizeImages(List<SocImage> images, Generation generation, RegisterMailboxDriver mailbox,
            List<StageResult> stages) {
        CommandCodec<AuthorizeAndStashRequest, AuthManifestCommands.AuthorizeAndStashResponse> codec =
                AuthManifestCommands.authorizeAndStash(generation);
        for (SocImage image : images) {
            var fwId = OptionalInt.of(image.fwId());
            if (image.data().isEmpty()) {
                stages.add(new StageResult(BootStage.AUTHORIZE, fwId, new Outcome.Missing(), image.name()));
                continue;
            }
            try {
                var request = AuthorizeAndStashRequest.inRequest(image.fwId(), ManifestAuthorization.imageDigest(image.data().get()));
                var reply = mailbox.execute(codec.code(), MailboxFrame.sealRequest(codec.code(), codec.encodeRequest(request)));
                if (reply instanceof MailboxReply.Data data) {
                    var response = codec.decodeResponse(MailboxFrame.openResponse(data.bytes(), codec.name() + " response").fields());
                    stages.add(new StageResult(BootStage.AUTHORIZE, fwId, new Outcome.Authorization(response.authReqResult()),
                            image.name()));
                } else {
                    stages.add(failure(BootStage.AUTHORIZE, fwId, reply, codec.name(), image.name()));
                }
            } catch (ProtocolException e) {
                stages.add(new StageResult(BootStage.AUTHORIZE, fwId, new Outcome.Malformed(e.getMessage()), image.name()));
            }
        }
    }

    private static StageResult failure(BootStage stage, OptionalInt fwId, MailboxReply reply, String command) {
        return failure(stage, fwId, reply, command, null);
    }

    private static StageResult failure(BootStage stage, OptionalInt fwId, MailboxReply reply, String command, String name) {
        Outcome outcome;
        String detail;
        if (reply instanceof MailboxReply.Failure f) {
            outcome = new Outcome.DeviceError(f.errorCode());
            detail = "CMD_FAILURE";
        } else if (reply instanceof MailboxReply.Busy) {
            outcome = new Outcome.Busy();
            detail = "the mailbox lock was held";
        } else if (reply instanceof MailboxReply.Timeout t) {
            outcome = new Outcome.Timeout(t.polls());
            detail = "no answer within " + t.polls() + " polls";
        } else {
            outcome = new Outcome.Malformed(command + " answered " + reply);
            detail = "unexpected mailbox status";
        }
        return new StageResult(stage, fwId, outcome, name == null ? detail : name + ": " + detail);
    }

    /** Polls CPTRA_FLOW_STATUS until any of {@code bits} is set, at most the flow budget; returns the last value read. */
    private int awaitFlowAny(int bits) {
        return bus.exclusive(b -> {
            for (int poll = 0; poll < limits.flowPolls(); poll++) {
                int flow = b.read32(SocIfcRegs.BASE + SocIfcRegs.FLOW_STATUS);
                if ((flow & bits) != 0) {
                    return flow;
                }
                b.idle();
            }
            return b.read32(SocIfcRegs.BASE + SocIfcRegs.FLOW_STATUS);
        });
    }

    /** Polls CPTRA_FLOW_STATUS until {@code bits} are set, at most the flow budget, as one exclusive sequence. */
    private boolean awaitFlow(int bits) {
        return bus.exclusive(b -> {
            for (int poll = 0; poll < limits.flowPolls(); poll++) {
                if ((b.read32(SocIfcRegs.BASE + SocIfcRegs.FLOW_STATUS) & bits) == bits) {
                    return true;
                }
                b.idle();
            }
            return (b.read32(SocIfcRegs.BASE + SocIfcRegs.FLOW_STATUS) & bits) == bits;
        });
    }
}
