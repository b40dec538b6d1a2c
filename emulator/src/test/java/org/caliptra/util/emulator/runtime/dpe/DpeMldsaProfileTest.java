package org.caliptra.util.emulator.runtime.dpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.DpeCommands;
import org.caliptra.util.protocol.dpe.DpeFrame;
import org.caliptra.util.protocol.dpe.DpeProfile;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DpeCommand;
import org.junit.jupiter.api.Test;

/**
 * The 2.x ML-DSA-87 DPE profile (INVOKE_DPE_MLDSA87): the same contexts as the P-384 profile, keys
 * and certificates of ML-DSA-87 issued by the RT alias ML-DSA key, SIGN over an external mu.
 */
class DpeMldsaProfileTest {
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private static DpeFrame.Response invoke(MailboxPort port, byte[] frame) {
        var r = port.call(DpeCommands.INVOKE_DPE_MLDSA87, DpeCommands.InvokeDpeMldsa87Request.overMailbox(Octets.of(frame)));
        return DpeFrame.openResponse(r.bytes().toByteArray());
    }

    private static <Q, R> R call(MailboxPort port, DpeCommand<Q, R> command, Q request) {
        var r = invoke(port, DpeFrame.command(command.id(), DpeProfile.MLDSA87, command.request().encode(request)));
        assertEquals(0, r.status(), command.name());
        assertEquals(DpeProfile.MLDSA87.value(), r.profile());
        return command.decodeResponse(r.body());
    }

    private static X509CertificateHolder rtAlias(MailboxPort port) throws Exception {
        var r = call(port, DpeProfileCommands.GET_CERTIFICATE_CHAIN, new DpeProfileCommands.GetCertificateChainRequest(0, 2048));
        var chain = new java.io.ByteArrayOutputStream();
        chain.writeBytes(r.chunk().toByteArray());
        for (int offset = 2048; r.chunk().length() == 2048; offset += 2048) {
            var next = invoke(port, DpeFrame.command(DpeProfileCommands.GET_CERTIFICATE_CHAIN.id(), DpeProfile.MLDSA87,
                    DpeProfileCommands.GET_CERTIFICATE_CHAIN.request().encode(new DpeProfileCommands.GetCertificateChainRequest(offset, 2048))));
            if (next.status() != 0) {
                break;
            }
            r = DpeProfileCommands.GET_CERTIFICATE_CHAIN.decodeResponse(next.body());
            chain.writeBytes(r.chunk().toByteArray());
        }
        var in = new org.bouncycastle.asn1.ASN1InputStream(chain.toByteArray());
        X509CertificateHolder last = null;
        int count = 0;
        for (Object o; (o = in.readObject()) != null; count++) {
            last = new X509CertificateHolder(((org.bouncycastle.asn1.ASN1Primitive) o).getEncoded());
        }
        assertEquals(3, count, "LDevID, FMC alias, RT alias of ML-DSA-87");
        return last;
    }

    @Test
    void anMldsaKeyIsCertifiedByTheRtAliasMldsaKeyAndSignsAMu() throws Exception {
        try (CaliptraDevice d = TestFirmware.bootedDevice(Profile.CALIPTRA_2_1,
                TestFirmware.bundleV2(TestFirmware.randomBytes(512), TestFirmware.randomBytes(512), 1))) {
            var port = d.asUser(1).coreMailbox();
            var profile = call(port, DpeProfileCommands.GET_PROFILE, NoFields.INSTANCE);
            assertEquals(13, profile.minorVersion());
            // Both profiles share one context table: a context derived through the ECC profile is the ML-DSA profile's too.
            new DpeClient(port, d.config().profile().generation()).call(DpeProfileCommands.DERIVE_CONTEXT_V2,
                    new DeriveContextRequest(ContextHandle.DEFAULT, Octets.of(new byte[48]), DeriveContextRequest.MAKE_DEFAULT
                            | DeriveContextRequest.INPUT_ALLOW_X509, 0x5445_5354, 0, 3));
            byte[] label = DpeSessionTest.LABEL;
            var certified = call(port, DpeProfileCommands.CERTIFY_KEY_MLDSA87,
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(label)));
            var leaf = new X509CertificateHolder(certified.cert().toByteArray());
            assertTrue(leaf.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(rtAlias(port))),
                    "the RT alias ML-DSA key issued it");
            assertArrayEquals(certified.derivedPubkey().toByteArray(), leaf.getSubjectPublicKeyInfo().getPublicKeyData().getBytes());
            assertEquals("2.16.840.1.101.3.4.3.19", leaf.getSignatureAlgorithm().getAlgorithm().getId());
            // SIGN takes FIPS 204's external mu of the message for the derived key.
            var pub = new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_87, certified.derivedPubkey().toByteArray());
            byte[] message = "attest this".getBytes();
            var muSigner = new MLDSASigner();
            muSigner.init(false, pub);
            muSigner.update(message, 0, message.length);
            byte[] mu = muSigner.generateMu();
            var signed = call(port, DpeProfileCommands.SIGN_MLDSA87,
                    new DpeProfileCommands.SignMldsaRequest(ContextHandle.DEFAULT, Octets.of(label), 0, Octets.of(mu)));
            var verifier = new MLDSASigner();
            verifier.init(false, pub);
            verifier.update(message, 0, message.length);
            assertTrue(verifier.verifySignature(signed.signature().toByteArray()), "the signature verifies over the message");
            verifier.init(false, pub);
            verifier.update(new byte[] {1}, 0, 1);
            assertFalse(verifier.verifySignature(signed.signature().toByteArray()));
            // The ECC profile's key for the same label is another key: the key context differs.
            assertFalse(MessageDigest.isEqual(certified.derivedPubkey().toByteArray(), new byte[2592]));
            byte[] raw = DpeFrame.command(0x0A, DpeProfile.MLDSA87, DpeProfileCommands.SIGN_MLDSA87.request().encode(
                    new DpeProfileCommands.SignMldsaRequest(ContextHandle.DEFAULT, Octets.of(label),
                            DpeProfileCommands.SignMldsaRequest.IS_RAW, Octets.of(mu))));
            assertEquals(0x000E_0027, DpeClient.mailboxError(() -> invoke(port, raw)),
                    "the raw form needs 1096 bytes, more than INVOKE_DPE carries: DPE cannot deserialize it");
            // CERTIFY_KEY_CHUNKS hands the same DPE response out in slices; the default handle stays.
            byte[] certifyReq = DpeProfileCommands.CERTIFY_KEY_MLDSA87.request().encode(
                    new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(label)));
            var whole = new java.io.ByteArrayOutputStream();
            int remaining;
            do {
                var chunk = port.call(DpeCommands.CERTIFY_KEY_CHUNKS, new DpeCommands.CertifyKeyChunksRequest(
                        DpeCommands.CertifyKeyChunksRequest.USE_MLDSA, 0, 4096, whole.size(), Octets.of(certifyReq)));
                assertEquals(ContextHandle.DEFAULT.bytes(), chunk.contextHandle());
                assertTrue(chunk.chunk().length() <= 4096);
                whole.writeBytes(chunk.chunk().toByteArray());
                remaining = chunk.remaining();
            } while (remaining > 0);
            var chunked = DpeFrame.openResponse(whole.toByteArray());
            assertEquals(0, chunked.status());
            assertArrayEquals(certified.cert().toByteArray(),
                    DpeProfileCommands.CERTIFY_KEY_MLDSA87.decodeResponse(chunked.body()).cert().toByteArray(),
                    "the same certificate as CERTIFY_KEY");
            assertEquals(0x000E_0016, DpeClient.mailboxError(() -> d.asUser(2).coreMailbox().call(DpeCommands.CERTIFY_KEY_CHUNKS,
                    new DpeCommands.CertifyKeyChunksRequest(0, 0, 0, 0, Octets.of(certifyReq)))), "X.509 needs PL0");
            assertEquals(0x000E_0009, DpeClient.mailboxError(() -> port.call(DpeCommands.INVOKE_DPE_MLDSA87,
                    new DpeCommands.InvokeDpeMldsa87Request(DpeCommands.InvokeDpeMldsa87Request.EXTERNAL_AXI_RESPONSE, 0, 0, 0,
                            Octets.of(DpeFrame.command(1, DpeProfile.MLDSA87, new byte[0]))))), "no AXI DMA outside a subsystem");
        }
    }
}
