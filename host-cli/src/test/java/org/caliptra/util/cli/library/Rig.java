package org.caliptra.util.cli.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.caliptra.util.cli.target.Targets;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.mcu.fuse.FuseMap;
import org.caliptra.util.emulator.mcu.fuse.FuseStore;
import org.caliptra.util.emulator.mcu.fuse.SubsystemFuses;
import org.caliptra.util.emulator.server.DeviceEndpoints;
import org.caliptra.util.emulator.server.EmulatorServer;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.commands.Route;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.session.SessionConfig;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.host.transport.mailbox.RegisterBusMailboxDriver;
import org.caliptra.util.host.transport.mctp.InProcessMctpVdmDriver;
import org.caliptra.util.host.transport.mctp.MctpVdmTransport;
import org.caliptra.util.image.build.BundleOptions;
import org.caliptra.util.image.build.FirmwareImage;
import org.caliptra.util.image.build.FwBundleBuilder;
import org.caliptra.util.image.build.OwnerKeys;
import org.caliptra.util.image.build.PqcSigning;
import org.caliptra.util.image.build.VendorKeys;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.DeviceIdentity;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.boot.BootReport;
import org.caliptra.util.soc.fuses.FuseSet;

/**
 * The devices and drivers the library suites run on: emulated parts made and booted here with
 * values the tests choose (firmware versions, SVN, identity, UEID), and one host-library session per
 * driver, each through a different way into the device.
 */
final class Rig {
    /** The requester that boots the parts and that the bundles name as PL0. */
    static final int PL0 = 1;
    /**
     * MCU mailbox 0's SRAM in the emulator (DeviceCore.MCU_MBOX_SRAM_BYTES, package-private there;
     * the reference MCU's 16 KiB, CmHashCommands.SUBSYSTEM_MAILBOX_SIZE on the protocol side).
     */
    static final int MCU_SRAM_BYTES = org.caliptra.util.protocol.cm.CmHashCommands.SUBSYSTEM_MAILBOX_SIZE;

    /** The 2.x core runtime's version, as the MCU packs versions (major 31:24, minor 23:16, patch 15:0): 1.2.3. */
    static final int V2_RUNTIME_VERSION = DeviceConfig.packVersion(1, 2, 3);
    /** The 1.x core runtime's version, packed the same way: 1.2.9. */
    static final int V1_RUNTIME_VERSION = DeviceConfig.packVersion(1, 2, 9);
    /** What the MCU says it runs (MC_FIRMWARE_VERSION index 1): 3.4.5. */
    static final int MCU_RUNTIME_VERSION = DeviceConfig.packVersion(3, 4, 5);
    static final int FIRMWARE_SVN = 7;
    static final DeviceIdentity IDENTITY = new DeviceIdentity(0x1AE0, 0x0B21, 0x1D1D, 0x0042);
    /** UEID type 1 and the 16-byte serial A0 A1 … AF: FUSE_IDEVID_CERT_ATTR words 11 (type) and 12..15 (serial). */
    static final Octets UEID = Octets.fromHex("01" + "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");

    /** The production debug unlock key pair whose hash the production parts fuse (level 2; level 1 too on the validator's part). */
    static final HybridKeys DEBUG_UNLOCK_KEYS = HybridKeys.generate();
    /** The vendor recovery key the DOT part is fused with (DotOverride). */
    static final HybridKeys DOT_RECOVERY_KEYS = HybridKeys.generate();

    private static final class Bundles {
        static final EccPrivateKey VENDOR_ECC = EccPrivateKey.generate(new SecureRandom());
        static final EccPrivateKey OWNER_ECC = EccPrivateKey.generate(new SecureRandom());
        static final MldsaPrivateKey VENDOR_MLDSA = MldsaPrivateKey.generate(new SecureRandom());
        static final MldsaPrivateKey OWNER_MLDSA = MldsaPrivateKey.generate(new SecureRandom());
        static final Octets V2 = Octets.of(FwBundleBuilder.buildV2(fmc(), runtime(V2_RUNTIME_VERSION),
                new VendorKeys(List.of(VENDOR_ECC.publicKey()), 0, VENDOR_ECC.signer(), List.of(VENDOR_MLDSA.publicKey().bytes()), 0,
                        new PqcSigning.Mldsa(VENDOR_MLDSA.signer())),
                new OwnerKeys(OWNER_ECC.signer(), new PqcSigning.Mldsa(OWNER_MLDSA.signer())),
                BundleOptions.defaults().withPl0Pauser(PL0).withFirmwareSvn(FIRMWARE_SVN)).toBytes());
        static final Octets V1 = Octets.of(FwBundleBuilder.buildV1(fmc(), runtime(V1_RUNTIME_VERSION),
                new VendorKeys(List.of(VENDOR_ECC.publicKey()), 0, VENDOR_ECC.signer(), List.of(), 0, null),
                new OwnerKeys(OWNER_ECC.signer(), null), BundleOptions.defaults().withPl0Pauser(PL0)).toBytes());

        private static FirmwareImage fmc() {
            return FirmwareImage.of(bytes(3072, 1), 0x4000_0000, 0x4000_0000).withVersion(0x0102);
        }

        private static FirmwareImage runtime(int version) {
            return FirmwareImage.of(bytes(6144, 2), 0x4000_1000, 0x4000_1000).withVersion(version);
        }

        private static byte[] bytes(int n, int seed) {
            byte[] b = new byte[n];
            new java.util.Random(seed).nextBytes(b);
            return b;
        }
    }

    private Rig() {}

    /** How the part under test is made. */
    enum Setup {
        /** An unprovisioned part booted to runtime by the SoC boot flow (fuses with {@link #UEID}, SVN 7 firmware). */
        BOOTED,
        /** A 2.1 production part, core not booted, its level-2 production debug unlock key hash fused; no field entropy. */
        PRODUCTION,
        /** A 2.1 part whose DOT fuses are initialised and whose vendor recovery key hash is fused, core not booted. */
        DOT,
        /** A 2.1 manufacturing part booted while asking for the IDevID CSR. */
        MANUFACTURING,
        /**
         * What the reference's hw-model validator run needs of one part (spec/hostlib.md §6.2): a 2.1 production
         * part with the bundle's vendor key hash fused, booted; debug unlock keys fused for levels 1 and 2; no field
         * entropy yet; DOT initialised; the MCU runtime at 1.2.3 like the core's.
         */
        VALIDATOR
    }

    /**
     * A device made for a setup, the boot report when it was booted, and what the drivers put in
     * front of it (servers, opened targets): those are closed first, newest first, then the device,
     * so no server outlives its device and no socket file or event-loop thread outlives the part.
     */
    static final class Part implements AutoCloseable {
        private final CaliptraDevice device;
        private final BootReport boot;
        private final Path dir;
        private final Deque<AutoCloseable> owned = new ArrayDeque<>();
        private final List<String> uris = new ArrayList<>();

        Part(CaliptraDevice device, BootReport boot, Path dir) {
            this.device = device;
            this.boot = boot;
            this.dir = dir;
        }

        CaliptraDevice device() {
            return device;
        }

        /** The boot report; null for a part that was not booted. */
        BootReport boot() {
            return boot;
        }

        /** {@code resource}, closed with this part before the device. */
        synchronized <T extends AutoCloseable> T own(T resource) {
            owned.push(resource);
            return resource;
        }

        /** The target URIs the socket drivers opened to this part, in order. */
        synchronized List<String> uris() {
            return List.copyOf(uris);
        }

        synchronized void opened(String uri) {
            uris.add(uri);
        }

        /** A path for a Unix socket in the test's temporary directory, new on every call. */
        Path socketPath() {
            if (dir == null) {
                throw new IllegalStateException("a Unix socket driver needs the part to be made with the test's temporary directory");
            }
            // Short: a Unix socket path has about 100 bytes, and the temporary directory takes some of them.
            return dir.resolve("s" + SOCKETS.incrementAndGet() + ".sock");
        }

        @Override
        public void close() {
            var failures = new ArrayList<Exception>();
            synchronized (this) {
                while (!owned.isEmpty()) {
                    try {
                        owned.pop().close();
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
            }
            device.close();
            if (!failures.isEmpty()) {
                var e = new IllegalStateException("closing what served the part: " + failures.get(0).getMessage(), failures.get(0));
                failures.stream().skip(1).forEach(e::addSuppressed);
                throw e;
            }
        }
    }

    private static final AtomicInteger SOCKETS = new AtomicInteger();

    static FuseSet fuses(Generation generation) {
        byte[] attr = new byte[96];
        byte[] ueid = UEID.toByteArray();
        attr[11 * 4 + 3] = ueid[0];
        for (int i = 0; i < 16; i++) {
            // Natural form: word 12 + i/4 big-endian, so serial byte i sits at the word's byte 3 - i%4.
            attr[(12 + i / 4) * 4 + 3 - i % 4] = ueid[1 + i];
        }
        return FuseSet.defaults(generation).toBuilder().idevidCertAttr(Octets.of(attr)).build();
    }

    static Octets bundle(Generation generation) {
        return generation == Generation.V1 ? Bundles.V1 : Bundles.V2;
    }

    static Part make(Profile profile, Setup setup, Path dir) {
        var fuses = fuses(profile.generation());
        var config = DeviceConfig.builder().profile(profile).fuses(fuses).identity(IDENTITY).mcuRuntimeVersion(MCU_RUNTIME_VERSION);
        switch (setup) {
            case BOOTED -> {
                return boot(CaliptraDevice.create(config.build()), BootPlan.firmwareOnly(fuses, bundle(profile.generation())), dir);
            }
            case MANUFACTURING -> {
                // Past the unprovisioned state the ROM wants the vendor key hash fused.
                var provisioned = fuses.toBuilder().vendorPkHash(vendorPkHash(profile)).build();
                return boot(CaliptraDevice.create(config.fuses(provisioned).lifecycle(Lifecycle.MANUFACTURING).build()),
                        BootPlan.firmwareOnly(provisioned, bundle(profile.generation())).withIdevidCsrRequest(), dir);
            }
            case PRODUCTION -> {
                var blankFe = fuses.toBuilder().fieldEntropy(Octets.zeros(32)).build();
                Path file = dir.resolve("production.otp");
                FuseStore.open(file, () -> {
                    var otp = SubsystemFuses.seed(blankFe);
                    // What the core compares with the fuse: SHA-384 of the token's ECC key words as sent, then the ML-DSA key.
                    otp.writeBytes(FuseMap.prodDebugUnlockPkHash(2), debugUnlockFuse());
                    return otp;
                });
                var d = CaliptraDevice.create(config.fuses(blankFe).lifecycle(Lifecycle.PRODUCTION).fuseStore(file).build());
                d.setRequesterUser(PL0);
                return new Part(d, null, dir);
            }
            case VALIDATOR -> {
                var provisioned = fuses.toBuilder().vendorPkHash(vendorPkHash(profile)).fieldEntropy(Octets.zeros(32)).build();
                Path file = dir.resolve("validator.otp");
                FuseStore.open(file, () -> {
                    var otp = SubsystemFuses.seed(provisioned);
                    otp.writeBytes(FuseMap.prodDebugUnlockPkHash(1), debugUnlockFuse());
                    otp.writeBytes(FuseMap.prodDebugUnlockPkHash(2), debugUnlockFuse());
                    otp.writeValue(FuseMap.DOT_INITIALIZED, 1);
                    return otp;
                });
                return boot(CaliptraDevice.create(config.fuses(provisioned).lifecycle(Lifecycle.PRODUCTION).fuseStore(file)
                        .mcuRuntimeVersion(V2_RUNTIME_VERSION).build()), BootPlan.firmwareOnly(provisioned, bundle(profile.generation())),
                        dir);
            }
            case DOT -> {
                Path file = dir.resolve("dot.otp");
                FuseStore.open(file, () -> {
                    var otp = SubsystemFuses.seed(fuses);
                    otp.writeValue(FuseMap.DOT_INITIALIZED, 1);
                    otp.writeBytes(FuseMap.VENDOR_RECOVERY_PK_HASH, HybridKeys.reverseWords(DOT_RECOVERY_KEYS.dotHash().toByteArray()));
                    return otp;
                });
                var d = CaliptraDevice.create(config.fuseStore(file).build());
                d.setRequesterUser(PL0);
                return new Part(d, null, dir);
            }
            default -> throw new IllegalArgumentException(setup.toString());
        }
    }

    /**
     * The production debug unlock PK hash fuse for {@link #DEBUG_UNLOCK_KEYS}: SHA-384 of the token's ECC key words as
     * sent, then the ML-DSA key, stored dword-reversed (OTP form).
     */
    private static byte[] debugUnlockFuse() {
        return HybridKeys.reverseWords(HybridKeys.sha("SHA-384", HybridKeys.reverseWords(DEBUG_UNLOCK_KEYS.xy().toByteArray()),
                DEBUG_UNLOCK_KEYS.mldsaPublic().toByteArray()));
    }

    /** The vendor key hash of {@link #bundle}, as the ROM of an unprovisioned part computed it when it accepted the bundle. */
    private static Octets vendorPkHash(Profile profile) {
        try (var probe = make(profile, Setup.BOOTED, null)) {
            return probe.device().acceptedImage().orElseThrow().vendorPkHash();
        }
    }

    private static Part boot(CaliptraDevice d, BootPlan plan, Path dir) {
        d.setRequesterUser(PL0);
        var report = new BootFlow(d).run(plan);
        assertTrue(report.booted(), report.toString());
        return new Part(d, report, dir);
    }

    /**
     * The socket endpoints a driver can reach a part through: which {@link EmulatorServer}
     * registration serves the part, and which target URI scheme reaches it.
     */
    enum Endpoint {
        UDP("udp"),
        I3C("mctp-i3c"),
        APB_TCP("apb"),
        APB_UNIX("apb+unix"),
        MBOX_TCP("mbox"),
        MBOX_UNIX("mbox+unix");

        private final String scheme;

        Endpoint(String scheme) {
            this.scheme = scheme;
        }

        String scheme() {
            return scheme;
        }

        boolean unix() {
            return this == APB_UNIX || this == MBOX_UNIX;
        }

        /** Registers this endpoint of {@code device} on {@code server}; a Unix one at a new path of {@code part}'s. */
        void register(EmulatorServer.Builder server, DeviceEndpoints device, Part part) {
            switch (this) {
                case UDP -> server.udp(DeviceEndpoints.UDP, EmulatorServer.loopback(0), device.udp());
                case I3C -> server.tcp(DeviceEndpoints.I3C, EmulatorServer.loopback(0), device.i3c());
                case APB_TCP -> server.tcp(DeviceEndpoints.APB, EmulatorServer.loopback(0), device.cptr());
                case APB_UNIX -> server.unix(DeviceEndpoints.APB, part.socketPath(), device.cptr());
                case MBOX_TCP -> server.tcp(DeviceEndpoints.MBOX, EmulatorServer.loopback(0), device.mbox());
                case MBOX_UNIX -> server.unix(DeviceEndpoints.MBOX, part.socketPath(), device.mbox());
            }
        }

        /** The target URI of the bound endpoint, before its query: "udp://127.0.0.1:40001", "apb+unix:/tmp/…/s3.sock". */
        String uri(EmulatorServer.Endpoint bound) {
            return unix() ? scheme + ":" + bound.path() : scheme + "://" + bound.printableAddress();
        }
    }

    /**
     * How long a socket client waits, so that only a device that stopped answering fails a case, the
     * session's five minutes staying the outer bound. TCP and Unix sockets lose nothing: one long
     * wait per reply. UDP may lose a datagram, so a request unanswered for 8 s is sent again once —
     * inside the server's 10 s window in which a byte-identical datagram is a retransmission
     * (answered from the first copy's reply, never run twice) — and the reply is awaited for 8 s more.
     */
    private static final String STREAM_WAITS = "connect-timeout=30000&timeout=120000";
    private static final String I3C_WAITS = "timeout=120000";
    private static final String UDP_WAITS = "timeout=8000&retries=1";

    /**
     * The ways into a device, each a different transport or driver of the host library: in process,
     * or through an {@link EmulatorServer} in front of the part, opened by its target URI with
     * {@link Targets#open(String)} as {@code --target} would (so the URI's parsing and the catalogue's
     * table for its route are part of what runs). Every way presents the requester the parts are booted
     * with, {@link #PL0} (MCTP-VDM presents none).
     */
    enum Driver {
        /** The MCU (MCI) mailbox of a caliptra-2.1 part, in process. */
        MCU_IN_PROCESS(Route.MCU_MAILBOX, Profile.CALIPTRA_2_1, null, null),
        /** The same mailbox driven register by register (lock, CMD, DLEN, SRAM, EXECUTE, status) over the part's RegisterBus. */
        MCU_REGISTERS(Route.MCU_MAILBOX, Profile.CALIPTRA_2_1, null, null),
        /** The MCU's MCTP-VDM responder, in process. */
        MCTP_VDM(Route.MCTP_VDM, Profile.CALIPTRA_2_1, null, null),
        /** The Caliptra core mailbox of a caliptra-2.1 part, as requester 1. */
        CORE_2_1(Route.CORE_MAILBOX, Profile.CALIPTRA_2_1, null, null),
        /** The Caliptra core mailbox of a caliptra-1.2 part (passive mode), as requester 1, with the 1.x table. */
        CORE_1_2(Route.CORE_MAILBOX_1X, Profile.CALIPTRA_1_2, null, null),
        /** UDP datagrams to the MCU mailbox: {@code udp://H:P}. */
        UDP_MCU(Route.MCU_MAILBOX, Profile.CALIPTRA_2_1, Endpoint.UDP, UDP_WAITS),
        /** MCTP over the I3C socket to the MCU's responder: {@code mctp-i3c://H:P?addr=8}. */
        MCTP_I3C(Route.MCTP_VDM, Profile.CALIPTRA_2_1, Endpoint.I3C, "addr=8&" + I3C_WAITS),
        /** CPTR register accesses over TCP, the MCU mailbox driven register by register: {@code apb://H:P?mailbox=mcu&mci=…}. */
        APB_MCU(Route.MCU_MAILBOX, Profile.CALIPTRA_2_1, Endpoint.APB_TCP, "mailbox=mcu&" + STREAM_WAITS),
        /** CPTR register accesses over a Unix socket, the 2.1 core mailbox register by register: {@code apb+unix:PATH}. */
        APB_UNIX_CORE_2_1(Route.CORE_MAILBOX, Profile.CALIPTRA_2_1, Endpoint.APB_UNIX, STREAM_WAITS),
        /** MBOX transactions over TCP to the MCU mailbox: {@code mbox://H:P}. */
        MBOX_MCU(Route.MCU_MAILBOX, Profile.CALIPTRA_2_1, Endpoint.MBOX_TCP, STREAM_WAITS),
        /** MBOX transactions over a Unix socket to the MCU mailbox: {@code mbox+unix:PATH}. */
        MBOX_UNIX_MCU(Route.MCU_MAILBOX, Profile.CALIPTRA_2_1, Endpoint.MBOX_UNIX, STREAM_WAITS),
        /** CPTR over a Unix socket to the 1.2 core mailbox: {@code apb+unix:PATH?generation=1}. */
        APB_UNIX_CORE_1_2(Route.CORE_MAILBOX_1X, Profile.CALIPTRA_1_2, Endpoint.APB_UNIX, "generation=1&" + STREAM_WAITS),
        /** MBOX over TCP to the 1.2 core mailbox: {@code mbox://H:P?mailbox=core&generation=1}. */
        MBOX_CORE_1_2(Route.CORE_MAILBOX_1X, Profile.CALIPTRA_1_2, Endpoint.MBOX_TCP, "mailbox=core&generation=1&" + STREAM_WAITS),
        /** UDP datagrams to the 1.2 core mailbox: {@code udp://H:P?mailbox=core&generation=1}. */
        UDP_CORE_1_2(Route.CORE_MAILBOX_1X, Profile.CALIPTRA_1_2, Endpoint.UDP, "mailbox=core&generation=1&" + UDP_WAITS);

        private final Route route;
        private final Profile profile;
        private final Endpoint endpoint;
        private final String query;

        Driver(Route route, Profile profile, Endpoint endpoint, String query) {
            this.route = route;
            this.profile = profile;
            this.endpoint = endpoint;
            this.query = query;
        }

        Route route() {
            return route;
        }

        Profile profile() {
            return profile;
        }

        /** The socket endpoint this driver goes through; empty for an in-process driver. */
        Optional<Endpoint> endpoint() {
            return Optional.ofNullable(endpoint);
        }

        /** Every driver of {@code routes}. */
        static Set<Driver> on(Route... routes) {
            var wanted = Set.of(routes);
            return Arrays.stream(values()).filter(d -> wanted.contains(d.route)).collect(Collectors.toCollection(
                    () -> EnumSet.noneOf(Driver.class)));
        }

        /**
         * A transport into {@code part}'s device. A socket driver starts a server in front of the
         * device (ephemeral port, or a socket in the part's directory) and opens its URI; the part
         * owns both and closes them before its device.
         */
        Transport transport(Part part) {
            if (endpoint == null) {
                return inProcess(part.device());
            }
            var builder = EmulatorServer.builder().threads(1); // one client, one endpoint: one event loop is plenty
            endpoint.register(builder, DeviceEndpoints.of(part.device(), PL0), part);
            var server = part.own(builder.build());
            var bound = server.start();
            String uri = endpoint.uri(bound.get(0)) + "?" + query;
            if (route == Route.MCU_MAILBOX && (endpoint == Endpoint.APB_TCP || endpoint == Endpoint.APB_UNIX)) {
                uri += String.format("&mci=0x%08X", part.device().config().mciBase()); // where the part's MCU mailbox is
            }
            var target = part.own(Targets.open(uri));
            part.opened(uri);
            assertEquals(Optional.of(route), target.route(), uri);
            return target.transport();
        }

        private Transport inProcess(CaliptraDevice d) {
            var catalog = CommandCatalog.builtIn();
            return switch (this) {
                case MCU_IN_PROCESS -> new MailboxTransport(new InProcessMailboxDriver(d), catalog.mailboxTable(DeviceKind.MCU));
                case MCU_REGISTERS -> new MailboxTransport(RegisterBusMailboxDriver.mcu(d, d.config().mciBase(), MCU_SRAM_BYTES),
                        catalog.mailboxTable(DeviceKind.MCU));
                case MCTP_VDM -> new MctpVdmTransport(new InProcessMctpVdmDriver(d), catalog.vdmTable());
                case CORE_2_1, CORE_1_2 -> new MailboxTransport(new InProcessMailboxDriver(d.asUser(PL0).coreMailbox()),
                        catalog.mailboxTable(route));
                default -> throw new IllegalStateException(this + " is a socket driver");
            };
        }

        CaliptraSession open(Part part) {
            return session(transport(part));
        }
    }

    /**
     * A connected session with no retries (a refused command is sent once) and a command timeout
     * far above anything a command takes, so a slow shared build machine cannot fail a case.
     */
    static CaliptraSession session(Transport transport) {
        var session = new CaliptraSession(transport, SessionConfig.builder().commandTimeout(Duration.ofMinutes(5)).maxRetries(0)
                .build());
        session.connect();
        return session;
    }
}
