package org.caliptra.util.cli.emulator;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mctp.VdmCommands;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;
import org.caliptra.util.protocol.mctp.VdmMessage;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.FirmwareVersionRequest;
import org.caliptra.util.protocol.regs.SocIfcRegs;

/**
 * What the load test's clients share: where the endpoints are, the answers they must get, the
 * deadline, and the progress the adversaries pace themselves by.
 */
final class LoadContext {
    /** The served endpoints, each stream endpoint on TCP and on a Unix socket. */
    record Endpoints(InetSocketAddress apbTcp, SocketAddress apbUnix, InetSocketAddress mboxTcp, SocketAddress mboxUnix,
            InetSocketAddress udp, InetSocketAddress i3c) {}

    final Endpoints endpoints;
    final Expected expected;
    final long deadlineNanos;
    final Progress progress;
    final int mailboxBytes;
    /** Set when the deadline passed: clients stop at their next command. */
    final AtomicBoolean stopped = new AtomicBoolean();
    final ScratchWord[] scratch = {new ScratchWord(Expected.RSVD_REG), new ScratchWord(Expected.RSVD_REG + 4)};
    final CoreMailbox coreMailbox = new CoreMailbox();

    LoadContext(Endpoints endpoints, Expected expected, long deadlineNanos, Progress progress, int mailboxBytes) {
        this.endpoints = endpoints;
        this.expected = expected;
        this.deadlineNanos = deadlineNanos;
        this.progress = progress;
        this.mailboxBytes = mailboxBytes;
    }

    boolean pastDeadline() {
        return stopped.get() || System.nanoTime() - deadlineNanos > 0;
    }

    /**
     * A soc_ifc register a SoC agent may write at any time that nothing else touches. APB clients
     * share the register file, so a client may check that a register reads back what it wrote only
     * while no other client writes it: the guard (taken with tryLock, never waited for) makes the
     * write and the read one client's, with every other access of every endpoint still interleaving
     * with them at the server.
     */
    static final class ScratchWord {
        final int address;
        final ReentrantLock guard = new ReentrantLock();
        /** The last value written (under the guard); after the load the device must hold it. */
        int last;
        final AtomicLong checks = new AtomicLong();

        ScratchWord(int address) {
            this.address = address;
        }
    }

    /**
     * The APB clients' whole core-mailbox transactions, counted as they end. While one holds the
     * core mailbox, every other requester is told it is busy: another APB client reads its lock as
     * taken, and a command the MCU relays to the core (MC_SHA_*, FirmwareVersion 0,
     * DeviceCapabilities) is refused as busy without running. Such a client waits for the next
     * transaction to end — at most {@link #BUSY_WAIT_MILLIS}, in case the holder is not one of ours
     * — and asks again: an event to wait for instead of a retry loop that would spend the device's
     * time the holder needs.
     */
    static final class CoreMailbox {
        static final long BUSY_WAIT_MILLIS = 100;
        private long ended;

        synchronized long ended() {
            return ended;
        }

        synchronized void transactionEnded() {
            ended++;
            notifyAll();
        }

        /** Returns once a transaction has ended since {@code endedBefore} were counted, or after the bound. */
        synchronized void awaitNextEnd(long endedBefore) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_WAIT_MILLIS);
            try {
                while (ended == endedBefore) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the core mailbox was busy", e);
            }
        }
    }

    /**
     * The answers every well-behaved command must get, asked of the device in process (no socket in
     * the way) before the server starts, or computed independently (digests, by the JCA).
     */
    record Expected(byte[] mcFirmwareVersion1, int mcFirmwareVersion2Error, int mcBadIndexError, byte[][] vdmRequests,
            byte[][] vdmAnswers, byte[][] vdmBusy, int[] registerAddresses, int[] registerValues, byte[] coreVersion,
            int unmappedAddress) {
        /** CPTRA_RSVD_REG[0..1] (soc_ifc 0x120, 0x124): SoC and Caliptra read/write, meaning nothing to either. */
        static final int RSVD_REG = SocIfcRegs.BASE + 0x120;
        /** An MC_FIRMWARE_VERSION index the device refuses (0, 1, 2 are defined). */
        static final int BAD_INDEX = 7;
        /** The VDM requests the I3C clients send: FirmwareVersion 0, 1, 2 and DeviceCapabilities. */
        static final int VDM_OPS = 4;
        /** Which of them the MCU answers by asking the core (FirmwareVersion 0, DeviceCapabilities). */
        static boolean vdmRelayed(int op) {
            return op == 0 || op == 3;
        }

        static Expected of(CaliptraDevice device) {
            var pl0 = device.asUser(DevelopmentFirmware.PL0_REQUESTER);
            byte[] fw1 = data(pl0.execute(McDeviceInfoCommands.MC_FIRMWARE_VERSION.code(), mcFirmwareVersionRequest(1)));
            var version = McDeviceInfoCommands.MC_FIRMWARE_VERSION.decodeResponse(MailboxFrame.openResponse(fw1, "fw1").fields());
            if (version.text().isEmpty()) {
                throw new IllegalStateException("the MCU runtime reports an empty version");
            }
            int fw2 = failure(pl0.execute(McDeviceInfoCommands.MC_FIRMWARE_VERSION.code(), mcFirmwareVersionRequest(2)));
            int bad = failure(pl0.execute(McDeviceInfoCommands.MC_FIRMWARE_VERSION.code(), mcFirmwareVersionRequest(BAD_INDEX)));
            if (bad != CaliptraError.MCU_MBOX_INVALID_PARAMS.code()) {
                throw new IllegalStateException(String.format("index %d refused with 0x%08X", BAD_INDEX, bad));
            }

            byte[][] requests = new byte[VDM_OPS][];
            byte[][] answers = new byte[VDM_OPS][];
            byte[][] busy = new byte[VDM_OPS][];
            for (int op = 0; op < VDM_OPS; op++) {
                var command = op < 3 ? VdmCommands.VDM_FIRMWARE_VERSION.command() : VdmCommands.VDM_DEVICE_CAPABILITIES.command();
                byte[] payload = op < 3 ? VdmCommands.VDM_FIRMWARE_VERSION.encodeRequest(new VdmCommands.FirmwareVersionRequest(op))
                        : VdmCommands.VDM_DEVICE_CAPABILITIES.encodeRequest(NoFields.INSTANCE);
                requests[op] = new VdmMessage.Request(command.code(), Octets.of(payload)).encode();
                answers[op] = device.exchangeVdm(requests[op]);
                busy[op] = VdmMessage.Response.failure(command.code(), VdmCompletionCode.CALIPTRA_MAILBOX_BUSY).encode();
            }
            // FirmwareVersion 0, 1 and 2 have distinct answers (2 is refused: no SoC version is configured).
            if (java.util.Arrays.equals(answers[0], answers[1]) || VdmMessage.Response.decode(answers[2]).succeeded()) {
                throw new IllegalStateException("the FirmwareVersion answers are not distinct");
            }

            int[] addresses = {SocIfcRegs.BASE + SocIfcRegs.HW_REV_ID, SocIfcRegs.BASE + SocIfcRegs.FW_REV_ID,
                SocIfcRegs.BASE + SocIfcRegs.FW_REV_ID + 4, SocIfcRegs.BASE + SocIfcRegs.HW_CONFIG,
                SocIfcRegs.BASE + SocIfcRegs.BOOT_STATUS, SocIfcRegs.BASE + SocIfcRegs.SECURITY_STATE};
            int[] values = new int[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                values[i] = pl0.read32(addresses[i]);
            }
            for (int i = 0; i < 2; i++) {
                int address = RSVD_REG + 4 * i;
                pl0.write32(address, 0x5A5A_0000 + i);
                if (pl0.read32(address) != 0x5A5A_0000 + i) {
                    throw new IllegalStateException(String.format("0x%08X is not a read/write register", address));
                }
                pl0.write32(address, 0);
            }
            byte[] coreVersion = data(pl0.coreMailbox().execute(InfoCommands.VERSION.code(),
                    MailboxFrame.sealRequest(InfoCommands.VERSION.code(), new byte[0])));

            int unmapped = SocIfcRegs.BASE + 0xFFC;
            try {
                pl0.read32(unmapped);
                throw new IllegalStateException(String.format("0x%08X is mapped", unmapped));
            } catch (BusFaultException expected) {
                // what the unmapped-access attack relies on
            }
            return new Expected(fw1, fw2, bad, requests, answers, busy, addresses, values, coreVersion, unmapped);
        }

        static byte[] mcFirmwareVersionRequest(int index) {
            var codec = McDeviceInfoCommands.MC_FIRMWARE_VERSION;
            return MailboxFrame.sealRequest(codec.code(), codec.encodeRequest(new FirmwareVersionRequest(index)));
        }

        private static byte[] data(MailboxReply reply) {
            if (reply instanceof MailboxReply.Data data) {
                return data.bytes();
            }
            throw new IllegalStateException("expected data, got " + reply);
        }

        private static int failure(MailboxReply reply) {
            if (reply instanceof MailboxReply.Failure failure) {
                return failure.errorCode();
            }
            throw new IllegalStateException("expected a failure, got " + reply);
        }
    }

    /**
     * Commands answered so far by all well-behaved clients. The adversaries wait for it to pass
     * their next mark, so their attacks spread over the whole load instead of front-loading it, and
     * their number (and the log lines they cause) stays proportional to the load.
     */
    static final class Progress {
        private final long notifyEvery;
        private final AtomicLong count = new AtomicLong();
        private boolean finished;

        Progress(long notifyEvery) {
            this.notifyEvery = notifyEvery;
        }

        long count() {
            return count.get();
        }

        void advance() {
            if (count.incrementAndGet() % notifyEvery == 0) {
                synchronized (this) {
                    notifyAll();
                }
            }
        }

        /** The well-behaved clients are done (or stopped): waiters return. */
        synchronized void finish() {
            finished = true;
            notifyAll();
        }

        synchronized boolean finished() {
            return finished;
        }

        /**
         * Waits until {@code target} commands were answered (rounded up to a multiple of the
         * notification step by the caller), the load finished, or the deadline passed.
         *
         * @return whether the load is still running
         */
        synchronized boolean awaitAtLeast(long target, long deadlineNanos) throws InterruptedException {
            while (!finished && count.get() < target) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // Bounded: a lost notification costs at most this, never a hang.
                wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
            }
            return !finished;
        }
    }

    /** What one client saw, counted on its own thread and read after it was joined. */
    static final class Tally {
        private static final int KEPT_PROBLEMS = 5;
        final String client;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong mismatches = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        /** Answers that said the core mailbox was held by another requester (nothing ran): the command was sent again. */
        final AtomicLong busy = new AtomicLong();
        /** APB accesses (CPTR clients), retransmissions (UDP), packets dropped while waiting (I3C). */
        final AtomicLong wireUnits = new AtomicLong();
        final AtomicLong ignored = new AtomicLong();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        volatile boolean finished;

        Tally(String client) {
            this.client = client;
        }

        void mismatch(String what) {
            mismatches.incrementAndGet();
            keep("mismatch: " + what);
        }

        void error(String what) {
            errors.incrementAndGet();
            keep("error: " + what);
        }

        void keep(String what) {
            if (problems.size() < KEPT_PROBLEMS) {
                problems.add(what);
            }
        }

        boolean perfect(int commands) {
            return finished && sent.get() == commands && answered.get() == commands && mismatches.get() == 0 && errors.get() == 0;
        }

        @Override
        public String toString() {
            return String.format("%s: sent %d, answered %d, mismatches %d, errors %d, busy %d%s%s", client, sent.get(), answered.get(),
                    mismatches.get(), errors.get(), busy.get(), finished ? "" : ", DID NOT FINISH",
                    problems.isEmpty() ? "" : " " + problems);
        }
    }
}
