package org.caliptra.util.image.soc;

import java.util.HashSet;
import java.util.List;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.build.BundleBuildException;
import org.caliptra.util.image.build.PqcSigning;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.LmsSignature;

/**
 * Builds and signs SoC manifests the way the reference generator does: FW keys endorse the
 * manifest keys, manifest keys sign the image metadata collection (vendor only when flags bit 0
 * asks for it). For ASPEED's layout it also signs the SVN span with the owner FW keys (storing the
 * LMS q byte-reversed, as ASPEED's tool does) and can put ASPEED's prebuilt vendor endorsement in
 * place of the generated one (zeroing the vendor manifest keys, which that endorsement covers).
 */
public final class SocManifestBuilder {
    private final SocManifestVariant variant;
    private int version = 1;
    private int flags;
    private int secVer;
    private int svn;
    private EccPublicKey vendorEcc = EccPublicKey.zero();
    private Octets vendorPqc;
    private EccPublicKey ownerEcc = EccPublicKey.zero();
    private Octets ownerPqc;
    private SigningPair vendorFw = SigningPair.NONE;
    private SigningPair ownerFw = SigningPair.NONE;
    private SigningPair vendorManifest = SigningPair.NONE;
    private SigningPair ownerManifest = SigningPair.NONE;
    private List<ImageMetadata> images = List.of();
    private EccSignature prebuiltVendorEcc;
    private LmsSignature prebuiltVendorLms;

    private SocManifestBuilder(SocManifestVariant variant) {
        this.variant = variant;
        this.vendorPqc = Octets.zeros(variant.pqcKeySize);
        this.ownerPqc = Octets.zeros(variant.pqcKeySize);
        if (variant.isCaliptra2()) {
            version = 2;
        }
    }

    public static SocManifestBuilder of(SocManifestVariant variant) {
        return new SocManifestBuilder(variant);
    }

    public SocManifestBuilder version(int v) { version = v; return this; }
    public SocManifestBuilder flags(int v) { flags = v; return this; }
    public SocManifestBuilder secVer(int v) { secVer = v; return this; }
    public SocManifestBuilder svn(int v) { svn = v; return this; }
    public SocManifestBuilder vendorFwSigners(SigningPair p) { vendorFw = p; return this; }
    public SocManifestBuilder ownerFwSigners(SigningPair p) { ownerFw = p; return this; }
    public SocManifestBuilder vendorManifestSigners(SigningPair p) { vendorManifest = p; return this; }
    public SocManifestBuilder ownerManifestSigners(SigningPair p) { ownerManifest = p; return this; }
    public SocManifestBuilder images(List<ImageMetadata> list) { images = List.copyOf(list); return this; }

    /** The manifest's own vendor keys (null for zeros); the PQC key is LMS 48 or ML-DSA 2592 bytes. */
    public SocManifestBuilder vendorManifestKeys(EccPublicKey ecc, Octets pqc) {
        vendorEcc = ecc == null ? EccPublicKey.zero() : ecc;
        vendorPqc = slot(pqc, variant.pqcKeySize);
        return this;
    }

    public SocManifestBuilder ownerManifestKeys(EccPublicKey ecc, Octets pqc) {
        ownerEcc = ecc == null ? EccPublicKey.zero() : ecc;
        ownerPqc = slot(pqc, variant.pqcKeySize);
        return this;
    }

    /** ASPEED only: ASPEED's prebuilt vendor endorsement, used in place of generated vendor key signatures. */
    public SocManifestBuilder prebuiltVendorEndorsement(EccSignature ecc, LmsSignature lms) {
        if (variant != SocManifestVariant.ASPEED) {
            throw new IllegalStateException("prebuilt vendor endorsements exist only for ASPEED's layout");
        }
        prebuiltVendorEcc = ecc;
        prebuiltVendorLms = lms;
        return this;
    }

    public SocManifest build() {
        if (images.isEmpty()) {
            throw new BundleBuildException("a SoC manifest needs at least one image metadata entry");
        }
        if (images.size() > variant.slots) {
            throw new BundleBuildException("too many image metadata entries: " + images.size() + ", a " + variant.kind()
                    + " holds at most " + variant.slots);
        }
        var seen = new HashSet<Integer>();
        for (ImageMetadata m : images) {
            if (!seen.add(m.fwId())) {
                throw new BundleBuildException(String.format("duplicate fw_id %d (0x%X) in the image metadata list", m.fwId(), m.fwId()));
            }
        }
        for (SigningPair p : List.of(vendorFw, ownerFw, vendorManifest, ownerManifest)) {
            if (!variant.isCaliptra2() && p.pqc() != null && !(p.pqc() instanceof PqcSigning.Lms)) {
                throw new BundleBuildException("a " + variant.kind() + " is signed with ECC and LMS, not " + p.pqc().type().cliName());
            }
        }
        if (variant == SocManifestVariant.OWNER && flags != 0) {
            throw new BundleBuildException("an owner-only manifest's flags must be 0");
        }
        var imc = ImageMetadataCollection.of(images, variant.slots, variant.v2Entries);
        var zeroSig = Octets.zeros(variant.pqcSigSize);
        boolean vendor = variant.hasVendor();
        Integer secVerField = variant == SocManifestVariant.ASPEED ? secVer : null;
        Integer svnField = variant.svn >= 0 ? svn : null;
        var draft = new SocManifest(variant, variant.marker, variant.preambleSize, version, secVerField, svnField, flags,
                vendor ? vendorEcc : null, vendor ? vendorPqc : null, null, null, ownerEcc, ownerPqc, null, null, null, null,
                null, null, null, null, imc, Octets.zeros(0));
        EccSignature vendorKeysEcc = null;
        Octets vendorKeysPqc = null;
        EccPublicKey vendorEccOut = draft.vendorEccKey();
        Octets vendorPqcOut = draft.vendorPqcKey();
        if (vendor) {
            byte[] span = draft.vendorKeysSignedBytes();
            vendorKeysEcc = vendorFw.eccSign(span);
            vendorKeysPqc = vendorFw.pqcSign(span, variant.pqcSigSize);
            if (prebuiltVendorEcc != null || prebuiltVendorLms != null) {
                boolean eccMade = !vendorKeysEcc.r().isZero();
                boolean lmsMade = !vendorKeysPqc.isZero();
                if (eccMade || lmsMade) {
                    vendorEccOut = EccPublicKey.zero();
                    vendorPqcOut = Octets.zeros(variant.pqcKeySize);
                }
                if (eccMade && prebuiltVendorEcc != null) {
                    vendorKeysEcc = prebuiltVendorEcc;
                }
                if (lmsMade && prebuiltVendorLms != null) {
                    vendorKeysPqc = prebuiltVendorLms.bytes();
                }
            }
        }
        byte[] ownerSpan = draft.ownerKeysSignedBytes();
        EccSignature svnEcc = null;
        Octets svnPqc = null;
        if (variant == SocManifestVariant.ASPEED) {
            byte[] svnSpan = draft.svnSignedBytes();
            svnEcc = ownerFw.eccSign(svnSpan);
            byte[] lms = ownerFw.pqcSign(svnSpan, variant.pqcSigSize).toByteArray();
            reverseQ(lms);
            svnPqc = Octets.of(lms);
        }
        byte[] imcBytes = imc.toBytes();
        boolean vendorImc = vendor && (flags & SocManifest.VENDOR_SIGNATURE_REQUIRED) != 0;
        return new SocManifest(variant, variant.marker, variant.preambleSize, version, secVerField, svnField, flags,
                vendorEccOut, vendorPqcOut, vendorKeysEcc, vendorKeysPqc, ownerEcc, ownerPqc, ownerFw.eccSign(ownerSpan),
                ownerFw.pqcSign(ownerSpan, variant.pqcSigSize), svnEcc, svnPqc,
                vendor ? (vendorImc ? vendorManifest.eccSign(imcBytes) : EccSignature.zero()) : null,
                vendor ? (vendorImc ? vendorManifest.pqcSign(imcBytes, variant.pqcSigSize) : zeroSig) : null,
                ownerManifest.eccSign(imcBytes), ownerManifest.pqcSign(imcBytes, variant.pqcSigSize), imc,
                variant == SocManifestVariant.V2 ? Octets.zeros(30720 - variant.totalSize) : Octets.zeros(0));
    }

    /** ASPEED stores the SVN LMS signature's q (its first 4 bytes) byte-reversed. */
    static void reverseQ(byte[] sig) {
        byte t0 = sig[0];
        byte t1 = sig[1];
        sig[0] = sig[3];
        sig[1] = sig[2];
        sig[2] = t1;
        sig[3] = t0;
    }

    private static Octets slot(Octets key, int size) {
        byte[] out = new byte[size];
        if (key != null) {
            if (key.length() > size) {
                throw new BundleBuildException("public key of " + key.length() + " bytes does not fit a " + size + "-byte slot");
            }
            key.copyTo(out, 0);
        }
        return Octets.of(out);
    }
}
