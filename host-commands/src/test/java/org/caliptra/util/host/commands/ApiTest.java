package org.caliptra.util.host.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.caliptra.util.host.commands.asymmetric.Asymmetric;
import org.caliptra.util.host.commands.certificate.CertificateCommands.DeviceKey;
import org.caliptra.util.host.commands.certificate.Certificates;
import org.caliptra.util.host.commands.debug.Debug;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.commands.hash.HashCommands.HashInit;
import org.caliptra.util.host.commands.keys.Keys;
import org.caliptra.util.host.commands.random.RandomNumbers;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaSignature;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.SizedData;
import org.caliptra.util.protocol.mcu.McAttestationCommands;
import org.caliptra.util.protocol.mcu.McLogCommands;
import org.junit.jupiter.api.Test;

/** The high-level API: parsed certificates and CSRs, typed device errors, argument checks, multi-page log. */
class ApiTest {
    private static KeyPair p384() throws Exception {
        var g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        return g.generateKeyPair();
    }

    @Test
    void certificatesComeBackParsedWithTheirDer() throws Exception {
        KeyPair kp = p384();
        var name = new X500Principal("CN=Caliptra 2.0 LDevID");
        byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.TEN, new Date(0), new Date(4_000_000_000_000L), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA384withECDSA").build(kp.getPrivate())).getEncoded();
        var port = Harness.answering(CertificateCommands.GET_LDEV_ECC384_CERT_V2.encodeResponse(SizedData.of(der)));
        var cert = Certificates.ldevidCertificate(port.session(DeviceKind.CALIPTRA_CORE));
        assertEquals(name, cert.certificate().getSubjectX500Principal());
        assertEquals(Octets.of(der), cert.der());
        cert.certificate().verify(kp.getPublic());

        var junk = Harness.answering(CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V2.encodeResponse(SizedData.of(new byte[] {0x30, 1, 2})));
        var e = assertThrows(ProtocolException.class, () -> Certificates.rtAliasCertificate(junk.session(DeviceKind.CALIPTRA_CORE)));
        assertTrue(e.getMessage().startsWith("GetRtAliasCert: the device's 3 bytes are not a DER X.509 certificate"), e.getMessage());
    }

    @Test
    void theIdevidCsrComesBackAsAPkcs10Request() throws Exception {
        KeyPair kp = p384();
        var name = new X500Principal("CN=Caliptra 2.0 IDevID");
        byte[] der = new JcaPKCS10CertificationRequestBuilder(name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA384withECDSA").build(kp.getPrivate())).getEncoded();
        var port = Harness.answering(CertificateCommands.GET_IDEV_ECC384_CSR_V2.encodeResponse(SizedData.of(der)));
        var csr = Certificates.exportIdevidCsr(port.session(DeviceKind.CALIPTRA_CORE), AsymAlgorithm.ECC_P384);
        assertEquals("CN=Caliptra 2.0 IDevID", csr.request().getSubject().toString());
        assertEquals(Octets.of(der), csr.der());
        assertEquals(0x4944_4352, port.last().command());
    }

    @Test
    void attestedCsrsAreTheCoseBytes() {
        var cose = Octets.fromHex("d28443a10126a0");
        var port = Harness.answering(McAttestationCommands.MC_EXPORT_ATTESTED_CSR.encodeResponse(new McAttestationCommands.AttestedCsr(cose)));
        assertEquals(cose, Certificates.exportAttestedCsr(port.session(DeviceKind.MCU), DeviceKey.LDEVID, AsymAlgorithm.ECC_P384,
                Octets.fromHex("42".repeat(32))));
    }

    @Test
    void aRefusedCommandIsADeviceErrorWithCodeAndName() {
        var port = new Harness(s -> new MailboxReply.Failure(0x000E_0002));
        var session = port.session(DeviceKind.MCU);
        var e = assertThrows(DeviceErrorException.class, () -> Keys.importKey(session, KeyUsage.AES, Octets.zeros(32)));
        assertEquals("Import", e.command());
        assertEquals(0x000E_0002, e.code());
        assertEquals(List.of("RUNTIME_UNIMPLEMENTED_COMMAND"), e.errorNames());
        assertEquals("Import failed on the device: RUNTIME_UNIMPLEMENTED_COMMAND (0x000E0002)", e.getMessage());
        assertTrue(e.getCause() instanceof TransportException t && t.kind() == TransportException.Kind.DEVICE_ERROR);
        var verify = assertThrows(DeviceErrorException.class, () -> Asymmetric.ecdsaVerify(session, new Cmk(Octets.zeros(128)),
                Octets.of("Tampered message for ECDSA signing".getBytes()), new EcdsaSignature(Octets.zeros(48), Octets.zeros(48))));
        assertEquals("EcdsaVerify", verify.command());
        assertEquals(2, session.statistics().commandsFailed());
    }

    @Test
    void oversizeArgumentsAreRefusedNamingCommandFieldAndSize() {
        var e = assertThrows(IllegalArgumentException.class, () -> new HashInit(HashAlgorithm.SHA384, Octets.zeros(4097)));
        assertEquals("HashInit: input is at most 4096 bytes, got 4097", e.getMessage());
        var k = assertThrows(IllegalArgumentException.class, () -> new org.caliptra.util.host.commands.keys.KeyCommands.Import(
                KeyUsage.AES, Octets.zeros(65)));
        assertEquals("Import: input is at most 64 bytes, got 65", k.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> new org.caliptra.util.host.commands.attestation.AttestationCommands
                .GetAttestation(1, AsymAlgorithm.ECC_P384, org.caliptra.util.host.commands.attestation.AttestationCommands.PkiEntitySlot.VENDOR,
                        Octets.zeros(31)));
        assertEquals("GetAttestation: nonce is 32 bytes, got 31", n.getMessage());
        var m = assertThrows(NullPointerException.class, () -> new HashInit(null, Octets.zeros(1)));
        assertEquals("HashInit: algorithm is required", m.getMessage());
        var level = assertThrows(IllegalArgumentException.class,
                () -> new org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.ProdDebugUnlockReq(256));
        assertEquals("ProdDebugUnlockReq: unlock_level must fit in 8 bits (0..0xFF), got 256", level.getMessage());
    }

    @Test
    void drainingTheLogReadsPagesUntilTheDeviceHasNoMore() {
        var pages = new java.util.ArrayDeque<>(List.of(new McLogCommands.DebugLog(1, Octets.fromHex("0102")),
                new McLogCommands.DebugLog(1, Octets.fromHex("03")), new McLogCommands.DebugLog(0, Octets.fromHex("04"))));
        var port = new Harness(s -> Harness.data(0, McLogCommands.MC_GET_LOG.encodeResponse(pages.removeFirst())));
        assertEquals(Octets.fromHex("01020304"), Debug.drainLog(port.session(DeviceKind.MCU)));
        assertEquals(3, port.sent().size());
    }

    @Test
    void getDeviceIdKeepsItsSignatureForItsCallers() {
        var port = Harness.answering(new byte[] {0x11, (byte) 0xCA, 0x21, 0, 0x11, (byte) 0xCA, 1, 0});
        org.caliptra.util.host.commands.deviceinfo.GetDeviceId.Response r = DeviceInfo.getDeviceId(port.session(DeviceKind.MCU));
        assertEquals(0xCA11, r.identity().vendorId());
        assertEquals(0x21, r.identity().deviceId());
    }

    @Test
    void randomBytesAreExactlyAsManyAsAskedForAndTheSizeIsCheckedBeforeSending() {
        byte[] sixteen = new byte[16];
        java.util.Arrays.fill(sixteen, (byte) 0x6B);
        var port = Harness.answering(org.caliptra.util.protocol.cm.CmRandomCommands.CM_RANDOM_GENERATE.encodeResponse(
                new org.caliptra.util.protocol.cm.CmRandomCommands.RandomData(Octets.of(sixteen))));
        var session = port.session(DeviceKind.CALIPTRA_CORE);
        assertEquals(Octets.of(sixteen), RandomNumbers.generate(session, 16));
        assertEquals(List.of(0x434D_5247), port.sent().stream().map(Harness.Sent::command).toList());
        // The device answered 16 bytes when asked for 32: a malformed answer, not short randomness handed on.
        var shortAnswer = assertThrows(ProtocolException.class, () -> RandomNumbers.generate(session, 32));
        assertEquals("RandomGenerate: asked for 32 bytes, the device returned 16", shortAnswer.getMessage());
        for (int bad : new int[] {-1, 4097}) {
            var e = assertThrows(IllegalArgumentException.class, () -> RandomNumbers.generate(session, bad));
            assertEquals("RandomGenerate: size is 0 to 4096 bytes, got " + Integer.toUnsignedString(bad), e.getMessage());
        }
        var stir = assertThrows(IllegalArgumentException.class, () -> RandomNumbers.stir(session, Octets.zeros(4081)));
        assertEquals("RandomStir: input is at most 4080 bytes (the device stirs whole 48-byte blocks into a 4096-byte buffer), got 4081",
                stir.getMessage());
        assertEquals(2, port.sent().size(), "nothing was sent for the refused arguments");
    }

    @Test
    void storageStatusReadsTheTwoCounters() {
        var port = Harness.answering(org.caliptra.util.protocol.mcu.McCryptoCommands.MC_CM_STATUS.encodeResponse(
                new org.caliptra.util.protocol.cm.CmKeyCommands.Status(2, 256)));
        var status = Keys.status(port.session(DeviceKind.MCU));
        assertEquals(new org.caliptra.util.host.commands.keys.KeyCommands.StorageStatus(0, 2, 256), status);
        assertEquals(0x4D43_5354, port.last().command());
    }
}
