package org.caliptra.util.emulator.dice;

import java.util.Arrays;

/**
 * What the ROM measures about an accepted firmware image and the part it runs on (spec/device.md
 * §5.1): the inputs of PCR0/PCR1 and the FMC alias TCB, and of the runtime's TCI. Digests are
 * plain SHA-384 byte strings; key indices and SVNs as the ROM holds them.
 *
 * @param lifecycle CPTRA_SECURITY_STATE lifecycle (0 unprovisioned … 3 production)
 * @param vendorPkHash the vendor key hash fuse (not the manifest's keys' hash)
 * @param ownerPkHash the owner key hash computed from the manifest
 * @param lmsVendorKeyIndex the vendor LMS key index, or 0xFF when the ROM verified without LMS
 * @param fmcFuseSvn the FMC SVN fuse in effect (0 when anti-rollback is disabled)
 * @param manifestDigest SHA-384 over the whole manifest as loaded
 * @param validity the alias certificates' not_before and not_after
 */
public record FirmwareMeasurements(int lifecycle, boolean debugLocked, boolean antiRollbackDisable, int eccVendorKeyIndex,
        int lmsVendorKeyIndex, boolean lmsVerify, boolean ownerPkHashInFuses, byte[] vendorPkHash, byte[] ownerPkHash,
        int fmcSvn, int fmcFuseSvn, byte[] fmcTci, int runtimeSvn, byte[] runtimeTci, byte[] manifestDigest,
        String[] validity) {

    /** The 1.x ROM's device-status extend: nine bytes, one per input. */
    byte[] deviceStatusV1() {
        return new byte[] {(byte) lifecycle, bool(debugLocked), bool(antiRollbackDisable), (byte) eccVendorKeyIndex,
                (byte) fmcSvn, (byte) fmcFuseSvn, (byte) lmsVendorKeyIndex, bool(lmsVerify), bool(ownerPkHashInFuses)};
    }

    /** The 1.x FMC alias DEVICE_INFO fwid: SHA-384 of the status bytes without the SVNs and both key hashes. */
    byte[] deviceInfoHashV1() {
        return Digests.sha384(new byte[] {(byte) lifecycle, bool(debugLocked), bool(antiRollbackDisable),
                (byte) eccVendorKeyIndex, (byte) lmsVendorKeyIndex, bool(lmsVerify), bool(ownerPkHashInFuses)},
                vendorPkHash, ownerPkHash);
    }

    /**
     * The DICE TcbInfo flags of the part's state, bit-reversed as TCG encodes them: fixed width,
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

    /** The runtime's TCI as the FMC folds it into the RT alias CDI: runtime digest ‖ manifest digest. */
    byte[] rtTciContext() {
        byte[] out = Arrays.copyOf(runtimeTci, 96);
        System.arraycopy(manifestDigest, 0, out, 48, 48);
        return out;
    }

    private static byte bool(boolean b) {
        return (byte) (b ? 1 : 0);
    }
}
