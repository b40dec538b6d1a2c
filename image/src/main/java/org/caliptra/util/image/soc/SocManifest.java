package org.caliptra.util.image.soc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;

/**
 * A SoC ("authorization") manifest in any of its four layouts, every field. Fields a layout does
 * not have are null (e.g. vendor fields of an owner-only manifest, {@code secVer} outside ASPEED's
 * layout). PQC keys and signatures are the raw slots: LMS 48 / 1620 bytes in 1.x layouts, 2592 /
 * 4628 in 2.x layouts (LMS using the first 48 / 1620).
 *
 * @param size the preamble size field as stored (ASPEED's layout keeps 7168)
 * @param trailing bytes after the manifest proper (2.x files are padded to 30720), kept for round trips
 */
public record SocManifest(SocManifestVariant variant, int marker, int size, int version, Integer secVer, Integer svn,
        int flags, EccPublicKey vendorEccKey, Octets vendorPqcKey, EccSignature vendorKeysEccSignature,
        Octets vendorKeysPqcSignature, EccPublicKey ownerEccKey, Octets ownerPqcKey, EccSignature ownerKeysEccSignature,
        Octets ownerKeysPqcSignature, EccSignature svnEccSignature, Octets svnPqcSignature,
        EccSignature imcVendorEccSignature, Octets imcVendorPqcSignature, EccSignature imcOwnerEccSignature,
        Octets imcOwnerPqcSignature, ImageMetadataCollection imc, Octets trailing) {

    public static final int VENDOR_SIGNATURE_REQUIRED = 1;
    /** SET_AUTH_MANIFEST carries at most 34 KiB of manifest (2.x; 1.x 14 KiB), spec/formats.md §3.4. */
    public static final org.caliptra.util.image.io.InputLimit FILE_LIMIT = new org.caliptra.util.image.io.InputLimit(
            "a SoC manifest", 34 * 1024, "the 2.x SET_AUTH_MANIFEST request carries at most 34 KiB of manifest");

    public String kind() {
        return variant.kind();
    }

    public static boolean isSocManifest(byte[] bytes) {
        return SocManifestVariant.detect(bytes) != null;
    }

    public static SocManifest parse(byte[] bytes, String name) {
        var v = SocManifestVariant.detect(bytes);
        if (v == null) {
            throw new ImageFormatException(name + ": not a SoC manifest (no ATMN, ATM2 or OWOM marker at offset 0)");
        }
        if (bytes.length < v.totalSize) {
            throw new ImageFormatException(String.format("%s: %d bytes is shorter than a %s (%d bytes)", name, bytes.length,
                    v.kind(), v.totalSize));
        }
        if (v == SocManifestVariant.V1 && bytes.length != v.totalSize) {
            throw new ImageFormatException(String.format("%s: %d bytes: a 1.x SoC manifest is %d bytes and ASPEED's %d",
                    name, bytes.length, v.totalSize, SocManifestVariant.ASPEED.totalSize));
        }
        var r = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new SocManifest(v, r.getInt(0), r.getInt(4), r.getInt(v.version),
                v.secVer < 0 ? null : r.getInt(v.secVer), v.svn < 0 ? null : r.getInt(v.svn), r.getInt(v.flags),
                ecc(bytes, v.vendorEccKey), raw(bytes, v.vendorPqcKey, v.pqcKeySize), sig(bytes, v.vendorKeysEccSig),
                raw(bytes, v.vendorKeysPqcSig, v.pqcSigSize), ecc(bytes, v.ownerEccKey), raw(bytes, v.ownerPqcKey, v.pqcKeySize),
                sig(bytes, v.ownerKeysEccSig), raw(bytes, v.ownerKeysPqcSig, v.pqcSigSize), sig(bytes, v.svnEccSig),
                raw(bytes, v.svnPqcSig, v.pqcSigSize), sig(bytes, v.imcVendorEccSig), raw(bytes, v.imcVendorPqcSig, v.pqcSigSize),
                sig(bytes, v.imcOwnerEccSig), raw(bytes, v.imcOwnerPqcSig, v.pqcSigSize),
                ImageMetadataCollection.read(bytes, v.imc, v.slots, v.v2Entries),
                Octets.of(bytes, v.totalSize, bytes.length - v.totalSize));
    }

    public byte[] toBytes() {
        var v = variant;
        byte[] out = new byte[v.totalSize + trailing.length()];
        var w = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        w.putInt(0, marker).putInt(4, size).putInt(v.version, version).putInt(v.flags, flags);
        if (v.secVer >= 0) {
            w.putInt(v.secVer, secVer);
        }
        if (v.svn >= 0) {
            w.putInt(v.svn, svn);
        }
        put(out, v.vendorEccKey, vendorEccKey);
        put(out, v.vendorPqcKey, vendorPqcKey);
        put(out, v.vendorKeysEccSig, vendorKeysEccSignature);
        put(out, v.vendorKeysPqcSig, vendorKeysPqcSignature);
        put(out, v.ownerEccKey, ownerEccKey);
        put(out, v.ownerPqcKey, ownerPqcKey);
        put(out, v.ownerKeysEccSig, ownerKeysEccSignature);
        put(out, v.ownerKeysPqcSig, ownerKeysPqcSignature);
        put(out, v.svnEccSig, svnEccSignature);
        put(out, v.svnPqcSig, svnPqcSignature);
        put(out, v.imcVendorEccSig, imcVendorEccSignature);
        put(out, v.imcVendorPqcSig, imcVendorPqcSignature);
        put(out, v.imcOwnerEccSig, imcOwnerEccSignature);
        put(out, v.imcOwnerPqcSig, imcOwnerPqcSignature);
        imc.write(out, v.imc);
        trailing.copyTo(out, v.totalSize);
        return out;
    }

    // ---- what each signature covers (spec/formats.md §3.1–§3.3) -----------------------------

    /** The vendor-signed key span: version ‖ (svn ‖) flags ‖ vendor ECC key ‖ vendor PQC key. */
    public byte[] vendorKeysSignedBytes() {
        if (!variant.hasVendor()) {
            throw new IllegalStateException(variant.kind() + " has no vendor keys");
        }
        // ASPEED re-serialises an upstream 1.x manifest; the signature covers the upstream span, without sec_ver.
        boolean withSvn = svn != null;
        var b = ByteBuffer.allocate(4 + (withSvn ? 4 : 0) + 4 + 96 + vendorPqcKey.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(version);
        if (withSvn) {
            b.putInt(svn);
        }
        b.putInt(flags).put(vendorEccKey.toHw()).put(vendorPqcKey.toByteArray());
        return b.array();
    }

    /** The owner-signed key span: owner ECC ‖ owner PQC (and for an owner-only manifest, version ‖ svn ‖ flags first). */
    public byte[] ownerKeysSignedBytes() {
        var b = ByteBuffer.allocate((variant == SocManifestVariant.OWNER ? 12 : 0) + 96 + ownerPqcKey.length())
                .order(ByteOrder.LITTLE_ENDIAN);
        if (variant == SocManifestVariant.OWNER) {
            b.putInt(version).putInt(svn).putInt(flags);
        }
        return b.put(ownerEccKey.toHw()).put(ownerPqcKey.toByteArray()).array();
    }

    /** ASPEED's SVN span: version ‖ sec_ver ‖ flags ‖ owner manifest ECC ‖ owner manifest LMS (156 bytes). */
    public byte[] svnSignedBytes() {
        if (variant != SocManifestVariant.ASPEED) {
            throw new IllegalStateException(variant.kind() + " has no SVN signature");
        }
        return ByteBuffer.allocate(156).order(ByteOrder.LITTLE_ENDIAN).putInt(version).putInt(secVer).putInt(flags)
                .put(ownerEccKey.toHw()).put(ownerPqcKey.toByteArray()).array();
    }

    public byte[] imcBytes() {
        return imc.toBytes();
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private static EccPublicKey ecc(byte[] b, int off) {
        return off < 0 ? null : EccPublicKey.fromHw(b, off);
    }

    private static EccSignature sig(byte[] b, int off) {
        return off < 0 ? null : EccSignature.fromHw(b, off);
    }

    private static Octets raw(byte[] b, int off, int len) {
        return off < 0 ? null : Octets.of(b, off, len);
    }

    private static void put(byte[] out, int off, Object value) {
        if (off < 0) {
            return;
        }
        if (value instanceof EccPublicKey k) {
            k.writeHw(out, off);
        } else if (value instanceof EccSignature s) {
            s.writeHw(out, off);
        } else if (value instanceof Octets o) {
            o.copyTo(out, off);
        }
    }
}
