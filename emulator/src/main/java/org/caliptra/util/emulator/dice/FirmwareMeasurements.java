package org.caliptra.util.emulator.dice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What the ROM measures about an accepted firmware image and the part it runs on (spec/device.md
 * §5.1): the inputs of PCR0/PCR1, of the FMC alias TCB and of the runtime's TCI. Digests are plain
 * SHA-384 byte strings; key indices and SVNs as the ROM holds them. Some inputs exist in one
 * generation only; the other's are zero.
 *
 * @param lifecycle CPTRA_SECURITY_STATE lifecycle (0 unprovisioned … 3 production)
 * @param vendorPkHash the vendor key hash fuse (not the manifest's keys' hash)
 * @param ownerPkHash the owner key hash computed from the manifest
 * @param vendorPqcKeyIndex 1.x: the vendor LMS key index, or 0xFF when the ROM verified without LMS;
 *     2.x: the vendor PQC key index
 * @param lmsVerify 1.x: the LMS verify fuse (rom_verify_config)
 * @param fmcSvn 1.x: the manifest's FMC SVN; 2.x: the firmware SVN of the manifest header
 * @param fmcFuseSvn 1.x: the FMC SVN fuse in effect (0 when anti-rollback is disabled)
 * @param runtimeSvn 1.x: the manifest's runtime SVN; 2.x: the firmware SVN of the manifest header
 * @param firmwareFuseSvn 2.x: the firmware SVN fuse as burnt (anti-rollback disable does not clear it)
 * @param manifestDigest SHA-384 over the whole manifest as loaded
 * @param validity the alias certificates' not_before and not_after
 */
public record FirmwareMeasurements(int lifecycle, boolean debugLocked, boolean antiRollbackDisable, int eccVendorKeyIndex,
        int vendorPqcKeyIndex, boolean lmsVerify, boolean ownerPkHashInFuses, byte[] vendorPkHash, byte[] ownerPkHash,
        int fmcSvn, int fmcFuseSvn, byte[] fmcTci, int runtimeSvn, byte[] runtimeTci, byte[] manifestDigest,
        String[] validity, V2Fuses v2) {

    /**
     * The 2.x fuse inputs of PCR0 and the FMC alias TCB.
     *
     * @param pqcKeyType the PQC key type fuse (1 ML-DSA, 3 LMS)
     * @param subsystemMode CPTRA_HW_CONFIG.subsystem_mode_en
     */
    public record V2Fuses(int eccRevocation, int lmsRevocation, int mldsaRevocation, int firmwareFuseSvn,
            int socManifestFuseSvn, int socManifestMaxSvn, int pqcKeyType, boolean subsystemMode) {
        public static final V2Fuses NONE = new V2Fuses(0, 0, 0, 0, 0, 0, 0, false);
    }

    /** The 1.x ROM's device-status extend: nine bytes, one per input. */
    byte[] deviceStatusV1() {
        return new byte[] {(byte) lifecycle, bool(debugLocked), bool(antiRollbackDisable), (byte) eccVendorKeyIndex,
                (byte) fmcSvn, (byte) fmcFuseSvn, (byte) vendorPqcKeyIndex, bool(lmsVerify), bool(ownerPkHashInFuses)};
    }

    /**
     * The 2.x ROM's device-status extend (ROM 2.1.3, 18 bytes): the owner's fuse inputs, then the
     * vendor's, the part's state, the cold-boot firmware SVN, the key indices and the subsystem mode.
     */
    byte[] deviceStatusV2() {
        return ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN)
                .put(ownerFuseInputs())
                .put((byte) v2.pqcKeyType()).put((byte) lifecycle).put(bool(debugLocked)).put((byte) fmcSvn)
                .put((byte) eccVendorKeyIndex).put((byte) vendorPqcKeyIndex).put(bool(v2.subsystemMode()))
                .array();
    }

    /** owner-in-fuses, anti-rollback disable, ECC revocation, LMS revocation (u32 LE), ML-DSA revocation, three SVN fuses. */
    private byte[] ownerFuseInputs() {
        return ByteBuffer.allocate(11).order(ByteOrder.LITTLE_ENDIAN)
                .put(bool(ownerPkHashInFuses)).put(bool(antiRollbackDisable)).put((byte) (v2.eccRevocation() & 0xF))
                .putInt(v2.lmsRevocation()).put((byte) v2.mldsaRevocation()).put((byte) v2.firmwareFuseSvn())
                .put((byte) v2.socManifestFuseSvn()).put((byte) v2.socManifestMaxSvn())
                .array();
    }

    /** The 1.x FMC alias DEVICE_INFO fwid: SHA-384 of the status bytes without the SVNs and both key hashes. */
    byte[] deviceInfoHashV1() {
        return Digests.sha384(new byte[] {(byte) lifecycle, bool(debugLocked), bool(antiRollbackDisable),
                (byte) eccVendorKeyIndex, (byte) vendorPqcKeyIndex, bool(lmsVerify), bool(ownerPkHashInFuses)},
                vendorPkHash, ownerPkHash);
    }

    /** The 2.x CALIPTRA_2_X_FUSE_OWNER_INFO fwid: SHA-384 of the owner key hash and the owner's fuse inputs. */
    byte[] ownerInfoHashV2() {
        return Digests.sha384(ownerPkHash, ownerFuseInputs());
    }

    /** The 2.x CALIPTRA_2_X_FUSE_VENDOR_INFO fwid: SHA-384 of the vendor key hash fuse and the vendor's inputs. */
    byte[] vendorInfoHashV2() {
        return Digests.sha384(vendorPkHash, new byte[] {(byte) v2.pqcKeyType(), (byte) lifecycle, bool(debugLocked),
                (byte) fmcSvn, (byte) eccVendorKeyIndex, (byte) vendorPqcKeyIndex, bool(v2.subsystemMode())});
    }

    /**
     * The 1.x DICE TcbInfo flags of the part's state, bit-reversed as TCG encodes them: fixed width,
     * NOT_CONFIGURED when unprovisioned, NOT_SECURE in manufacturing, DEBUG when unlocked.
     */
    byte[] tcbFlags() {
        int f = 0x8000_0000;
        if (lifecycle == 0) {
            f |= 0x1;
        }
        if (lifecycle == 1) {
            f |= 0x2;
        }
        if (!debugLocked) {
            f |= 0x8;
        }
        int r = Integer.reverse(f);
        return new byte[] {(byte) (r >>> 24), (byte) (r >>> 16), (byte) (r >>> 8), (byte) r};
    }

    /** The 1.x runtime TCI as the FMC folds it into the RT alias CDI: runtime digest ‖ manifest digest. */
    byte[] rtTciContextV1() {
        byte[] out = Arrays.copyOf(runtimeTci, 96);
        System.arraycopy(manifestDigest, 0, out, 48, 48);
        return out;
    }

    private static byte bool(boolean b) {
        return (byte) (b ? 1 : 0);
    }
}
