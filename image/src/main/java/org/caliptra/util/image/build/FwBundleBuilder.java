package org.caliptra.util.image.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.Sha384Digest;
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
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.image.build.BundleBuildException.Input;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import org.caliptra.util.image.verify.VerifierError;
import org.caliptra.util.protocol.Generation;

/**
 * Builds and signs firmware bundles the way the reference generator lays them out: manifest, FMC
 * at the manifest's end, runtime right after; TOC digests, the TOC digest in the header, then
 * vendor signatures over the vendor part of the header and owner signatures over all of it
 * (spec/formats.md §1.3). 2.x bundles are zero-padded to a multiple of 256 bytes.
 */
public final class FwBundleBuilder {
    private static final int V2_ALIGNMENT = 256;
    /** The ROM's MAX_FMC_SVN and MAX_RUNTIME_SVN / MAX_FIRMWARE_SVN (spec/formats.md §1.4). */
    static final int MAX_FMC_SVN = 32;
    static final int MAX_FIRMWARE_SVN = 128;

    private FwBundleBuilder() {}

    public static FwBundle.V1 buildV1(FirmwareImage fmc, FirmwareImage runtime, VendorKeys vendor, OwnerKeys owner,
            BundleOptions options) {
        if (vendor.eccKeys().size() > ManifestV1.VENDOR_ECC_KEYS) {
            throw new BundleBuildException("a 1.x manifest holds 4 vendor ECC keys, got " + vendor.eccKeys().size());
        }
        if (vendor.pqcKeys().size() > ManifestV1.VENDOR_LMS_KEYS) {
            throw new BundleBuildException("a 1.x manifest holds 32 vendor LMS keys, got " + vendor.pqcKeys().size());
        }
        requireLms(vendor.pqcSigner(), "vendor");
        requireLms(owner.pqcSigner(), "owner");
        if ((vendor.pqcSigner() == null) != (owner.pqcSigner() == null)) {
            throw new BundleBuildException("give LMS keys to both vendor and owner, or to neither (ECC-only bundle)");
        }
        var ecc = padded(vendor.eccKeys(), ManifestV1.VENDOR_ECC_KEYS, EccPublicKey.zero());
        checkSlot(ecc, vendor.eccIndex(), vendor.eccSigner().publicKey(), "vendor ECC");
        var lms = new ArrayList<LmsPublicKey>();
        for (Octets k : vendor.pqcKeys()) {
            if (k.length() != LmsPublicKey.SIZE) {
                throw new BundleBuildException("vendor LMS public keys are 48 bytes, got " + k.length());
            }
            lms.add(LmsPublicKey.fromBytes(k.toByteArray()));
        }
        lms = new ArrayList<>(padded(lms, ManifestV1.VENDOR_LMS_KEYS, LmsPublicKey.zero()));
        int lmsIndex = vendor.pqcSigner() == null ? 0 : vendor.pqcIndex();
        if (vendor.pqcSigner() != null) {
            checkSlot(lms, lmsIndex, ((PqcSigning.Lms) vendor.pqcSigner()).signer().publicKey(), "vendor LMS");
        }
        var ownerLms = owner.pqcSigner() == null ? LmsPublicKey.zero() : ((PqcSigning.Lms) owner.pqcSigner()).signer().publicKey();
        checkInputs(Generation.V1, fmc, runtime, options);

        int fmcOffset = ManifestV1.SIZE;
        int rtOffset = fmcOffset + fmc.code().length();
        var fmcToc = toc(TocEntry.FMC_ID, fmc, fmcOffset, fmc.svn());
        var rtToc = toc(TocEntry.RUNTIME_ID, runtime, rtOffset, runtime.svn());
        var header = new ImageHeaderV1(options.headerRevision(), vendor.eccIndex(), lmsIndex, options.flags(), 2,
                options.pauser(), Octets.zeros(48), BundleOptions.time(options.vendorNotBefore()),
                BundleOptions.time(options.vendorNotAfter()), Octets.zeros(10), BundleOptions.time(options.ownerNotBefore()),
                BundleOptions.time(options.ownerNotAfter()), Octets.of(new byte[] {(byte) options.ownerEpoch(),
                        (byte) (options.ownerEpoch() >>> 8)}), Octets.zeros(8));
        var unsigned = new ManifestV1(ManifestV1.MARKER, ManifestV1.SIZE, ecc, lms, vendor.eccIndex(), lmsIndex,
                EccSignature.zero(), LmsSignature.zero(), owner.eccSigner().publicKey(), ownerLms, EccSignature.zero(),
                LmsSignature.zero(), Octets.zeros(8), header, fmcToc, rtToc);
        Octets body = concat(fmc.code(), runtime.code());
        byte[] draft = new FwBundle.V1(unsigned, body).toBytes();
        header = header.withTocDigest(Sha384.of(draft, ManifestV1.OFF_FMC_TOC, 2 * TocEntry.SIZE));
        draft = new FwBundle.V1(withHeader(unsigned, header), body).toBytes();

        Sha384Digest vendorDigest = Sha384.digest(draft, ManifestV1.OFF_HEADER, ImageHeaderV1.VENDOR_SIGNED);
        Sha384Digest ownerDigest = Sha384.digest(draft, ManifestV1.OFF_HEADER, ImageHeaderV1.SIZE);
        var m = withHeader(unsigned, header);
        var signed = new ManifestV1(m.marker(), m.size(), m.vendorEccKeys(), m.vendorLmsKeys(), m.vendorEccKeyIndex(),
                m.vendorLmsKeyIndex(), vendor.eccSigner().signDigest(vendorDigest),
                vendor.pqcSigner() == null ? LmsSignature.zero() : ((PqcSigning.Lms) vendor.pqcSigner()).signer().sign(vendorDigest.toByteArray()),
                m.ownerEccKey(), m.ownerLmsKey(), owner.eccSigner().signDigest(ownerDigest),
                owner.pqcSigner() == null ? LmsSignature.zero() : ((PqcSigning.Lms) owner.pqcSigner()).signer().sign(ownerDigest.toByteArray()),
                m.reserved(), m.header(), m.fmc(), m.runtime());
        return judged(new FwBundle.V1(signed, body), Generation.V1);
    }

    public static FwBundle.V2 buildV2(FirmwareImage fmc, FirmwareImage runtime, VendorKeys vendor, OwnerKeys owner,
            BundleOptions options) {
        if (vendor.pqcSigner() == null || owner.pqcSigner() == null) {
            throw new BundleBuildException("a 2.x bundle needs PQC (LMS or ML-DSA-87) signing keys for vendor and owner");
        }
        PqcKeyType type = vendor.pqcSigner().type();
        if (owner.pqcSigner().type() != type) {
            throw new BundleBuildException("vendor signs with " + type.cliName() + " but owner with "
                    + owner.pqcSigner().type().cliName() + "; a 2.x bundle uses one PQC type");
        }
        int eccCount = vendor.eccKeys().size();
        if (eccCount < 1 || eccCount > KeyDescriptor.ECC_SLOTS) {
            throw new BundleBuildException("a 2.x bundle lists 1 to 4 vendor ECC keys, got " + eccCount);
        }
        int pqcCount = vendor.pqcKeys().size();
        if (pqcCount < 1 || pqcCount > type.maxKeys()) {
            throw new BundleBuildException("a 2.x " + type.cliName() + " bundle lists 1 to " + type.maxKeys()
                    + " vendor PQC keys, got " + pqcCount);
        }
        checkSlot(vendor.eccKeys(), vendor.eccIndex(), vendor.eccSigner().publicKey(), "vendor ECC");
        checkSlot(vendor.pqcKeys(), vendor.pqcIndex(), vendor.pqcSigner().publicKeyBytes(), "vendor " + type.cliName());

        var eccHashes = new ArrayList<Octets>();
        for (int i = 0; i < KeyDescriptor.ECC_SLOTS; i++) {
            eccHashes.add(i < eccCount ? Sha384.of(vendor.eccKeys().get(i).toHw()) : Octets.zeros(48));
        }
        var pqcHashes = new ArrayList<Octets>();
        for (int i = 0; i < KeyDescriptor.PQC_SLOTS; i++) {
            if (i < pqcCount) {
                Octets key = vendor.pqcKeys().get(i);
                if (key.length() != type.publicKeySize()) {
                    throw new BundleBuildException("vendor " + type.cliName() + " public key " + i + " is " + key.length()
                            + " bytes, expected " + type.publicKeySize());
                }
                pqcHashes.add(Sha384.of(key));
            } else {
                pqcHashes.add(Octets.zeros(48));
            }
        }
        int fmcOffset = ManifestV2.SIZE;
        int rtOffset = fmcOffset + fmc.code().length();
        var fmcToc = toc(TocEntry.FMC_ID, fmc, fmcOffset, 0);
        var rtToc = toc(TocEntry.RUNTIME_ID, runtime, rtOffset, 0);
        var header = new ImageHeaderV2(options.headerRevision(), vendor.eccIndex(), vendor.pqcIndex(), options.flags(), 2,
                options.pauser(), Octets.zeros(48), options.firmwareSvn(), BundleOptions.time(options.vendorNotBefore()),
                BundleOptions.time(options.vendorNotAfter()), Octets.zeros(10), BundleOptions.time(options.ownerNotBefore()),
                BundleOptions.time(options.ownerNotAfter()), Octets.zeros(10));
        var unsigned = new ManifestV2(ManifestV2.MARKER, ManifestV2.SIZE, type.value(), Octets.zeros(3),
                new KeyDescriptor(1, 0, eccCount, eccHashes), new KeyDescriptor(1, type.value(), pqcCount, pqcHashes),
                vendor.eccIndex(), vendor.eccSigner().publicKey(), vendor.pqcIndex(),
                slot(vendor.pqcSigner().publicKeyBytes(), ManifestV2.PQC_KEY_SLOT), EccSignature.zero(),
                Octets.zeros(ManifestV2.PQC_SIG_SLOT), owner.eccSigner().publicKey(),
                slot(owner.pqcSigner().publicKeyBytes(), ManifestV2.PQC_KEY_SLOT), EccSignature.zero(),
                Octets.zeros(ManifestV2.PQC_SIG_SLOT), Octets.zeros(8), header, fmcToc, rtToc);
        int unpadded = ManifestV2.SIZE + fmc.code().length() + runtime.code().length();
        int padding = (V2_ALIGNMENT - unpadded % V2_ALIGNMENT) % V2_ALIGNMENT;
        checkInputs(Generation.V2, fmc, runtime, options);
        Octets body = concat(fmc.code(), runtime.code(), Octets.zeros(padding));
        byte[] draft = new FwBundle.V2(unsigned, body).toBytes();
        header = header.withTocDigest(Sha384.of(draft, ManifestV2.OFF_FMC_TOC, 2 * TocEntry.SIZE));
        var m = withHeader(unsigned, header);
        draft = new FwBundle.V2(m, body).toBytes();

        byte[] vendorHeader = Arrays.copyOfRange(draft, ManifestV2.OFF_HEADER, ManifestV2.OFF_HEADER + ImageHeaderV2.VENDOR_SIGNED);
        byte[] ownerHeader = Arrays.copyOfRange(draft, ManifestV2.OFF_HEADER, ManifestV2.OFF_HEADER + ImageHeaderV2.SIZE);
        Sha384Digest vendorDigest = Sha384.digest(vendorHeader);
        Sha384Digest ownerDigest = Sha384.digest(ownerHeader);
        var signed = new ManifestV2(m.marker(), m.size(), m.pqcKeyType(), m.reserved0(), m.eccKeyDescriptor(),
                m.pqcKeyDescriptor(), m.vendorEccKeyIndex(), m.vendorEccKey(), m.vendorPqcKeyIndex(), m.vendorPqcKey(),
                vendor.eccSigner().signDigest(vendorDigest),
                slot(pqcSign(vendor.pqcSigner(), vendorDigest, vendorHeader), ManifestV2.PQC_SIG_SLOT),
                m.ownerEccKey(), m.ownerPqcKey(), owner.eccSigner().signDigest(ownerDigest),
                slot(pqcSign(owner.pqcSigner(), ownerDigest, ownerHeader), ManifestV2.PQC_SIG_SLOT),
                m.reserved1(), m.header(), m.fmc(), m.runtime());
        return judged(new FwBundle.V2(signed, body), Generation.V2);
    }

    /**
     * The boot ROM's checks that depend on the images and options alone, in the ROM's order: a
     * caller may run them before it loads any key, and the builders run them before anything is
     * signed, so a bundle no ROM accepts is never built (and a full-tree LMS key spends no leaf on it).
     *
     * @throws BundleBuildException naming the input at fault and the ROM's error
     */
    public static void checkInputs(Generation gen, FirmwareImage fmc, FirmwareImage rt, BundleOptions options) {
        long size = (gen == Generation.V1 ? ManifestV1.SIZE : ManifestV2.SIZE) + (long) fmc.code().length() + rt.code().length();
        if (gen == Generation.V2) {
            size += (V2_ALIGNMENT - size % V2_ALIGNMENT) % V2_ALIGNMENT;
        }
        checkLayout(gen, fmc, rt, size, gen == Generation.V1 ? null : options.firmwareSvn());
    }

    /** @param firmwareSvn the 2.x header SVN; null for 1.x, whose SVNs are per image */
    private static void checkLayout(Generation gen, FirmwareImage fmc, FirmwareImage rt, long bundleSize, Integer firmwareSvn) {
        refuse(bundleSize > gen.maxImageSize(), Input.IMAGE_SIZES, VerifierError.FW_PROC_INVALID_IMAGE_SIZE, gen, String.format(
                "FMC (%d bytes) and runtime (%d bytes) make a %d-byte bundle; a %s boot ROM takes at most %d bytes",
                fmc.code().length(), rt.code().length(), bundleSize, gen.label(), gen.maxImageSize()));
        long fmcLoad = Integer.toUnsignedLong(fmc.loadAddress());
        long fmcLast = fmcLoad + fmc.code().length() - 1;
        long rtLoad = Integer.toUnsignedLong(rt.loadAddress());
        long rtLast = rtLoad + rt.code().length() - 1;
        refuse(fmcLast > 0xFFFF_FFFFL, Input.FMC_LOAD_ADDRESS, VerifierError.FMC_LOAD_ADDRESS_IMAGE_SIZE_ARITHMETIC_OVERFLOW, gen,
                String.format("FMC load address 0x%08X + %d bytes passes 0xFFFFFFFF", fmcLoad, fmc.code().length()));
        refuse(rtLast > 0xFFFF_FFFFL, Input.RUNTIME_LOAD_ADDRESS, VerifierError.RUNTIME_LOAD_ADDRESS_IMAGE_SIZE_ARITHMETIC_OVERFLOW,
                gen, String.format("runtime load address 0x%08X + %d bytes passes 0xFFFFFFFF", rtLoad, rt.code().length()));
        refuse(fmcLoad <= rtLast && rtLoad <= fmcLast, Input.RUNTIME_LOAD_ADDRESS, VerifierError.FMC_RUNTIME_LOAD_ADDR_OVERLAP, gen,
                String.format("runtime load range 0x%08X..0x%08X overlaps the FMC's 0x%08X..0x%08X", rtLoad, rtLast, fmcLoad, fmcLast));
        checkImage(gen, fmc, true);
        if (firmwareSvn == null) {
            refuse(Integer.toUnsignedLong(fmc.svn()) > MAX_FMC_SVN, Input.FMC_SVN, VerifierError.FMC_SVN_GREATER_THAN_MAX_SUPPORTED, gen,
                    "FMC SVN " + Integer.toUnsignedLong(fmc.svn()) + " is above the maximum " + MAX_FMC_SVN);
        }
        checkImage(gen, rt, false);
        long svn = Integer.toUnsignedLong(firmwareSvn == null ? rt.svn() : firmwareSvn);
        refuse(svn > MAX_FIRMWARE_SVN, firmwareSvn == null ? Input.RUNTIME_SVN : Input.FIRMWARE_SVN,
                VerifierError.FIRMWARE_SVN_GREATER_THAN_MAX_SUPPORTED, gen,
                (firmwareSvn == null ? "runtime" : "firmware") + " SVN " + svn + " is above the maximum " + MAX_FIRMWARE_SVN);
    }

    private static void checkImage(Generation gen, FirmwareImage image, boolean isFmc) {
        String what = isFmc ? "FMC" : "runtime";
        long iccmStart = Generation.ICCM_BASE;
        long iccmEnd = iccmStart + gen.iccmSize();
        long load = Integer.toUnsignedLong(image.loadAddress());
        long last = load + image.code().length() - 1;
        refuse(load < iccmStart || last >= iccmEnd, isFmc ? Input.FMC_LOAD_ADDRESS : Input.RUNTIME_LOAD_ADDRESS,
                isFmc ? VerifierError.FMC_LOAD_ADDR_INVALID : VerifierError.RUNTIME_LOAD_ADDR_INVALID, gen,
                String.format("%s load range 0x%08X..0x%08X (%d bytes) is not inside ICCM 0x%08X..0x%08X", what, load, last,
                        image.code().length(), iccmStart, iccmEnd - 1));
        refuse(load % 4 != 0, isFmc ? Input.FMC_LOAD_ADDRESS : Input.RUNTIME_LOAD_ADDRESS,
                isFmc ? VerifierError.FMC_LOAD_ADDR_UNALIGNED : VerifierError.RUNTIME_LOAD_ADDR_UNALIGNED, gen,
                String.format("%s load address 0x%08X is not 4-byte aligned", what, load));
        long entry = Integer.toUnsignedLong(image.entryPoint());
        refuse(entry < iccmStart || entry >= iccmEnd, isFmc ? Input.FMC_ENTRY_POINT : Input.RUNTIME_ENTRY_POINT,
                isFmc ? VerifierError.FMC_ENTRY_POINT_INVALID : VerifierError.RUNTIME_ENTRY_POINT_INVALID, gen,
                String.format("%s entry point 0x%08X is outside ICCM 0x%08X..0x%08X", what, entry, iccmStart, iccmEnd - 1));
        refuse(entry % 4 != 0, isFmc ? Input.FMC_ENTRY_POINT : Input.RUNTIME_ENTRY_POINT,
                isFmc ? VerifierError.FMC_ENTRY_POINT_UNALIGNED : VerifierError.RUNTIME_ENTRY_POINT_UNALIGNED, gen,
                String.format("%s entry point 0x%08X is not 4-byte aligned", what, entry));
    }

    private static void refuse(boolean bad, Input input, VerifierError error, Generation gen, String detail) {
        if (bad) {
            throw new BundleBuildException(detail + ": the boot ROM would reject the bundle with " + error.errorName(gen)
                    + String.format(" (0x%08X)", error.code(gen)), input, error);
        }
    }

    /**
     * The signed bundle as the ROM of a part provisioned for its own keys judges it: the builder
     * never hands out a bundle its own verifier rejects (a signer that signed with another key
     * than its public key says, for one).
     */
    private static <B extends FwBundle> B judged(B bundle, Generation gen) {
        byte[] bytes = bundle.toBytes();
        if (RomVerifier.verify(bytes, Fuses.provisionedFor(bytes), gen) instanceof VerificationResult.Rejected r) {
            throw new BundleBuildException("the signed bundle fails the boot ROM's checks: " + r.rejection(), null,
                    r.rejection().error());
        }
        return bundle;
    }

    /** LMS signs the SHA-384 digest; ML-DSA-87 signs the raw header bytes. */
    private static Octets pqcSign(PqcSigning signing, Sha384Digest digest, byte[] rawHeader) {
        if (signing instanceof PqcSigning.Lms lms) {
            return lms.signer().sign(digest.toByteArray()).bytes();
        }
        return ((PqcSigning.Mldsa) signing).signer().sign(rawHeader).bytes();
    }

    private static TocEntry toc(int id, FirmwareImage image, int offset, int svn) {
        return new TocEntry(id, TocEntry.EXECUTABLE, image.revision(), image.version(), svn, 0, image.loadAddress(),
                image.entryPoint(), offset, image.code().length(), Sha384.of(image.code()));
    }

    private static ManifestV1 withHeader(ManifestV1 m, ImageHeaderV1 h) {
        return new ManifestV1(m.marker(), m.size(), m.vendorEccKeys(), m.vendorLmsKeys(), m.vendorEccKeyIndex(),
                m.vendorLmsKeyIndex(), m.vendorEccSignature(), m.vendorLmsSignature(), m.ownerEccKey(), m.ownerLmsKey(),
                m.ownerEccSignature(), m.ownerLmsSignature(), m.reserved(), h, m.fmc(), m.runtime());
    }

    private static ManifestV2 withHeader(ManifestV2 m, ImageHeaderV2 h) {
        return new ManifestV2(m.marker(), m.size(), m.pqcKeyType(), m.reserved0(), m.eccKeyDescriptor(),
                m.pqcKeyDescriptor(), m.vendorEccKeyIndex(), m.vendorEccKey(), m.vendorPqcKeyIndex(), m.vendorPqcKey(),
                m.vendorEccSignature(), m.vendorPqcSignature(), m.ownerEccKey(), m.ownerPqcKey(), m.ownerEccSignature(),
                m.ownerPqcSignature(), m.reserved1(), h, m.fmc(), m.runtime());
    }

    private static void requireLms(PqcSigning signing, String who) {
        if (signing != null && !(signing instanceof PqcSigning.Lms)) {
            throw new BundleBuildException("a 1.x bundle signs with LMS; the " + who + " PQC key is " + signing.type().cliName());
        }
    }

    private static <T> void checkSlot(List<T> keys, int index, T signerKey, String what) {
        if (index < 0 || index >= keys.size()) {
            throw new BundleBuildException(what + " key index " + index + " has no public key (" + keys.size() + " given)");
        }
        if (!keys.get(index).equals(signerKey)) {
            throw new BundleBuildException("the " + what + " signing key does not match public key slot " + index);
        }
    }

    private static <T> List<T> padded(List<T> keys, int size, T zero) {
        var out = new ArrayList<T>(keys);
        while (out.size() < size) {
            out.add(zero);
        }
        return out;
    }

    private static Octets slot(Octets value, int size) {
        byte[] out = new byte[size];
        value.copyTo(out, 0);
        return Octets.of(out);
    }

    private static Octets concat(Octets... parts) {
        int total = 0;
        for (Octets p : parts) {
            total += p.length();
        }
        byte[] out = new byte[total];
        int at = 0;
        for (Octets p : parts) {
            p.copyTo(out, at);
            at += p.length();
        }
        return Octets.of(out);
    }
}
