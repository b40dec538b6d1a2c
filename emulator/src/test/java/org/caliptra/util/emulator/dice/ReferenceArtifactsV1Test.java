package org.caliptra.util.emulator.dice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.caliptra.util.protocol.Generation;
import org.junit.jupiter.api.Test;

class ReferenceArtifactsV1Test {
    static final byte[] OBF_KEY = DiceCrypto.words(0xa0a1a2a3, 0xb0b1b2b3, 0xc0c1c2c3, 0xd0d1d2d3, 0xe0e1e2e3, 0xf0f1f2f3,
            0xa4a5a6a7, 0xb4b5b6b7);
    static final byte[] UDS_SEED = DiceCrypto.words(0x00010203, 0x04050607, 0x08090a0b, 0x0c0d0e0f, 0x10111213, 0x14151617,
            0x18191a1b, 0x1c1d1e1f, 0x20212223, 0x24252627, 0x28292a2b, 0x2c2d2e2f);
    static final byte[] FE_SEED = DiceCrypto.words(0x80818283, 0x84858687, 0x88898a8b, 0x8c8d8e8f, 0x90919293, 0x94959697,
            0x98999a9b, 0x9c9d9e9f);

    @Test
    void spike() throws Exception {
        byte[] uds = DiceCrypto.deobfuscate(OBF_KEY, UDS_SEED);
        byte[] fe = DiceCrypto.deobfuscate(OBF_KEY, FE_SEED);
        var idev = DiceDerivation.idevid(Generation.V1, uds);
        var ldev = DiceDerivation.ldevid(Generation.V1, idev, fe);
        byte[] csr = DiceCertificates.idevidCsr(idev, new byte[17]);
        byte[] cert = DiceCertificates.ldevidCert(idev, ldev, new byte[17],
                java.util.Arrays.copyOf(Digests.sha1(CaliptraX509.point(idev.eccPublicKey())), 20));
        java.nio.file.Files.write(java.nio.file.Path.of("/tmp/our_idevid_csr.der"), csr);
        java.nio.file.Files.write(java.nio.file.Path.of("/tmp/our_ldevid_cert.der"), cert);
        assertEquals("dd5289162dcb5d95c4755a0086410afcc5f8492d7f0ba2588506f1bc1b1b3b79", HexFormat.of().formatHex(Digests.sha256(csr)));
        assertEquals("2358a907ed88c9de0cd08b87d9174435296c2ae17e187bb3243238234b2dfc96", HexFormat.of().formatHex(Digests.sha256(cert)));
    }
}
