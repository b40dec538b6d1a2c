package org.caliptra.util.emulator.dice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.Test;

/**
 * The cold-boot identity of a device with the reference hw-model's default fuses and silicon keys,
 * debug locked, against the reference's own smoke-test artifacts (caliptra-sw
 * test/tests/caliptra_integration_tests/smoke_testdata/: branch caliptra-1.2 for 1.x, main for
 * 2.1). The files are not copied here: each expectation is the SHA-256 of the reference file and
 * its size, so equal hashes mean equal bytes; the identifiers spec/device.md §5.3 quotes are
 * checked against what the derivation produced.
 */
class ReferenceArtifactsTest {
    private static DiceIdentity identity(Generation generation) {
        return DiceIdentity.coldBoot(generation, FuseSet.defaults(generation), DeviceConfig.DEFAULT_OBFUSCATION_KEY,
                DeviceConfig.DEFAULT_CSR_HMAC_KEY, true);
    }

    private static void assertReferenceFile(String sha256, int size, byte[] actual) {
        assertEquals(size, actual.length, "size");
        assertEquals(sha256, HexFormat.of().formatHex(Digests.sha256(actual)));
    }

    @Test
    void caliptra12IdevidCsrIsTheSmokeTestsFile() {
        // caliptra-1.2 smoke_testdata/idevid_csr.der
        assertReferenceFile("dd5289162dcb5d95c4755a0086410afcc5f8492d7f0ba2588506f1bc1b1b3b79", 443,
                identity(Generation.V1).idevidCsr(DiceAlgorithm.ECC384));
    }

    @Test
    void caliptra12LdevidCertIsTheSmokeTestsFile() {
        // caliptra-1.2 smoke_testdata/ldevid_cert.der
        var identity = identity(Generation.V1);
        assertReferenceFile("2358a907ed88c9de0cd08b87d9174435296c2ae17e187bb3243238234b2dfc96", 675,
                identity.ldevidCert(DiceAlgorithm.ECC384));
        assertEquals("424f3ac745ddbd5015057f5bf83e9cd64810b041",
                HexFormat.of().formatHex(identity.idevidKeyId(DiceAlgorithm.ECC384)), "AKI = SHA-1 of the IDevID key");
    }

    @Test
    void caliptra21IdevidCsrsAreTheSmokeTestsFiles() {
        var identity = identity(Generation.V2);
        // main smoke_testdata/idevid_csr_ecc.der and idevid_csr_mldsa.der
        assertReferenceFile("3b8e101b6d3c3a45eb06ba7370d8dfa32919c9afc81647c054a8bb99b9fcf87f", 481,
                identity.idevidCsr(DiceAlgorithm.ECC384));
        assertReferenceFile("3cc979bf04d5149df6557abaa83eaf9c06bebf3f4ea389c418ff7de270a313ac", 7502,
                identity.idevidCsr(DiceAlgorithm.MLDSA87));
    }

    @Test
    void caliptra21LdevidCertsAreTheSmokeTestsFiles() {
        var identity = identity(Generation.V2);
        assertReferenceFile("3e123d61da5be740183f61e6e33124e5e8030e42f3bf7b2261544a9f38d221b4", 717,
                identity.ldevidCert(DiceAlgorithm.ECC384));
        assertReferenceFile("afbb0df79762888262c049eee004b3b37cfbdb708ac7d21db569bbe7e5fdce72", 7741,
                identity.ldevidCert(DiceAlgorithm.MLDSA87));
        // spec/device.md §5.3: the ML-DSA LDevID's AKI is SHA-1 of the raw IDevID ML-DSA key.
        assertEquals("3e817a30f14d4f3d5669486b788c77482134b355",
                HexFormat.of().formatHex(identity.idevidKeyId(DiceAlgorithm.MLDSA87)));
    }

    @Test
    void subjectSerialNumbersComeOutOfTheDerivation() {
        var v2 = identity(Generation.V2);
        // spec/device.md §5.3: IDevID 7FFEDEF6…0351, LDevID DE96A450…2292.
        assertEquals("7ffedef6dcd6697bd0f381aa37b58112f24bddb5550d2c791b5798ad202a0351",
                HexFormat.of().formatHex(Digests.sha256(CaliptraX509.point(v2.idevid().eccPublicKey()))));
        assertEquals("de96a450f23a8e4a5333005e60bfcf4d3da8fa1603fafb605d2b22c44f4c2292",
                HexFormat.of().formatHex(Digests.sha256(CaliptraX509.point(v2.ldevid().eccPublicKey()))));
    }

    @Test
    void theCsrEnvelopeCarriesBothCsrsAndAMacUnderTheCsrKey() {
        var identity = identity(Generation.V2);
        byte[] envelope = identity.csrPayload();
        var b = ByteBuffer.wrap(envelope).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(8784, envelope.length);
        assertEquals(0x0043_5352, b.getInt(0));
        assertEquals(8784, b.getInt(4));
        byte[] ecc = identity.idevidCsr(DiceAlgorithm.ECC384);
        byte[] mldsa = identity.idevidCsr(DiceAlgorithm.MLDSA87);
        assertEquals(ecc.length, b.getInt(8));
        assertArrayEquals(ecc, Arrays.copyOfRange(envelope, 12, 12 + ecc.length));
        assertEquals(mldsa.length, b.getInt(524));
        assertArrayEquals(mldsa, Arrays.copyOfRange(envelope, 528, 528 + mldsa.length));
        // Independent HMAC-SHA512 through the JDK, keyed with hw-model's DEFAULT_CSR_HMAC_KEY.
        assertArrayEquals(jdkHmacSha512(DeviceConfig.DEFAULT_CSR_HMAC_KEY.toByteArray(), Arrays.copyOf(envelope, 8720)),
                Arrays.copyOfRange(envelope, 8720, 8784));
    }

    @Test
    void aDifferentUdsGivesDifferentKeys() {
        var fuses = FuseSet.defaults(Generation.V1).toBuilder().udsSeed(Octets.zeros(48)).build();
        var other = DiceIdentity.coldBoot(Generation.V1, fuses, DeviceConfig.DEFAULT_OBFUSCATION_KEY,
                DeviceConfig.DEFAULT_CSR_HMAC_KEY, true);
        assertNotEquals(identity(Generation.V1).idevid().eccPublicKey(), other.idevid().eccPublicKey());
    }

    @Test
    void debugUnlockedPartsDeriveFromAllOnesNotTheirFuses() {
        var unlocked = DiceIdentity.coldBoot(Generation.V1, FuseSet.defaults(Generation.V1), DeviceConfig.DEFAULT_OBFUSCATION_KEY,
                DeviceConfig.DEFAULT_CSR_HMAC_KEY, false);
        var otherFuses = FuseSet.defaults(Generation.V1).toBuilder().udsSeed(Octets.zeros(48)).build();
        var unlockedOther = DiceIdentity.coldBoot(Generation.V1, otherFuses, Octets.zeros(32), DeviceConfig.DEFAULT_CSR_HMAC_KEY,
                false);
        assertEquals(unlocked.ldevid().eccPublicKey(), unlockedOther.ldevid().eccPublicKey());
        assertNotEquals(identity(Generation.V1).idevid().eccPublicKey(), unlocked.idevid().eccPublicKey());
    }

    private static byte[] jdkHmacSha512(byte[] key, byte[] data) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA512");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA512"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
