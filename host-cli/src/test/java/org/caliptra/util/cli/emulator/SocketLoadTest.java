package org.caliptra.util.cli.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.caliptra.util.cli.emulator.LoadAdversaries.Adversary;
import org.caliptra.util.cli.emulator.LoadClients.Client;
import org.caliptra.util.cli.emulator.LoadClients.CptrClient;
import org.caliptra.util.cli.emulator.LoadClients.I3cClient;
import org.caliptra.util.cli.emulator.LoadClients.MailboxClient;
import org.caliptra.util.cli.emulator.LoadContext.Expected;
import org.caliptra.util.cli.emulator.LoadContext.Progress;
import org.caliptra.util.cli.emulator.LoadContext.Tally;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.server.DeviceEndpoints;
import org.caliptra.util.emulator.server.EmulatorServer;
import org.caliptra.util.host.transport.socket.CptrRegisterBus;
import org.caliptra.util.host.transport.socket.I3cSocketMctpDriver;
import org.caliptra.util.host.transport.socket.MboxSocketMailboxDriver;
import org.caliptra.util.host.transport.socket.UdpMailboxDriver;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.testsupport.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The socket server under load and attack (issue 13): one booted caliptra-2.1 device served on all
 * four endpoints by one {@link EmulatorServer} (CPTR and MBOX each on TCP and a Unix socket, UDP,
 * MCTP over I3C), 64 well-behaved clients — 16 per endpoint — each sending 2 000 commands through
 * the host library's drivers and checking every answer against an independent expectation, while
 * eight adversaries send malformed, oversized and truncated frames, garbage, bad PEC and addresses,
 * and drop connections mid-frame. The well-behaved clients must get every answer, once, right; the
 * server must answer each attack as it documents; and it must still serve afterwards.
 *
 * <p>Bounded and self-stopping: every driver wait has a timeout, the whole load a deadline after
 * which the clients are stopped and the test fails with the report instead of hanging; every thread
 * is joined and the server and device are closed. The report (stdout) gives the wall time, the
 * busy retries, UDP retransmissions and the attacks made. {@code -Dcaliptra.load.seed=N} replays
 * the clients' random choices.
 */
class SocketLoadTest {
    private static final int CLIENTS_PER_ENDPOINT = 16;
    private static final int COMMANDS_PER_CLIENT = 2_000;
    /**
     * The load's deadline: far beyond the half minute it takes on a 2-core machine, and with the
     * joins that follow (three of {@link #JOIN} at most) well under the test's 10-minute timeout,
     * so a stuck load ends in its report, not in the timeout.
     */
    private static final Duration DEADLINE = Duration.ofMinutes(7);
    /** How long the threads get to end once their work (or the deadline) is over. */
    private static final Duration JOIN = Duration.ofSeconds(30);
    private static final long NOTIFY_EVERY = 64;
    /** Each adversary attacks once per this many answered well-behaved commands (eight adversaries: one attack per 64). */
    private static final long ADVERSARY_PACE = 512;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void sixtyFourClientsGetEveryAnswerOnceAndRightWhileOthersAttack() throws Exception {
        long seed = Long.getLong("caliptra.load.seed", new SecureRandom().nextLong());
        var device = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build());
        EmulatorServer server = null;
        var clients = new ArrayList<Client>();
        var threads = new ArrayList<Thread>();
        var adversaries = new ArrayList<Adversary>();
        Progress progress = new Progress(NOTIFY_EVERY);
        long descriptorsBefore = openDescriptors();
        try {
            assertTrue(DevelopmentFirmware.boot(device).booted());
            var expected = Expected.of(device);
            var served = DeviceEndpoints.of(device, DevelopmentFirmware.PL0_REQUESTER);
            server = EmulatorServer.builder()
                    .tcp(DeviceEndpoints.APB, EmulatorServer.loopback(0), served.cptr())
                    .unix(DeviceEndpoints.APB, dir.resolve("apb.sock"), served.cptr())
                    .tcp(DeviceEndpoints.MBOX, EmulatorServer.loopback(0), served.mbox())
                    .unix(DeviceEndpoints.MBOX, dir.resolve("mbox.sock"), served.mbox())
                    .udp(DeviceEndpoints.UDP, EmulatorServer.loopback(0), served.udp())
                    .tcp(DeviceEndpoints.I3C, EmulatorServer.loopback(0), served.i3c())
                    .build();
            List<EmulatorServer.Endpoint> bound = server.start();
            var endpoints = new LoadContext.Endpoints((InetSocketAddress) bound.get(0).address(), bound.get(1).address(),
                    (InetSocketAddress) bound.get(2).address(), bound.get(3).address(), (InetSocketAddress) bound.get(4).address(),
                    (InetSocketAddress) bound.get(5).address());

            long start = System.nanoTime();
            var load = new LoadContext(endpoints, expected, start + DEADLINE.toNanos(), progress, device.commandMailboxBytes());
            var random = new SplittableRandom(seed);
            for (int i = 0; i < CLIENTS_PER_ENDPOINT; i++) {
                boolean tcp = i % 2 == 0;
                String over = tcp ? " tcp " : " unix ";
                clients.add(new CptrClient(load, "apb" + over + i, random.split(), COMMANDS_PER_CLIENT,
                        tcp ? endpoints.apbTcp() : endpoints.apbUnix()));
                clients.add(MailboxClient.mbox(load, "mbox" + over + i, random.split(), COMMANDS_PER_CLIENT,
                        tcp ? endpoints.mboxTcp() : endpoints.mboxUnix()));
                boolean impatient = i % 4 == 1;
                clients.add(MailboxClient.udp(load, (impatient ? "udp impatient " : "udp ") + i, random.split(), COMMANDS_PER_CLIENT,
                        impatient));
                clients.add(new I3cClient(load, "i3c " + i, random.split(), COMMANDS_PER_CLIENT));
            }
            var record = new LoadAdversaries.Record();
            var kinds = new LinkedHashMap<String, List<LoadAdversaries.Named>>();
            kinds.put("apb tcp", LoadAdversaries.cptrAttacks(load, endpoints.apbTcp(), random.split(), ADVERSARY_PACE));
            kinds.put("apb unix", LoadAdversaries.cptrAttacks(load, endpoints.apbUnix(), random.split(), ADVERSARY_PACE));
            kinds.put("mbox tcp", LoadAdversaries.mboxAttacks(load, endpoints.mboxTcp(), random.split(), ADVERSARY_PACE));
            kinds.put("mbox unix", LoadAdversaries.mboxAttacks(load, endpoints.mboxUnix(), random.split(), ADVERSARY_PACE));
            kinds.put("udp a", LoadAdversaries.udpAttacks(load, random.split()));
            kinds.put("udp b", LoadAdversaries.udpAttacks(load, random.split()));
            kinds.put("i3c a", LoadAdversaries.i3cAttacks(load, random.split(), ADVERSARY_PACE));
            kinds.put("i3c b", LoadAdversaries.i3cAttacks(load, random.split(), ADVERSARY_PACE));
            int n = 0;
            for (var kind : kinds.entrySet()) {
                long offset = NOTIFY_EVERY * (n++ + 1);
                adversaries.add(new Adversary("adversary " + kind.getKey(), load, record, kind.getValue(), ADVERSARY_PACE, offset));
            }

            for (Adversary a : adversaries) {
                threads.add(start(a, a.name));
            }
            var clientThreads = new ArrayList<Thread>();
            for (Client c : clients) {
                clientThreads.add(start(c, c.tally.client));
            }
            threads.addAll(clientThreads);

            boolean inTime = joinAll(clientThreads, load.deadlineNanos);
            long elapsedNanos = System.nanoTime() - start;
            if (!inTime) {
                load.stopped.set(true);
                clients.forEach(Client::abort);
                joinAll(clientThreads, System.nanoTime() + JOIN.toNanos());
            }
            progress.finish();
            boolean adversariesEnded = joinAll(threads, System.nanoTime() + JOIN.toNanos());

            String report = report(clients, adversaries, record, elapsedNanos, seed);
            System.out.println(report);
            if (!inTime) {
                fail("the load did not finish within its " + DEADLINE.toSeconds() + " s deadline\n" + report);
            }
            assertTrue(adversariesEnded, "an adversary did not end within " + JOIN.toSeconds() + " s of the load\n" + report);

            List<Tally> imperfect = clients.stream().map(c -> c.tally).filter(t -> !t.perfect(COMMANDS_PER_CLIENT)).toList();
            assertEquals(List.of(), imperfect.stream().map(Tally::toString).toList(),
                    "every well-behaved client gets all " + COMMANDS_PER_CLIENT + " answers, each once and right\n" + report);
            assertEquals(List.of(), record.violations, "the server answers each attack as it documents\n" + report);
            for (Adversary a : adversaries) {
                long kindsRun = record.attacks.keySet().stream().filter(k -> k.startsWith(a.name + ": ")).count();
                assertEquals(kinds.get(a.name.substring("adversary ".length())).size(), kindsRun, a.name + " ran every attack\n" + report);
            }
            for (var word : load.scratch) {
                assertTrue(word.checks.get() > 0, String.format("scratch 0x%08X was checked", word.address));
                assertEquals(word.last, device.read32(word.address), String.format("scratch 0x%08X holds the last value written",
                        word.address));
            }
            stillServing(endpoints, expected);

            server.close();
            assertFalse(Files.exists(dir.resolve("apb.sock")) || Files.exists(dir.resolve("mbox.sock")), "socket files removed");
            // Thousands of connections came and went: none may be left open, on either side.
            if (descriptorsBefore >= 0) {
                long left = openDescriptors() - descriptorsBefore;
                System.out.println("  file descriptors open beyond those before the load: " + left);
                assertTrue(left < 50, left + " more file descriptors open than before the load");
            } else {
                assertFalse(Prerequisites.strict(), "CI=true runs on Linux, which lists open descriptors in /proc/self/fd");
                System.out.println("  open file descriptors not checked: no /proc/self/fd");
            }
        } finally {
            progress.finish();
            clients.forEach(Client::abort);
            joinAll(threads, System.nanoTime() + JOIN.toNanos());
            if (server != null) {
                server.close();
            }
            device.close();
        }
    }

    /** After the load and the attacks, a fresh client on every endpoint is served as before. */
    private static void stillServing(LoadContext.Endpoints endpoints, Expected expected) {
        for (SocketAddress apb : List.of(endpoints.apbTcp(), endpoints.apbUnix())) {
            try (var bus = CptrRegisterBus.connect(apb, "apb probe", LoadClients.STREAM_TIMEOUTS)) {
                assertEquals(expected.registerValues()[0], bus.read32(expected.registerAddresses()[0]), "apb " + apb);
            }
        }
        int code = McDeviceInfoCommands.MC_FIRMWARE_VERSION.code();
        for (SocketAddress mbox : List.of(endpoints.mboxTcp(), endpoints.mboxUnix())) {
            var driver = new MboxSocketMailboxDriver(mbox, "mbox probe", LoadClients.STREAM_TIMEOUTS, 16 * 1024);
            driver.connect();
            try {
                assertArrayEquals(expected.mcFirmwareVersion1(), driver.sendCommand(code, Expected.mcFirmwareVersionRequest(1)),
                        "mbox " + mbox);
            } finally {
                driver.disconnect();
            }
        }
        var udp = new UdpMailboxDriver(endpoints.udp(), LoadClients.UDP_TIMEOUT, LoadClients.UDP_RETRIES);
        udp.connect();
        try {
            assertArrayEquals(expected.mcFirmwareVersion1(), udp.sendCommand(code, Expected.mcFirmwareVersionRequest(1)), "udp");
        } finally {
            udp.disconnect();
        }
        var i3c = new I3cSocketMctpDriver(endpoints.i3c(), I3cSocketMctpDriver.DEFAULT_TARGET_ADDRESS, LoadClients.I3C_TIMEOUT);
        i3c.connect();
        try {
            assertArrayEquals(expected.vdmAnswers()[1], i3c.sendRequest(expected.vdmRequests()[1]), "i3c");
        } finally {
            i3c.disconnect();
        }
    }

    /** The process's open file descriptors, where the system lists them (Linux, where CI runs); else -1. */
    private static long openDescriptors() throws java.io.IOException {
        Path listed = Path.of("/proc/self/fd");
        if (!Files.isDirectory(listed)) {
            return -1;
        }
        try (var fds = Files.list(listed)) {
            return fds.count();
        }
    }

    private static Thread start(Runnable task, String name) {
        var thread = new Thread(task, "load " + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Joins each thread by {@code deadlineNanos}; whether all ended. */
    private static boolean joinAll(List<Thread> threads, long deadlineNanos) throws InterruptedException {
        for (Thread t : threads) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private static String report(List<Client> clients, List<Adversary> adversaries, LoadAdversaries.Record record, long elapsedNanos,
            long seed) {
        var out = new StringBuilder();
        double seconds = elapsedNanos / 1e9;
        long answered = clients.stream().mapToLong(c -> c.tally.answered.get()).sum();
        out.append(String.format("socket load: %d clients x %d commands in %.1f s (%.0f commands/s), seed %d%n", clients.size(),
                COMMANDS_PER_CLIENT, seconds, answered / seconds, seed));
        Map<String, List<Tally>> byEndpoint = clients.stream().map(c -> c.tally)
                .collect(Collectors.groupingBy(t -> t.client.split(" ")[0], LinkedHashMap::new, Collectors.toList()));
        for (var e : byEndpoint.entrySet()) {
            List<Tally> ts = e.getValue();
            String wire = switch (e.getKey()) {
                case "apb" -> ", APB accesses " + sum(ts, t -> t.wireUnits.get());
                case "udp" -> ", retransmissions " + sum(ts, t -> t.wireUnits.get()) + ", late replies ignored " + sum(ts, t -> t.ignored.get());
                case "i3c" -> ", packets dropped while waiting " + sum(ts, t -> t.wireUnits.get());
                default -> "";
            };
            out.append(String.format("  %-4s %2d clients: sent %d, answered %d, mismatches %d, errors %d, busy retries %d%s%n",
                    e.getKey(), ts.size(), sum(ts, t -> t.sent.get()), sum(ts, t -> t.answered.get()), sum(ts, t -> t.mismatches.get()),
                    sum(ts, t -> t.errors.get()), sum(ts, t -> t.busy.get()), wire));
        }
        clients.stream().map(c -> c.tally).filter(t -> !t.perfect(COMMANDS_PER_CLIENT)).forEach(t -> out.append("    ").append(t)
                .append('\n'));
        out.append(String.format("  adversaries: %d attacks, %d violations%n", record.total(), record.violations.size()));
        record.attacks.forEach((k, v) -> out.append("    ").append(k).append(": ").append(v.get()).append('\n'));
        record.violations.stream().limit(20).forEach(v -> out.append("    VIOLATION ").append(v).append('\n'));
        adversaries.stream().filter(a -> !a.finished).forEach(a -> out.append("    did not end: ").append(a.name).append('\n'));
        return out.toString();
    }

    private static long sum(List<Tally> tallies, java.util.function.ToLongFunction<Tally> f) {
        return tallies.stream().mapToLong(f).sum();
    }
}
