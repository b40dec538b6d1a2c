package org.caliptra.util.emulator.mcu;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_COMMON;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_FE_PROG_ILLEGAL_LIFECYCLE_STATE;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_FE_PROG_INVALID_PARTITION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.emulator.mcu.fuse.FuseMap;
import org.caliptra.util.emulator.mcu.fuse.FuseStore;
import org.caliptra.util.emulator.mcu.fuse.Otp;
import org.caliptra.util.emulator.mcu.fuse.OtpPartition;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McFuseCommands;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseReadRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseWriteRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.KeyType;
import org.caliptra.util.protocol.mcu.McFuseCommands.MinSvnRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.PartitionRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.RevokeVendorPkHashRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.RevokeVendorPubKeyRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.VendorPkHashRequest;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuse commands that depend on the rest of the part: persistence through the fuse store, the
 * minimum SVN and key revocations against the running Caliptra firmware, field entropy on a
 * production part.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class McuFuseStateTest {
    private static final HybridKeys KEYS = McuFuseCommandsTest.KEYS;
    private static final byte[] BUNDLE = TestFirmware.bundleV2(TestFirmware.randomBytes(1024), TestFirmware.randomBytes(2048), 5);

    @TempDir
    Path dir;

    private static DeviceConfig.Builder config() {
        return DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).authorizationPkHash(KEYS.anchor());
    }

    /** A 2.1 device whose Caliptra core runs {@link #BUNDLE} (firmware SVN 5), booted by the SoC with {@code fuses}. */
    private static CaliptraDevice booted(FuseSet fuses) {
        var d = CaliptraDevice.create(config().fuses(fuses).build());
        d.setRequesterUser(1);
        var report = new BootFlow(d).run(BootPlan.firmwareOnly(fuses, Octets.of(BUNDLE)));
        assertTrue(report.booted(), report.toString());
        return d;
    }

    private static int word(SubsystemClient mcu, int partition, int entry) {
        var data = mcu.authorized(McFuseCommands.MC_FUSE_READ_RUNTIME, new FuseReadRequest(partition, entry), KEYS);
        return ByteBuffer.wrap(data.data().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    // ---- persistence -----------------------------------------------------------------------------

    @Test
    void burntFusesAndLocksSurviveIntoTheNextDeviceFromTheSameStore() {
        Path file = dir.resolve("subsystem.otp");
        var part = FuseSet.defaults(Generation.V2).toBuilder().socSteppingId(0x1234).build();
        try (var a = CaliptraDevice.create(config().fuses(part).fuseStore(file).build())) {
            var mcu = new SubsystemClient(a);
            mcu.authorized(McFuseCommands.MC_FUSE_WRITE, new FuseWriteRequest(0x3F8 / 4, 0xC0DE, -1), KEYS);
            mcu.authorized(McFuseCommands.MC_FUSE_LOCK_PARTITION, new PartitionRequest(10), KEYS);
        }
        // The file now describes the part: a different configuration does not re-seed it.
        var other = FuseSet.defaults(Generation.V2).toBuilder().socSteppingId(0x9999).build();
        try (var b = CaliptraDevice.create(config().fuses(other).fuseStore(file).build())) {
            var mcu = new SubsystemClient(b);
            assertEquals(0xC0DE, word(mcu, 10, 0));
            assertEquals(0x1234, word(mcu, 6, 0x78));
            mcu.authorizedFails(MCU_MBOX_COMMON, McFuseCommands.MC_FUSE_WRITE, new FuseWriteRequest(0x3F8 / 4, 0xFFFF, -1), KEYS);
            assertEquals(0xC0DE, word(mcu, 10, 0));
        }
    }

    @Test
    void aDamagedStoreStopsTheDeviceFromBeingMade() throws Exception {
        Path file = dir.resolve("damaged.otp");
        CaliptraDevice.create(config().fuseStore(file).build()).close();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
        var e = assertThrows(UncheckedIOException.class, () -> CaliptraDevice.create(config().fuseStore(file).build()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).fuseStore(file).build());
    }

    // ---- the minimum SVN -------------------------------------------------------------------------

    @Test
    void theMinimumSvnRisesUpToTheRunningFirmwaresAndNeverFalls() {
        try (var d = booted(FuseSet.defaults(Generation.V2))) {
            var mcu = new SubsystemClient(d);
            mcu.authorized(McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN, new MinSvnRequest(0, 3), KEYS);
            // CPTRA_CORE_RUNTIME_SVN: partition 8, entry 4; SVN 3 is the thermometer 0b111.
            assertEquals(0b111, word(mcu, 8, 4));
            mcu.authorized(McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN, new MinSvnRequest(0, 3), KEYS);
            mcu.authorized(McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN, new MinSvnRequest(0, 5), KEYS);
            assertEquals(0b11111, word(mcu, 8, 4));
            for (int svn : new int[] {6, 4, 0, 129}) {
                mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN, new MinSvnRequest(0, svn),
                        KEYS);
            }
            assertEquals(0b11111, word(mcu, 8, 4));
        }
    }

    @Test
    void theMinimumSvnNeedsARunningCaliptraFirmware() {
        try (var d = CaliptraDevice.create(config().build())) {
            new SubsystemClient(d).authorizedFails(MCU_MBOX_COMMON, McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN, new MinSvnRequest(0, 1),
                    KEYS);
        }
    }

    // ---- revocation ------------------------------------------------------------------------------

    @Test
    void keysAndSlotsAreRevokedButNotTheOnesTheRunningFirmwareBootedWith() {
        // Boot once to learn the bundle's vendor key hash, then boot a part fused with it.
        Octets vendorHash;
        try (var probe = booted(FuseSet.defaults(Generation.V2))) {
            vendorHash = probe.acceptedImage().orElseThrow().vendorPkHash();
        }
        try (var d = booted(FuseSet.defaults(Generation.V2).toBuilder().vendorPkHash(vendorHash).build())) {
            var mcu = new SubsystemClient(d);
            var spare = Octets.of(HybridKeys.sha("SHA-384", new byte[] {9}));
            mcu.authorized(McFuseCommands.MC_PROVISION_VENDOR_PK_HASH, new VendorPkHashRequest(1, spare), KEYS);

            // Slot 0 holds the booted hash: its ECC key 0 verified the firmware, key 1 did not.
            mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY,
                    RevokeVendorPubKeyRequest.of(0, KeyType.ECDSA_P384, 0), KEYS);
            mcu.authorized(McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY, RevokeVendorPubKeyRequest.of(0, KeyType.ECDSA_P384, 1), KEYS);
            // CPTRA_CORE_ECC_REVOCATION_0: partition 12 (0x798), entry 0x0C; key 1 = bits 3..5.
            assertEquals(0b111_000, word(mcu, 12, 0x0C));
            mcu.authorized(McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY, RevokeVendorPubKeyRequest.of(1, KeyType.MLDSA87, 2), KEYS);
            assertEquals(0b111 << 6, word(mcu, 12, 0x20), "CPTRA_CORE_MLDSA_REVOCATION_1 at 0x7B8");
            // The last key of a type, an unknown type, an empty slot, a non-zero reserved word.
            mcu.authorizedFails(MCU_MBOX_COMMON, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY,
                    RevokeVendorPubKeyRequest.of(1, KeyType.ECDSA_P384, 3), KEYS);
            mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY,
                    new RevokeVendorPubKeyRequest(0, 1, 3, 0), KEYS);
            mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY,
                    RevokeVendorPubKeyRequest.of(2, KeyType.ECDSA_P384, 0), KEYS);
            mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY,
                    new RevokeVendorPubKeyRequest(1, 1, 0, 0), KEYS);

            // The booted slot cannot be revoked whole; slot 1 can, twice, and then takes no more.
            mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH, RevokeVendorPkHashRequest.of(0),
                    KEYS);
            mcu.authorized(McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH, RevokeVendorPkHashRequest.of(1), KEYS);
            mcu.authorized(McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH, RevokeVendorPkHashRequest.of(1), KEYS);
            // CPTRA_CORE_VENDOR_PK_HASH_VALID: partition 11, entry 0x344; slot 1 = bits 3..5.
            assertEquals(0b111_000, word(mcu, 11, 0x344));
            mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY,
                    RevokeVendorPubKeyRequest.of(1, KeyType.ECDSA_P384, 0), KEYS);
            mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH, RevokeVendorPkHashRequest.of(16),
                    KEYS);
        }
    }

    @Test
    void keyRevocationNeedsARunningCaliptraFirmware() {
        try (var d = CaliptraDevice.create(config().build())) {
            var mcu = new SubsystemClient(d);
            mcu.authorized(McFuseCommands.MC_PROVISION_VENDOR_PK_HASH, new VendorPkHashRequest(1,
                    Octets.of(HybridKeys.sha("SHA-384", new byte[] {1}))), KEYS);
            mcu.authorizedFails(MCU_MBOX_COMMON, McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY,
                    RevokeVendorPubKeyRequest.of(1, KeyType.ECDSA_P384, 0), KEYS);
        }
    }

    // ---- field entropy ---------------------------------------------------------------------------

    @Test
    void fieldEntropyIsBurntOnceIntoItsSecretPartitionAndLocked() {
        Path file = dir.resolve("fe.otp");
        // A part that leaves the factory without field entropy (the default fuses carry the hw-model's).
        var blankFe = FuseSet.defaults(Generation.V2).toBuilder().fieldEntropy(Octets.zeros(32)).build();
        try (var d = CaliptraDevice.create(config().fuses(blankFe).lifecycle(Lifecycle.PRODUCTION).fuseStore(file).build())) {
            var mcu = new SubsystemClient(d);
            assertTrue(Octets.of(stored(file).readBytes(FuseMap.fieldEntropy(2))).isZero());
            mcu.authorized(McFuseCommands.MC_FE_PROG, new PartitionRequest(2), KEYS);
            var otp = stored(file);
            byte[] programmed = otp.readBytes(FuseMap.fieldEntropy(2));
            assertFalse(Octets.of(programmed).isZero());
            assertTrue(otp.locked(OtpPartition.SECRET_PROD_2));
            assertFalse(otp.locked(OtpPartition.SECRET_PROD_1));
            // Programming it again is accepted, as the core ignores the fuse controller's refusal, and changes nothing.
            mcu.authorized(McFuseCommands.MC_FE_PROG, new PartitionRequest(2), KEYS);
            assertArrayEquals(programmed, stored(file).readBytes(FuseMap.fieldEntropy(2)));
            // The secret partition stays unreadable over the mailbox.
            mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_READ_RUNTIME, new FuseReadRequest(4, 0), KEYS);

            mcu.authorizedFails(RUNTIME_FE_PROG_INVALID_PARTITION, McFuseCommands.MC_FE_PROG, new PartitionRequest(4), KEYS);
            assertEquals(RUNTIME_FE_PROG_INVALID_PARTITION.code(), d.read32(SocIfcRegs.BASE + SocIfcRegs.FW_ERROR_NON_FATAL),
                    "the core reports its own error");
        }
        try (var d = CaliptraDevice.create(config().build())) {
            new SubsystemClient(d).authorizedFails(RUNTIME_FE_PROG_ILLEGAL_LIFECYCLE_STATE, McFuseCommands.MC_FE_PROG, new PartitionRequest(0),
                    KEYS);
        }
    }

    private static Otp stored(Path file) {
        return FuseStore.open(file, () -> {
            throw new AssertionError("the device wrote its store");
        }).otp();
    }
}
