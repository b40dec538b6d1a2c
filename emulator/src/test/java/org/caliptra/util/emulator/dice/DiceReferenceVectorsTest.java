package org.caliptra.util.emulator.dice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.protocol.Generation;
import org.junit.jupiter.api.Test;

/**
 * The DICE primitives and 1.x layers against the reference's own published vectors (caliptra-sw
 * caliptra-1.2 test/src/crypto.rs and derive.rs, which model the ROM independently of it): every
 * expected value below is copied from those tests, not computed here.
 */
class DiceReferenceVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void drbgKeygenMatchesTheReferenceVectorWithANonce() {
        var key = DiceCrypto.eccKeyFromSeed(
                hex("ae5e52d14b0def76dae57c2b076c2bf30520ad5b85ef9bceb33098465fe7eeb1a6f45fcb193089cfd7968dad91c830bc"),
                hex("13f7ee4352fdf9f922dc9ea78946362811 20c91251751be899a8ef7c90bbcadf1914578556f6e11cafced338b904844f"));
        assertScalar("c7fa34e9a72fb57f611694c3c87fe3f42ce41cac446b636328a7f95505d8f7427033cf37a1694c7c45fd7248e07c35ad", key);
    }

    @Test
    void drbgKeygenWithTheZeroNonceGivesTheReferenceKeyPair() {
        var key = DiceCrypto.eccKeyFromSeed(
                hex("75b7662610097eb658c42c44a5e3f14f64d2c7de154dbdda031c18bc1a8afad4cb613d5b856996539b1455ab89a1d03f"));
        assertScalar("9fb1c3fff6d6fa09283a5d6b78e5cb317e9ca1d18a12bf904576419d772fed33516c8a856bdd84d67a1ff119e295150f", key);
        assertEquals("6a956046ea283a0319105ded521181ea957fdb40b11f5217df3f339217a61901abe74cf9bcadd5c11f29e4c2d70fb543",
                key.publicKey().x().hex());
        assertEquals("015c00003476c6b9c2a57d799014e156a11c6b3288973f90c2b5685ad45a65c9e9175bfd836e93cfdbc0541a3bf63dae",
                key.publicKey().y().hex());
    }

    @Test
    void kdfMatchesTheNistVectorTheReferenceUses() {
        byte[] out = DiceCrypto.hmac384(
                hex("b57dc52354afee11edb4c9052a528344348b2c6b6c39f32133ed3bb72035a4ab55d6648c1529ef7a9170fec9ef26a81e"),
                hex("00000001"),
                hex("17e641909dedfee4968bb95d7f770e4557ca347a46614cb371423f0d91df3b58b536ed54531fd2a2eb0b8b2a1634c23c88fad9706c45db4411a23b89"));
        assertEquals("5949acf9635a77297928c1e155d43a4e4bca61b1369a5ef50530888550ba270e26be4a421cdf80b7",
                HEX.formatHex(out, 0, 40));
    }

    @Test
    void doeDeobfuscatesAsTheReferenceModel() {
        byte[] key = DiceCrypto.words(0x4f0b1c83, 0xb231c258, 0x7759c92b, 0xf22ac83f, 0x97c4e162, 0x3580ca0f, 0xb79529c2,
                0x8a340dfd);
        byte[] iv = DiceCrypto.words(0x455ba825, 0x45e16ca6, 0xf97d1f86, 0xb3718021);
        byte[] uds = DiceCrypto.deobfuscate(key, iv, DiceCrypto.words(0x86c65f40, 0x04d45413, 0x5041da9a, 0x8580ec9a,
                0xc7007ee6, 0xceb4a4b8, 0xce485f47, 0xbf6976b8, 0xc906de7b, 0xb0cd2dce, 0x8d2b8eed, 0xa537255f));
        assertArrayEquals(DiceCrypto.words((int) 2450659586L, (int) 3204072599L, 1027011035, 1213873878, 763047603,
                1402117172, (int) 2275304687L, 1797647086, 2750999, (int) 2465724634L, 992659675, 557913425), uds);
        byte[] fe = DiceCrypto.deobfuscate(key, iv, DiceCrypto.words(0x8531a3db, 0xc1725f07, 0x05f5a301, 0x047c1e27,
                0xd0f18efa, 0x6a33e9d2, 0x3827ead4, 0x690aaee2));
        assertArrayEquals(DiceCrypto.words(437386532, 405572964, 972652519, (int) 2702758929L, 92052297, 1822317414,
                295423989, (int) 3895283936L), fe);
    }

    private static final byte[] VECTOR_UDS = DiceCrypto.words(0x92121902, 0xbefa4497, 0x3d36f1db, 0x485a3ed6, 0x2d7b2eb3,
            0x53929c34, 0x879e64ef, 0x6b25eaee, 0x0029fa17, 0x92f7f8da, 0x3b2ac8db, 0x21411551);
    private static final byte[] VECTOR_FE = DiceCrypto.words(0xdbca1cfa, 0x149c0355, 0x7ee48ddb, 0xb022238b, 0x057c9b49,
            0x6c9e5b66, 0x119bcff5, 0xe82d50e0);

    @Test
    void idevidLayerMatchesTheReferenceVector() {
        var idevid = DiceDerivation.V1.idevid(VECTOR_UDS);
        assertArrayEquals(DiceCrypto.words(0x4c4f422c, 0x8eda4e83, 0x1f669172, 0xa4315915, 0x9be4b317, 0x449ff543, 0x81ffef29,
                0xf7be0784, 0x0586992c, 0x170e7c92, 0x8d4f72b2, 0xaa4051ad), idevid.cdi());
        assertScalar(HEX.formatHex(DiceCrypto.words(0x7ae85bb7, 0x6cd5f6da, 0x1fb660a5, 0xdc5eb069, 0x0a8b56f6, 0x12cc9b28,
                0x62a56e49, 0x2ddeddde, 0x29fd1f28, 0x11a26f28, 0x1aff584d, 0x7ca598d5)), idevid.eccKey());
    }

    @Test
    void ldevidLayerMatchesTheReferenceVector() {
        var ldevid = DiceDerivation.V1.ldevid(DiceDerivation.V1.idevid(VECTOR_UDS), VECTOR_FE);
        assertArrayEquals(DiceCrypto.words(0x2f711e48, 0xef2be87e, 0xfa3394af, 0x04a0df89, 0xb236860c, 0x745f6d6c, 0xa464de75,
                0x6f1271bc, 0xf35c0619, 0x0856f1e3, 0x7d560cf2, 0xaa227256), ldevid.cdi());
        assertScalar(HEX.formatHex(DiceCrypto.words(0x0d6cb583, 0x3a6de03c, 0x2cbf7476, 0x5cfd3cf0, 0x36871eae, 0xd4144aea,
                0xce3cec09, 0x08168274, 0xb97d7cfe, 0x5b106642, 0x6c8d2cc2, 0xf2edcb8b)), ldevid.eccKey());
    }

    @Test
    void fmcAliasLayerMatchesTheReferenceVector() {
        byte[] pcr0 = DiceCrypto.words(0x0d8f3fd4, 0x4698aaae, 0x7bacaf67, 0x714a8035, 0x9a8d3a51, 0x3fcde890, 0x8039f4c1,
                0x77f9d5a9, 0x77b8ecd5, 0xf29b3fa9, 0x30e25097, 0xe1d82b14);
        var ldevid = new DiceLayer(DiceCrypto.words(0x0e7b8a15, 0x0cc1476b, 0x28d395d9, 0x233f9f05, 0x670bd435, 0x96758224,
                0xd3dd5081, 0x3da916e5, 0x94f2b09e, 0x257f151d, 0x261ade90, 0x73a9b3fb), DiceCrypto.eccKeyFromSeed(new byte[48]),
                (org.caliptra.util.image.keys.MldsaPrivateKey) null);
        var fmc = DiceDerivation.V1.fmcAlias(ldevid, pcr0);
        assertArrayEquals(DiceCrypto.words(0xf4fb8b09, 0xc9233adb, 0x3dfade39, 0xb656f0ef, 0x151404dc, 0xf4fe787a, 0x0664baea,
                0xe9d2de59, 0x22401c7c, 0x59087111, 0xd3aeb5b1, 0x368742da), fmc.cdi());
        assertScalar(HEX.formatHex(DiceCrypto.words(0x81a4f53c, 0xeb0749ca, 0x77b0fe32, 0x33fd9798, 0x7412f652, 0xded8f8a5,
                0x39a9ebbd, 0x75ce2870, 0xb5f62bb3, 0x25376504, 0xa34f286c, 0x849ea86c)), fmc.eccKey());
    }

    private static final byte[] PCR0_VENDOR_HASH = DiceCrypto.words(0xed6dd78c, 0x131d69e2, 0x313b5d89, 0x0acd8e4e,
            0xe2a1db67, 0x790721de, 0x01346b64, 0x1c5cf3c9, 0xcf284e7d, 0x0e114d50, 0xe894b381, 0xd874ba94);
    private static final byte[] PCR0_OWNER_HASH = DiceCrypto.words(0xdc1a27ef, 0x0c08201a, 0x8b066094, 0x118c29fe,
            0x0bc2270e, 0xbd965c43, 0xf7b9a68d, 0x8eaf37fa, 0x968ca8d8, 0x13b2920b, 0x3b88b026, 0xf2f0ebb0);
    private static final byte[] PCR0_FMC_DIGEST = DiceCrypto.words(0xe44ea855, 0x9fcf4063, 0xd3110a9a, 0xd60579db,
            0xe03e6dd7, 0x4556cd98, 0xb2b941f5, 0x1bb5034b, 0x587eea1f, 0xfcdd0e0f, 0x8e88d406, 0x3327a3fe);

    private static byte[] pcr0(Generation generation, FirmwareMeasurements m) {
        var pcrs = new PcrBank();
        var device = DiceIdentity.coldBoot(generation, org.caliptra.util.soc.fuses.FuseSet.defaults(generation),
                org.caliptra.util.emulator.DeviceConfig.DEFAULT_OBFUSCATION_KEY,
                org.caliptra.util.emulator.DeviceConfig.DEFAULT_CSR_HMAC_KEY, true);
        AliasIdentity.coldBoot(device, pcrs, m);
        assertArrayEquals(pcrs.value(PcrBank.FMC_CURRENT), pcrs.value(PcrBank.FMC_JOURNEY), "PCR0 = PCR1 after a cold boot");
        return pcrs.value(PcrBank.FMC_CURRENT);
    }

    @Test
    void pcr0Of12MatchesTheReferenceVector() {
        // test_derive_pcr0 (caliptra-1.2): production, locked, LMS key index u32::MAX → 0xFF, EcdsaAndLms.
        var m = new FirmwareMeasurements(3, true, false, 0, 0xFF, true, true, PCR0_VENDOR_HASH, PCR0_OWNER_HASH, 5, 2,
                PCR0_FMC_DIGEST, 0, new byte[48], new byte[48], new String[2], FirmwareMeasurements.V2Fuses.NONE);
        assertArrayEquals(DiceCrypto.words(132444429, 987394663, (int) 2275449643L, (int) 2729083116L, 322701188, 1268620383,
                68534608, 1944581982, 1207702945, 1427901733, (int) 3489811836L, 435454516), pcr0(Generation.V1, m));
    }

    @Test
    void pcr0Of21MatchesTheReferenceVectorOfRom213() {
        // test_derive_pcr0 (main), the 18-byte device status of ROM 2.1.3: pqc type LMS (3), fw svn 6, indices 7 and 8.
        var v2 = new FirmwareMeasurements.V2Fuses(1, 2, 3, 4, 5, 128, 3, false);
        var m = new FirmwareMeasurements(3, true, false, 7, 8, false, true, PCR0_VENDOR_HASH, PCR0_OWNER_HASH, 6, 0,
                PCR0_FMC_DIGEST, 6, new byte[48], new byte[48], new String[2], v2);
        assertArrayEquals(DiceCrypto.words((int) 3663688547L, 292490323, (int) 2989019511L, 1238385844, (int) 3324789810L,
                1099712823, 752274733, 1844697096, (int) 3223280379L, 1397148399, 1640486654, 1743252165), pcr0(Generation.V2, m));
    }

    @Test
    void fmcAliasLayerOf21MatchesTheReferenceVector() {
        byte[] pcr0 = DiceCrypto.words(0x0d8f3fd4, 0x4698aaae, 0x7bacaf67, 0x714a8035, 0x9a8d3a51, 0x3fcde890, 0x8039f4c1,
                0x77f9d5a9, 0x77b8ecd5, 0xf29b3fa9, 0x30e25097, 0xe1d82b14);
        var ldevid = new DiceLayer(DiceCrypto.words(0x0e7b8a15, 0x0cc1476b, 0x28d395d9, 0x233f9f05, 0x670bd435, 0x96758224,
                0xd3dd5081, 0x3da916e5, 0x94f2b09e, 0x257f151d, 0x261ade90, 0x73a9b3fb, 0xf35c0619, 0x0856f1e3, 0x7d560cf2,
                0xaa227256), DiceCrypto.eccKeyFromSeed(new byte[48]), (org.caliptra.util.image.keys.MldsaPrivateKey) null);
        var fmc = DiceDerivation.V2.fmcAlias(ldevid, pcr0);
        assertArrayEquals(DiceCrypto.words(0x41529a09, 0xe976d227, 0x456a211c, 0x86187b33, 0x15c88587, 0x60c51cb8, 0xfbcbb695,
                0xf67988dc, 0x14f6ae96, 0xc3dbdaa2, 0xad287006, 0x33a7f284, 0x81d964ce, 0x45af6c6b, 0xdd8b95fd, 0x5cbcbc4b),
                fmc.cdi());
        assertScalar(HEX.formatHex(DiceCrypto.words(0xfcd8c50e, 0x45ddf47b, 0xe272c12c, 0x2a49576f, 0xb57f994d, 0x723de453,
                0x14229ac9, 0x714b2a8a, 0x6f1ce75f, 0x788cf75c, 0xdbe9da02, 0x51a22e82)), fmc.eccKey());
        byte[] seed = {(byte) 163, 117, 67, 78, (byte) 222, 82, 68, (byte) 243, (byte) 158, (byte) 242, 24, 40, 127, 39,
            (byte) 156, (byte) 161, (byte) 226, (byte) 203, (byte) 189, 13, 13, (byte) 191, (byte) 228, 58, 7, (byte) 166, 34,
            (byte) 186, (byte) 152, 21, 78, (byte) 195};
        assertEquals(org.caliptra.util.image.keys.MldsaPrivateKey.fromBytes(seed).publicKey(),
                fmc.mldsaKey().orElseThrow().publicKey(), "the ML-DSA seed, byte-reversed from the KDF");
    }

    /** Scalars stay inside the key; equal public keys mean equal scalars. */
    static void assertScalar(String expectedHex, EccPrivateKey key) {
        assertEquals(EccPrivateKey.fromScalar(hex(expectedHex)).publicKey(), key.publicKey());
    }

    static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }
}
