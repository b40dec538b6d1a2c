package org.caliptra.util.cli.library;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.List;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.mcu.fuse.FuseMap;
import org.caliptra.util.emulator.mcu.fuse.FuseStore;
import org.caliptra.util.emulator.mcu.fuse.SubsystemFuses;
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

    /** A device made for a setup, the boot report when it was booted. */
    record Part(CaliptraDevice device, BootReport boot) implements AutoCloseable {
        @Override
        public void close() {
            device.close();
        }
    }

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
                return boot(CaliptraDevice.create(config.build()), BootPlan.firmwareOnly(fuses, bundle(profile.generation())));
            }
            case MANUFACTURING -> {
                // Past the unprovisioned state the ROM wants the vendor key hash fused.
                var provisioned = fuses.toBuilder().vendorPkHash(vendorPkHash(profile)).build();
                return boot(CaliptraDevice.create(config.fuses(provisioned).lifecycle(Lifecycle.MANUFACTURING).build()),
                        BootPlan.firmwareOnly(provisioned, bundle(profile.generation())).withIdevidCsrRequest());
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
                return new Part(d, null);
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
                        .mcuRuntimeVersion(V2_RUNTIME_VERSION).build()), BootPlan.firmwareOnly(provisioned, bundle(profile.generation())));
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
                return new Part(d, null);
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

    private static Part boot(CaliptraDevice d, BootPlan plan) {
        d.setRequesterUser(PL0);
        var report = new BootFlow(d).run(plan);
        assertTrue(report.booted(), report.toString());
        return new Part(d, report);
    }

    /** The ways into a device, each a different transport or driver of the host library. */
    enum Driver {
        /** The MCU (MCI) mailbox of a caliptra-2.1 part, in process. */
        MCU_IN_PROCESS(Route.MCU_MAILBOX, Profile.CALIPTRA_2_1),
        /** The same mailbox driven register by register (lock, CMD, DLEN, SRAM, EXECUTE, status) over the part's RegisterBus. */
        MCU_REGISTERS(Route.MCU_MAILBOX, Profile.CALIPTRA_2_1),
        /** The MCU's MCTP-VDM responder, in process. */
        MCTP_VDM(Route.MCTP_VDM, Profile.CALIPTRA_2_1),
        /** The Caliptra core mailbox of a caliptra-2.1 part, as requester 1. */
        CORE_2_1(Route.CORE_MAILBOX, Profile.CALIPTRA_2_1),
        /** The Caliptra core mailbox of a caliptra-1.2 part (passive mode), as requester 1, with the 1.x table. */
        CORE_1_2(Route.CORE_MAILBOX_1X, Profile.CALIPTRA_1_2);

        private final Route route;
        private final Profile profile;

        Driver(Route route, Profile profile) {
            this.route = route;
            this.profile = profile;
        }

        Route route() {
            return route;
        }

        Profile profile() {
            return profile;
        }

        Transport transport(CaliptraDevice d) {
            var catalog = CommandCatalog.builtIn();
            return switch (this) {
                case MCU_IN_PROCESS -> new MailboxTransport(new InProcessMailboxDriver(d), catalog.mailboxTable(DeviceKind.MCU));
                case MCU_REGISTERS -> new MailboxTransport(RegisterBusMailboxDriver.mcu(d, d.config().mciBase(), MCU_SRAM_BYTES),
                        catalog.mailboxTable(DeviceKind.MCU));
                case MCTP_VDM -> new MctpVdmTransport(new InProcessMctpVdmDriver(d), catalog.vdmTable());
                case CORE_2_1, CORE_1_2 -> new MailboxTransport(new InProcessMailboxDriver(d.asUser(PL0).coreMailbox()),
                        catalog.mailboxTable(route));
            };
        }

        CaliptraSession open(CaliptraDevice d) {
            return session(transport(d));
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
