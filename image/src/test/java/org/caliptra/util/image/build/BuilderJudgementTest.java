package org.caliptra.util.image.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.image.sign.EccSigner;
import org.caliptra.util.image.sign.LmsSigner;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerifierError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The builder never returns a bundle its own ROM verifier rejects: inputs the ROM would refuse
 * are refused before anything is signed (so no LMS leaf is spent), and the signed result is judged
 * as the ROM of a part provisioned for its keys would judge it.
 */
class BuilderJudgementTest {
    /** Counts signatures: a refused build must make none. */
    static final class CountingLms implements LmsSigner {
        final LmsSigner inner;
        final AtomicInteger signatures = new AtomicInteger();

        CountingLms(LmsSigner inner) {
            this.inner = inner;
        }

        public LmsPublicKey publicKey() {
            return inner.publicKey();
        }

        public LmsSignature sign(byte[] message) {
            signatures.incrementAndGet();
            return inner.sign(message);
        }
    }

    static BundleBuildException refused(BundleLab lab, FirmwareImage fmc, FirmwareImage rt, BundleOptions options,
            CountingLms counting) {
        var v = lab.vendorKeys();
        var vendor = new VendorKeys(v.eccKeys(), v.eccIndex(), v.eccSigner(), v.pqcKeys(), v.pqcIndex(), new PqcSigning.Lms(counting));
        return assertThrows(BundleBuildException.class, () -> {
            if (lab.v2()) {
                FwBundleBuilder.buildV2(fmc, rt, vendor, lab.ownerKeys(), options);
            } else {
                FwBundleBuilder.buildV1(fmc, rt, vendor, lab.ownerKeys(), options);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = BundleLab.Mode.class, names = {"V1_ECC_LMS", "V2_LMS"})
    void inputsTheRomRefusesAreRefusedBeforeAnythingIsSigned(BundleLab.Mode mode) {
        var lab = new BundleLab(mode);
        var counting = new CountingLms(((PqcSigning.Lms) lab.vendorKeys().pqcSigner()).signer());
        var options = BundleOptions.defaults();
        int iccm = mode == BundleLab.Mode.V2_LMS ? 256 * 1024 : 128 * 1024;
        var rt = FirmwareImage.of(lab.runtime, BundleLab.RT_LOAD, BundleLab.RT_LOAD);

        var e = refused(lab, FirmwareImage.of(lab.fmc, 0x5000_0000, 0x5000_0000), rt, options, counting);
        assertEquals(BundleBuildException.Input.FMC_LOAD_ADDRESS, e.input());
        assertEquals(VerifierError.FMC_LOAD_ADDR_INVALID, e.romError());

        e = refused(lab, FirmwareImage.of(new byte[iccm], 0x4000_0000, 0x4000_0000), rt, options, counting);
        assertEquals(BundleBuildException.Input.IMAGE_SIZES, e.input());
        assertEquals(VerifierError.FW_PROC_INVALID_IMAGE_SIZE, e.romError());

        e = refused(lab, FirmwareImage.of(lab.fmc, 0x4000_0000, 0x4000_0002), rt, options, counting);
        assertEquals(VerifierError.FMC_ENTRY_POINT_UNALIGNED, e.romError());

        e = refused(lab, FirmwareImage.of(lab.fmc, 0x4000_0000, 0x4000_0000), FirmwareImage.of(lab.runtime, 0x4000_0100, 0x4000_0100),
                options, counting);
        assertEquals(VerifierError.FMC_RUNTIME_LOAD_ADDR_OVERLAP, e.romError());

        var fmc = FirmwareImage.of(lab.fmc, 0x4000_0000, 0x4000_0000);
        if (mode == BundleLab.Mode.V2_LMS) {
            e = refused(lab, fmc, rt, options.withFirmwareSvn(-1), counting);
            assertEquals(BundleBuildException.Input.FIRMWARE_SVN, e.input());
        } else {
            e = refused(lab, fmc.withSvn(-1), rt, options, counting);
            assertEquals(BundleBuildException.Input.FMC_SVN, e.input());
            e = refused(lab, fmc.withSvn(33), rt, options, counting);
            assertEquals(VerifierError.FMC_SVN_GREATER_THAN_MAX_SUPPORTED, e.romError());
            e = refused(lab, fmc, rt.withSvn(129), options, counting);
            assertEquals(BundleBuildException.Input.RUNTIME_SVN, e.input());
        }
        assertTrue(e.getMessage().contains("the boot ROM would reject the bundle with IMAGE_VERIFIER_ERR_"), e.getMessage());
        assertEquals(0, counting.signatures.get(), "no signature was made for a bundle the ROM refuses");

        // the limits themselves are accepted
        var ok = lab.build(fmc.withSvn(mode == BundleLab.Mode.V2_LMS ? 0 : 32), rt.withSvn(mode == BundleLab.Mode.V2_LMS ? 0 : 128),
                options.withFirmwareSvn(128));
        assertTrue(RomVerifier.verify(ok, lab.fusesFor(ok)).accepted());
    }

    @Test
    void aSignerWhosePublicKeyIsNotItsKeyIsCaughtByTheJudgement() {
        var lab = new BundleLab(BundleLab.Mode.V1_ECC_ONLY);
        var v = lab.vendorKeys();
        EccPrivateKey other = EccPrivateKey.generate(new SecureRandom());
        EccSigner lying = new EccSigner() {
            public EccPublicKey publicKey() {
                return v.eccSigner().publicKey();
            }

            public EccSignature signDigest(Sha384Digest digest) {
                return other.signer().signDigest(digest);
            }
        };
        var vendor = new VendorKeys(v.eccKeys(), v.eccIndex(), lying, v.pqcKeys(), v.pqcIndex(), null);
        var e = assertThrows(BundleBuildException.class, () -> FwBundleBuilder.buildV1(
                FirmwareImage.of(lab.fmc, BundleLab.FMC_LOAD, BundleLab.FMC_LOAD),
                FirmwareImage.of(lab.runtime, BundleLab.RT_LOAD, BundleLab.RT_LOAD), vendor, lab.ownerKeys(), BundleOptions.defaults()));
        assertEquals(VerifierError.VENDOR_ECC_SIGNATURE_INVALID, e.romError());
        assertTrue(e.getMessage().contains("IMAGE_VERIFIER_ERR_VENDOR_ECC_SIGNATURE_INVALID (0x000B000C)"), e.getMessage());
    }
}
