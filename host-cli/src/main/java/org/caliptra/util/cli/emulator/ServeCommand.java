package org.caliptra.util.cli.emulator;

import io.netty.channel.ChannelHandler;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.boot.EmbeddedBoot;
import org.caliptra.util.cli.booted.DeviceFailureException;
import org.caliptra.util.cli.image.FuseOptions;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.server.DeviceEndpoints;
import org.caliptra.util.emulator.server.EmulatorServer;
import org.caliptra.util.soc.boot.BootReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caliptra-util emulator serve}: emulated devices on the socket endpoints of
 * docs/protocols.md, until SIGINT or SIGTERM.
 *
 * <p>Each endpoint option becomes an {@link EndpointSpec} ({@link #endpointSpecs()}); every device
 * serves every spec, at the spec's port plus the device's index (0, 1, …) or at its socket path
 * with ".1", ".2", … appended when there is more than one device. With {@code --fw}/{@code --flash}
 * each device boots to runtime first (as {@code boot} boots it) and its endpoints present the
 * bundle's PL0 requester; without, the device waits at ready_for_fuses for a client to drive its
 * boot through registers. When everything is bound it prints one line per endpoint
 * ({@code apb 127.0.0.1:40001}), then serves; a shutdown hook closes the endpoints, removes the
 * socket files and closes the devices, in bounded time.
 *
 * <p>The devices run on their callers' threads ({@link CaliptraDevice#createOnCallerThread}): a
 * request is served on the event loop that read it, under its device's lock, so requests to one
 * device still run one at a time, whatever endpoint they come from. A long request (a firmware load)
 * holds its event loop for its duration.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve emulated Caliptra devices on sockets: CPTR register accesses (--apb-socket, --apb-port) and MBOX "
                + "mailbox commands (--mbox-socket, --mbox-port), as ASPEED's QEMU devices speak them; UDP mailbox datagrams "
                + "(--udp-port) and MCTP over the I3C socket (--i3c-port), as the reference host library's clients speak them "
                + "(docs/protocols.md).",
            "With --fw or --flash each device boots to runtime before the endpoints open; without, it waits at ready_for_fuses. "
                    + "Prints one line per endpoint when ready (e.g. 'apb 127.0.0.1:40001'), then serves until SIGINT or SIGTERM."})
public final class ServeCommand implements Callable<Integer> {
    /** The most devices one process serves. */
    static final int MAX_DEVICES = 256;

    static final class Firmware {
        @Option(names = "--flash", paramLabel = "FILE", required = true,
                description = "A flash image (FLSH v1, v3, A1 out-bundle) to boot each device from.")
        Path flash;

        @Option(names = "--fw", paramLabel = "FILE", required = true, description = "A Caliptra firmware bundle to boot each device from.")
        Path fw;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Firmware firmware;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "caliptra-1.2, caliptra-2.0 or caliptra-2.1 "
            + "(default: the device file's, else from the firmware: 1.x -> caliptra-1.2, 2.x -> caliptra-2.1; else caliptra-2.1).")
    String profile;

    @Mixin
    FuseOptions fuseOptions;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address the TCP endpoints listen on (default 127.0.0.1: this machine only).")
    String bind;

    @Option(names = "--apb-socket", paramLabel = "PATH", description = "CPTR register endpoint on a Unix socket.")
    Path apbSocket;

    @Option(names = "--apb-port", paramLabel = "N", description = "CPTR register endpoint on TCP port N (0: any free port).")
    Integer apbPort;

    @Option(names = "--mbox-socket", paramLabel = "PATH", description = "MBOX mailbox endpoint on a Unix socket.")
    Path mboxSocket;

    @Option(names = "--mbox-port", paramLabel = "N", description = "MBOX mailbox endpoint on TCP port N (0: any free port).")
    Integer mboxPort;

    @Option(names = "--udp-port", paramLabel = "N", description = "UDP mailbox endpoint on UDP port N (0: any free port; the "
            + "reference clients' default is 62222).")
    Integer udpPort;

    @Option(names = "--i3c-port", paramLabel = "N", description = "MCTP-over-I3C socket endpoint on TCP port N, target address 0x08 "
            + "(0: any free port; the reference clients' default is 63333); needs a device with an MCU (caliptra-2.1).")
    Integer i3cPort;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "1",
            description = "Independent devices to serve (default 1): device i (1..N) listens on each port + i - 1 and on each "
                    + "socket path with '.i' appended (no suffix when N is 1).")
    int devices;

    @Option(names = "--idle-timeout", paramLabel = "TIME", defaultValue = "1h",
            description = "Close a connection silent this long: 0 (never), or a number with ms, s, m or h (default 1h; plain = seconds).")
    String idleTimeout;

    @Spec
    CommandSpec spec;

    /** Where one device's endpoint listens. */
    sealed interface Where {
        /** This place for device {@code index} (0-based) of {@code count}. */
        Where forDevice(int index, int count);

        record Tcp(int port) implements Where {
            @Override
            public Where forDevice(int index, int count) {
                return new Tcp(port == 0 ? 0 : port + index);
            }
        }

        record Udp(int port) implements Where {
            @Override
            public Where forDevice(int index, int count) {
                return new Udp(port == 0 ? 0 : port + index);
            }
        }

        record Unix(Path path) implements Where {
            @Override
            public Where forDevice(int index, int count) {
                return count == 1 ? this : new Unix(Path.of(path + "." + (index + 1)));
            }
        }
    }

    /**
     * A device being served: the device, the requester its endpoints present, and its endpoints
     * (the CPTR/MBOX pipelines, and the executor every endpoint of the device calls it on).
     */
    public record ServedDevice(CaliptraDevice device, OptionalInt requester, DeviceEndpoints endpoints) {}

    /**
     * One endpoint every device serves.
     *
     * @param option the option that asked for it, for messages
     * @param kind its name in the ready line ("apb")
     * @param handler the per-connection handler of a device's endpoint
     */
    record EndpointSpec(String option, String kind, Where where, Function<ServedDevice, Supplier<ChannelHandler>> handler) {}

    /**
     * The endpoints the options ask for, in the order their ready lines are printed. A new endpoint
     * (UDP, MCTP over I3C) is one more option and one more entry here.
     */
    List<EndpointSpec> endpointSpecs() {
        var specs = new ArrayList<EndpointSpec>();
        if (apbSocket != null) {
            specs.add(new EndpointSpec("--apb-socket", DeviceEndpoints.APB, new Where.Unix(apbSocket), d -> d.endpoints().cptr()));
        }
        if (apbPort != null) {
            specs.add(new EndpointSpec("--apb-port", DeviceEndpoints.APB, new Where.Tcp(port("--apb-port", apbPort)),
                    d -> d.endpoints().cptr()));
        }
        if (mboxSocket != null) {
            specs.add(new EndpointSpec("--mbox-socket", DeviceEndpoints.MBOX, new Where.Unix(mboxSocket), d -> d.endpoints().mbox()));
        }
        if (mboxPort != null) {
            specs.add(new EndpointSpec("--mbox-port", DeviceEndpoints.MBOX, new Where.Tcp(port("--mbox-port", mboxPort)),
                    d -> d.endpoints().mbox()));
        }
        if (udpPort != null) {
            specs.add(new EndpointSpec("--udp-port", DeviceEndpoints.UDP, new Where.Udp(port("--udp-port", udpPort)),
                    d -> d.endpoints().udp()));
        }
        if (i3cPort != null) {
            specs.add(new EndpointSpec("--i3c-port", DeviceEndpoints.I3C, new Where.Tcp(port("--i3c-port", i3cPort)),
                    d -> d.endpoints().i3c()));
        }
        return specs;
    }

    @Override
    public Integer call() {
        if (devices < 1 || devices > MAX_DEVICES) {
            throw new UsageException("--devices " + devices + ": from 1 to " + MAX_DEVICES);
        }
        List<EndpointSpec> specs = endpointSpecs();
        if (specs.isEmpty()) {
            throw new UsageException("nothing to serve: give at least one of --apb-socket, --apb-port, --mbox-socket, --mbox-port, "
                    + "--udp-port, --i3c-port");
        }
        checkDistinct(specs);
        InetAddress address = bindAddress();
        Duration idle = parseIdleTimeout(idleTimeout);

        Optional<EmbeddedBoot.Setup> setup = Optional.ofNullable(firmware)
                .map(f -> EmbeddedBoot.setup(EmbeddedBoot.flashOrBundle(f.flash, f.fw), profile, fuseOptions));
        DeviceConfig config = setup.map(EmbeddedBoot.Setup::config)
                .orElseGet(() -> EmbeddedBoot.config(Profile.CALIPTRA_2_1, profile, fuseOptions));
        if (i3cPort != null && !config.profile().subsystemMode()) {
            throw new UsageException("--i3c-port: MCTP over I3C reaches the MCU's responder, and a " + config.profile().id()
                    + " device has no MCU (use caliptra-2.1)");
        }
        if (devices > 1 && config.fuseStore().isPresent()) {
            throw new UsageException("--devices " + devices + ": the device file's fuse_store keeps one device's fuses; serve one "
                    + "device, or use a device file without fuse_store");
        }

        var served = new ArrayList<ServedDevice>();
        EmulatorServer server = null;
        try {
            for (int i = 0; i < devices; i++) {
                served.add(device(config, setup, i));
            }
            var builder = EmulatorServer.builder().idleTimeout(idle);
            for (int i = 0; i < devices; i++) {
                for (EndpointSpec s : specs) {
                    Supplier<ChannelHandler> handler = s.handler().apply(served.get(i));
                    Where where = s.where().forDevice(i, devices);
                    if (where instanceof Where.Tcp tcp) {
                        builder.tcp(s.kind(), new InetSocketAddress(address, tcp.port()), handler);
                    } else if (where instanceof Where.Udp udp) {
                        builder.udp(s.kind(), new InetSocketAddress(address, udp.port()), handler);
                    } else {
                        builder.unix(s.kind(), ((Where.Unix) where).path(), handler);
                    }
                }
            }
            server = builder.build();
            List<EmulatorServer.Endpoint> endpoints;
            try {
                endpoints = server.start();
            } catch (UncheckedIOException e) {
                throw new UsageException(e.getMessage());
            }
            var out = spec.commandLine().getOut();
            for (EmulatorServer.Endpoint e : endpoints) {
                out.println(e);
            }
            out.flush();
            awaitShutdown(server, served);
            return ExitCodes.OK;
        } finally {
            close(server, served);
        }
    }

    /** Creates device {@code index} and, with firmware, boots it. */
    private static ServedDevice device(DeviceConfig config, Optional<EmbeddedBoot.Setup> setup, int index) {
        CaliptraDevice device;
        try {
            // On its callers' threads: each request runs on the event loop that read it, under the device's
            // lock, with no hand-off to a device thread and back (about half the round trip on two cores).
            device = CaliptraDevice.createOnCallerThread(config);
        } catch (UncheckedIOException e) {
            // A fuse store that is not one: the device file is the user's to fix.
            throw new UsageException(e.getMessage());
        }
        try {
            if (setup.isEmpty()) {
                return new ServedDevice(device, OptionalInt.empty(), DeviceEndpoints.of(device));
            }
            BootReport report = EmbeddedBoot.run(device, setup.get(), false);
            if (!report.booted()) {
                throw new DeviceFailureException("device " + (index + 1) + " did not boot: " + EmbeddedBoot.failure(report));
            }
            // A bundle the ROM accepted parses, so it names its PL0 requester, who booted the device.
            OptionalInt requester = setup.get().images().bootRequester();
            return new ServedDevice(device, requester, requester.isPresent() ? DeviceEndpoints.of(device, requester.getAsInt())
                    : DeviceEndpoints.of(device));
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    /**
     * Waits until the process is asked to stop (SIGINT, SIGTERM: the shutdown hook closes everything
     * before the JVM halts) or the calling thread is interrupted (an embedding caller's stop).
     */
    private static void awaitShutdown(EmulatorServer server, List<ServedDevice> served) {
        var stopping = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopping.countDown();
            close(server, served);
        }, "caliptra-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopping.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running; it closes everything.
            }
        }
    }

    /** The server first (no new requests), then the devices. */
    private static void close(EmulatorServer server, List<ServedDevice> served) {
        if (server != null) {
            server.close();
        }
        for (ServedDevice d : served) {
            d.device().close();
        }
    }

    private int port(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new UsageException(option + " " + port + ": a port from 0 to 65535");
        }
        if (port != 0 && port + devices - 1 > 65535) {
            throw new UsageException(option + " " + port + ": with --devices " + devices + " the ports run past 65535");
        }
        return port;
    }

    /** No two endpoints of any device may share a TCP port or a socket path. */
    private void checkDistinct(List<EndpointSpec> specs) {
        var seen = new HashMap<String, String>();
        for (int i = 0; i < devices; i++) {
            for (EndpointSpec s : specs) {
                Where where = s.where().forDevice(i, devices);
                String key = where instanceof Where.Tcp tcp ? (tcp.port() == 0 ? null : "TCP port " + tcp.port())
                        : where instanceof Where.Udp udp ? (udp.port() == 0 ? null : "UDP port " + udp.port())
                        : "socket " + ((Where.Unix) where).path().toAbsolutePath().normalize();
                if (key == null) {
                    continue;
                }
                String previous = seen.putIfAbsent(key, s.option());
                if (previous != null) {
                    throw new UsageException(previous + " and " + s.option() + " both use " + key
                            + (devices > 1 ? " (with --devices " + devices + ")" : ""));
                }
            }
        }
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind '" + bind + "': not an address of this machine");
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    /** "0", "90" (seconds), "500ms", "30s", "10m", "1h". */
    static Duration parseIdleTimeout(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("--idle-timeout '" + text + "': a number with ms, s, m or h (e.g. 30s, 10m, 1h), or 0 for never");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
