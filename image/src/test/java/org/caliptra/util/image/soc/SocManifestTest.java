package org.caliptra.util.image.soc;

import org.caliptra.util.protocol.core.AuthResult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.build.BundleBuildException;
import org.caliptra.util.image.build.BundleLab;
import org.caliptra.util.image.build.PqcSigning;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.LmsPrivateKey;
import org.caliptra.util.image.keys.LmsSigners;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SoC manifests of every layout: the trust chain fuse → bundle keys → manifest keys → images,
 * round trips, and each AUTHORIZE_AND_STASH result code.
 */
class SocManifestTest {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    record Chain(BundleLab lab, byte[] bundle, FirmwareTrust trust) {}

    /** A signed bundle of {@code mode} and the trust it establishes. */
    static Chain chain(BundleLab.Mode mode) {
        var lab = new BundleLab(mode);
        byte[] bundle = lab.build();
        var fuses = lab.fusesFor(bundle);
        var accepted = (VerificationResult.Accepted) RomVerifier.verify(bundle, fuses);
        return new Chain(lab, bundle, FirmwareTrust.of(FwBundle.parse(bundle, "b"), accepted.image(), fuses));
    }

    static SigningPair lmsPair(EccPrivateKey ecc, LmsPrivateKey lms) {
        return new SigningPair(ecc.signer(), new PqcSigning.Lms(LmsSigners.zeroLeaf(lms)));
    }

    static List<ImageMetadata> images(boolean v2, byte[]... files) {
        var out = new java.util.ArrayList<ImageMetadata>();
        for (int i = 0; i < files.length; i++) {
            out.add(new ImageMetadata(10 + i, v2 ? 100 + i : 0, 0, ImageMetadata.flags(1, false, 0), v2 ? 0x8000_0000L + i : 0, 0,
                    ManifestAuthorization.imageDigest(files[i])));
        }
        return out;
    }

    static byte[] file(int seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static SocManifestBuilder builder(SocManifestVariant variant, Chain c, SigningPair manOwner, SigningPair manVendor) {
        var vendorFw = c.lab().vendorKeys();
        var ownerFw = c.lab().ownerKeys();
        var b = SocManifestBuilder.of(variant).svn(3)
                .ownerFwSigners(new SigningPair(ownerFw.eccSigner(), ownerFw.pqcSigner()))
                .ownerManifestSigners(manOwner)
                .ownerManifestKeys(manOwner.ecc().publicKey(), manOwner.pqc() == null ? null : manOwner.pqc().publicKeyBytes());
        if (variant.hasVendor()) {
            b.vendorFwSigners(new SigningPair(vendorFw.eccSigner(), vendorFw.pqcSigner()))
                    .vendorManifestSigners(manVendor)
                    .vendorManifestKeys(manVendor.ecc().publicKey(), manVendor.pqc() == null ? null : manVendor.pqc().publicKeyBytes());
        }
        return b;
    }

    static SigningPair freshPair(BundleLab.Mode mode) {
        var ecc = EccPrivateKey.generate(RANDOM);
        return switch (mode) {
            case V1_ECC_LMS, V2_LMS -> lmsPair(ecc, LmsPrivateKey.generate(RANDOM));
            case V2_MLDSA -> new SigningPair(ecc.signer(), new PqcSigning.Mldsa(MldsaPrivateKey.generate(RANDOM).signer()));
            case V1_ECC_ONLY -> new SigningPair(ecc.signer(), null);
        };
    }

    static SocManifestVariant variantFor(BundleLab.Mode mode) {
        return mode == BundleLab.Mode.V2_LMS || mode == BundleLab.Mode.V2_MLDSA ? SocManifestVariant.V2 : SocManifestVariant.V1;
    }

    @ParameterizedTest
    @EnumSource(BundleLab.Mode.class)
    void buildsRoundTripsLoadsAndAuthorizes(BundleLab.Mode mode) {
        var c = chain(mode);
        var variant = variantFor(mode);
        byte[] atf = file(1, 1001);
        byte[] uboot = file(2, 4096);
        var m = builder(variant, c, freshPair(mode), freshPair(mode)).flags(SocManifest.VENDOR_SIGNATURE_REQUIRED)
                .images(images(variant.isCaliptra2(), atf, uboot)).build();
        byte[] bytes = m.toBytes();
        assertEquals(variant == SocManifestVariant.V2 ? 30720 : 14284, bytes.length);
        var parsed = SocManifest.parse(bytes, "m");
        assertEquals(m, parsed);
        assertArrayEquals(bytes, parsed.toBytes());
        assertEquals(variant.marker(), ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0));

        var load = assertInstanceOf(ManifestAuthorization.Load.Loaded.class, ManifestAuthorization.load(bytes, c.trust()),
                () -> ManifestAuthorization.load(bytes, c.trust()).toString());
        var auth = load.authorization();
        assertEquals(AuthResult.IMAGE_AUTHORIZED, auth.authorize(10, ManifestAuthorization.imageDigest(atf)));
        assertEquals(AuthResult.IMAGE_AUTHORIZED, auth.authorize(11, ManifestAuthorization.imageDigest(uboot)));
        atf[0] ^= 1;
        assertEquals(AuthResult.IMAGE_HASH_MISMATCH, auth.authorize(10, ManifestAuthorization.imageDigest(atf)));
        assertEquals(AuthResult.IMAGE_NOT_AUTHORIZED, auth.authorize(99, ManifestAuthorization.imageDigest(atf)));
    }

    @Test
    void ownerOnlyManifestAddsOwnerOnlyAuthorization() {
        var c = chain(BundleLab.Mode.V2_MLDSA);
        byte[] main = builder(SocManifestVariant.V2, c, freshPair(BundleLab.Mode.V2_MLDSA), freshPair(BundleLab.Mode.V2_MLDSA))
                .images(images(true, file(3, 64))).build().toBytes();
        byte[] ownerImage = file(4, 333);
        var owom = builder(SocManifestVariant.OWNER, c, freshPair(BundleLab.Mode.V2_MLDSA), null)
                .images(List.of(new ImageMetadata(50, 7, 0, 1, 0, 0, ManifestAuthorization.imageDigest(ownerImage)))).build();
        byte[] owomBytes = owom.toBytes();
        assertEquals(14720, owomBytes.length);
        assertEquals(owom, SocManifest.parse(owomBytes, "owom"));
        var loaded = (ManifestAuthorization.Load.Loaded) ManifestAuthorization.load(main, c.trust());
        var both = assertInstanceOf(ManifestAuthorization.Load.Loaded.class, loaded.authorization().apply(owomBytes, c.trust()));
        assertEquals(AuthResult.IMAGE_AUTHORIZED_OWNER_ONLY, both.authorization().authorize(50, ManifestAuthorization.imageDigest(ownerImage)));
        assertEquals(0xC0DEDEAD, AuthResult.IMAGE_AUTHORIZED_OWNER_ONLY.code());
        assertEquals(0xDEADC0DE, AuthResult.IMAGE_AUTHORIZED.code());
        assertEquals(0x21523F21, AuthResult.IMAGE_NOT_AUTHORIZED.code());
        assertEquals(0x8BFB95CB, AuthResult.IMAGE_HASH_MISMATCH.code());
        assertThrows(BundleBuildException.class, () -> builder(SocManifestVariant.OWNER, c, freshPair(BundleLab.Mode.V2_MLDSA), null)
                .flags(1).images(images(true, ownerImage)).build());
    }

    @Test
    void runtimeErrorsOfSetAuthManifest() {
        var c = chain(BundleLab.Mode.V1_ECC_LMS);
        var man = builder(SocManifestVariant.V1, c, freshPair(BundleLab.Mode.V1_ECC_LMS), freshPair(BundleLab.Mode.V1_ECC_LMS))
                .images(images(false, file(5, 10))).build();
        byte[] good = man.toBytes();
        assertRefused(c, new byte[100], 0x000E004B);
        byte[] marker = good.clone();
        marker[0] ^= 1;
        assertRefused(c, marker, 0x000E0045);
        byte[] size = good.clone();
        size[4] ^= 1;
        assertRefused(c, size, 0x000E0046);
        byte[] vendorSig = good.clone();
        vendorSig[0xA0 + 3] ^= 1;
        assertRefused(c, vendorSig, 0x000E0047);
        byte[] vendorLms = good.clone();
        vendorLms[0x100 + 900] ^= 1;
        assertRefused(c, vendorLms, 0x000E0048);
        byte[] ownerSig = good.clone();
        ownerSig[0x7E4 + 50] ^= 1;
        assertRefused(c, ownerSig, 0x000E0049);
        byte[] ownerLms = good.clone();
        ownerLms[0x844 + 1500] ^= 1;
        assertRefused(c, ownerLms, 0x000E004A);
        byte[] imc = good.clone();
        imc[0x1C00 + 4 + 8] ^= 1; // a digest byte of the first entry: owner IMC signature no longer matches
        assertRefused(c, imc, 0x000E0049);
        var unsigned = SocManifestBuilder.of(SocManifestVariant.V1).images(images(false, file(6, 6))).build();
        var refused = assertRefused(c, unsigned.toBytes(), 0x000E0047);
        assertEquals("RUNTIME_AUTH_MANIFEST_VENDOR_ECC_SIGNATURE_INVALID", refused.name());
        byte[] tooBig = java.util.Arrays.copyOf(good, 14 * 1024 + 1);
        assertRefused(c, tooBig, 0x000E0009);
    }

    @Test
    void duplicateAndTooManyEntriesAreRefusedByTheBuilder() {
        var dup = List.of(ImageMetadata.v1(3, 1, Octets.zeros(48)), ImageMetadata.v1(3, 1, Octets.zeros(48)));
        var e1 = assertThrows(BundleBuildException.class, () -> SocManifestBuilder.of(SocManifestVariant.V1).images(dup).build());
        assertTrue(e1.getMessage().contains("duplicate fw_id 3"));
        var many = new java.util.ArrayList<ImageMetadata>();
        for (int i = 0; i < 128; i++) {
            many.add(ImageMetadata.v1(i, 1, Octets.zeros(48)));
        }
        var e2 = assertThrows(BundleBuildException.class, () -> SocManifestBuilder.of(SocManifestVariant.ASPEED).images(many).build());
        assertTrue(e2.getMessage().contains("at most 127"), e2.getMessage());
    }

    static RuntimeError assertRefused(Chain c, byte[] manifest, int code) {
        var load = ManifestAuthorization.load(manifest, c.trust());
        var refused = assertInstanceOf(ManifestAuthorization.Load.Refused.class, load, () -> "loaded: " + load);
        assertEquals(code, refused.error().code(), refused.error().toString());
        return refused.error();
    }
}
