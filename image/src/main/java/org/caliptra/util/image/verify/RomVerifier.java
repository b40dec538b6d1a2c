package org.caliptra.util.image.verify;

import org.caliptra.util.protocol.regs.Lifecycle;

import org.caliptra.util.protocol.Generation;

import java.util.ArrayList;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.bundle.ImageHeaderV1;
import org.caliptra.util.image.bundle.ImageHeaderV2;
import org.caliptra.util.image.bundle.KeyDescriptor;
import org.caliptra.util.image.bundle.ManifestV1;
import org.caliptra.util.image.bundle.ManifestV2;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.bundle.TocEntry;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;

/**
 * The boot ROM's image verification as a pure function: bundle bytes and fuses in, the verdict
 * out, with the checks in exactly the ROM's order (spec/formats.md §2.1 for 1.x, §2.2 for 2.x) so
 * the first failing check and its Caliptra error code are the ones the device would report.
 * Never throws for any input bytes.
 */
public final class RomVerifier {
    private static final int SIGNED_TOC_SIZE = 2 * TocEntry.SIZE;

    private RomVerifier() {}

    /** Judged by the ROM generation whose marker the image carries (1.x for anything unknown). */
    public static VerificationResult verify(byte[] bundle, Fuses fuses) {
        return verify(bundle, fuses, FwBundle.marker(bundle) == ManifestV2.MARKER ? Generation.V2 : Generation.V1);
    }

    public static VerificationResult verify(byte[] bundle, Fuses fuses, Generation generation) {
        try {
            return new VerificationResult.Accepted(generation == Generation.V1
                    ? verifyV1(bundle, fuses) : verifyV2(bundle, fuses));
        } catch (Fail f) {
            return new VerificationResult.Rejected(new Rejection(f.error, generation, f.getMessage()));
        }
    }

    /** Carries the first failure out of the linear sequence of checks. */
    private static final class Fail extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient VerifierError error;

        Fail(VerifierError error, String detail) {
            super(detail, null, false, false);
            this.error = error;
        }
    }

    private static void check(boolean ok, VerifierError error, String detail) {
        if (!ok) {
            throw new Fail(error, detail);
        }
    }

    // ---- shared steps ----------------------------------------------------------------------

    private static void checkMailboxSize(byte[] bundle, Generation gen, int manifestSize) {
        check(bundle.length > 0 && bundle.length <= gen.maxImageSize(), VerifierError.FW_PROC_INVALID_IMAGE_SIZE,
                "image of " + bundle.length + " bytes; the ROM takes 1.." + gen.maxImageSize());
        check(bundle.length >= manifestSize, VerifierError.FW_PROC_MANIFEST_READ_FAILURE,
                "image of " + bundle.length + " bytes is shorter than the " + manifestSize + "-byte manifest");
    }

    private static void checkEcc(EccPublicKey key, EccSignature sig, byte[] digest, String who,
            VerifierError keyArg, VerifierError sigArg, VerifierError failure, VerifierError invalid) {
        check(!key.x().isZero() && !key.y().isZero(), keyArg, who + " ECC public key has a zero coordinate");
        check(!sig.r().isZero() && !sig.s().isZero(), sigArg, who + " ECC signature has a zero r or s");
        switch (SignatureChecks.ecdsa(key, digest, sig)) {
            case MALFORMED -> throw new Fail(failure, who + " ECC public key is not a point on P-384");
            case INVALID -> throw new Fail(invalid, who + " ECDSA P-384 signature does not verify");
            case VALID -> { }
        }
    }

    private static void checkLms(LmsPublicKey key, LmsSignature sig, byte[] digest, String who,
            VerifierError failure, VerifierError invalid) {
        switch (SignatureChecks.lms(key, digest, sig)) {
            case MALFORMED -> throw new Fail(failure, String.format("%s LMS signature or key is malformed "
                    + "(key type %d/%d, signature q %d, type %d/%d; expected 12/7 and q < 32768)",
                    who, key.lmsType(), key.otsType(), sig.q(), sig.lmsType(), sig.otsType()));
            case INVALID -> throw new Fail(invalid, who + " LMS signature does not verify (q = " + sig.q() + ")");
            case VALID -> { }
        }
    }

    private record Layout(long fmcStart, long fmcEnd, long rtStart, long rtEnd) {}

    private static Layout checkToc(byte[] bundle, int manifestSize, int tocOffset, int tocLength, Octets tocDigest,
            TocEntry fmc, TocEntry rt) {
        check(tocLength == 2, VerifierError.TOC_ENTRY_COUNT_INVALID, "toc_len is " + tocLength + ", expected 2");
        Octets actual = Sha384.of(bundle, tocOffset, SIGNED_TOC_SIZE);
        check(actual.equals(tocDigest), VerifierError.TOC_DIGEST_MISMATCH,
                "SHA-384 of the TOC is " + actual.hex() + ", header says " + tocDigest.hex());
        check(fmc.size() != 0, VerifierError.FMC_SIZE_ZERO, "FMC TOC entry has size 0");
        check(rt.size() != 0, VerifierError.RUNTIME_SIZE_ZERO, "runtime TOC entry has size 0");
        long fmcSize = Integer.toUnsignedLong(fmc.size());
        long rtSize = Integer.toUnsignedLong(rt.size());
        check(manifestSize + fmcSize + rtSize <= bundle.length, VerifierError.IMAGE_LEN_MORE_THAN_BUNDLE_SIZE,
                "manifest + FMC + runtime = " + (manifestSize + fmcSize + rtSize) + " bytes, the image has " + bundle.length);
        long fmcStart = Integer.toUnsignedLong(fmc.offset());
        long rtStart = Integer.toUnsignedLong(rt.offset());
        check(fmcStart + fmcSize <= 0xFFFF_FFFFL && rtStart + rtSize <= 0xFFFF_FFFFL,
                VerifierError.TOC_ENTRY_RANGE_ARITHMETIC_OVERFLOW, "a TOC offset + size overflows 32 bits");
        long fmcEnd = fmcStart + fmcSize;
        long rtEnd = rtStart + rtSize;
        check(!(fmcStart < rtEnd && rtStart < fmcEnd), VerifierError.FMC_RUNTIME_OVERLAP, String.format(
                "FMC [0x%X, 0x%X) and runtime [0x%X, 0x%X) overlap in the image", fmcStart, fmcEnd, rtStart, rtEnd));
        check(fmcEnd <= rtStart, VerifierError.FMC_RUNTIME_INCORRECT_ORDER, "the runtime comes before the FMC in the image");
        long fmcLoad = Integer.toUnsignedLong(fmc.loadAddress());
        long rtLoad = Integer.toUnsignedLong(rt.loadAddress());
        check(fmcLoad + fmcSize - 1 <= 0xFFFF_FFFFL, VerifierError.FMC_LOAD_ADDRESS_IMAGE_SIZE_ARITHMETIC_OVERFLOW,
                "FMC load address + size overflows 32 bits");
        check(rtLoad + rtSize - 1 <= 0xFFFF_FFFFL, VerifierError.RUNTIME_LOAD_ADDRESS_IMAGE_SIZE_ARITHMETIC_OVERFLOW,
                "runtime load address + size overflows 32 bits");
        check(!(fmcLoad <= rtLoad + rtSize - 1 && rtLoad <= fmcLoad + fmcSize - 1), VerifierError.FMC_RUNTIME_LOAD_ADDR_OVERLAP,
                String.format("FMC load range 0x%X.. and runtime load range 0x%X.. overlap", fmcLoad, rtLoad));
        return new Layout(fmcStart, fmcEnd, rtStart, rtEnd);
    }

    private static Octets checkImage(byte[] bundle, TocEntry entry, long start, long end, Generation gen, boolean isFmc) {
        String what = isFmc ? "FMC" : "runtime";
        check(end <= bundle.length, isFmc ? VerifierError.FMC_DIGEST_FAILURE : VerifierError.RUNTIME_DIGEST_FAILURE,
                String.format("%s range [0x%X, 0x%X) lies outside the %d-byte image", what, start, end, bundle.length));
        Octets digest = Sha384.of(bundle, (int) start, (int) (end - start));
        check(digest.equals(entry.digest()),
                isFmc ? VerifierError.FMC_DIGEST_MISMATCH : VerifierError.RUNTIME_DIGEST_MISMATCH,
                what + " SHA-384 is " + digest.hex() + ", TOC says " + entry.digest().hex());
        long iccmStart = Generation.ICCM_BASE;
        long iccmEnd = iccmStart + gen.iccmSize();
        long load = Integer.toUnsignedLong(entry.loadAddress());
        long last = load + Integer.toUnsignedLong(entry.size()) - 1;
        check(load >= iccmStart && last < iccmEnd,
                isFmc ? VerifierError.FMC_LOAD_ADDR_INVALID : VerifierError.RUNTIME_LOAD_ADDR_INVALID,
                String.format("%s load range 0x%08X..0x%08X is not inside ICCM 0x%08X..0x%08X", what, load, last,
                        iccmStart, iccmEnd - 1));
        check(load % 4 == 0, isFmc ? VerifierError.FMC_LOAD_ADDR_UNALIGNED : VerifierError.RUNTIME_LOAD_ADDR_UNALIGNED,
                String.format("%s load address 0x%08X is not 4-byte aligned", what, load));
        long entryPoint = Integer.toUnsignedLong(entry.entryPoint());
        check(entryPoint >= iccmStart && entryPoint < iccmEnd,
                isFmc ? VerifierError.FMC_ENTRY_POINT_INVALID : VerifierError.RUNTIME_ENTRY_POINT_INVALID,
                String.format("%s entry point 0x%08X is outside ICCM", what, entryPoint));
        check(entryPoint % 4 == 0, isFmc ? VerifierError.FMC_ENTRY_POINT_UNALIGNED : VerifierError.RUNTIME_ENTRY_POINT_UNALIGNED,
                String.format("%s entry point 0x%08X is not 4-byte aligned", what, entryPoint));
        return digest;
    }

    private static boolean svnChecked(Fuses fuses) {
        return fuses.lifecycle() != Lifecycle.UNPROVISIONED && !fuses.antiRollbackDisable();
    }

    private static void checkSvn(int svn, int max, int fuse, VerifierError tooBig, VerifierError tooSmall, String what) {
        long value = Integer.toUnsignedLong(svn);
        check(value <= max, tooBig, what + " SVN " + value + " is above the maximum " + max);
        check(value >= fuse, tooSmall, what + " SVN " + value + " is below the fuse SVN " + fuse);
    }

    private static boolean revoked(int mask, int index) {
        return index < 32 && (mask & (1 << index)) != 0;
    }

    // ---- 1.x -------------------------------------------------------------------------------

    private static AcceptedImage verifyV1(byte[] bundle, Fuses fuses) {
        Generation gen = Generation.V1;
        checkMailboxSize(bundle, gen, ManifestV1.SIZE);
        var m = ManifestV1.decode(bundle);
        check(m.marker() == ManifestV1.MARKER, VerifierError.MANIFEST_MARKER_MISMATCH,
                String.format("marker 0x%08X, expected 0x%08X (\"CMAN\")", m.marker(), ManifestV1.MARKER));
        check(m.size() == ManifestV1.SIZE, VerifierError.MANIFEST_SIZE_MISMATCH,
                "manifest size field " + Integer.toUnsignedLong(m.size()) + ", expected " + ManifestV1.SIZE);

        Octets vendorHash = Sha384.of(bundle, ManifestV1.OFF_VENDOR_ECC_KEYS,
                ManifestV1.VENDOR_KEYS_END - ManifestV1.OFF_VENDOR_ECC_KEYS);
        if (fuses.lifecycle() != Lifecycle.UNPROVISIONED) {
            check(!fuses.vendorPkHash().isZero(), VerifierError.VENDOR_PUB_KEY_DIGEST_INVALID,
                    "the vendor key hash fuse is zero in the " + fuses.lifecycle().cliName() + " lifecycle");
            check(vendorHash.equals(fuses.vendorPkHash()), VerifierError.VENDOR_PUB_KEY_DIGEST_MISMATCH,
                    "vendor keys hash to " + vendorHash.hex() + ", the fuse holds " + fuses.vendorPkHash().hex());
        }
        Octets ownerHash = Sha384.of(bundle, ManifestV1.OFF_OWNER_ECC_KEY,
                ManifestV1.OWNER_KEYS_END - ManifestV1.OFF_OWNER_ECC_KEY);
        boolean ownerFused = !fuses.ownerPkHash().isZero();
        check(!ownerFused || ownerHash.equals(fuses.ownerPkHash()), VerifierError.OWNER_PUB_KEY_DIGEST_MISMATCH,
                "owner keys hash to " + ownerHash.hex() + ", the fuse holds " + fuses.ownerPkHash().hex());

        int eccIdx = m.vendorEccKeyIndex();
        check(Integer.compareUnsigned(eccIdx, 3) <= 0, VerifierError.VENDOR_ECC_PUB_KEY_INDEX_OUT_OF_BOUNDS,
                "vendor ECC key index " + Integer.toUnsignedLong(eccIdx) + " is beyond the 4 keys");
        check(eccIdx == 3 || !revoked(fuses.eccRevocation() & 0xF, eccIdx), VerifierError.VENDOR_ECC_PUB_KEY_REVOKED,
                "vendor ECC key " + eccIdx + " is revoked by the fuses");
        boolean lms = fuses.lmsVerify();
        int lmsIdx = m.vendorLmsKeyIndex();
        if (lms) {
            check(Integer.compareUnsigned(lmsIdx, 31) <= 0, VerifierError.VENDOR_PQC_PUB_KEY_INDEX_OUT_OF_BOUNDS,
                    "vendor LMS key index " + Integer.toUnsignedLong(lmsIdx) + " is beyond the 32 keys");
            check(lmsIdx == 31 || !revoked(fuses.lmsRevocation(), lmsIdx), VerifierError.VENDOR_PQC_PUB_KEY_REVOKED,
                    "vendor LMS key " + lmsIdx + " is revoked by the fuses");
        }

        byte[] vendorDigest = Sha384.of(bundle, ManifestV1.OFF_HEADER, ImageHeaderV1.VENDOR_SIGNED).toByteArray();
        byte[] ownerDigest = Sha384.of(bundle, ManifestV1.OFF_HEADER, ImageHeaderV1.SIZE).toByteArray();
        var verified = new ArrayList<String>();
        checkEcc(m.vendorEccKeys().get(eccIdx), m.vendorEccSignature(), vendorDigest, "vendor",
                VerifierError.VENDOR_ECC_PUB_KEY_INVALID_ARG, VerifierError.VENDOR_ECC_SIGNATURE_INVALID_ARG,
                VerifierError.VENDOR_ECC_VERIFY_FAILURE, VerifierError.VENDOR_ECC_SIGNATURE_INVALID);
        verified.add("vendor ECC");
        if (lms) {
            checkLms(m.vendorLmsKeys().get(lmsIdx), m.vendorLmsSignature(), vendorDigest, "vendor",
                    VerifierError.VENDOR_LMS_VERIFY_FAILURE, VerifierError.VENDOR_LMS_SIGNATURE_INVALID);
            verified.add("vendor LMS");
        }
        var header = m.header();
        check(header.vendorEccKeyIndex() == eccIdx, VerifierError.VENDOR_ECC_PUB_KEY_INDEX_MISMATCH,
                "header vendor ECC key index " + header.vendorEccKeyIndex() + " differs from the preamble's " + eccIdx);
        if (lms) {
            check(header.vendorLmsKeyIndex() == lmsIdx, VerifierError.VENDOR_PQC_PUB_KEY_INDEX_MISMATCH,
                    "header vendor LMS key index " + header.vendorLmsKeyIndex() + " differs from the preamble's " + lmsIdx);
        }
        checkEcc(m.ownerEccKey(), m.ownerEccSignature(), ownerDigest, "owner",
                VerifierError.OWNER_ECC_PUB_KEY_INVALID_ARG, VerifierError.OWNER_ECC_SIGNATURE_INVALID_ARG,
                VerifierError.OWNER_ECC_VERIFY_FAILURE, VerifierError.OWNER_ECC_SIGNATURE_INVALID);
        verified.add("owner ECC");
        if (lms) {
            checkLms(m.ownerLmsKey(), m.ownerLmsSignature(), ownerDigest, "owner",
                    VerifierError.OWNER_LMS_VERIFY_FAILURE, VerifierError.OWNER_LMS_SIGNATURE_INVALID);
            verified.add("owner LMS");
        }

        var layout = checkToc(bundle, m.size(), ManifestV1.OFF_FMC_TOC, header.tocLength(), header.tocDigest(),
                m.fmc(), m.runtime());
        boolean svn = svnChecked(fuses);
        Octets fmcDigest = checkImage(bundle, m.fmc(), layout.fmcStart(), layout.fmcEnd(), gen, true);
        if (svn) {
            checkSvn(m.fmc().svn(), 32, fuses.fmcSvn(), VerifierError.FMC_SVN_GREATER_THAN_MAX_SUPPORTED,
                    VerifierError.FMC_SVN_LESS_THAN_FUSE, "FMC");
        }
        Octets rtDigest = checkImage(bundle, m.runtime(), layout.rtStart(), layout.rtEnd(), gen, false);
        if (svn) {
            checkSvn(m.runtime().svn(), 128, fuses.runtimeSvn(), VerifierError.FIRMWARE_SVN_GREATER_THAN_MAX_SUPPORTED,
                    VerifierError.FIRMWARE_SVN_LESS_THAN_FUSE, "runtime");
        }
        return new AcceptedImage(gen, vendorHash, ownerHash, ownerFused, eccIdx, lms ? lmsIdx : -1,
                lms ? PqcKeyType.LMS : null, verified, fmcDigest, rtDigest, m.fmc().svn(), m.runtime().svn(),
                svn ? fuses.runtimeSvn() : 0, m.fmc().loadAddress(), m.fmc().entryPoint(), m.fmc().size(),
                m.runtime().loadAddress(), m.runtime().entryPoint(), m.runtime().size());
    }

    // ---- 2.x -------------------------------------------------------------------------------

    private static AcceptedImage verifyV2(byte[] bundle, Fuses fuses) {
        Generation gen = Generation.V2;
        checkMailboxSize(bundle, gen, ManifestV2.SIZE);
        var m = ManifestV2.decode(bundle);
        check(m.marker() == ManifestV2.MARKER, VerifierError.MANIFEST_MARKER_MISMATCH,
                String.format("marker 0x%08X, expected 0x%08X (\"CMN2\")", m.marker(), ManifestV2.MARKER));
        check(m.size() == ManifestV2.SIZE, VerifierError.MANIFEST_SIZE_MISMATCH,
                "manifest size field " + Integer.toUnsignedLong(m.size()) + ", expected " + ManifestV2.SIZE);
        var type = PqcKeyType.fromValue(m.pqcKeyType()).orElseThrow(() -> new Fail(VerifierError.PQC_KEY_TYPE_INVALID,
                "manifest pqc_key_type " + m.pqcKeyType() + " is neither 1 (ML-DSA) nor 3 (LMS)"));
        boolean provisioned = fuses.lifecycle() != Lifecycle.UNPROVISIONED;
        if (provisioned) {
            var fused = PqcKeyType.fromValue(fuses.pqcKeyType()).orElseThrow(() -> new Fail(
                    VerifierError.INVALID_PQC_KEY_TYPE_IN_FUSE, "PQC key type fuse " + fuses.pqcKeyType()
                    + " is neither 1 (ML-DSA) nor 3 (LMS)"));
            check(fused == type, VerifierError.PQC_KEY_TYPE_MISMATCH,
                    "image is " + type.cliName() + " but the PQC key type fuse says " + fused.cliName());
        }

        KeyDescriptor ecc = m.eccKeyDescriptor();
        KeyDescriptor pqc = m.pqcKeyDescriptor();
        int eccIdx = m.vendorEccKeyIndex();
        int pqcIdx = m.vendorPqcKeyIndex();
        Octets vendorHash = Sha384.of(bundle, ManifestV2.OFF_ECC_DESCRIPTOR,
                ManifestV2.VENDOR_DESCRIPTORS_END - ManifestV2.OFF_ECC_DESCRIPTOR);
        Octets activePqcKey = m.vendorPqcKey().slice(0, type.publicKeySize());
        if (provisioned) {
            check(!fuses.vendorPkHash().isZero(), VerifierError.VENDOR_PUB_KEY_DIGEST_INVALID,
                    "the vendor key hash fuse is zero in the " + fuses.lifecycle().cliName() + " lifecycle");
            check(ecc.version() == 1, VerifierError.ECC_KEY_DESCRIPTOR_VERSION_MISMATCH,
                    "ECC key descriptor version " + ecc.version() + ", expected 1");
            check(ecc.hashCount() != 0, VerifierError.ECC_KEY_DESCRIPTOR_INVALID_HASH_COUNT, "ECC key descriptor holds 0 hashes");
            check(ecc.hashCount() <= KeyDescriptor.ECC_SLOTS, VerifierError.ECC_KEY_DESCRIPTOR_HASH_COUNT_GT_MAX,
                    "ECC key descriptor claims " + ecc.hashCount() + " hashes, at most 4");
            check(pqc.version() == 1, VerifierError.PQC_KEY_DESCRIPTOR_VERSION_MISMATCH,
                    "PQC key descriptor version " + pqc.version() + ", expected 1");
            check(pqc.typeByte() == type.value(), VerifierError.PQC_KEY_DESCRIPTOR_TYPE_MISMATCH,
                    "PQC key descriptor type " + pqc.typeByte() + " differs from the manifest's " + type.value());
            check(pqc.hashCount() != 0, VerifierError.PQC_KEY_DESCRIPTOR_INVALID_HASH_COUNT, "PQC key descriptor holds 0 hashes");
            check(pqc.hashCount() <= type.maxKeys(), VerifierError.PQC_KEY_DESCRIPTOR_HASH_COUNT_GT_MAX,
                    "PQC key descriptor claims " + pqc.hashCount() + " hashes, at most " + type.maxKeys());
            check(vendorHash.equals(fuses.vendorPkHash()), VerifierError.VENDOR_PUB_KEY_DIGEST_MISMATCH,
                    "vendor key descriptors hash to " + vendorHash.hex() + ", the fuse holds " + fuses.vendorPkHash().hex());
            check(Integer.compareUnsigned(eccIdx, KeyDescriptor.ECC_SLOTS) < 0, VerifierError.VENDOR_ECC_PUB_KEY_INDEX_OUT_OF_BOUNDS,
                    "vendor ECC key index " + Integer.toUnsignedLong(eccIdx) + " is beyond the 4 slots");
            Octets eccKeyHash = Sha384.of(m.vendorEccKey().toHw());
            check(eccKeyHash.equals(ecc.hashes().get(eccIdx)), VerifierError.VENDOR_ECC_PUB_KEY_DIGEST_MISMATCH,
                    "the active vendor ECC key does not hash to descriptor slot " + eccIdx);
            check(Integer.compareUnsigned(pqcIdx, type.maxKeys()) < 0, VerifierError.VENDOR_PQC_PUB_KEY_INDEX_OUT_OF_BOUNDS,
                    "vendor PQC key index " + Integer.toUnsignedLong(pqcIdx) + " is beyond the " + type.maxKeys() + " slots");
            Octets pqcKeyHash = Sha384.of(activePqcKey);
            check(pqcKeyHash.equals(pqc.hashes().get(pqcIdx)), VerifierError.VENDOR_PQC_PUB_KEY_DIGEST_MISMATCH,
                    "the active vendor " + type.cliName() + " key does not hash to descriptor slot " + pqcIdx);
        }
        Octets ownerHash = Sha384.of(bundle, ManifestV2.OFF_OWNER_ECC_KEY,
                ManifestV2.OWNER_KEYS_END - ManifestV2.OFF_OWNER_ECC_KEY);
        boolean ownerFused = !fuses.ownerPkHash().isZero();
        check(!ownerFused || ownerHash.equals(fuses.ownerPkHash()), VerifierError.OWNER_PUB_KEY_DIGEST_MISMATCH,
                "owner keys hash to " + ownerHash.hex() + ", the fuse holds " + fuses.ownerPkHash().hex());

        int eccLast = ecc.hashCount() - 1;
        check(Integer.compareUnsigned(eccIdx, eccLast) <= 0 && eccLast >= 0,
                VerifierError.VENDOR_ECC_PUB_KEY_INDEX_OUT_OF_BOUNDS,
                "vendor ECC key index " + Integer.toUnsignedLong(eccIdx) + " is beyond the descriptor's " + ecc.hashCount() + " keys");
        check(eccIdx == eccLast || !revoked(fuses.eccRevocation() & 0xF, eccIdx), VerifierError.VENDOR_ECC_PUB_KEY_REVOKED,
                "vendor ECC key " + eccIdx + " is revoked by the fuses");
        int pqcLast = pqc.hashCount() - 1;
        check(Integer.compareUnsigned(pqcIdx, pqcLast) <= 0 && pqcLast >= 0,
                VerifierError.VENDOR_PQC_PUB_KEY_INDEX_OUT_OF_BOUNDS,
                "vendor PQC key index " + Integer.toUnsignedLong(pqcIdx) + " is beyond the descriptor's " + pqc.hashCount() + " keys");
        int pqcMask = type == PqcKeyType.LMS ? fuses.lmsRevocation() : fuses.mldsaRevocation() & 0xF;
        check(pqcIdx == pqcLast || !revoked(pqcMask, pqcIdx), VerifierError.VENDOR_PQC_PUB_KEY_REVOKED,
                "vendor " + type.cliName() + " key " + pqcIdx + " is revoked by the fuses");

        byte[] vendorHeader = java.util.Arrays.copyOfRange(bundle, ManifestV2.OFF_HEADER, ManifestV2.OFF_HEADER + ImageHeaderV2.VENDOR_SIGNED);
        byte[] ownerHeader = java.util.Arrays.copyOfRange(bundle, ManifestV2.OFF_HEADER, ManifestV2.OFF_HEADER + ImageHeaderV2.SIZE);
        byte[] vendorDigest = Sha384.of(vendorHeader).toByteArray();
        byte[] ownerDigest = Sha384.of(ownerHeader).toByteArray();
        var verified = new ArrayList<String>();
        checkEcc(m.vendorEccKey(), m.vendorEccSignature(), vendorDigest, "vendor",
                VerifierError.VENDOR_ECC_PUB_KEY_INVALID_ARG, VerifierError.VENDOR_ECC_SIGNATURE_INVALID_ARG,
                VerifierError.VENDOR_ECC_VERIFY_FAILURE, VerifierError.VENDOR_ECC_SIGNATURE_INVALID);
        verified.add("vendor ECC");
        checkPqc(type, activePqcKey, m.vendorPqcSignature(), vendorDigest, vendorHeader, "vendor", true);
        verified.add("vendor " + (type == PqcKeyType.LMS ? "LMS" : "ML-DSA"));
        var header = m.header();
        check(header.vendorEccKeyIndex() == eccIdx, VerifierError.VENDOR_ECC_PUB_KEY_INDEX_MISMATCH,
                "header vendor ECC key index " + header.vendorEccKeyIndex() + " differs from the preamble's " + eccIdx);
        check(header.vendorPqcKeyIndex() == pqcIdx, VerifierError.VENDOR_PQC_PUB_KEY_INDEX_MISMATCH,
                "header vendor PQC key index " + header.vendorPqcKeyIndex() + " differs from the preamble's " + pqcIdx);
        checkEcc(m.ownerEccKey(), m.ownerEccSignature(), ownerDigest, "owner",
                VerifierError.OWNER_ECC_PUB_KEY_INVALID_ARG, VerifierError.OWNER_ECC_SIGNATURE_INVALID_ARG,
                VerifierError.OWNER_ECC_VERIFY_FAILURE, VerifierError.OWNER_ECC_SIGNATURE_INVALID);
        verified.add("owner ECC");
        checkPqc(type, m.ownerPqcKey().slice(0, type.publicKeySize()), m.ownerPqcSignature(), ownerDigest, ownerHeader,
                "owner", false);
        verified.add("owner " + (type == PqcKeyType.LMS ? "LMS" : "ML-DSA"));

        var layout = checkToc(bundle, m.size(), ManifestV2.OFF_FMC_TOC, header.tocLength(), header.tocDigest(),
                m.fmc(), m.runtime());
        Octets fmcDigest = checkImage(bundle, m.fmc(), layout.fmcStart(), layout.fmcEnd(), gen, true);
        Octets rtDigest = checkImage(bundle, m.runtime(), layout.rtStart(), layout.rtEnd(), gen, false);
        boolean svn = svnChecked(fuses);
        if (svn) {
            checkSvn(header.svn(), 128, fuses.runtimeSvn(), VerifierError.FIRMWARE_SVN_GREATER_THAN_MAX_SUPPORTED,
                    VerifierError.FIRMWARE_SVN_LESS_THAN_FUSE, "firmware");
        }
        return new AcceptedImage(gen, vendorHash, ownerHash, ownerFused, eccIdx, pqcIdx, type, verified, fmcDigest,
                rtDigest, header.svn(), header.svn(), svn ? fuses.runtimeSvn() : 0, m.fmc().loadAddress(),
                m.fmc().entryPoint(), m.fmc().size(), m.runtime().loadAddress(), m.runtime().entryPoint(), m.runtime().size());
    }

    private static void checkPqc(PqcKeyType type, Octets key, Octets signature, byte[] digest, byte[] header, String who,
            boolean vendor) {
        if (type == PqcKeyType.LMS) {
            var lmsKey = LmsPublicKey.read(key.toByteArray(), 0);
            check(lmsKey.isCaliptraParameterSet(), vendor ? VerifierError.LMS_VENDOR_PUB_KEY_INVALID
                    : VerifierError.LMS_OWNER_PUB_KEY_INVALID, String.format("%s LMS key has type %d/%d, expected 12/7",
                            who, lmsKey.lmsType(), lmsKey.otsType()));
            var sig = LmsSignature.read(signature.toByteArray(), 0);
            check(sig.lmsType() == Lms.LMS_SHA256_M24_H15 && sig.otsType() == Lms.LMOTS_SHA256_N24_W4,
                    vendor ? VerifierError.LMS_VENDOR_SIG_INVALID : VerifierError.LMS_OWNER_SIG_INVALID,
                    String.format("%s LMS signature has type %d/%d, expected 12/7", who, sig.lmsType(), sig.otsType()));
            checkLms(lmsKey, sig, digest, who,
                    vendor ? VerifierError.VENDOR_LMS_VERIFY_FAILURE : VerifierError.OWNER_LMS_VERIFY_FAILURE,
                    vendor ? VerifierError.VENDOR_LMS_SIGNATURE_INVALID : VerifierError.OWNER_LMS_SIGNATURE_INVALID);
        } else {
            switch (SignatureChecks.mldsa(key, header, signature)) {
                case MALFORMED -> throw new Fail(vendor ? VerifierError.VENDOR_MLDSA_VERIFY_FAILURE
                        : VerifierError.OWNER_MLDSA_VERIFY_FAILURE, who + " ML-DSA-87 key or signature is malformed");
                case INVALID -> throw new Fail(vendor ? VerifierError.VENDOR_MLDSA_SIGNATURE_INVALID
                        : VerifierError.OWNER_MLDSA_SIGNATURE_INVALID, who + " ML-DSA-87 signature does not verify");
                case VALID -> { }
            }
        }
    }
}
