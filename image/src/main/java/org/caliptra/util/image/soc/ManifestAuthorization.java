package org.caliptra.util.image.soc;

import static org.caliptra.util.protocol.error.CaliptraError.IMAGE_VERIFIER_ERR_FIRMWARE_SVN_GREATER_THAN_MAX_SUPPORTED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_IMAGE_METADATA_LIST_DUPLICATE_FIRMWARE_ID;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_IMAGE_METADATA_LIST_INVALID_ENTRY_COUNT;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_IMAGE_METADATA_LIST_INVALID_SIZE;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_MLDSA_OWNER_SIG_INVALID;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_MLDSA_VENDOR_SIG_INVALID;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_OWNER_ECC_SIGNATURE_INVALID;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_OWNER_LMS_SIGNATURE_INVALID;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_PREAMBLE_SIZE_LT_MIN;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_PREAMBLE_SIZE_MISMATCH;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_VENDOR_ECC_SIGNATURE_INVALID;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_MANIFEST_VENDOR_LMS_SIGNATURE_INVALID;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INVALID_AUTH_MANIFEST_MARKER;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;

import org.caliptra.util.protocol.core.AuthResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.core.AuthManifestCommands;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.image.verify.SignatureChecks;

/**
 * SET_AUTH_MANIFEST / SET_OWNER_AUTH_MANIFEST and AUTHORIZE_AND_STASH as the Caliptra runtime
 * performs them (spec/formats.md §3.4), as pure functions: a manifest is loaded against the trust
 * an accepted firmware bundle established, and the loaded table then answers authorization
 * requests with the runtime's result codes. Immutable; {@link #apply} on a loaded table adds an
 * owner-only manifest's entries.
 */
public final class ManifestAuthorization {
    private final Generation generation;
    private final List<ImageMetadata> entries;
    private final List<ImageMetadata> ownerOnly;

    private ManifestAuthorization(Generation generation, List<ImageMetadata> entries, List<ImageMetadata> ownerOnly) {
        this.generation = generation;
        this.entries = entries;
        this.ownerOnly = ownerOnly;
    }

    public static ManifestAuthorization empty(Generation generation) {
        return new ManifestAuthorization(generation, List.of(), List.of());
    }

    /** The loaded entries, sorted by fw_id as the runtime keeps them. */
    public List<ImageMetadata> entries() {
        return entries;
    }

    public List<ImageMetadata> ownerOnlyEntries() {
        return ownerOnly;
    }

    /** Result of loading a manifest: the new table, or the runtime error that refused it. */
    public sealed interface Load {
        record Loaded(ManifestAuthorization authorization) implements Load {}

        record Refused(RuntimeError error) implements Load {}
    }

    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient RuntimeError error;

        Refusal(CaliptraError error, String detail) {
            super(detail, null, false, false);
            this.error = new RuntimeError(error, detail);
        }
    }

    private static void check(boolean ok, CaliptraError error, String detail) {
        if (!ok) {
            throw new Refusal(error, detail);
        }
    }

    /** SET_AUTH_MANIFEST (or SET_OWNER_AUTH_MANIFEST for an owner-only manifest). */
    public static Load load(byte[] manifest, FirmwareTrust trust) {
        return empty(trust.generation()).apply(manifest, trust);
    }

    /** Loads {@code manifest} on top of this table (an owner-only manifest adds to a loaded one). */
    public Load apply(byte[] manifest, FirmwareTrust trust) {
        try {
            return new Load.Loaded(loadChecked(manifest, trust));
        } catch (Refusal r) {
            return new Load.Refused(r.error);
        }
    }

    private ManifestAuthorization loadChecked(byte[] bytes, FirmwareTrust trust) {
        var variant = SocManifestVariant.detect(bytes);
        int max = maxSize(variant, trust.generation());
        check(bytes.length <= max, RUNTIME_MAILBOX_INVALID_PARAMS,
                "manifest of " + bytes.length + " bytes exceeds the " + max + "-byte limit");
        int minimum = trust.generation() == Generation.V1 ? SocManifestVariant.V1.preambleSize : SocManifestVariant.OWNER.preambleSize;
        check(bytes.length >= minimum, RUNTIME_AUTH_MANIFEST_PREAMBLE_SIZE_LT_MIN,
                "manifest of " + bytes.length + " bytes is shorter than a preamble");
        boolean markerOk = variant != null && (trust.generation() == Generation.V1) == !variant.isCaliptra2();
        check(markerOk, RUNTIME_INVALID_AUTH_MANIFEST_MARKER, "no " + (trust.generation() == Generation.V1
                ? "ATMN" : "ATM2 or OWOM") + " marker at offset 0");
        check(bytes.length >= variant.totalSize, RUNTIME_AUTH_MANIFEST_IMAGE_METADATA_LIST_INVALID_SIZE,
                "manifest of " + bytes.length + " bytes ends inside its image metadata collection");
        var m = SocManifest.parse(bytes, "manifest");
        check(m.size() == variant.preambleSize, RUNTIME_AUTH_MANIFEST_PREAMBLE_SIZE_MISMATCH,
                "preamble size field " + Integer.toUnsignedLong(m.size()) + ", expected " + variant.preambleSize);
        if (m.svn() != null && trust.fuses().lifecycle() != org.caliptra.util.protocol.regs.Lifecycle.UNPROVISIONED
                && !trust.fuses().antiRollbackDisable()) {
            check(Integer.compareUnsigned(m.svn(), variant == SocManifestVariant.OWNER ? 255 : 128) <= 0,
                    IMAGE_VERIFIER_ERR_FIRMWARE_SVN_GREATER_THAN_MAX_SUPPORTED,
                    "manifest SVN " + Integer.toUnsignedLong(m.svn()) + " is above the maximum");
        }
        PqcKeyType pqc = trust.pqcKeyType();
        if (variant.hasVendor()) {
            byte[] span = m.vendorKeysSignedBytes();
            verifyPair(trust.vendorEccKey(), trust.vendorPqcKey(), pqc, span, m.vendorKeysEccSignature(),
                    m.vendorKeysPqcSignature(), true, "vendor endorsement of the manifest keys", false);
        }
        byte[] ownerSpan = m.ownerKeysSignedBytes();
        verifyPair(trust.ownerEccKey(), trust.ownerPqcKey(), pqc, ownerSpan, m.ownerKeysEccSignature(),
                m.ownerKeysPqcSignature(), false, "owner endorsement of the manifest keys", false);
        if (variant == SocManifestVariant.ASPEED) {
            // ASPEED's runtime source is not public: checked as its tool signs it (owner FW keys, q reversed).
            verifyPair(trust.ownerEccKey(), trust.ownerPqcKey(), pqc, m.svnSignedBytes(), m.svnEccSignature(),
                    m.svnPqcSignature(), false, "owner signature of the security version", true);
        }
        var imc = m.imc();
        check(imc.entryCount() > 0 && Integer.compareUnsigned(imc.entryCount(), variant.slots) <= 0,
                RUNTIME_AUTH_MANIFEST_IMAGE_METADATA_LIST_INVALID_ENTRY_COUNT,
                "image metadata entry_count " + Integer.toUnsignedLong(imc.entryCount()) + ", expected 1.." + variant.slots);
        byte[] imcBytes = m.imcBytes();
        if (variant.hasVendor() && (m.flags() & SocManifest.VENDOR_SIGNATURE_REQUIRED) != 0) {
            verifyPair(m.vendorEccKey(), m.vendorPqcKey(), pqc, imcBytes, m.imcVendorEccSignature(),
                    m.imcVendorPqcSignature(), true, "vendor signature of the image metadata", false);
        }
        verifyPair(m.ownerEccKey(), m.ownerPqcKey(), pqc, imcBytes, m.imcOwnerEccSignature(), m.imcOwnerPqcSignature(),
                false, "owner signature of the image metadata", false);
        var sorted = new ArrayList<>(imc.used());
        sorted.sort(Comparator.comparingInt(ImageMetadata::fwId));
        for (int i = 1; i < sorted.size(); i++) {
            check(sorted.get(i).fwId() != sorted.get(i - 1).fwId(), RUNTIME_AUTH_MANIFEST_IMAGE_METADATA_LIST_DUPLICATE_FIRMWARE_ID,
                    "fw_id " + sorted.get(i).fwId() + " appears twice");
        }
        if (variant == SocManifestVariant.OWNER) {
            for (ImageMetadata e : sorted) {
                check(entries.stream().noneMatch(x -> x.fwId() == e.fwId()),
                        RUNTIME_AUTH_MANIFEST_IMAGE_METADATA_LIST_DUPLICATE_FIRMWARE_ID,
                        "fw_id " + e.fwId() + " is already in the vendor/owner manifest");
            }
            return new ManifestAuthorization(generation, entries, List.copyOf(sorted));
        }
        return new ManifestAuthorization(generation, List.copyOf(sorted), ownerOnly);
    }

    private static int maxSize(SocManifestVariant variant, Generation generation) {
        if (variant == SocManifestVariant.ASPEED) {
            return AuthManifestCommands.MAX_MANIFEST_ASPEED;
        }
        if (variant == SocManifestVariant.OWNER) {
            return AuthManifestCommands.MAX_OWNER_MANIFEST;
        }
        return generation == Generation.V1 ? AuthManifestCommands.MAX_MANIFEST_V1 : AuthManifestCommands.MAX_MANIFEST_V2;
    }

    private static void verifyPair(EccPublicKey eccKey, Octets pqcKey, PqcKeyType pqc, byte[] span, EccSignature eccSig,
            Octets pqcSig, boolean vendor, String what, boolean qReversed) {
        byte[] digest = Sha384.of(span).toByteArray();
        check(SignatureChecks.ecdsa(eccKey, digest, eccSig) == Lms.Check.VALID,
                vendor ? RUNTIME_AUTH_MANIFEST_VENDOR_ECC_SIGNATURE_INVALID : RUNTIME_AUTH_MANIFEST_OWNER_ECC_SIGNATURE_INVALID,
                what + ": ECDSA P-384 signature does not verify");
        if (pqc == PqcKeyType.LMS) {
            byte[] sig = pqcSig.slice(0, LmsSignature.SIZE).toByteArray();
            if (qReversed) {
                SocManifestBuilder.reverseQ(sig);
            }
            var key = LmsPublicKey.read(pqcKey.toByteArray(), 0);
            check(Lms.verify(key, digest, new LmsSignature(Octets.of(sig))) == Lms.Check.VALID,
                    vendor ? RUNTIME_AUTH_MANIFEST_VENDOR_LMS_SIGNATURE_INVALID : RUNTIME_AUTH_MANIFEST_OWNER_LMS_SIGNATURE_INVALID,
                    what + ": LMS signature does not verify");
        } else if (pqc == PqcKeyType.MLDSA) {
            check(SignatureChecks.mldsa(pqcKey, span, pqcSig) == Lms.Check.VALID,
                    vendor ? RUNTIME_AUTH_MANIFEST_MLDSA_VENDOR_SIG_INVALID : RUNTIME_AUTH_MANIFEST_MLDSA_OWNER_SIG_INVALID,
                    what + ": ML-DSA-87 signature does not verify");
        }
    }

    /** AUTHORIZE_AND_STASH's decision for an image given in the request (source InRequest). */
    public AuthResult authorize(int fwId, Octets measurement) {
        for (ImageMetadata e : entries) {
            if (e.fwId() == fwId) {
                return e.ignoreAuthCheck() || matches(e, measurement) ? AuthResult.IMAGE_AUTHORIZED : AuthResult.IMAGE_HASH_MISMATCH;
            }
        }
        for (ImageMetadata e : ownerOnly) {
            if (e.fwId() == fwId) {
                return e.ignoreAuthCheck() || matches(e, measurement)
                        ? AuthResult.IMAGE_AUTHORIZED_OWNER_ONLY : AuthResult.IMAGE_HASH_MISMATCH;
            }
        }
        return AuthResult.IMAGE_NOT_AUTHORIZED;
    }

    private static boolean matches(ImageMetadata e, Octets measurement) {
        return e.digest().equals(measurement);
    }

    /** Convenience for callers holding an image: the digest IMEs carry (SHA-384 of the image padded to 4 bytes). */
    public static Octets imageDigest(byte[] image) {
        var md = Sha384.newDigest();
        md.update(image);
        md.update(new byte[4], 0, ((image.length + 3) & ~3) - image.length);
        return Octets.of(md.digest());
    }

    /** The same over an image held as {@link Octets}, without copying it. */
    public static Octets imageDigest(Octets image) {
        var md = Sha384.newDigest();
        image.update(md, 0, image.length());
        md.update(new byte[4], 0, ((image.length() + 3) & ~3) - image.length());
        return Octets.of(md.digest());
    }
}
