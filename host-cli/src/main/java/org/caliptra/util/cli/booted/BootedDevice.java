package org.caliptra.util.cli.booted;

import java.util.Optional;
import org.caliptra.util.cli.boot.EmbeddedBoot;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.dpe.DpeSession;
import org.caliptra.util.soc.boot.BootReport;

/**
 * An embedded device booted to runtime, and its core mailbox as the requester that booted it (the
 * bundle's PL0 PAUSER, so PL0-only commands such as STASH_MEASUREMENT are allowed).
 */
public final class BootedDevice implements AutoCloseable {
    private final CaliptraDevice device;
    private final MailboxPort mailbox;
    private final Generation generation;
    private final BootReport report;

    private BootedDevice(CaliptraDevice device, MailboxPort mailbox, Generation generation, BootReport report) {
        this.device = device;
        this.mailbox = mailbox;
        this.generation = generation;
        this.report = report;
    }

    /**
     * Creates the device of {@code setup} and boots it.
     *
     * @throws DeviceFailureException when any boot stage fails (exit 1), naming the stage and its error
     */
    static BootedDevice boot(EmbeddedBoot.Setup setup, boolean requestIdevidCsr) {
        var device = CaliptraDevice.createOnCallerThread(setup.config());
        try {
            BootReport report = EmbeddedBoot.run(device, setup, requestIdevidCsr);
            if (!report.booted()) {
                throw new DeviceFailureException("the device did not boot: " + EmbeddedBoot.failure(report));
            }
            // A bundle the ROM accepted parses, so it names its requester.
            int requester = setup.images().bootRequester().orElseThrow();
            return new BootedDevice(device, device.asUser(requester).coreMailbox(), setup.generation(), report);
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    /** One typed command on the core mailbox; a command the device fails throws {@code MailboxCommandException} (exit 1). */
    public <Q, R> R call(CommandCodec<Q, R> codec, Q request) {
        return mailbox.call(codec, request);
    }

    /** DPE through INVOKE_DPE_ECC384 on the same mailbox: the PL0 locality, whose default context the runtime made. */
    public DpeSession dpe() {
        return new DpeSession(mailbox, generation);
    }

    public Generation generation() {
        return generation;
    }

    /** The CSR payload the ROM handed over during boot, when it was requested. */
    public Optional<Octets> idevidCsr() {
        return report.idevidCsr();
    }

    @Override
    public void close() {
        device.close();
    }
}
