package org.caliptra.util.emulator.dice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.testsupport.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caliptra-1.2 device booted through its registers, its DICE chain read over the mailbox: each
 * certificate verifies under the layer below, the chain validates (JDK PKIX and openssl), the alias
 * layers measure what was loaded, and the PCR commands change what a quote reports.
 */
class BootedIdentityV1Test {
    static final int GET_IDEV_INFO = 0x4944_4549;
    static final int GET_IDEV_CSR = 0x4944_4352;
    static final int GET_LDEV_CERT = 0x4C44_4556;
    static final int GET_FMC_ALIAS_CERT = 0x4345_5246;
    static final int GET_RT_ALIAS_CERT = 0x4345_5252;
    static final int STASH_MEASUREMENT = 0x4D45_4153;
    static final int QUOTE_PCRS = 0x5043_5251;
    static final int EXTEND_PCR = 0x5043_5245;
    static final int INCREMENT_PCR_RESET_COUNTER = 0x5043_5252;

    private final byte[] bundle = TestFirmware.bundle();
    private final CaliptraDevice device = TestFirmware.bootedDevice(bundle);

    @AfterEach
    void close() {
        device.close();
    }

    private MailboxReply send(CaliptraDevice d, int command, byte[] fields) {
        return d.execute(command, MailboxChecksum.seal(command, fields));
    }

    private byte[] fields(CaliptraDevice d, int command, byte[] request) {
        var reply = send(d, command, request);
        return MailboxFrame.openResponse(assertInstanceOf(MailboxReply.Data.class, reply, reply.toString()).bytes(), "response")
                .fields();
    }

    private X509Certificate cert(CaliptraDevice d, int command) throws Exception {
        byte[] f = fields(d, command, new byte[0]);
        int size = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        assertEquals(f.length - 4, size, "data_size is the used length");
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(f, 4, size));
    }

    private java.security.PublicKey idevidKey(CaliptraDevice d) throws Exception {
        byte[] info = fields(d, GET_IDEV_INFO, new byte[0]);
        assertEquals(96, info.length);
        var point = new byte[97];
        point[0] = 4;
        System.arraycopy(info, 0, point, 1, 96);
        var spki = CaliptraX509.eccSpki(new org.caliptra.util.image.keys.EccPublicKey(
                org.caliptra.util.protocol.Octets.of(info, 0, 48), org.caliptra.util.protocol.Octets.of(info, 48, 48)));
        return java.security.KeyFactory.getInstance("EC").generatePublic(new java.security.spec.X509EncodedKeySpec(spki.getEncoded()));
    }

    @Test
    void theChainVerifiesLayerByLayerAndAsAPath() throws Exception {
        var ldev = cert(device, GET_LDEV_CERT);
        var fmc = cert(device, GET_FMC_ALIAS_CERT);
        var rt = cert(device, GET_RT_ALIAS_CERT);
        ldev.verify(idevidKey(device));
        fmc.verify(ldev.getPublicKey());
        rt.verify(fmc.getPublicKey());
        assertTrue(fmc.getSubjectX500Principal().getName().contains("CN=Caliptra 1.0 FMC Alias"), fmc.getSubjectX500Principal().getName());
        assertEquals(3, fmc.getBasicConstraints());
        assertEquals(2, rt.getBasicConstraints());
        assertTrue(rt.getKeyUsage()[0] && rt.getKeyUsage()[5], "RT alias: digitalSignature and keyCertSign");
        // PKIX from the IDevID key as the trust anchor.
        var anchor = new TrustAnchor(ldev.getIssuerX500Principal(), idevidKey(device), null);
        var params = new PKIXParameters(Set.of(anchor));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(rt, fmc, ldev)), params);
    }

    @Test
    void openSslVerifiesTheChainUnderASelfSignedIdevidCertificate(@TempDir Path dir) throws Exception {
        Prerequisites.require(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed (apt-get install openssl)");
        // The IDevID is certified outside the part; a self-signed certificate of the same key stands in for it.
        var identity = DiceIdentity.coldBoot(org.caliptra.util.protocol.Generation.V1,
                org.caliptra.util.soc.fuses.FuseSet.defaults(org.caliptra.util.protocol.Generation.V1),
                org.caliptra.util.emulator.DeviceConfig.DEFAULT_OBFUSCATION_KEY,
                org.caliptra.util.emulator.DeviceConfig.DEFAULT_CSR_HMAC_KEY, false);
        var idevKey = CertKey.of(identity.idevid(), DiceAlgorithm.ECC384);
        assertEquals(idevidKey(device), java.security.KeyFactory.getInstance("EC").generatePublic(
                new java.security.spec.X509EncodedKeySpec(idevKey.spki().getEncoded())), "the device's IDevID");
        // Its SKI is the fuse-selected IDevID key id, which is what the LDevID's AKI names.
        byte[] keyId = identity.idevidKeyId(DiceAlgorithm.ECC384);
        var name = CaliptraX509.name("Caliptra 1.0 IDevID", idevKey.encoded());
        byte[] idev = CaliptraX509.certificate(java.math.BigInteger.ONE, name, DiceCertificates.NOT_BEFORE,
                DiceCertificates.NOT_AFTER, name, idevKey.spki(), List.of(
                        CaliptraX509.extension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                                new org.bouncycastle.asn1.x509.BasicConstraints(5)),
                        CaliptraX509.extension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
                                new org.bouncycastle.asn1.x509.KeyUsage(org.bouncycastle.asn1.x509.KeyUsage.keyCertSign)),
                        CaliptraX509.extension(org.bouncycastle.asn1.x509.Extension.subjectKeyIdentifier, false,
                                new org.bouncycastle.asn1.x509.SubjectKeyIdentifier(keyId))),
                idevKey.signing());
        Path ca = pem(dir.resolve("idevid.pem"), idev);
        Path untrusted = dir.resolve("chain.pem");
        Files.writeString(untrusted, pemText(cert(device, GET_LDEV_CERT).getEncoded()) + pemText(cert(device, GET_FMC_ALIAS_CERT).getEncoded()));
        Path leaf = pem(dir.resolve("rt.pem"), cert(device, GET_RT_ALIAS_CERT).getEncoded());
        var p = new ProcessBuilder("openssl", "verify", "-CAfile", ca.toString(), "-untrusted", untrusted.toString(),
                leaf.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl finished");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains(": OK"), out);
    }

    @Test
    void aliasCertificatesHaveTheRomAndFmcTemplatesShape() throws Exception {
        // Each TBS with its variable fields overwritten by 0x5F must be the template of caliptra-1.2
        // x509/build/{fmc,rt}_alias_cert_tbs.rs (753 and 649 bytes); SHA-256 of those templates.
        byte[] fmcTbs = cert(device, GET_FMC_ALIAS_CERT).getTBSCertificate();
        mask(fmcTbs, 11, 20, 86, 64, 154, 15, 171, 15, 232, 64, 319, 97, 476, 17, 515, 1, 533, 48, 584, 4, 613, 1, 631, 48,
                700, 20, 733, 20);
        assertEquals("6b56e92172138feab42fb7839ed0ad24c73a83512a1028f45ecbb64a33b1580c", sha256(fmcTbs));
        byte[] rtTbs = cert(device, GET_RT_ALIAS_CERT).getTBSCertificate();
        mask(rtTbs, 11, 20, 89, 64, 157, 15, 174, 15, 234, 64, 321, 97, 476, 17, 510, 1, 528, 48, 596, 20, 629, 20);
        assertEquals("09539926734e59a45ef24c8941f57c5eb1f3f3ee06c36ebc83033857db3c4e78", sha256(rtTbs));
    }

    @Test
    void theAliasLayersMeasureWhatWasLoaded() throws Exception {
        var accepted = device.acceptedImage().orElseThrow();
        var rt = cert(device, GET_RT_ALIAS_CERT);
        var tcb = ASN1Sequence.getInstance(ASN1OctetString.getInstance(rt.getExtensionValue("2.23.133.5.4.1")).getOctets());
        assertArrayEquals(accepted.runtimeDigest().toByteArray(), fwid(tcb), "RT alias fwid = the runtime's digest");
        var fmc = cert(device, GET_FMC_ALIAS_CERT);
        var multi = ASN1Sequence.getInstance(ASN1OctetString.getInstance(fmc.getExtensionValue("2.23.133.5.4.5")).getOctets());
        assertEquals(2, multi.size());
        assertArrayEquals(accepted.fmcDigest().toByteArray(), fwid(ASN1Sequence.getInstance(multi.getObjectAt(1))),
                "FMC_INFO fwid = the FMC's digest");
        // Another bundle (other FMC and runtime), another RT alias key; the same one again, the same certificate.
        try (var other = TestFirmware.bootedDevice(TestFirmware.bundle()); var again = TestFirmware.bootedDevice(bundle)) {
            assertNotEquals(rt.getPublicKey(), cert(other, GET_RT_ALIAS_CERT).getPublicKey());
            assertArrayEquals(rt.getEncoded(), cert(again, GET_RT_ALIAS_CERT).getEncoded());
        }
    }

    @Test
    void cptraFwRevIdReportsTheLoadedManifestsVersions() {
        var bundleParsed = org.caliptra.util.image.bundle.FwBundle.parse(bundle, "bundle");
        int word0 = device.read32(0x3003_0000 + 0x0D8);
        assertEquals(bundleParsed.fmc().version() & 0xFFFF, word0 >>> 16, "FMC version from the manifest");
        assertEquals(bundleParsed.runtime().version(), device.read32(0x3003_0000 + 0x0DC), "runtime version");
    }

    @Test
    void stashMeasurementChangesWhatTheQuoteReports() throws Exception {
        byte[] nonce = new byte[32];
        Arrays.fill(nonce, (byte) 0x5A);
        nonce[0] = 1;
        byte[] before = fields(device, QUOTE_PCRS, nonce);
        byte[] stash = new byte[104];
        Arrays.fill(stash, 4, 52, (byte) 0xAB);
        assertEquals(0, ByteBuffer.wrap(fields(device, STASH_MEASUREMENT, stash)).order(ByteOrder.LITTLE_ENDIAN).getInt());
        byte[] after = fields(device, QUOTE_PCRS, nonce);
        // PCR31 = SHA-384(0 ‖ measurement); the other PCRs stay.
        byte[] measurement = Arrays.copyOfRange(stash, 4, 52);
        assertArrayEquals(Digests.sha384(new byte[48], measurement), Arrays.copyOfRange(after, 31 * 48, 32 * 48));
        assertArrayEquals(Arrays.copyOf(before, 31 * 48), Arrays.copyOf(after, 31 * 48));
        assertQuoteVerifies(after, nonce);
        assertNotEquals(HexFormat.of().formatHex(Arrays.copyOfRange(before, 1568, 1616)),
                HexFormat.of().formatHex(Arrays.copyOfRange(after, 1568, 1616)), "digest");
    }

    /** 1.x layout: pcrs[32][48], nonce[32], digest[48], reset_ctrs[32], r, s; signed by the FMC alias key. */
    private void assertQuoteVerifies(byte[] quote, byte[] nonce) throws Exception {
        assertEquals(1840, quote.length);
        assertArrayEquals(nonce, Arrays.copyOfRange(quote, 1536, 1568), "nonce echoed");
        byte[] digest = Arrays.copyOfRange(quote, 1568, 1616);
        assertArrayEquals(Digests.sha384(Arrays.copyOf(quote, 1568)), digest, "digest = SHA-384(PCRs ‖ nonce)");
        var signature = org.caliptra.util.image.keys.EccSignature.of(new java.math.BigInteger(1, Arrays.copyOfRange(quote, 1744, 1792)),
                new java.math.BigInteger(1, Arrays.copyOfRange(quote, 1792, 1840)));
        var verifier = java.security.Signature.getInstance("NONEwithECDSA");
        verifier.initVerify(cert(device, GET_FMC_ALIAS_CERT).getPublicKey());
        verifier.update(digest);
        assertTrue(verifier.verify(signature.toDer()), "signed by the FMC alias key");
    }

    @Test
    void extendPcrGuardsTheFirmwaresPcrsAndTheBank() throws Exception {
        byte[] data = new byte[48];
        Arrays.fill(data, (byte) 7);
        for (int reserved = 0; reserved < 4; reserved++) {
            assertEquals(new MailboxReply.Failure(0x000E_003C), send(device, EXTEND_PCR, extend(reserved, data)), "PCR_RESERVED");
        }
        assertEquals(new MailboxReply.Failure(0x000E_003D), send(device, EXTEND_PCR, extend(32, data)), "PCR_INVALID_INDEX");
        assertEquals(new MailboxReply.Failure(0x000E_0009), send(device, EXTEND_PCR, extend(256, data)), "MAILBOX_INVALID_PARAMS");
        assertEquals(new MailboxReply.Failure(0x000E_0003), send(device, EXTEND_PCR, new byte[51]), "INSUFFICIENT_MEMORY");
        fields(device, EXTEND_PCR, extend(4, data));
        byte[] quote = fields(device, QUOTE_PCRS, new byte[32]);
        assertArrayEquals(Digests.sha384(new byte[48], data), Arrays.copyOfRange(quote, 4 * 48, 5 * 48));
    }

    @Test
    void resetCountersCountAndAreBounded() throws Exception {
        fields(device, INCREMENT_PCR_RESET_COUNTER, le(7));
        fields(device, INCREMENT_PCR_RESET_COUNTER, le(7));
        byte[] quote = fields(device, QUOTE_PCRS, new byte[32]);
        var b = ByteBuffer.wrap(quote).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, b.getInt(1616 + 7 * 4), "reset_ctrs[7]");
        assertEquals(0, b.getInt(1616 + 6 * 4));
        assertEquals(new MailboxReply.Failure(0x000E_0009), send(device, INCREMENT_PCR_RESET_COUNTER, le(32)));
    }

    @Test
    void theIdevidCsrIsOnlyThereIfTheRomMadeIt() {
        assertEquals(new MailboxReply.Failure(0x000E_0051), send(device, GET_IDEV_CSR, new byte[0]),
                "RUNTIME_GET_IDEV_ID_UNPROVISIONED");
    }

    private static byte[] extend(int index, byte[] data) {
        return ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN).putInt(index).put(data).array();
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] fwid(ASN1Sequence tcbInfo) {
        for (var field : tcbInfo) {
            var tagged = ASN1TaggedObject.getInstance(field);
            if (tagged.getTagNo() == 6) {
                var fwids = ASN1Sequence.getInstance(tagged, false);
                return ASN1OctetString.getInstance(ASN1Sequence.getInstance(fwids.getObjectAt(0)).getObjectAt(1)).getOctets();
            }
        }
        throw new AssertionError("no fwids in " + tcbInfo);
    }

    private static void mask(byte[] tbs, int... offsetsAndLengths) {
        for (int i = 0; i < offsetsAndLengths.length; i += 2) {
            Arrays.fill(tbs, offsetsAndLengths[i], offsetsAndLengths[i] + offsetsAndLengths[i + 1], (byte) 0x5F);
        }
    }

    private static String sha256(byte[] b) {
        return HexFormat.of().formatHex(Digests.sha256(b));
    }

    private static Path pem(Path file, byte[] der) throws Exception {
        Files.writeString(file, pemText(der));
        return file;
    }

    private static String pemText(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
