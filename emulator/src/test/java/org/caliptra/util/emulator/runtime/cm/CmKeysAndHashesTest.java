package org.caliptra.util.emulator.runtime.cm;

import static org.caliptra.util.emulator.runtime.cm.CmClient.hex;
import static org.caliptra.util.emulator.runtime.cm.CmClient.jcaHmac;
import static org.caliptra.util.emulator.runtime.cm.CmClient.repeat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaContext;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaInitRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaUpdateRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.Shake256InitRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.Shake256UpdateRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.CmRandomCommands;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.cm.StableKeyType;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.junit.jupiter.api.Test;

/**
 * CM key management, hashing, HMAC and KDFs, random numbers and stable keys through the mailbox of
 * booted caliptra-2.1 devices, each result against JCA/Bouncy Castle computing the same thing, the
 * caliptra-sw test vectors (facts §4) exactly, and every documented error.
 */
class CmKeysAndHashesTest extends BootedCmTest {
    @Test
    void importStatusDeleteClearAndTheStorageLimit() {
        try (var d = CmClient.booted()) {
            var c = new CmClient(d.coreMailbox());
            var status = c.call(CmKeyCommands.CM_STATUS, NoFields.INSTANCE);
            assertEquals(new CmKeyCommands.Status(0, 256), status);
            Cmk aes = c.importKey(KeyUsage.AES, random(32));
            assertFalse(aes.iv().isZero(), "the KEK IV counter starts random");
            assertEquals(1, c.status());
            c.call(CmKeyCommands.CM_DELETE, aes);
            assertEquals(0, c.status());
            assertEquals(0x000E_0009, c.error(CmKeyCommands.CM_DELETE, aes), "deleted twice: RUNTIME_MAILBOX_INVALID_PARAMS");
            Cmk hmac = c.importKey(KeyUsage.HMAC, random(48));
            c.call(CmKeyCommands.CM_DELETE, hmac); // non-AES: nothing to delete, success
            assertEquals(0, c.status(), "only AES keys take usage entries");
            for (int i = 0; i < 256; i++) {
                c.importKey(KeyUsage.AES, random(32));
            }
            assertEquals(new CmKeyCommands.Status(256, 256), c.call(CmKeyCommands.CM_STATUS, NoFields.INSTANCE));
            assertEquals(0x000E_005E, c.error(CmKeyCommands.CM_IMPORT, CmKeyCommands.ImportRequest.of(KeyUsage.AES,
                    Octets.of(random(32)))), "RUNTIME_CMB_KEY_USAGE_STORAGE_FULL");
            Cmk ecdsa = c.importKey(KeyUsage.ECDSA, random(48)); // non-AES keys need no entry
            c.call(CmKeyCommands.CM_CLEAR, NoFields.INSTANCE);
            assertEquals(0, c.status());
            assertEquals(0x000E_0009, c.error(CmKeyCommands.CM_DELETE, aes), "cleared: no entry");
            c.call(org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_ECDSA_PUBLIC_KEY, ecdsa); // the KEK stays
        }
    }

    @Test
    void importRefusesUsageAndSizeItDoesNotKnow() {
        assertEquals(0x000E_005D, cm.error(CmKeyCommands.CM_IMPORT, CmKeyCommands.ImportRequest.of(KeyUsage.AES, Octets.of(random(64)))));
        assertEquals(0x000E_005D, cm.error(CmKeyCommands.CM_IMPORT, new CmKeyCommands.ImportRequest(0, Octets.of(random(32)))));
        assertEquals(0x000E_005D, cm.error(CmKeyCommands.CM_IMPORT, new CmKeyCommands.ImportRequest(9, Octets.of(random(32)))));
        assertEquals(0x000E_005D, cm.error(CmKeyCommands.CM_IMPORT, CmKeyCommands.ImportRequest.of(KeyUsage.HMAC, Octets.of(random(32)))));
        assertEquals(0x000E_005D, cm.error(CmKeyCommands.CM_IMPORT, CmKeyCommands.ImportRequest.of(KeyUsage.MLKEM, Octets.of(random(32)))));
        // input_size beyond the 64-byte buffer
        byte[] tooLong = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(65).array();
        assertEquals(0x000E_0009, cm.error(CaliptraCommand.CM_IMPORT.code(), tooLong));
    }

    @Test
    void aTamperedCmkIsRefusedButItsReservedDomainBytesAreNotAuthenticated() {
        byte[] key = random(48);
        Cmk cmk = cm.importKey(KeyUsage.HMAC, key);
        for (int at : new int[] {20, 31, 32, 100, 111, 112, 127}) {
            byte[] b = cmk.bytes().toByteArray();
            b[at] ^= 1;
            assertEquals(0xA004_0011, cm.error(CmHashCommands.CM_HMAC, CmHashCommands.HmacRequest.of(new Cmk(Octets.of(b)),
                    HashAlgorithm.SHA384, Octets.of(new byte[1]))), "byte " + at + ": RUNTIME_DRIVER_AES_INVALID_TAG");
            assertEquals(0xA004_0011, cm.error(CmKeyCommands.CM_DELETE, new Cmk(Octets.of(b))));
        }
        byte[] domain = cmk.bytes().toByteArray();
        domain[0] ^= 1;
        domain[19] ^= 1;
        assertArrayEquals(jcaHmac("HmacSHA384", key, new byte[1]), cm.hmac(new Cmk(Octets.of(domain)), HashAlgorithm.SHA384, new byte[1]));
    }

    @Test
    void aCmkOfAnotherColdBootIsRefused() {
        Cmk cmk = cm.importKey(KeyUsage.HMAC, random(48));
        var other = CmClient.config().toBuilder().trngSeed(Octets.of(random(48))).build();
        try (var d = org.caliptra.util.emulator.CaliptraDevice.create(other)) {
            d.setRequesterUser(1);
            var report = new org.caliptra.util.soc.boot.BootFlow(d).run(org.caliptra.util.soc.boot.BootPlan.firmwareOnly(
                    org.caliptra.util.soc.fuses.FuseSet.defaults(org.caliptra.util.protocol.Generation.V2), Octets.of(CmClient.bundleV2())));
            assertTrue(report.booted());
            assertEquals(0xA004_0011, new CmClient(d.coreMailbox()).error(CmHashCommands.CM_HMAC,
                    CmHashCommands.HmacRequest.of(cmk, HashAlgorithm.SHA384, Octets.of(new byte[1]))));
        }
    }

    private CmHashCommands.Digest shaFinal(ShaContext context, byte[] input) {
        return cm.call(CmHashCommands.CM_SHA_FINAL, new ShaUpdateRequest(context, Octets.of(input)));
    }

    @Test
    void shaMatchesTheReferenceVectors() {
        var ctx = cm.call(CmHashCommands.CM_SHA_INIT, ShaInitRequest.of(HashAlgorithm.SHA384, Octets.of(repeat('a', 129))));
        var reply = cm.raw(CaliptraCommand.CM_SHA_FINAL.code(), CmHashCommands.CM_SHA_FINAL.encodeRequest(
                new ShaUpdateRequest(ctx, Octets.zeros(0))));
        byte[] frame = assertInstanceOf(MailboxReply.Data.class, reply).bytes();
        assertEquals(60, frame.length, "chksum, fips_status, data_len, 48-byte hash");
        assertArrayEquals(hex("39b6f5a7b0e781dbc419f72e49b30eaac10f2c98c4403bc610da31067fd1b48f324138c8615d2b496d08d73d5e865326"),
                Arrays.copyOfRange(frame, 12, 60));
        assertEquals(48, ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt(8));
        String[] expected = {"d3d1e46ea969d07ae83c051fc7b64f36af050ff46c661308e0c2b9a5fd8c2c582a28222351b227596cbb30f7b223da08",
            "156512d73a85d7a4256da57c63fd8c339ed92da6fa33620ce155a5771987ec61a6a2c7d10871806b30258ad015d2ca348549de65d968aafeae9dda2bf66a2105"};
        for (HashAlgorithm a : HashAlgorithm.values()) {
            var c = cm.call(CmHashCommands.CM_SHA_INIT, ShaInitRequest.of(a, Octets.of(repeat('a', 1024))));
            for (int i = 0; i < 255; i++) {
                c = cm.call(CmHashCommands.CM_SHA_UPDATE, new ShaUpdateRequest(c, Octets.of(repeat('a', 4))));
            }
            assertArrayEquals(hex(expected[a.ordinal()]), shaFinal(c, repeat('a', 4)).value().toByteArray(), a.toString());
        }
    }

    @Test
    void shaOfRandomPiecesMatchesJcaAndItsContextIsTheEngineStateInTheClear() throws Exception {
        for (HashAlgorithm a : HashAlgorithm.values()) {
            var jca = MessageDigest.getInstance(a == HashAlgorithm.SHA384 ? "SHA-384" : "SHA-512");
            byte[] first = random(RANDOM.nextInt(300));
            jca.update(first);
            var c = cm.call(CmHashCommands.CM_SHA_INIT, ShaInitRequest.of(a, Octets.of(first)));
            long total = first.length;
            for (int i = 0; i < 12; i++) {
                byte[] part = random(i == 5 ? 4096 : RANDOM.nextInt(700));
                jca.update(part);
                total += part.length;
                c = cm.call(CmHashCommands.CM_SHA_UPDATE, new ShaUpdateRequest(c, Octets.of(part)));
                var fields = ByteBuffer.wrap(c.bytes().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(total, fields.getInt(0), "length");
                assertEquals(a.value(), fields.getInt(4), "hash_algorithm");
                assertEquals(total < 128, c.bytes().slice(136, 64).isZero(), "intermediate_hash: zero until the first block");
            }
            var fork = c; // the context is plain state: it can be finished twice, or forked
            byte[] expected = jca.digest();
            assertArrayEquals(expected, shaFinal(c, new byte[0]).value().toByteArray(), a.toString());
            assertArrayEquals(expected, shaFinal(fork, new byte[0]).value().toByteArray(), "replayed FINAL");
        }
    }

    @Test
    void shaRefusesAReservedAlgorithmInTheRequestOrTheContext() {
        assertEquals(0x000E_0009, cm.error(CmHashCommands.CM_SHA_INIT, new ShaInitRequest(0, Octets.zeros(0))));
        assertEquals(0x000E_0009, cm.error(CmHashCommands.CM_SHA_INIT, new ShaInitRequest(3, Octets.zeros(0))));
        var c = cm.call(CmHashCommands.CM_SHA_INIT, ShaInitRequest.of(HashAlgorithm.SHA512, Octets.zeros(0)));
        byte[] bad = c.bytes().toByteArray();
        bad[4] = 7;
        assertEquals(0x000E_0009, cm.error(CmHashCommands.CM_SHA_UPDATE, new ShaUpdateRequest(new ShaContext(Octets.of(bad)), Octets.zeros(0))));
        byte[] oversize = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(4097).array();
        assertEquals(0x000E_0009, cm.error(CaliptraCommand.CM_SHA_INIT.code(), oversize));
    }

    private static byte[] shake(byte[]... parts) {
        var d = new SHAKEDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[64];
        d.doFinal(out, 0, 64);
        return out;
    }

    @Test
    void shake256MatchesTheVectorsAndRefusesEndedOrReplacedSessions() {
        var ctx = cm.call(CmHashCommands.CM_SHAKE256_INIT, new Shake256InitRequest(Octets.of("hello world".getBytes())));
        var out = cm.call(CmHashCommands.CM_SHAKE256_FINAL, new Shake256UpdateRequest(ctx, Octets.zeros(0))).hash().toByteArray();
        assertArrayEquals(hex("369771bb2cb9d2b04c1d54cca487e372d9f187f73f7ba3f65b95c8ee7798c527f4f3c2d55c2d46a29f2e945d469c3df27853a8735271f5cc2d9e889544357116"), out);
        assertEquals(0x000E_008E, cm.error(CmHashCommands.CM_SHAKE256_UPDATE, new Shake256UpdateRequest(ctx, Octets.zeros(0))),
                "reused after FINAL: RUNTIME_CM_SHAKE256_CONTEXT_MISMATCH");

        ctx = cm.call(CmHashCommands.CM_SHAKE256_INIT, new Shake256InitRequest(Octets.of("aaa".getBytes())));
        var ctx2 = cm.call(CmHashCommands.CM_SHAKE256_UPDATE, new Shake256UpdateRequest(ctx, Octets.of("bbb".getBytes())));
        assertNotEquals(ctx, ctx2, "a fresh IV for each context");
        out = cm.call(CmHashCommands.CM_SHAKE256_FINAL, new Shake256UpdateRequest(ctx2, Octets.of("ccc".getBytes()))).hash().toByteArray();
        assertArrayEquals(hex("552aa2366123188497e2960885682c20b444e5ab08c17545972bda843d14973807afd4e2c652f0acdeb182e05838c383d80affea5792379fd54dd2e1bda3755d"), out);

        ctx = cm.call(CmHashCommands.CM_SHAKE256_INIT, new Shake256InitRequest(Octets.zeros(0)));
        var other = cm.call(CmHashCommands.CM_SHAKE256_INIT, new Shake256InitRequest(Octets.of(new byte[] {1})));
        assertEquals(0x000E_008E, cm.error(CmHashCommands.CM_SHAKE256_UPDATE, new Shake256UpdateRequest(ctx, Octets.zeros(0))),
                "a second INIT ends the first session");
        byte[] tampered = other.bytes().toByteArray();
        tampered[30] ^= 1;
        assertEquals(0xA004_0011, cm.error(CmHashCommands.CM_SHAKE256_UPDATE, new Shake256UpdateRequest(
                new CmHashCommands.Shake256Context(Octets.of(tampered)), Octets.zeros(0))));
        other = cm.call(CmHashCommands.CM_SHAKE256_UPDATE, new Shake256UpdateRequest(other, Octets.of(new byte[] {2})));
        out = cm.call(CmHashCommands.CM_SHAKE256_FINAL, new Shake256UpdateRequest(other, Octets.of(new byte[] {3}))).hash().toByteArray();
        assertArrayEquals(hex("aa79c890c9483a636a64ee064ba0d6e7c7cdab9a9f84ff4c2bf7fc56220326b64b134ad3e3908866af8c35197af1128283ccbece1a4c56b1da68516cf7d7de02"), out);
        byte[] big = random(4096);
        ctx = cm.call(CmHashCommands.CM_SHAKE256_INIT, new Shake256InitRequest(Octets.of(big)));
        out = cm.call(CmHashCommands.CM_SHAKE256_FINAL, new Shake256UpdateRequest(ctx, Octets.of(big))).hash().toByteArray();
        assertArrayEquals(shake(big, big), out);
        ctx = cm.call(CmHashCommands.CM_SHAKE256_INIT, new Shake256InitRequest(Octets.zeros(0)));
        assertArrayEquals(hex("46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762fd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be"),
                cm.call(CmHashCommands.CM_SHAKE256_FINAL, new Shake256UpdateRequest(ctx, Octets.zeros(0))).hash().toByteArray());
    }

    @Test
    void hmacMatchesJcaWithTheEnginesKeyTruncation() {
        byte[] k64 = new byte[64];
        for (int i = 0; i < 64; i++) {
            k64[i] = (byte) i;
        }
        Cmk cmk = cm.importKey(KeyUsage.HMAC, k64);
        byte[] data = "test data".getBytes();
        assertArrayEquals(hex("46363f588fbea1348ea62ffefbe6ac3263cb7fd6c001d2cd6829ba891a27fe7a37a20b1f29cb4af3fad4abaecacd5194"),
                cm.hmac(cmk, HashAlgorithm.SHA384, data), "a 64-byte key with SHA-384: its first 48 bytes");
        assertArrayEquals(hex("c720da1cf6bcc2d31eefba3ec0d5c15c11c32e29d980ac3011fd20b4b97fcf5847b9dea12ce5ebb955d60859e10dd6de81076d7fae1a82b931300354c45910e2"),
                cm.hmac(cmk, HashAlgorithm.SHA512, data));
        byte[] k48 = random(48);
        byte[] message = random(4096);
        assertArrayEquals(jcaHmac("HmacSHA384", k48, message), cm.hmac(cm.importKey(KeyUsage.HMAC, k48), HashAlgorithm.SHA384, message));
        byte[] k = random(64);
        assertArrayEquals(jcaHmac("HmacSHA512", k, message), cm.hmac(cm.importKey(KeyUsage.HMAC, k), HashAlgorithm.SHA512, message));
    }

    @Test
    void hmacErrorsAreItsOwn() {
        Cmk k48 = cm.importKey(KeyUsage.HMAC, random(48));
        Cmk k64 = cm.importKey(KeyUsage.HMAC, random(64));
        assertEquals(0xA005_5024, cm.error(CmHashCommands.CM_HMAC, CmHashCommands.HmacRequest.of(k48, HashAlgorithm.SHA512, Octets.zeros(1))),
                "CMB_HMAC_INVALID_KEY_USAGE_AND_SIZE");
        assertEquals(0xA005_5024, cm.error(CmHashCommands.CM_HMAC, new CmHashCommands.HmacRequest(k48, 0, Octets.zeros(1))));
        assertEquals(0xA005_5025, cm.error(CmHashCommands.CM_HMAC, new CmHashCommands.HmacRequest(k64, 0, Octets.zeros(1))),
                "CMB_HMAC_UNSUPPORTED_HASH_ALGORITHM");
        assertEquals(0xA005_5022, cm.error(CmHashCommands.CM_HMAC, CmHashCommands.HmacRequest.of(cm.importKey(KeyUsage.AES, random(32)),
                HashAlgorithm.SHA384, Octets.zeros(1))), "CMB_HMAC_INVALID_KEY_USAGE");
        byte[] oversize = ByteBuffer.allocate(136).order(ByteOrder.LITTLE_ENDIAN).put(k48.bytes().toByteArray()).putInt(1).putInt(4097).array();
        assertEquals(0xA005_5023, cm.error(CaliptraCommand.CM_HMAC.code(), oversize), "CMB_HMAC_INVALID_REQ_SIZE");
    }

    @Test
    void kdfsMatchTheirVectorsThroughTheKeysTheyMake() {
        Cmk kin = cm.importKey(KeyUsage.HMAC, repeat((char) 0xAA, 48));
        Cmk kout = cm.call(CmKeyCommands.CM_HMAC_KDF_COUNTER, new CmKeyCommands.HmacKdfCounterRequest(kin, 1, KeyUsage.HMAC.value(), 48,
                Octets.of("abc".getBytes())));
        byte[] expected = hex("c9457760bd635fdb85b01dba88a192f09d140949b84e78d7d4c4d593cd96f07ee686899a135b13556d6247c3690cccea");
        assertArrayEquals(jcaHmac("HmacSHA384", expected, "x".getBytes()), cm.hmac(kout, HashAlgorithm.SHA384, "x".getBytes()));

        byte[] salt = new byte[48];
        for (int i = 0; i < 48; i++) {
            salt[i] = (byte) i;
        }
        Cmk prk = cm.call(CmKeyCommands.CM_HKDF_EXTRACT, new CmKeyCommands.HkdfExtractRequest(1, cm.importKey(KeyUsage.HMAC, salt),
                cm.importKey(KeyUsage.HMAC, repeat((char) 0x0B, 48))));
        byte[] prkBytes = hex("a886e99c675ef6b4449a213bcf25d3b2beab9dcc71439038cf1ecb63a5c46115864bb00a1973dea568a68047d36e8da4");
        assertArrayEquals(jcaHmac("HmacSHA384", prkBytes, "y".getBytes()), cm.hmac(prk, HashAlgorithm.SHA384, "y".getBytes()));
        Cmk okm = cm.call(CmKeyCommands.CM_HKDF_EXPAND, new CmKeyCommands.HkdfExpandRequest(prk, 1, KeyUsage.AES.value(), 32,
                Octets.of("info".getBytes())));
        byte[] aesKey = hex("68bfa673d57a4c2edf1b269f3687ee1cf1c5ff451c23cbf5b31d7e61a9f639c8");
        byte[][] sealed = cm.gcmEncrypt(okm, new byte[0], "plain".getBytes());
        assertArrayEquals(CmClient.jcaGcm(javax.crypto.Cipher.ENCRYPT_MODE, aesKey, sealed[0], new byte[0], "plain".getBytes()), sealed[1]);

        // SHA-512 counter KDF from a 64-byte key into an HMAC-512 key, against JCA end to end
        byte[] k = random(64);
        byte[] label = random(100);
        Cmk k512 = cm.call(CmKeyCommands.CM_HMAC_KDF_COUNTER, new CmKeyCommands.HmacKdfCounterRequest(cm.importKey(KeyUsage.HMAC, k), 2,
                KeyUsage.HMAC.value(), 64, Octets.of(label)));
        byte[] derived = jcaHmac("HmacSHA512", k, CmClient.concat(new byte[] {0, 0, 0, 1}, label));
        assertArrayEquals(jcaHmac("HmacSHA512", derived, label), cm.hmac(k512, HashAlgorithm.SHA512, label));
    }

    @Test
    void kdfErrorsIncludingTheLeakedUsageEntry() {
        try (var d = CmClient.booted()) {
            var c = new CmClient(d.coreMailbox());
            Cmk kin = c.importKey(KeyUsage.HMAC, random(48));
            assertEquals(0x000E_0009, c.error(CmKeyCommands.CM_HMAC_KDF_COUNTER, new CmKeyCommands.HmacKdfCounterRequest(kin, 1,
                    KeyUsage.MLKEM.value(), 64, Octets.zeros(0))), "no ML-KEM output");
            assertEquals(0x000E_0009, c.error(CmKeyCommands.CM_HMAC_KDF_COUNTER, new CmKeyCommands.HmacKdfCounterRequest(kin, 2,
                    KeyUsage.HMAC.value(), 48, Octets.zeros(0))), "HMAC-48 output takes SHA-384");
            assertEquals(0x000E_0009, c.error(CmKeyCommands.CM_HKDF_EXPAND, new CmKeyCommands.HkdfExpandRequest(
                    c.importKey(KeyUsage.ECDSA, random(48)), 1, KeyUsage.AES.value(), 32, Octets.zeros(0))), "prk must be HMAC");
            assertEquals(0x000E_0009, c.error(CmKeyCommands.CM_HKDF_EXTRACT, new CmKeyCommands.HkdfExtractRequest(2, kin, kin)),
                    "a 48-byte ikm with SHA-512");
            assertEquals(0, c.status());
            assertEquals(0x000E_0009, c.error(CmKeyCommands.CM_HMAC_KDF_COUNTER, new CmKeyCommands.HmacKdfCounterRequest(kin, 0,
                    KeyUsage.AES.value(), 32, Octets.zeros(0))), "reserved hash algorithm");
            assertEquals(1, c.status(), "the reference takes the AES entry before it looks at the algorithm");
        }
    }

    @Test
    void randomGenerateAndStir() {
        var seen = new HashSet<String>();
        for (int size : new int[] {0, 1, 47, 48, 49, 4096}) {
            var data = cm.call(CmRandomCommands.CM_RANDOM_GENERATE, new CmRandomCommands.RandomGenerateRequest(size)).data();
            assertEquals(size, data.length());
            if (size > 0) {
                assertTrue(seen.add(data.hex()), "no repetition");
            }
        }
        assertEquals(0x000E_0009, cm.error(CmRandomCommands.CM_RANDOM_GENERATE, new CmRandomCommands.RandomGenerateRequest(-1)));
        assertEquals(0x000E_0009, cm.error(CmRandomCommands.CM_RANDOM_GENERATE, new CmRandomCommands.RandomGenerateRequest(4097)));
        cm.call(CmRandomCommands.CM_RANDOM_STIR, new CmRandomCommands.RandomStirRequest(Octets.zeros(0)));
        cm.call(CmRandomCommands.CM_RANDOM_STIR, new CmRandomCommands.RandomStirRequest(Octets.of(random(4080))));
        assertEquals(0x000E_0009, cm.error(CmRandomCommands.CM_RANDOM_STIR, new CmRandomCommands.RandomStirRequest(Octets.of(random(4081)))),
                "4081 bytes round up past 4096");
    }

    @Test
    void stirringChangesWhatTheTrngDraws() {
        try (var a = CmClient.booted(); var b = CmClient.booted()) {
            var ca = new CmClient(a.coreMailbox());
            var cb = new CmClient(b.coreMailbox());
            var request = new CmRandomCommands.RandomGenerateRequest(48);
            assertEquals(ca.call(CmRandomCommands.CM_RANDOM_GENERATE, request), cb.call(CmRandomCommands.CM_RANDOM_GENERATE, request),
                    "same configuration, same draws");
            ca.call(CmRandomCommands.CM_RANDOM_STIR, new CmRandomCommands.RandomStirRequest(Octets.of("stir".getBytes())));
            assertNotEquals(ca.call(CmRandomCommands.CM_RANDOM_GENERATE, request), cb.call(CmRandomCommands.CM_RANDOM_GENERATE, request));
        }
    }

    @Test
    void aRomCmFailureIsFatalAsEveryRomError() {
        try (var d = CmClient.atRom(CmClient.config())) {
            var rom = new CmClient(d.coreMailbox());
            assertEquals(0x0102_000E, rom.error(CmHashCommands.CM_SHA, new CmHashCommands.ShaRequest(0, Octets.of("x".getBytes()))),
                    "FW_PROC_MAILBOX_INVALID_PARAMS");
            assertEquals("HALTED", d.phase().name(), "the ROM's fatal error handler stops it");
        }
    }

    @Test
    void stableKeysAreTheSameFromRomAndRuntimeAndAcrossColdBoots() {
        byte[] info = random(32);
        byte[] message = "stable".getBytes();
        var request = CmKeyCommands.DeriveStableKeyRequest.of(StableKeyType.IDEVID, Octets.of(info));
        byte[] fromRom;
        try (var d = CmClient.atRom(CmClient.config())) {
            var rom = new CmClient(d.coreMailbox());
            Cmk romKey = rom.call(CmKeyCommands.CM_DERIVE_STABLE_KEY, request);
            fromRom = rom.hmac(romKey, HashAlgorithm.SHA512, message);
            assertEquals(32, rom.call(CmRandomCommands.CM_RANDOM_GENERATE, new CmRandomCommands.RandomGenerateRequest(32)).data().length());
            var sha = rom.call(CmHashCommands.CM_SHA, CmHashCommands.ShaRequest.of(HashAlgorithm.SHA384, Octets.of(message)));
            assertArrayEquals(org.caliptra.util.image.Sha384.of(message).toByteArray(), sha.value().toByteArray());
            assertEquals(0, rom.call(CmRandomCommands.CM_RANDOM_GENERATE, new CmRandomCommands.RandomGenerateRequest(5000)).data().length(),
                    "the ROM answers an oversize request with no data");
            assertInstanceOf(MailboxReply.Complete.class, d.coreMailbox().execute(CaliptraCommand.FIRMWARE_LOAD.code(), CmClient.bundleV2()));
            assertTrue(d.stepUntil(x -> d.phase().name().equals("RUNTIME"), 200));
            var rt = new CmClient(d.coreMailbox());
            assertArrayEquals(fromRom, rt.hmac(romKey, HashAlgorithm.SHA512, message), "the ROM's CMK opens in the runtime");
            assertArrayEquals(fromRom, rt.hmac(rt.call(CmKeyCommands.CM_DERIVE_STABLE_KEY, request), HashAlgorithm.SHA512, message));
        }
        var rt = cm; // another cold boot of the same configuration
        assertArrayEquals(fromRom, rt.hmac(rt.call(CmKeyCommands.CM_DERIVE_STABLE_KEY, request), HashAlgorithm.SHA512, message));
        var ldev = CmKeyCommands.DeriveStableKeyRequest.of(StableKeyType.LDEVID, Octets.of(info));
        assertFalse(Arrays.equals(fromRom, rt.hmac(rt.call(CmKeyCommands.CM_DERIVE_STABLE_KEY, ldev), HashAlgorithm.SHA512, message)));
        assertEquals(0xA005_5000, rt.error(CmKeyCommands.CM_DERIVE_STABLE_KEY, new CmKeyCommands.DeriveStableKeyRequest(0, Octets.of(info))),
                "DOT_INVALID_KEY_TYPE");
        assertEquals(0xA005_5001, rt.error(CmKeyCommands.CM_DERIVE_STABLE_KEY, CmKeyCommands.DeriveStableKeyRequest.of(
                StableKeyType.OWNER_KEY, Octets.of(info))), "CMB_STABLE_OWNER_KEY_NOT_AVAILABLE");
    }

    @Test
    void stableKeyIsTheDocumentedDerivation() {
        byte[] info = random(32);
        var dice = org.caliptra.util.emulator.dice.DiceIdentity.coldBoot(org.caliptra.util.protocol.Generation.V2,
                org.caliptra.util.soc.fuses.FuseSet.defaults(org.caliptra.util.protocol.Generation.V2), CmClient.config().obfuscationKey(),
                CmClient.config().csrHmacKey(), CmClient.config().debugLocked());
        byte[] root = dice.stableIdentityRoot(false);
        var cmac = new org.bouncycastle.crypto.macs.CMac(org.bouncycastle.crypto.engines.AESEngine.newInstance());
        cmac.init(new org.bouncycastle.crypto.params.KeyParameter(Arrays.copyOf(root, 32)));
        byte[] k0 = new byte[64];
        for (int i = 1; i <= 4; i++) {
            cmac.update(new byte[] {0, 0, 0, (byte) i}, 0, 4);
            cmac.update(info, 0, 32);
            cmac.doFinal(k0, (i - 1) * 16);
        }
        byte[] key = jcaHmac("HmacSHA512", k0, CmClient.concat(new byte[] {0, 0, 0, 1}, "DOT Final".getBytes(), info));
        Cmk cmk = cm.call(CmKeyCommands.CM_DERIVE_STABLE_KEY, CmKeyCommands.DeriveStableKeyRequest.of(StableKeyType.IDEVID, Octets.of(info)));
        assertArrayEquals(jcaHmac("HmacSHA512", key, info), cm.hmac(cmk, HashAlgorithm.SHA512, info));
    }

    @Test
    void anUpdateResetKeepsCmksAndShaContextsButNotTheUsageTableOrSealedContexts() {
        try (var d = CmClient.booted()) {
            var c = new CmClient(d.coreMailbox());
            byte[] k = random(48);
            Cmk hmac = c.importKey(KeyUsage.HMAC, k);
            Cmk aes = c.importKey(KeyUsage.AES, random(32));
            var sha = c.call(CmHashCommands.CM_SHA_INIT, ShaInitRequest.of(HashAlgorithm.SHA384, Octets.of(repeat('a', 129))));
            var shake = c.call(CmHashCommands.CM_SHAKE256_INIT, new Shake256InitRequest(Octets.zeros(0)));
            assertEquals(1, c.status());
            assertInstanceOf(MailboxReply.Complete.class, d.coreMailbox().execute(CaliptraCommand.FIRMWARE_LOAD.code(), CmClient.bundleV2()));
            assertTrue(d.stepUntil(x -> d.phase().name().equals("RUNTIME"), 200));
            assertArrayEquals(jcaHmac("HmacSHA384", k, k), c.hmac(hmac, HashAlgorithm.SHA384, k), "the KEK survives");
            assertEquals(0, c.status(), "the usage table starts empty");
            assertEquals(0x000E_0009, c.error(CmKeyCommands.CM_DELETE, aes));
            assertArrayEquals(hex("39b6f5a7b0e781dbc419f72e49b30eaac10f2c98c4403bc610da31067fd1b48f324138c8615d2b496d08d73d5e865326"),
                    c.call(CmHashCommands.CM_SHA_FINAL, new ShaUpdateRequest(sha, Octets.zeros(0))).value().toByteArray());
            assertEquals(0xA004_0011, c.error(CmHashCommands.CM_SHAKE256_FINAL, new Shake256UpdateRequest(shake, Octets.zeros(0))),
                    "a new context key");
        }
    }

    @Test
    void caliptra1AnswersEveryCmCommandAsUnknown() {
        try (var d = TestFirmware.bootedDevice(TestFirmware.bundle())) {
            var c = new CmClient(d.coreMailbox());
            for (CaliptraCommand command : CaliptraCommand.values()) {
                if (command.name().startsWith("CM_")) {
                    assertEquals(0x000E_0002, c.error(command.code(), new byte[0]), command.name());
                }
            }
        }
    }
}
