package org.caliptra.util.cli.emulator;

import java.net.SocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.caliptra.util.cli.emulator.LoadContext.Expected;
import org.caliptra.util.cli.emulator.LoadContext.Tally;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxException;
import org.caliptra.util.host.transport.mailbox.RegisterBusMailboxDriver;
import org.caliptra.util.host.transport.socket.CptrRegisterBus;
import org.caliptra.util.host.transport.socket.I3cSocketMctpDriver;
import org.caliptra.util.host.transport.socket.MboxSocketMailboxDriver;
import org.caliptra.util.host.transport.socket.SocketTimeouts;
import org.caliptra.util.host.transport.socket.UdpMailboxDriver;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaContext;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaInitRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaUpdateRequest;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;
import org.caliptra.util.protocol.mctp.VdmMessage;
import org.caliptra.util.protocol.mcu.McCryptoCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.mailbox.MailboxRegisters;
import org.caliptra.util.soc.mailbox.RegisterMailboxDriver;

/**
 * The load test's well-behaved clients, one per thread, each on its own connection (or UDP socket)
 * through the host library's drivers. Each sends exactly {@code commands} commands and checks every
 * answer against an independent expectation, so an answer lost, sent twice (it would be read as the
 * next command's answer) or meant for another client shows as an error or a mismatch.
 */
final class LoadClients {
    /** Bound on one stream read: far beyond any answer on a busy 2-core machine, far below the test's deadline. */
    static final SocketTimeouts STREAM_TIMEOUTS = new SocketTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
    /** UDP: a reply not back in 2 s is asked for again, up to 14 more times (30 s in all, as the stream bound). */
    static final Duration UDP_TIMEOUT = Duration.ofSeconds(2);
    static final int UDP_RETRIES = 14;
    /**
     * An impatient UDP client: it sends a request again after 3 ms without a reply, which under
     * this load is often while the first copy is still on the device or its reply on its way — the
     * server's retransmission rule (answered once, from the first copy's reply) and the client's
     * handling of late duplicates at work. Up to 10 000 more copies: 30 s.
     */
    static final Duration IMPATIENT_UDP_TIMEOUT = Duration.ofMillis(3);
    static final int IMPATIENT_UDP_RETRIES = 10_000;
    static final Duration I3C_TIMEOUT = Duration.ofSeconds(30);
    /** A client that keeps failing stops early (its report says why) instead of spending the deadline. */
    private static final int MAX_ERRORS = 10;
    /** The longest message a client hashes, cut at random into the pieces of INIT, UPDATE and FINAL. */
    private static final int MAX_MESSAGE = 600;

    private LoadClients() {}

    /** A command answered with a failure: the device's error code. */
    record Refused(int code) {}

    abstract static class Client implements Runnable {
        final LoadContext load;
        final Tally tally;
        final SplittableRandom random;
        final int commands;
        private int done;

        Client(LoadContext load, String name, SplittableRandom random, int commands) {
            this.load = load;
            this.tally = new Tally(name);
            this.random = random;
            this.commands = commands;
        }

        abstract void connect();

        abstract void disconnect();

        /** Sends at least one and at most {@code remaining} commands. */
        abstract void step(int remaining);

        /** One more command after the counted ones: an extra answer to the last of them would be read here. */
        abstract void closingProbe();

        /** Counters of the driver, once done. */
        void collect() {}

        @Override
        public final void run() {
            try {
                connect();
                while (done < commands) {
                    if (load.pastDeadline()) {
                        tally.keep("stopped at the deadline after " + done + " commands");
                        return;
                    }
                    int before = done;
                    try {
                        step(commands - done);
                    } catch (RuntimeException e) {
                        tally.error(describe(e));
                        if (tally.errors.get() >= MAX_ERRORS) {
                            tally.keep("gave up after " + MAX_ERRORS + " errors");
                            return;
                        }
                        disconnect();
                        connect();
                    }
                    if (done == before) {
                        throw new IllegalStateException("a step sent nothing");
                    }
                }
                try {
                    closingProbe();
                } catch (RuntimeException e) {
                    tally.error("closing probe: " + describe(e));
                }
                tally.finished = true;
            } catch (RuntimeException e) {
                tally.error(describe(e));
            } finally {
                collect();
                disconnect();
            }
        }

        /** Another thread's abort at the deadline: closing the connection ends any wait in progress. */
        void abort() {
            disconnect();
        }

        final void sent() {
            tally.sent.incrementAndGet();
        }

        /** A command's final answer arrived (busy answers, which are sent again, are not final). */
        final void answered() {
            tally.answered.incrementAndGet();
            done++;
            load.progress.advance();
        }

        /** A command that got no answer: counted, and the step ends. */
        final RuntimeException lost(RuntimeException e) {
            done++;
            return e;
        }

        /** Told the core mailbox was busy when {@code endedBefore} core transactions had ended: wait for the next to end. */
        final void busyAgain(String what, long endedBefore) {
            tally.busy.incrementAndGet();
            if (load.pastDeadline()) {
                throw new IllegalStateException(what + ": the core mailbox stayed busy until the deadline");
            }
            load.coreMailbox.awaitNextEnd(endedBefore);
        }

        final byte[] message() {
            byte[] message = new byte[random.nextInt(MAX_MESSAGE + 1)];
            random.nextBytes(message);
            return message;
        }

        static byte[] sha384(byte[] message) {
            try {
                return MessageDigest.getInstance("SHA-384").digest(message);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static String describe(Throwable e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }

        static String hex(byte[] bytes) {
            String h = HexFormat.of().formatHex(bytes);
            return h.length() > 96 ? h.substring(0, 96) + "…" : h;
        }
    }

    /**
     * A client of a command mailbox (MCU mailbox 0): over MBOX or UDP. Its commands: SHA-384 of a
     * random message of its own (MC_SHA_INIT, maybe MC_SHA_UPDATE, MC_SHA_FINAL, the message split
     * at random), compared with the JCA's digest; MC_FIRMWARE_VERSION of the MCU runtime (a known
     * answer), of the SoC (a known refusal) and of an undefined index (another known refusal).
     */
    static final class MailboxClient extends Client {
        private final MailboxDriver driver;

        MailboxClient(LoadContext load, String name, SplittableRandom random, int commands, MailboxDriver driver) {
            super(load, name, random, commands);
            this.driver = driver;
        }

        static MailboxClient mbox(LoadContext load, String name, SplittableRandom random, int commands, SocketAddress address) {
            return new MailboxClient(load, name, random, commands,
                    new MboxSocketMailboxDriver(address, name, STREAM_TIMEOUTS, load.mailboxBytes));
        }

        static MailboxClient udp(LoadContext load, String name, SplittableRandom random, int commands, boolean impatient) {
            return new MailboxClient(load, name, random, commands, impatient
                    ? new UdpMailboxDriver(load.endpoints.udp(), IMPATIENT_UDP_TIMEOUT, IMPATIENT_UDP_RETRIES)
                    : new UdpMailboxDriver(load.endpoints.udp(), UDP_TIMEOUT, UDP_RETRIES));
        }

        @Override
        void connect() {
            driver.connect();
        }

        @Override
        void disconnect() {
            driver.disconnect();
        }

        @Override
        void collect() {
            if (driver instanceof UdpMailboxDriver udp) {
                tally.wireUnits.set(udp.retransmissions());
                tally.ignored.set(udp.ignoredReplies());
            }
        }

        @Override
        void step(int remaining) {
            if (remaining >= 2 && random.nextInt(8) < 5) {
                hash(remaining >= 3 && random.nextBoolean() ? 3 : 2);
            } else {
                firmwareVersion();
            }
        }

        @Override
        void closingProbe() {
            Object answer = command(McDeviceInfoCommands.MC_FIRMWARE_VERSION.code(), Expected.mcFirmwareVersionRequest(1), false,
                    false);
            if (!(answer instanceof byte[] frame) || !Arrays.equals(frame, load.expected.mcFirmwareVersion1())) {
                tally.mismatch("closing probe MC_FIRMWARE_VERSION(1) answered " + show(answer));
            }
        }

        private void firmwareVersion() {
            int index = switch (random.nextInt(4)) {
                case 0, 1 -> 1;
                case 2 -> 2;
                default -> Expected.BAD_INDEX;
            };
            Object answer = command(McDeviceInfoCommands.MC_FIRMWARE_VERSION.code(), Expected.mcFirmwareVersionRequest(index), false,
                    true);
            Expected e = load.expected;
            Object expected = switch (index) {
                case 1 -> e.mcFirmwareVersion1();
                case 2 -> new Refused(e.mcFirmwareVersion2Error());
                default -> new Refused(e.mcBadIndexError());
            };
            boolean same = expected instanceof byte[] bytes ? answer instanceof byte[] got && Arrays.equals(bytes, got)
                    : expected.equals(answer);
            if (!same) {
                tally.mismatch("MC_FIRMWARE_VERSION(" + index + ") answered " + show(answer) + ", expected " + show(expected));
            }
        }

        private void hash(int parts) {
            byte[] message = message();
            int cut1 = random.nextInt(message.length + 1);
            int cut2 = parts == 3 ? cut1 + random.nextInt(message.length - cut1 + 1) : cut1;
            String what = String.format("SHA-384 of %d bytes in %d commands", message.length, parts);
            ShaContext context = call(McCryptoCommands.MC_SHA_INIT,
                    ShaInitRequest.of(HashAlgorithm.SHA384, Octets.of(Arrays.copyOfRange(message, 0, cut1))), what);
            if (context == null) {
                return;
            }
            if (parts == 3) {
                context = call(McCryptoCommands.MC_SHA_UPDATE, new ShaUpdateRequest(context,
                        Octets.of(Arrays.copyOfRange(message, cut1, cut2))), what);
                if (context == null) {
                    return;
                }
            }
            Digest digest = call(McCryptoCommands.MC_SHA_FINAL, new ShaUpdateRequest(context,
                    Octets.of(Arrays.copyOfRange(message, cut2, message.length))), what);
            if (digest != null && !Arrays.equals(digest.value().toByteArray(), sha384(message))) {
                tally.mismatch(what + ": the device's digest " + hex(digest.value().toByteArray()) + " is not the JCA's "
                        + hex(sha384(message)));
            }
        }

        /** A typed command whose answer must be data; anything else is a mismatch and null. */
        private <Q, R> R call(CommandCodec<Q, R> codec, Q request, String what) {
            Object answer = command(codec.code(), MailboxFrame.sealRequest(codec.code(), codec.encodeRequest(request)), true, true);
            if (!(answer instanceof byte[] frame)) {
                tally.mismatch(what + ": " + codec.name() + " answered " + show(answer));
                return null;
            }
            try {
                return codec.decodeResponse(MailboxFrame.openResponse(frame, codec.name()).fields());
            } catch (ProtocolException e) {
                tally.mismatch(what + ": " + codec.name() + " answered " + hex(frame) + ": " + e.getMessage());
                return null;
            }
        }

        /**
         * One command: its response frame, or {@link Refused} with the device's error code. A
         * command the MCU relays to the core is refused with MCU_MAILBOX_BUSY while an APB client
         * holds the core mailbox; nothing ran, so it is sent again.
         */
        private Object command(int code, byte[] request, boolean relayed, boolean counted) {
            if (counted) {
                sent();
            }
            while (true) {
                long ended = load.coreMailbox.ended();
                try {
                    byte[] frame = driver.sendCommand(code, request);
                    if (counted) {
                        answered();
                    }
                    return frame;
                } catch (MailboxException e) {
                    if (e.kind() != MailboxException.Kind.DEVICE_ERROR) {
                        throw counted ? lost(e) : e;
                    }
                    if (relayed && e.deviceErrorCode() == CaliptraError.MCU_MAILBOX_BUSY.code()) {
                        busyAgain(String.format("command 0x%08X", code), ended);
                        continue;
                    }
                    if (counted) {
                        answered();
                    }
                    return new Refused(e.deviceErrorCode());
                } catch (RuntimeException e) {
                    throw counted ? lost(e) : e;
                }
            }
        }

        private static String show(Object answer) {
            return answer instanceof byte[] bytes ? hex(bytes) : answer instanceof Refused r ? String.format("refusal 0x%08X", r.code())
                    : String.valueOf(answer);
        }
    }

    /**
     * A client of the register endpoint (CPTR) on the core's register file, whose commands are
     * checked register operations: a read of a register whose value is known; a write of a fresh
     * value to a scratch register and its read-back; a whole core-mailbox transaction through the
     * host library's register-level mailbox driver — FIPS_VERSION (a known answer) or CM_SHA_INIT +
     * CM_SHA_FINAL of a random message (compared with the JCA), taking the mailbox lock like any
     * bus master and trying again while another holds it.
     */
    static final class CptrClient extends Client {
        /**
         * Where in its commands a client runs a whole core-mailbox transaction: at 200, 600, 1000,
         * 1400 and 1800 of 2 000, a hash at the first and third, FIPS_VERSION at the others. Each
         * holds the core mailbox for many round trips, during which the commands the MCU relays to
         * the core wait (see {@link LoadContext.CoreMailbox}), so they are few, and as many in every
         * run.
         */
        static final int CORE_FIRST = 200;
        static final int CORE_EVERY = 400;
        private static final int SCRATCH_PERCENT = 40;
        private final SocketAddress address;
        private CptrRegisterBus bus;
        private RegisterBus counted;
        private RegisterBusMailboxDriver core;
        private long accesses;

        CptrClient(LoadContext load, String name, SplittableRandom random, int commands, SocketAddress address) {
            super(load, name, random, commands);
            this.address = address;
        }

        @Override
        void connect() {
            bus = CptrRegisterBus.connect(address, tally.client, STREAM_TIMEOUTS);
            counted = new RegisterBus() {
                @Override
                public int read32(int a) {
                    accesses++;
                    return bus.read32(a);
                }

                @Override
                public void write32(int a, int value) {
                    accesses++;
                    bus.write32(a, value);
                }
            };
            core = new RegisterBusMailboxDriver(DeviceKind.CALIPTRA_CORE, counted, MailboxRegisters.core(Generation.V2),
                    RegisterMailboxDriver.DEFAULT_MAX_POLLS);
            core.connect();
        }

        @Override
        void disconnect() {
            CptrRegisterBus b = bus;
            if (b != null) {
                b.close();
            }
        }

        @Override
        void collect() {
            tally.wireUnits.set(accesses);
        }

        @Override
        void step(int remaining) {
            int at = commands - remaining;
            if (at >= CORE_FIRST && (at - CORE_FIRST) % CORE_EVERY == 0) {
                int k = (at - CORE_FIRST) / CORE_EVERY;
                if ((k == 0 || k == 2) && remaining >= 2) {
                    coreHash();
                } else {
                    coreVersion();
                }
            } else if (random.nextInt(100) < SCRATCH_PERCENT) {
                scratch();
            } else {
                knownRegister();
            }
        }

        @Override
        void closingProbe() {
            int value = bus.read32(SocIfcRegs.BASE + SocIfcRegs.HW_REV_ID);
            if (value != load.expected.registerValues()[0]) {
                tally.mismatch(String.format("closing probe CPTRA_HW_REV_ID read 0x%08X", value));
            }
        }

        private void knownRegister() {
            Expected e = load.expected;
            int i = random.nextInt(e.registerAddresses().length);
            sent();
            int value;
            try {
                value = counted.read32(e.registerAddresses()[i]);
            } catch (RuntimeException ex) {
                throw lost(ex);
            }
            answered();
            if (value != e.registerValues()[i]) {
                tally.mismatch(String.format("0x%08X read 0x%08X, expected 0x%08X", e.registerAddresses()[i], value,
                        e.registerValues()[i]));
            }
        }

        private void scratch() {
            LoadContext.ScratchWord word = load.scratch[random.nextInt(load.scratch.length)];
            if (!word.guard.tryLock()) {
                knownRegister(); // another client is checking it: this command is a plain read instead
                return;
            }
            try {
                int value;
                do {
                    value = random.nextInt();
                } while (value == word.last);
                sent();
                int read;
                try {
                    counted.write32(word.address, value);
                    word.last = value;
                    read = counted.read32(word.address);
                } catch (RuntimeException ex) {
                    throw lost(ex);
                }
                answered();
                word.checks.incrementAndGet();
                if (read != value) {
                    tally.mismatch(String.format("scratch 0x%08X wrote 0x%08X, read back 0x%08X", word.address, value, read));
                }
            } finally {
                word.guard.unlock();
            }
        }

        private void coreVersion() {
            byte[] request = MailboxFrame.sealRequest(InfoCommands.VERSION.code(), new byte[0]);
            byte[] frame = transaction(InfoCommands.VERSION.code(), request, "FIPS_VERSION");
            if (frame != null && !Arrays.equals(frame, load.expected.coreVersion())) {
                tally.mismatch("FIPS_VERSION answered " + hex(frame) + ", expected " + hex(load.expected.coreVersion()));
            }
        }

        private void coreHash() {
            byte[] message = message();
            int cut = random.nextInt(message.length + 1);
            String what = "core SHA-384 of " + message.length + " bytes";
            var init = CmHashCommands.CM_SHA_INIT;
            byte[] frame = transaction(init.code(), MailboxFrame.sealRequest(init.code(), init.encodeRequest(
                    ShaInitRequest.of(HashAlgorithm.SHA384, Octets.of(Arrays.copyOfRange(message, 0, cut))))), what);
            ShaContext context = decode(init, frame, what);
            if (context == null) {
                return;
            }
            var fin = CmHashCommands.CM_SHA_FINAL;
            frame = transaction(fin.code(), MailboxFrame.sealRequest(fin.code(), fin.encodeRequest(
                    new ShaUpdateRequest(context, Octets.of(Arrays.copyOfRange(message, cut, message.length))))), what);
            Digest digest = decode(fin, frame, what);
            if (digest != null && !Arrays.equals(digest.value().toByteArray(), sha384(message))) {
                tally.mismatch(what + ": the core's digest " + hex(digest.value().toByteArray()) + " is not the JCA's "
                        + hex(sha384(message)));
            }
        }

        private <R> R decode(CommandCodec<?, R> codec, byte[] frame, String what) {
            if (frame == null) {
                return null;
            }
            try {
                return codec.decodeResponse(MailboxFrame.openResponse(frame, codec.name()).fields());
            } catch (ProtocolException e) {
                tally.mismatch(what + ": " + codec.name() + " answered " + hex(frame) + ": " + e.getMessage());
                return null;
            }
        }

        /** One mailbox transaction, its lock taken again while another requester holds it; null (counted) if refused. */
        private byte[] transaction(int code, byte[] request, String what) {
            sent();
            while (true) {
                long ended = load.coreMailbox.ended();
                try {
                    byte[] frame = core.sendCommand(code, request);
                    load.coreMailbox.transactionEnded();
                    answered();
                    return frame;
                } catch (MailboxException e) {
                    if (e.kind() == MailboxException.Kind.BUSY) {
                        busyAgain(what, ended);
                        continue;
                    }
                    load.coreMailbox.transactionEnded();
                    if (e.kind() == MailboxException.Kind.DEVICE_ERROR) {
                        answered();
                        tally.mismatch(String.format("%s refused with 0x%08X", what, e.deviceErrorCode()));
                        return null;
                    }
                    throw lost(e);
                } catch (RuntimeException e) {
                    load.coreMailbox.transactionEnded();
                    throw lost(e);
                }
            }
        }
    }

    /**
     * A client of the MCTP-over-I3C endpoint: FirmwareVersion of area 0, 1 and 2 (three distinct
     * known answers, the last a refusal) and DeviceCapabilities, each compared byte for byte with
     * the device's answer in process. FirmwareVersion 0 and DeviceCapabilities are answered by the
     * MCU asking the core; while an APB client holds the core mailbox they are refused with
     * CALIPTRA_MAILBOX_BUSY, nothing ran, and they are sent again.
     */
    static final class I3cClient extends Client {
        private final I3cSocketMctpDriver driver;

        I3cClient(LoadContext load, String name, SplittableRandom random, int commands) {
            super(load, name, random, commands);
            this.driver = new I3cSocketMctpDriver(load.endpoints.i3c(), I3cSocketMctpDriver.DEFAULT_TARGET_ADDRESS, I3C_TIMEOUT);
        }

        @Override
        void connect() {
            driver.connect();
        }

        @Override
        void disconnect() {
            driver.disconnect();
        }

        @Override
        void collect() {
            tally.wireUnits.set(driver.droppedPackets());
        }

        @Override
        void step(int remaining) {
            exchange(random.nextInt(Expected.VDM_OPS), true);
        }

        @Override
        void closingProbe() {
            exchange(1, false);
        }

        /** CALIPTRA_MAILBOX_BUSY, with whatever data the responder pads a refusal with. */
        private static boolean busy(byte[] answer) {
            try {
                return VdmMessage.Response.decode(answer).completionCode() == VdmCompletionCode.CALIPTRA_MAILBOX_BUSY.value();
            } catch (ProtocolException e) {
                return false;
            }
        }

        private void exchange(int op, boolean counted) {
            Expected e = load.expected;
            if (counted) {
                sent();
            }
            byte[] answer;
            while (true) {
                long ended = load.coreMailbox.ended();
                try {
                    answer = driver.sendRequest(e.vdmRequests()[op]);
                } catch (RuntimeException ex) {
                    throw counted ? lost(ex) : ex;
                }
                if (Expected.vdmRelayed(op) && busy(answer)) {
                    busyAgain("VDM request " + op, ended);
                    continue;
                }
                break;
            }
            if (counted) {
                answered();
            }
            if (!Arrays.equals(answer, e.vdmAnswers()[op])) {
                tally.mismatch("VDM request " + hex(e.vdmRequests()[op]) + " answered " + hex(answer) + ", expected "
                        + hex(e.vdmAnswers()[op]));
            }
        }
    }
}
