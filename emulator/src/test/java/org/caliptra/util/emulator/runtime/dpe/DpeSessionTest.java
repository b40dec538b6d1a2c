package org.caliptra.util.emulator.runtime.dpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.DpeCommands;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.dpe.DpeFrame;
import org.caliptra.util.protocol.dpe.DpeProfile;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.GetCertificateChainRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.InitializeContextRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.SignRequest;
import org.caliptra.util.protocol.dpe.DpeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DPE through INVOKE_DPE on booted caliptra-1.2 and caliptra-2.1 devices (requester 1 is PL0, 2 is
 * PL1): the profile's exact bytes, a session whose certified key signs and chains to the IDevID,
 * the exported CDI, tags, the runtime's STASH_MEASUREMENT, and a status for each misuse.
 */
class DpeSessionTest {
    static final byte[] LABEL = descending(48);
    static final byte[] DIGEST = ascending(48);
    static final int TCI_A = 0x4141_4141;
    static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    static final int TCI_B = 0x4242_4242;

    static byte[] ascending(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i + 1);
        }
        return b;
    }

    static byte[] descending(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (n - i);
        }
        return b;
    }

    static CaliptraDevice boot(Profile profile) {
        return profile == Profile.CALIPTRA_1_2 ? TestFirmware.bootedDevice(BUNDLE_V1)
                : TestFirmware.bootedDevice(Profile.CALIPTRA_2_1, BUNDLE_V2);
    }

    private static final byte[] BUNDLE_V1 = TestFirmware.bundle();
    private static final byte[] BUNDLE_V2 = TestFirmware.bundleV2(TestFirmware.randomBytes(1024), TestFirmware.randomBytes(1024), 1);

    static DpeClient client(CaliptraDevice d, int user) {
        return new DpeClient(d.asUser(user).coreMailbox(), d.config().profile().generation());
    }

    static DeriveContextRequest derive(ContextHandle handle, byte[] data, int flags, int tciType, int target) {
        return new DeriveContextRequest(handle, Octets.of(data), flags, tciType, target, 0);
    }

    static byte[] sha384(byte[]... parts) throws Exception {
        var md = MessageDigest.getInstance("SHA-384");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    static List<X509Certificate> chain(DpeClient dpe) throws Exception {
        var all = new java.io.ByteArrayOutputStream();
        for (int offset = 0;; offset += 2048) {
            var r = dpe.invoke(DpeClient.frame(DpeProfileCommands.GET_CERTIFICATE_CHAIN, new GetCertificateChainRequest(offset, 2048)));
            if (r.status() != 0) {
                assertEquals(0x0100_0001, r.status(), "past the end: platform CertificateChainError");
                break;
            }
            var chunk = DpeProfileCommands.GET_CERTIFICATE_CHAIN.decodeResponse(r.body()).chunk();
            all.writeBytes(chunk.toByteArray());
            if (chunk.length() < 2048) {
                break;
            }
        }
        var out = new ArrayList<X509Certificate>();
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(all.toByteArray()))) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    static PublicKey idevidKey(CaliptraDevice d) throws Exception {
        var info = d.asUser(1).coreMailbox().call(CertificateCommands.GET_IDEV_ECC384_INFO, NoFields.INSTANCE);
        return ecKey(info.idevPubX().toByteArray(), info.idevPubY().toByteArray());
    }

    static PublicKey ecKey(byte[] x, byte[] y) throws Exception {
        byte[] spki = HexFormat.of().parseHex("3076301006072a8648ce3d020106052b81040022036200");
        byte[] der = new byte[spki.length + 97];
        System.arraycopy(spki, 0, der, 0, spki.length);
        der[spki.length] = 4;
        System.arraycopy(x, 0, der, spki.length + 1, 48);
        System.arraycopy(y, 0, der, spki.length + 49, 48);
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    }

    /** ECDSA over a digest DPE was given as is: NONEwithECDSA of the 48 bytes. */
    static boolean verifiesDigest(PublicKey key, byte[] digest, byte[] r, byte[] s) throws Exception {
        var v = Signature.getInstance("NONEwithECDSA");
        v.initVerify(key);
        v.update(digest);
        return v.verify(new DERSequence(new ASN1Encodable[] {new ASN1Integer(new BigInteger(1, r)), new ASN1Integer(new BigInteger(1, s))})
                .getEncoded());
    }

    /** PKIX knows nothing of the TCG DICE extensions 1.2 marks critical; a verifier that reads them accepts them. */
    static final class DiceExtensions extends PKIXCertPathChecker {
        static final Set<String> OIDS = Set.of("2.23.133.5.4.5", "2.23.133.5.4.4", "2.23.133.5.4.1", "2.5.29.37");

        @Override
        public void init(boolean forward) {}

        @Override
        public boolean isForwardCheckingSupported() {
            return true;
        }

        @Override
        public Set<String> getSupportedExtensions() {
            return OIDS;
        }

        @Override
        public void check(Certificate cert, Collection<String> unresolved) {
            unresolved.removeAll(OIDS);
        }
    }

    /** Validates {@code leaf} ‖ RT alias ‖ FMC alias ‖ LDevID with the IDevID key as the anchor. */
    static void validatePath(CaliptraDevice d, X509Certificate leaf, List<X509Certificate> chain) throws Exception {
        var path = new ArrayList<X509Certificate>();
        path.add(leaf);
        var reversed = new ArrayList<>(chain);
        Collections.reverse(reversed);
        path.addAll(reversed);
        var anchor = new TrustAnchor(chain.get(0).getIssuerX500Principal(), idevidKey(d), null);
        var params = new PKIXParameters(Set.of(anchor));
        params.setRevocationEnabled(false);
        params.addCertPathChecker(new DiceExtensions());
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
    }

    @Test
    void getProfileIsTheReferenceRuntimesAnswerByteForByte() {
        try (var d = boot(Profile.CALIPTRA_1_2)) {
            var r = client(d, 1).invoke(DpeClient.frame(DpeProfileCommands.GET_PROFILE, NoFields.INSTANCE));
            assertEquals("52455044000000000400000000000c00415254434152544318000000" + "00006cee",
                    HexFormat.of().formatHex(DpeFrame.response(r.status(), DpeProfile.P384_SHA384, r.body())));
        }
        try (var d = boot(Profile.CALIPTRA_2_1)) {
            var r = client(d, 1).invoke(DpeClient.frame(DpeProfileCommands.GET_PROFILE, NoFields.INSTANCE));
            assertEquals("52455044000000000400000000000d00415254434152544340000000" + "00006cee",
                    HexFormat.of().formatHex(DpeFrame.response(r.status(), DpeProfile.P384_SHA384, r.body())));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void aDerivedKeyIsCertifiedSignsAndChainsToTheIdevid(Profile profile) throws Exception {
        byte[] m1 = sha384("first".getBytes());
        byte[] m2 = sha384("second".getBytes());
        byte[] certifiedKey;
        try (var d = boot(profile)) {
            var dpe = client(d, 1);
            var gen = DpeRevision.of(profile.generation()).deriveContext();
            int flags = DeriveContextRequest.MAKE_DEFAULT | DeriveContextRequest.INPUT_ALLOW_X509;
            var first = dpe.call(gen, derive(ContextHandle.DEFAULT, m1, flags, TCI_A, 0));
            assertEquals(ContextHandle.DEFAULT, first.handle());
            assertEquals(ContextHandle.INVALID, first.parentHandle(), "a parent that is not retained retires");
            dpe.call(gen, derive(ContextHandle.DEFAULT, m2, flags, TCI_B, 0));
            var certified = dpe.call(DpeProfileCommands.certifyKey(profile.generation()),
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(LABEL)));
            var leaf = x509(certified.cert().toByteArray());
            var key = ecKey(certified.derivedPubkeyX().toByteArray(), certified.derivedPubkeyY().toByteArray());
            assertEquals(key, leaf.getPublicKey(), "the certificate certifies the key CERTIFY_KEY returned");
            var chain = chain(dpe);
            assertEquals(3, chain.size(), "LDevID, FMC alias, RT alias");
            leaf.verify(chain.get(2).getPublicKey());
            assertEquals(chain.get(2).getSubjectX500Principal(), leaf.getIssuerX500Principal());
            validatePath(d, leaf, chain);
            assertEquals(-1, leaf.getBasicConstraints(), "a leaf");
            assertTrue(leaf.getKeyUsage()[0] && !leaf.getKeyUsage()[5], "digitalSignature only");
            assertEquals(List.of("2.23.133.5.4.100.9"), leaf.getExtendedKeyUsage());
            assertTrue(leaf.getSubjectX500Principal().getName().endsWith("CN=DPE Leaf"), leaf.getSubjectX500Principal().getName());
            // UEID is the label; the MultiTcbInfo lists the path root first, our two contexts last.
            var ueid = ASN1Sequence.getInstance(ASN1OctetString.getInstance(leaf.getExtensionValue("2.23.133.5.4.4")).getOctets());
            assertArrayEquals(LABEL, ASN1OctetString.getInstance(ueid.getObjectAt(0)).getOctets());
            var tcbs = ASN1Sequence.getInstance(ASN1OctetString.getInstance(leaf.getExtensionValue("2.23.133.5.4.5")).getOctets());
            assertEquals(4, tcbs.size(), "root, MBVP/CCIV, A, B");
            String last = HexFormat.of().formatHex(tcbs.getObjectAt(3).toASN1Primitive().getEncoded());
            assertTrue(last.contains(HexFormat.of().formatHex(m2)), "the leaf's current TCI is m2");
            assertTrue(last.contains("89044242424288") || last.contains("8904" + "42424242"), "type B");
            if (profile.generation() == Generation.V1) {
                assertTrue(last.contains(HexFormat.of().formatHex(sha384(new byte[48], m2))), "1.x lists the cumulative TCI as a FWID");
                assertTrue(leaf.getCriticalExtensionOIDs().contains("2.23.133.5.4.5"), "1.2 marks the DICE extensions critical");
            } else {
                assertFalse(leaf.getCriticalExtensionOIDs().contains("2.23.133.5.4.5"));
            }
            var signed = dpe.call(DpeProfileCommands.SIGN, new SignRequest(ContextHandle.DEFAULT, Octets.of(LABEL), 0, Octets.of(DIGEST)));
            assertTrue(verifiesDigest(key, DIGEST, signed.signatureR().toByteArray(), signed.signatureS().toByteArray()),
                    "SIGN's signature verifies with the certified key");
            assertFalse(verifiesDigest(key, sha384(DIGEST), signed.signatureR().toByteArray(), signed.signatureS().toByteArray()));
            var otherLabel = dpe.call(DpeProfileCommands.SIGN, new SignRequest(ContextHandle.DEFAULT, Octets.of(new byte[48]), 0,
                    Octets.of(DIGEST)));
            assertFalse(verifiesDigest(key, DIGEST, otherLabel.signatureR().toByteArray(), otherLabel.signatureS().toByteArray()),
                    "another label, another key");
            certifiedKey = key.getEncoded();
        }
        try (var same = boot(profile); var other = boot(profile)) {
            assertArrayEquals(certifiedKey, certifiedAfter(same, m1, m2), "the same measurements, the same key");
            assertFalse(java.util.Arrays.equals(certifiedKey, certifiedAfter(other, m1, sha384("third".getBytes()))),
                    "a different measurement, a different key");
        }
    }

    static byte[] certifiedAfter(CaliptraDevice d, byte[] m1, byte[] m2) throws Exception {
        var dpe = client(d, 1);
        var gen = DpeRevision.of(d.config().profile().generation()).deriveContext();
        int flags = DeriveContextRequest.MAKE_DEFAULT | DeriveContextRequest.INPUT_ALLOW_X509;
        dpe.call(gen, derive(ContextHandle.DEFAULT, m1, flags, TCI_A, 0));
        dpe.call(gen, derive(ContextHandle.DEFAULT, m2, flags, TCI_B, 0));
        var certified = dpe.call(DpeProfileCommands.certifyKey(d.config().profile().generation()),
                new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_CSR, Octets.of(LABEL)));
        return ecKey(certified.derivedPubkeyX().toByteArray(), certified.derivedPubkeyY().toByteArray()).getEncoded();
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void aCsrIsAPkcs10InsideCmsSignedByTheRtAliasKey(Profile profile) throws Exception {
        try (var d = boot(profile)) {
            var dpe = client(d, 2); // PL1 may ask for a CSR, not for a certificate
            var pl0 = client(d, 1);
            var gen = DpeRevision.of(profile.generation()).deriveContext();
            pl0.call(gen, derive(ContextHandle.DEFAULT, sha384("x".getBytes()), DeriveContextRequest.MAKE_DEFAULT
                    | DeriveContextRequest.CHANGE_LOCALITY | DeriveContextRequest.INPUT_ALLOW_X509, TCI_A, 2));
            var certified = dpe.call(DpeProfileCommands.certifyKey(profile.generation()),
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_CSR, Octets.of(LABEL)));
            var cms = new CMSSignedData(certified.cert().toByteArray());
            assertEquals(3, cms.getVersion());
            var signer = cms.getSignerInfos().getSigners().iterator().next();
            var rt = chain(pl0).get(2);
            assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(rt.getPublicKey())), "the RT alias key signed");
            var csr = new PKCS10CertificationRequest((byte[]) cms.getSignedContent().getContent());
            assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(csr.getSubjectPublicKeyInfo())));
            assertArrayEquals(ecKey(certified.derivedPubkeyX().toByteArray(), certified.derivedPubkeyY().toByteArray()).getEncoded(),
                    csr.getSubjectPublicKeyInfo().getEncoded());
            assertEquals(0x000E_0016, dpe.mailboxError(DpeClient.frame(DpeProfileCommands.certifyKey(profile.generation()),
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(LABEL)))),
                    "RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL: PL1 may not get an X.509 certificate");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void openSslVerifiesTheLeafThroughTheAliasesAndLdevidToTheIdevid(Profile profile, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        org.caliptra.util.testsupport.Prerequisites.require(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/openssl")),
                "openssl is not installed (apt-get install openssl)");
        try (var d = boot(profile)) {
            var dpe = client(d, 1);
            var certified = dpe.call(DpeProfileCommands.certifyKey(profile.generation()),
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(LABEL)));
            var chain = chain(dpe);
            // The IDevID is certified outside the part: a self-signed certificate of the device's IDevID key stands in.
            var ca = java.nio.file.Files.writeString(dir.resolve("idevid.pem"), pem(selfSignedIdevid(d, chain.get(0))));
            var untrusted = java.nio.file.Files.writeString(dir.resolve("chain.pem"),
                    pem(chain.get(0).getEncoded()) + pem(chain.get(1).getEncoded()) + pem(chain.get(2).getEncoded()));
            var leaf = java.nio.file.Files.writeString(dir.resolve("leaf.pem"), pem(certified.cert().toByteArray()));
            var command = new ArrayList<>(List.of("openssl", "verify", "-CAfile", ca.toString(), "-untrusted", untrusted.toString()));
            if (profile.generation() == Generation.V1) {
                command.add("-ignore_critical"); // 1.2 marks the TCG DICE extensions critical; openssl does not read them
            }
            command.add(leaf.toString());
            var p = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "openssl finished");
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains(": OK"), out);
        }
    }

    /**
     * A CA certificate for the device's IDevID key, self-signed, named as the LDevID's issuer and
     * with the fuse-selected key id the LDevID's AKI names.
     */
    static byte[] selfSignedIdevid(CaliptraDevice d, X509Certificate ldevid) throws Exception {
        var g = d.config().profile().generation();
        var identity = org.caliptra.util.emulator.dice.DiceIdentity.coldBoot(g, org.caliptra.util.soc.fuses.FuseSet.defaults(g),
                org.caliptra.util.emulator.DeviceConfig.DEFAULT_OBFUSCATION_KEY, org.caliptra.util.emulator.DeviceConfig.DEFAULT_CSR_HMAC_KEY,
                d.config().debugLocked());
        var key = identity.idevid().eccKey();
        var pub = ecKey(key.publicKey().x().toByteArray(), key.publicKey().y().toByteArray());
        assertEquals(idevidKey(d), pub, "the device's IDevID key");
        var name = org.bouncycastle.asn1.x500.X500Name.getInstance(ldevid.getIssuerX500Principal().getEncoded());
        var builder = new org.bouncycastle.cert.X509v3CertificateBuilder(name, BigInteger.ONE, ldevid.getNotBefore(),
                ldevid.getNotAfter(), name, org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pub.getEncoded()))
                .addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                        new org.bouncycastle.asn1.x509.BasicConstraints(true))
                .addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
                        new org.bouncycastle.asn1.x509.KeyUsage(org.bouncycastle.asn1.x509.KeyUsage.keyCertSign))
                .addExtension(org.bouncycastle.asn1.x509.Extension.subjectKeyIdentifier, false,
                        new org.bouncycastle.asn1.x509.SubjectKeyIdentifier(
                                identity.idevidKeyId(org.caliptra.util.emulator.dice.DiceAlgorithm.ECC384)));
        var signer = new org.bouncycastle.operator.ContentSigner() {
            private final java.io.ByteArrayOutputStream tbs = new java.io.ByteArrayOutputStream();

            @Override
            public org.bouncycastle.asn1.x509.AlgorithmIdentifier getAlgorithmIdentifier() {
                return new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.x9.X9ObjectIdentifiers.ecdsa_with_SHA384);
            }

            @Override
            public java.io.OutputStream getOutputStream() {
                return tbs;
            }

            @Override
            public byte[] getSignature() {
                return key.signer().signDigest(org.caliptra.util.image.Sha384.digest(tbs.toByteArray())).toDer();
            }
        };
        return builder.build(signer).getEncoded();
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void dpeOutlivesAnUpdateResetWithItsRootRemeasured(Profile profile) throws Exception {
        var g = profile.generation();
        try (var d = boot(profile)) {
            var port = d.asUser(1).coreMailbox();
            var dpe = client(d, 1);
            byte[] m = sha384("kept".getBytes());
            dpe.call(DpeRevision.of(g).deriveContext(), derive(ContextHandle.DEFAULT, m,
                    DeriveContextRequest.MAKE_DEFAULT | DeriveContextRequest.INPUT_ALLOW_X509, TCI_A, 0));
            port.call(MeasurementCommands.DPE_TAG_TCI, new MeasurementCommands.TagTciRequest(Octets.zeros(16), 42));
            port.call(DpeCommands.ADD_SUBJECT_ALT_NAME, new DpeCommands.AddSubjectAltNameRequest(Octets.of("a:b:c".getBytes())));
            var before = dpe.call(DpeProfileCommands.certifyKey(g),
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_CSR, Octets.of(LABEL)));
            assertTrue(port.execute(0x4657_4C44, g == Generation.V1 ? BUNDLE_V1 : BUNDLE_V2)
                    instanceof org.caliptra.util.protocol.MailboxReply.Complete, "FIRMWARE_LOAD: an update reset");
            assertTrue(d.stepUntil(x -> d.phase().name().equals("RUNTIME"), 200));
            var tci = port.call(MeasurementCommands.dpeGetTaggedTci(g), new MeasurementCommands.GetTaggedTciRequest(42));
            assertArrayEquals(m, tci.tciCurrent().toByteArray(), "the context and its tag survive");
            var after = dpe.call(DpeProfileCommands.certifyKey(g),
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_CSR, Octets.of(LABEL)));
            // ADD_SUBJECT_ALT_NAME's info lives in the runtime's RAM: gone after the reset.
            var extended = port.call(DpeCommands.certifyKeyExtendedEcc384(g), new DpeCommands.CertifyKeyExtendedRequest(
                    DpeCommands.CertifyKeyExtendedRequest.DMTF_OTHER_NAME, Octets.of(DpeProfileCommands.certifyKey(g).request().encode(
                            new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(LABEL))))));
            var extendedCert = x509(DpeProfileCommands.certifyKey(g).decodeResponse(
                    DpeFrame.openResponse(extended.bytes().toByteArray()).body()).cert().toByteArray());
            assertEquals(null, extendedCert.getExtensionValue("2.5.29.17"), "no subject alt name after the reset");
            if (g == Generation.V1) {
                // 1.x's root is the runtime journey PCR, which every update reset extends: the keys move on.
                assertNotEquals(before.derivedPubkeyX(), after.derivedPubkeyX());
            } else {
                // 2.x reloading the running runtime extends no PCR: the same root, the same key.
                assertEquals(before.derivedPubkeyX(), after.derivedPubkeyX());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void eachMisuseHasItsStatus(Profile profile) throws Exception {
        var g = profile.generation();
        try (var d = boot(profile)) {
            var dpe = client(d, 1);
            var gen = DpeRevision.of(g).deriveContext();
            var random = new ContextHandle(Octets.of(ascending(16)));
            assertEquals(DpeStatus.INVALID_HANDLE.code(), dpe.status(DpeProfileCommands.SIGN,
                    new SignRequest(random, Octets.of(LABEL), 0, Octets.of(DIGEST))));
            assertEquals(DpeStatus.INVALID_LOCALITY.code(), client(d, 2).status(DpeProfileCommands.SIGN,
                    new SignRequest(ContextHandle.DEFAULT, Octets.of(LABEL), 0, Octets.of(DIGEST))), "locality 2 has no context");
            assertEquals(DpeStatus.ARGUMENT_NOT_SUPPORTED.code(), dpe.status(DpeProfileCommands.INITIALIZE_CONTEXT,
                    new InitializeContextRequest(InitializeContextRequest.DEFAULT)), "DPE is initialized already");
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(DpeProfileCommands.INITIALIZE_CONTEXT,
                    new InitializeContextRequest(0)));
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(DpeProfileCommands.GET_CERTIFICATE_CHAIN,
                    new GetCertificateChainRequest(0, 2049)));
            assertEquals(0x0100_0001, dpe.status(DpeProfileCommands.GET_CERTIFICATE_CHAIN, new GetCertificateChainRequest(1 << 20, 16)));
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(gen, derive(ContextHandle.DEFAULT, new byte[48],
                    DeriveContextRequest.EXPORT_CDI, TCI_A, 0)), "EXPORT_CDI without CREATE_CERTIFICATE");
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(gen, derive(ContextHandle.DEFAULT, new byte[48],
                    DeriveContextRequest.RECURSIVE | DeriveContextRequest.RETAIN_PARENT_CONTEXT, TCI_A, 0)));
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(gen, derive(ContextHandle.DEFAULT, new byte[48],
                    DeriveContextRequest.RETAIN_PARENT_CONTEXT, TCI_A, 0)),
                    "a non-default context beside the locality's retained default context");
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(DpeProfileCommands.certifyKey(g),
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, 7, Octets.of(LABEL))), "format 7");
            // A context with neither X.509 allowed: X.509 refused, CSR fine.
            dpe.call(gen, derive(ContextHandle.DEFAULT, new byte[48], DeriveContextRequest.MAKE_DEFAULT, TCI_A, 0));
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(DpeProfileCommands.certifyKey(g),
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(LABEL))));
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(gen, derive(ContextHandle.DEFAULT, new byte[48],
                    DeriveContextRequest.INPUT_ALLOW_X509 | DeriveContextRequest.MAKE_DEFAULT, TCI_B, 0)),
                    "X.509 cannot be allowed again below a context that forbids it");
            // The runtime refuses before DPE: a frame DPE cannot read, a PL1 caller moving into PL0's locality.
            assertEquals(0x000E_0027, dpe.mailboxError(new byte[] {1, 2, 3}), "RUNTIME_DPE_COMMAND_DESERIALIZATION_FAILED");
            assertEquals(0x000E_0027, dpe.mailboxError(DpeFrame.command(0x55, DpeProfile.P384_SHA384, new byte[0])), "unknown command");
            assertEquals(0x000E_0027, dpe.mailboxError(DpeFrame.command(0x0A, DpeProfile.P256_SHA256, new byte[116])), "another profile");
            assertEquals(0x000E_0027, dpe.mailboxError(DpeFrame.command(0x0A, DpeProfile.P384_SHA384, new byte[100])), "short SIGN");
            assertEquals(0x000E_0016, client(d, 2).mailboxError(DpeClient.frame(gen, derive(ContextHandle.DEFAULT, new byte[48],
                    DeriveContextRequest.CHANGE_LOCALITY, TCI_A, 1))));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void rotateDestroyAndTheLimits(Profile profile) throws Exception {
        var g = profile.generation();
        var rev = DpeRevision.of(g);
        try (var d = boot(profile)) {
            var dpe = client(d, 1);
            var gen = rev.deriveContext();
            // Children moved to locality 5 (PL1 there) keep the parent, the default context of locality 1.
            int flags = DeriveContextRequest.RETAIN_PARENT_CONTEXT | DeriveContextRequest.CHANGE_LOCALITY;
            var child = dpe.call(gen, derive(ContextHandle.DEFAULT, new byte[48], flags, TCI_A, 5));
            assertNotEquals(ContextHandle.DEFAULT, child.handle());
            assertEquals(ContextHandle.DEFAULT, child.parentHandle(), "a retained default parent keeps the default handle");
            var pl1 = client(d, 5);
            var rotated = pl1.call(DpeProfileCommands.ROTATE_CONTEXT_HANDLE,
                    new DpeProfileCommands.RotateContextHandleRequest(child.handle(), 0));
            assertNotEquals(child.handle(), rotated);
            assertEquals(DpeStatus.INVALID_HANDLE.code(), pl1.status(DpeProfileCommands.DESTROY_CONTEXT, child.handle()));
            var asDefault = pl1.call(DpeProfileCommands.ROTATE_CONTEXT_HANDLE,
                    new DpeProfileCommands.RotateContextHandleRequest(rotated, DpeProfileCommands.RotateContextHandleRequest.TARGET_IS_DEFAULT));
            assertEquals(ContextHandle.DEFAULT, asDefault);
            pl1.call(DpeProfileCommands.DESTROY_CONTEXT, ContextHandle.DEFAULT);
            assertEquals(DpeStatus.INVALID_LOCALITY.code(), pl1.status(DpeProfileCommands.DESTROY_CONTEXT, ContextHandle.DEFAULT));
            // Fill DPE: 1.x counts by the caller's level (PL0, whose contexts stay few) and runs out of contexts;
            // 2.x counts the new contexts' level (PL1 at locality 5) and reaches PL1's limit first.
            int made = 0;
            while (true) {
                try {
                    var resp = dpe.invoke(DpeClient.frame(gen, derive(ContextHandle.DEFAULT, new byte[48], flags, TCI_A + made + 1, 5)));
                    if (resp.status() != 0) {
                        assertTrue(g == Generation.V1, "1.x runs out of contexts");
                        assertEquals(DpeStatus.MAX_TCIS.code(), resp.status());
                        break;
                    }
                    made++;
                } catch (org.caliptra.util.protocol.MailboxCommandException e) {
                    assertTrue(g == Generation.V2, "2.x reaches PL1's limit: " + e.getMessage());
                    assertEquals(new org.caliptra.util.protocol.MailboxReply.Failure(0x000E_0038), e.reply(),
                            "RUNTIME_PL1_USED_DPE_CONTEXT_THRESHOLD_REACHED");
                    break;
                }
                assertTrue(made <= rev.maxHandles, "bounded");
            }
            // 1.x: the root and the MBVP context hold two slots.
            assertEquals(g == Generation.V1 ? rev.maxHandles - 2 : rev.pl1Limit, made);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void anExportedCdiSignsWithTheKeyItsCertificateCertifies(Profile profile) throws Exception {
        var g = profile.generation();
        try (var d = boot(profile)) {
            var dpe = client(d, 1);
            var command = DpeClient.frame(DpeRevision.of(g).deriveContext(), derive(ContextHandle.DEFAULT, sha384("e".getBytes()),
                    DeriveContextRequest.EXPORT_CDI | DeriveContextRequest.CREATE_CERTIFICATE | DeriveContextRequest.RETAIN_PARENT_CONTEXT
                            * (g == Generation.V1 ? 0 : 1), TCI_A, 0));
            var r = dpe.invoke(command);
            assertEquals(0, r.status(), DpeStatus.describe(r.status()));
            var exported = DpeProfileCommands.exportedCdiResponse(g).decode(r.body(), "exported");
            assertEquals(ContextHandle.INVALID, exported.handle());
            var cert = x509(exported.certificate().toByteArray());
            assertTrue(cert.getBasicConstraints() >= 0, "an exported CDI's certificate is a CA");
            assertEquals(List.of("2.23.133.5.4.100.12"), cert.getExtendedKeyUsage());
            validatePath(d, cert, chain(dpe));
            var port = d.asUser(1).coreMailbox();
            var signed = port.call(DpeCommands.SIGN_WITH_EXPORTED_ECDSA,
                    new DpeCommands.SignWithExportedEcdsaRequest(exported.exportedCdi(), Octets.of(DIGEST)));
            var key = ecKey(signed.derivedPubkeyX().toByteArray(), signed.derivedPubkeyY().toByteArray());
            assertEquals(cert.getPublicKey(), key);
            assertTrue(verifiesDigest(key, DIGEST, signed.signatureR().toByteArray(), signed.signatureS().toByteArray()));
            assertEquals(0x000E_0016, DpeClient.mailboxError(() -> d.asUser(2).coreMailbox().call(DpeCommands.SIGN_WITH_EXPORTED_ECDSA,
                    new DpeCommands.SignWithExportedEcdsaRequest(exported.exportedCdi(), Octets.of(DIGEST)))), "PL0 only");
            int unknownHandle = g == Generation.V1 ? 0x000E_0054 : 0x000E_0057;
            assertEquals(unknownHandle, DpeClient.mailboxError(() -> port.call(DpeCommands.SIGN_WITH_EXPORTED_ECDSA,
                    new DpeCommands.SignWithExportedEcdsaRequest(Octets.zeros(32), Octets.of(DIGEST)))));
            if (g == Generation.V2) {
                port.call(DpeCommands.REVOKE_EXPORTED_CDI_HANDLE, new DpeCommands.RevokeExportedCdiHandleRequest(exported.exportedCdi()));
                assertEquals(0x000E_0057, DpeClient.mailboxError(() -> port.call(DpeCommands.SIGN_WITH_EXPORTED_ECDSA,
                        new DpeCommands.SignWithExportedEcdsaRequest(exported.exportedCdi(), Octets.of(DIGEST)))), "revoked");
                assertEquals(0x000E_0060, DpeClient.mailboxError(() -> port.call(DpeCommands.REVOKE_EXPORTED_CDI_HANDLE,
                        new DpeCommands.RevokeExportedCdiHandleRequest(exported.exportedCdi()))), "revoked twice");
            } else {
                var other = DpeClient.frame(DpeRevision.of(g).deriveContext(), derive(ContextHandle.DEFAULT, new byte[48],
                        DeriveContextRequest.EXPORT_CDI | DeriveContextRequest.CREATE_CERTIFICATE, TCI_A, 0));
                assertEquals(0x0200_0007, dpe.invoke(other).status(), "1.2 has one slot and never frees it");
                // ... but it derived into the slot's key vault entry first: the first handle now signs with that CDI.
                var after = port.call(DpeCommands.SIGN_WITH_EXPORTED_ECDSA,
                        new DpeCommands.SignWithExportedEcdsaRequest(exported.exportedCdi(), Octets.of(DIGEST)));
                assertEquals(key, ecKey(after.derivedPubkeyX().toByteArray(), after.derivedPubkeyY().toByteArray()),
                        "the same parent path gives the same exported CDI");
            }
            // The SKI of the CA certificate is SHA-384 of its key's point, 20 bytes.
            byte[] point = new byte[97];
            point[0] = 4;
            System.arraycopy(signed.derivedPubkeyX().toByteArray(), 0, point, 1, 48);
            System.arraycopy(signed.derivedPubkeyY().toByteArray(), 0, point, 49, 48);
            assertArrayEquals(java.util.Arrays.copyOf(sha384(point), 20), org.bouncycastle.asn1.ASN1OctetString.getInstance(
                    ASN1OctetString.getInstance(cert.getExtensionValue("2.5.29.14")).getOctets()).getOctets());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void anExportedCdiIsTheParentsNotTheCommandsMeasurement(Profile profile) throws Exception {
        var g = profile.generation();
        int flags = DeriveContextRequest.EXPORT_CDI | DeriveContextRequest.CREATE_CERTIFICATE
                | (g == Generation.V1 ? 0 : DeriveContextRequest.RETAIN_PARENT_CONTEXT);
        byte[][] certs = new byte[2][];
        for (int i = 0; i < 2; i++) {
            try (var d = boot(profile)) {
                var r = client(d, 1).invoke(DpeClient.frame(DpeRevision.of(g).deriveContext(),
                        derive(ContextHandle.DEFAULT, sha384(new byte[] {(byte) i}), flags, TCI_A + i, 0)));
                assertEquals(0, r.status());
                certs[i] = DpeProfileCommands.exportedCdiResponse(g).decode(r.body(), "exported").certificate().toByteArray();
            }
        }
        assertEquals(x509(certs[0]).getPublicKey(), x509(certs[1]).getPublicKey(),
                "the command's data and TCI type do not enter an exported CDI: it is the parent's");
        var tcbs = ASN1Sequence.getInstance(ASN1OctetString.getInstance(x509(certs[0]).getExtensionValue("2.23.133.5.4.5")).getOctets());
        assertEquals(2, tcbs.size(), "root and MBVP/CCIV: the parent's path, no node for the command");
    }

    @Test
    void mainDestroysAChildlessParentAndItsLoneAncestorsOnExportSoAnUpdateResetFindsNoRoot() throws Exception {
        try (var d = boot(Profile.CALIPTRA_2_1)) {
            var dpe = client(d, 1);
            var r = dpe.invoke(DpeClient.frame(DpeProfileCommands.DERIVE_CONTEXT_V2, derive(ContextHandle.DEFAULT, new byte[48],
                    DeriveContextRequest.EXPORT_CDI | DeriveContextRequest.CREATE_CERTIFICATE, TCI_A, 0)));
            assertEquals(0, r.status());
            assertEquals(ContextHandle.INVALID, DpeProfileCommands.EXPORTED_CDI_RESPONSE_V2.decode(r.body(), "exported").parentHandle());
            assertEquals(DpeStatus.INVALID_LOCALITY.code(), dpe.status(DpeProfileCommands.DESTROY_CONTEXT, ContextHandle.DEFAULT),
                    "the default context is gone");
            var port = d.asUser(1).coreMailbox();
            assertTrue(port.execute(0x4657_4C44, BUNDLE_V2) instanceof org.caliptra.util.protocol.MailboxReply.Complete);
            assertTrue(d.stepUntil(x -> d.phase().name().equals("HALTED"), 200),
                    "the runtime cannot find DPE's root after the update reset: " + d.phase());
            assertEquals(0x000E_0035, d.read32(org.caliptra.util.protocol.regs.SocIfcRegs.BASE + org.caliptra.util.protocol.regs.SocIfcRegs.FW_ERROR_FATAL),
                    "RUNTIME_UNABLE_TO_FIND_DPE_ROOT_CONTEXT");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void stashMeasurementAndTagsReadBackTheTcis(Profile profile) throws Exception {
        var g = profile.generation();
        try (var d = boot(profile)) {
            var port = d.asUser(1).coreMailbox();
            byte[] m = sha384("stashed".getBytes());
            var stash = port.call(MeasurementCommands.STASH_MEASUREMENT, new MeasurementCommands.StashMeasurementRequest(
                    Octets.fromHex("54534554"), Octets.of(m), Octets.zeros(48), 0));
            assertEquals(0, stash.dpeResult());
            port.call(MeasurementCommands.DPE_TAG_TCI, new MeasurementCommands.TagTciRequest(Octets.zeros(16), 7));
            var tci = port.call(MeasurementCommands.dpeGetTaggedTci(g), new MeasurementCommands.GetTaggedTciRequest(7));
            assertArrayEquals(m, tci.tciCurrent().toByteArray());
            assertArrayEquals(sha384(new byte[48], m), tci.tciCumulative().toByteArray(), "cumulative = SHA-384(0^48 ‖ m)");
            assertEquals(0x000E_001F, DpeClient.mailboxError(() -> port.call(MeasurementCommands.DPE_TAG_TCI,
                    new MeasurementCommands.TagTciRequest(Octets.zeros(16), 7))), "RUNTIME_DUPLICATE_TAG");
            assertEquals(0x000E_0020, DpeClient.mailboxError(() -> port.call(MeasurementCommands.DPE_TAG_TCI,
                    new MeasurementCommands.TagTciRequest(Octets.zeros(16), 8))), "RUNTIME_CONTEXT_ALREADY_TAGGED");
            assertEquals(0x000E_001E, DpeClient.mailboxError(() -> port.call(MeasurementCommands.DPE_TAG_TCI,
                    new MeasurementCommands.TagTciRequest(Octets.of(ascending(16)), 9))), "RUNTIME_TAGGING_FAILURE");
            assertEquals(0x000E_001E, DpeClient.mailboxError(() -> port.call(MeasurementCommands.dpeGetTaggedTci(g),
                    new MeasurementCommands.GetTaggedTciRequest(99))));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void certifyKeyExtendedCarriesTheDmtfOtherName(Profile profile) throws Exception {
        var g = profile.generation();
        try (var d = boot(profile)) {
            var port = d.asUser(1).coreMailbox();
            String info = "ChipsAlliance:Caliptra:0123456789";
            port.call(DpeCommands.ADD_SUBJECT_ALT_NAME, new DpeCommands.AddSubjectAltNameRequest(Octets.of(info.getBytes())));
            var certifyKey = DpeProfileCommands.certifyKey(g).request().encode(
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(LABEL)));
            var response = port.call(DpeCommands.certifyKeyExtendedEcc384(g), new DpeCommands.CertifyKeyExtendedRequest(
                    DpeCommands.CertifyKeyExtendedRequest.DMTF_OTHER_NAME, Octets.of(certifyKey)));
            var dpeResponse = DpeFrame.openResponse(response.bytes().toByteArray());
            var cert = x509(DpeProfileCommands.certifyKey(g).decodeResponse(dpeResponse.body()).cert().toByteArray());
            byte[] san = ASN1OctetString.getInstance(cert.getExtensionValue("2.5.29.17")).getOctets();
            assertTrue(HexFormat.of().formatHex(san).endsWith("a0230c21" + HexFormat.of().formatHex(info.getBytes())),
                    HexFormat.of().formatHex(san));
            assertEquals(0x000E_003E, DpeClient.mailboxError(() -> port.call(DpeCommands.ADD_SUBJECT_ALT_NAME,
                    new DpeCommands.AddSubjectAltNameRequest(Octets.of("abc:def:ghi:".getBytes())))));
            var badHandle = DpeProfileCommands.certifyKey(g).request().encode(
                    new CertifyKeyRequest(new ContextHandle(Octets.of(ascending(16))), 0, 0, Octets.of(LABEL)));
            assertEquals(0x000E_0040, DpeClient.mailboxError(() -> port.call(DpeCommands.certifyKeyExtendedEcc384(g),
                    new DpeCommands.CertifyKeyExtendedRequest(0, Octets.of(badHandle)))), "RUNTIME_CERTIFY_KEY_EXTENDED_FAILED");
        }
    }

}
