package org.caliptra.util.host.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.caliptra.util.host.commands.aes.AesCommands;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsPublicKey;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsSignature;
import org.caliptra.util.host.commands.attestation.AttestationCommands;
import org.caliptra.util.host.commands.attestation.AttestationCommands.EvidenceFormat;
import org.caliptra.util.host.commands.attestation.AttestationCommands.PkiEntitySlot;
import org.caliptra.util.host.commands.certificate.CertificateCommands;
import org.caliptra.util.host.commands.certificate.CertificateCommands.DeviceKey;
import org.caliptra.util.host.commands.debug.DebugCommands;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands;
import org.caliptra.util.host.commands.deviceinfo.GetDeviceId;
import org.caliptra.util.host.commands.fuse.FuseCommands;
import org.caliptra.util.host.commands.hash.HashCommands;
import org.caliptra.util.host.commands.hmac.HmacCommands;
import org.caliptra.util.host.commands.keys.KeyCommands;
import org.caliptra.util.host.commands.ownership.OwnershipCommands;
import org.caliptra.util.host.commands.random.RandomCommands;
import org.caliptra.util.host.session.Command;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.AesMode;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmAesCommands.AesContext;
import org.caliptra.util.protocol.cm.CmAesCommands.AesGcmContext;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EccPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhContext;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaContext;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.CmRandomCommands;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands.AttestedCsrRequest;
import org.caliptra.util.protocol.core.CertificateCommands.IdevEcc384CertRequest;
import org.caliptra.util.protocol.core.DebugUnlockCommands.ProductionAuthDebugUnlockChallenge;
import org.caliptra.util.protocol.core.DebugUnlockCommands.ProductionAuthDebugUnlockRequest;
import org.caliptra.util.protocol.core.DebugUnlockCommands.ProductionAuthDebugUnlockToken;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.SignatureVerifyCommands;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsSignatureVerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsVerifyRequest;
import org.caliptra.util.protocol.core.SizedData;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.DeviceIdentity;
import org.caliptra.util.protocol.mcu.McAttestationCommands;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import org.caliptra.util.protocol.mcu.McCryptoCommands;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;
import org.caliptra.util.protocol.mcu.McFuseCommands;
import org.caliptra.util.protocol.mcu.McFuseCommands.KeyType;
import org.caliptra.util.protocol.mcu.McLogCommands;
import org.caliptra.util.protocol.mcu.McOwnershipCommands;
import org.caliptra.util.protocol.mcu.McVerifyCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mailbox mapping of both kinds through a session, a {@code MailboxTransport} and a scripted
 * port: the request the port receives must decode with the command's protocol codec to the wire
 * record written out here by hand, and the codec-encoded answer must come back as the typed
 * response written out here by hand.
 */
class MappingRoundTripTest {
    /** One mapping's round trip. */
    record Case<T, Q, R>(Route route, Command<T> command, CommandCodec<Q, R> codec, Q wireRequest, int fips, R wireResponse,
            T expected) {
        @Override
        public String toString() {
            return route + " " + command.name() + " as " + codec.name();
        }
    }

    private static Octets fill(int value, int length) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return Octets.of(b);
    }

    private static final Cmk KEY = new Cmk(fill(0xC1, 128));
    private static final Cmk KEY2 = new Cmk(fill(0xC2, 128));
    private static final ShaContext SHA_CTX = new ShaContext(fill(0x5C, 200));
    private static final ShaContext SHA_CTX2 = new ShaContext(fill(0x5D, 200));
    private static final AesContext AES_CTX = new AesContext(fill(0xAC, 156));
    private static final AesContext AES_CTX2 = new AesContext(fill(0xAD, 156));
    private static final AesGcmContext GCM_CTX = new AesGcmContext(fill(0x6C, 128));
    private static final AesGcmContext GCM_CTX2 = new AesGcmContext(fill(0x6D, 128));
    private static final Octets DATA = Octets.fromHex("000102030405060708090a0b0c0d0e0f10");
    private static final Octets NONCE = fill(0x42, 32);
    private static final Trailer TRAILER = new Trailer(fill(1, 48), fill(2, 48), fill(3, 48), fill(4, 2592),
            new HybridSignature(fill(5, 48), fill(6, 48), fill(7, 4628)));
    private static final HybridSignature SIGNATURE = TRAILER.signature();
    private static final EcdsaSignature ECDSA_SIG = new EcdsaSignature(fill(0x71, 48), fill(0x72, 48));
    private static final MldsaSignature MLDSA_SIG = new MldsaSignature(fill(0x73, 4628));
    private static final LmsPublicKey LMS_KEY = new LmsPublicKey(12, 7, fill(0x81, 16), fill(0x82, 24));
    private static final LmsSignature LMS_SIG = new LmsSignature(5, fill(0x83, 1252), 12, fill(0x84, 360));
    private static final int USRD = MailboxFrame.FIPS_NOT_APPROVED_USER_SUPPLIED_DIGEST;

    private static <T, Q, R> Case<T, Q, R> mcu(Command<T> c, CommandCodec<Q, R> codec, Q request, R response, T expected) {
        return new Case<>(Route.MCU_MAILBOX, c, codec, request, 0, response, expected);
    }

    private static <T, Q, R> Case<T, Q, R> core(Command<T> c, CommandCodec<Q, R> codec, Q request, R response, T expected) {
        return new Case<>(Route.CORE_MAILBOX, c, codec, request, 0, response, expected);
    }

    /** On a Caliptra 1.x core: the 1.x command and its 1.x buffers. */
    private static <T, Q, R> Case<T, Q, R> core1x(Command<T> c, CommandCodec<Q, R> codec, Q request, R response, T expected) {
        return new Case<>(Route.CORE_MAILBOX_1X, c, codec, request, 0, response, expected);
    }

    /** The same command and wire records on both kinds (the MC_* crypto commands share the CM_* layouts). */
    private static <T, Q, R> Stream<Case<?, ?, ?>> both(Command<T> c, CommandCodec<Q, R> mcCodec, CommandCodec<Q, R> cmCodec, Q request,
            R response, T expected) {
        return Stream.of(mcu(c, mcCodec, request, response, expected), core(c, cmCodec, request, response, expected));
    }

    static Stream<Case<?, ?, ?>> cases() {
        var cases = new ArrayList<Stream<Case<?, ?, ?>>>();
        var caps = DeviceCapabilities.of(1, 2, 3, 4, 5, 6, 7);
        var ids = new DeviceIdentity(0xCA11, 0x21, 0xCA11, 1);
        cases.add(Stream.of(
                mcu(new DeviceInfoCommands.GetFirmwareVersion(1), McDeviceInfoCommands.MC_FIRMWARE_VERSION,
                        new McDeviceInfoCommands.FirmwareVersionRequest(1), McDeviceInfoCommands.FirmwareVersion.of("1.4.2 abc"),
                        new DeviceInfoCommands.FirmwareVersion(0, 1, 4, 2, 0, Octets.of(java.util.Arrays.copyOf("abc".getBytes(), 20)))),
                mcu(new DeviceInfoCommands.GetDeviceCapabilities(), McDeviceInfoCommands.MC_DEVICE_CAPABILITIES, NoFields.INSTANCE, caps,
                        new DeviceInfoCommands.Capabilities(0, caps)),
                mcu(new GetDeviceId(), McDeviceInfoCommands.MC_DEVICE_ID, NoFields.INSTANCE, ids, new GetDeviceId.Response(0, ids)),
                mcu(new DeviceInfoCommands.GetDeviceInfo(0), McDeviceInfoCommands.MC_DEVICE_INFO,
                        new McDeviceInfoCommands.DeviceInfoRequest(0), new McDeviceInfoCommands.DeviceInfo(fill(0x11, 32)),
                        new DeviceInfoCommands.DeviceInfoData(0, fill(0x11, 32))),
                core(new DeviceInfoCommands.GetFirmwareVersion(0), InfoCommands.VERSION, NoFields.INSTANCE,
                        new InfoCommands.FipsVersion(InfoCommands.FipsVersion.MODE_FIPS, 0, 0, 0x0102_0304, "Caliptra RTM"),
                        new DeviceInfoCommands.FirmwareVersion(0, 1, 2, 0x0304, 0, Octets.zeros(20))),
                core(new DeviceInfoCommands.GetDeviceCapabilities(), InfoCommands.CAPABILITIES, NoFields.INSTANCE,
                        new InfoCommands.Capabilities(fill(0xFF, 16)),
                        new DeviceInfoCommands.Capabilities(0, new DeviceCapabilities(Octets.fromHex("ff".repeat(16) + "00".repeat(20))))),
                core1x(new DeviceInfoCommands.GetFirmwareVersion(0), InfoCommands.VERSION, NoFields.INSTANCE,
                        new InfoCommands.FipsVersion(InfoCommands.FipsVersion.MODE_FIPS, 0, 0, 0x0102_0009, "Caliptra RTM"),
                        new DeviceInfoCommands.FirmwareVersion(0, 1, 2, 9, 0, Octets.zeros(20))),
                core1x(new DeviceInfoCommands.GetDeviceCapabilities(), InfoCommands.CAPABILITIES, NoFields.INSTANCE,
                        new InfoCommands.Capabilities(fill(0x0F, 16)),
                        new DeviceInfoCommands.Capabilities(0, new DeviceCapabilities(Octets.fromHex("0f".repeat(16) + "00".repeat(20)))))));

        var der = Octets.fromHex("3003020101");
        cases.add(Stream.of(
                mcu(new CertificateCommands.ExportAttestedCsr(DeviceKey.RT_ALIAS, AsymAlgorithm.MLDSA87, NONCE),
                        McAttestationCommands.MC_EXPORT_ATTESTED_CSR, new McAttestationCommands.AttestedCsrRequest(3, 2, NONCE),
                        new McAttestationCommands.AttestedCsr(der), new CertificateCommands.Data(0, der)),
                core(new CertificateCommands.ExportAttestedCsr(DeviceKey.FMC_ALIAS, AsymAlgorithm.ECC_P384, NONCE),
                        org.caliptra.util.protocol.core.CertificateCommands.GET_ATTESTED_ECC384_CSR, new AttestedCsrRequest(2, NONCE),
                        new SizedData(der), new CertificateCommands.Data(0, der)),
                core(new CertificateCommands.GetIdevidCert(fill(0x11, 48), fill(0x22, 48), fill(0x33, 100)),
                        org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CERT_V2,
                        new IdevEcc384CertRequest(fill(0x11, 48), fill(0x22, 48), fill(0x33, 100)), new SizedData(der),
                        new CertificateCommands.Data(0, der)),
                core(new CertificateCommands.GetLdevidCert(), org.caliptra.util.protocol.core.CertificateCommands.GET_LDEV_ECC384_CERT_V2,
                        NoFields.INSTANCE, new SizedData(der), new CertificateCommands.Data(0, der)),
                core(new CertificateCommands.GetFmcAliasCert(),
                        org.caliptra.util.protocol.core.CertificateCommands.GET_FMC_ALIAS_ECC384_CERT_V2, NoFields.INSTANCE,
                        new SizedData(der), new CertificateCommands.Data(0, der)),
                core(new CertificateCommands.GetRtAliasCert(),
                        org.caliptra.util.protocol.core.CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V2, NoFields.INSTANCE,
                        new SizedData(der), new CertificateCommands.Data(0, der)),
                core(new CertificateCommands.ExportIdevidCsr(AsymAlgorithm.ECC_P384),
                        org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CSR_V2, NoFields.INSTANCE,
                        new SizedData(der), new CertificateCommands.Data(0, der)),
                core1x(new CertificateCommands.GetIdevidCert(fill(0x11, 48), fill(0x22, 48), fill(0x33, 100)),
                        org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CERT_V1,
                        new IdevEcc384CertRequest(fill(0x11, 48), fill(0x22, 48), fill(0x33, 100)), new SizedData(der),
                        new CertificateCommands.Data(0, der)),
                core1x(new CertificateCommands.GetLdevidCert(), org.caliptra.util.protocol.core.CertificateCommands.GET_LDEV_ECC384_CERT_V1,
                        NoFields.INSTANCE, new SizedData(der), new CertificateCommands.Data(0, der)),
                core1x(new CertificateCommands.GetFmcAliasCert(),
                        org.caliptra.util.protocol.core.CertificateCommands.GET_FMC_ALIAS_ECC384_CERT_V1, NoFields.INSTANCE,
                        new SizedData(der), new CertificateCommands.Data(0, der)),
                core1x(new CertificateCommands.GetRtAliasCert(),
                        org.caliptra.util.protocol.core.CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V1, NoFields.INSTANCE,
                        new SizedData(der), new CertificateCommands.Data(0, der)),
                core1x(new CertificateCommands.ExportIdevidCsr(AsymAlgorithm.ECC_P384),
                        org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CSR_V1, NoFields.INSTANCE,
                        new SizedData(der), new CertificateCommands.Data(0, der)),
                mcu(AttestationCommands.GetAttestation.of(EvidenceFormat.PCR_QUOTE, AsymAlgorithm.MLDSA87, PkiEntitySlot.OWNER, NONCE),
                        McAttestationCommands.MC_GET_ATTESTATION, new McAttestationCommands.AttestationRequest(2, 2, 1, NONCE),
                        new McAttestationCommands.Attestation(2, fill(0xEE, 7168)),
                        new AttestationCommands.Evidence(0, 2, fill(0xEE, 7168)))));

        var digest384 = new Digest(fill(0xD3, 48));
        var digest512 = new Digest(fill(0xD5, 64));
        cases.add(both(new HashCommands.HashInit(HashAlgorithm.SHA512, DATA), McCryptoCommands.MC_SHA_INIT, CmHashCommands.CM_SHA_INIT,
                new CmHashCommands.ShaInitRequest(2, DATA), SHA_CTX, new HashCommands.ContextResponse(0, SHA_CTX)));
        cases.add(both(new HashCommands.HashUpdate(SHA_CTX, fill(0x61, 4096)), McCryptoCommands.MC_SHA_UPDATE,
                CmHashCommands.CM_SHA_UPDATE, new CmHashCommands.ShaUpdateRequest(SHA_CTX, fill(0x61, 4096)), SHA_CTX2,
                new HashCommands.ContextResponse(0, SHA_CTX2)));
        cases.add(both(new HashCommands.HashFinalize(SHA_CTX2, Octets.zeros(0)), McCryptoCommands.MC_SHA_FINAL,
                CmHashCommands.CM_SHA_FINAL, new CmHashCommands.ShaUpdateRequest(SHA_CTX2, Octets.zeros(0)), digest512,
                new DigestResponse(0, digest512)));
        cases.add(both(new HmacCommands.Hmac(KEY, HashAlgorithm.SHA384, DATA), McCryptoCommands.MC_HMAC, CmHashCommands.CM_HMAC,
                new CmHashCommands.HmacRequest(KEY, 1, DATA), digest384, new DigestResponse(0, digest384)));
        cases.add(both(new HmacCommands.HmacKdfCounter(KEY, HashAlgorithm.SHA512, KeyUsage.AES, 32, DATA),
                McCryptoCommands.MC_HMAC_KDF_COUNTER, CmKeyCommands.CM_HMAC_KDF_COUNTER,
                new CmKeyCommands.HmacKdfCounterRequest(KEY, 2, 2, 32, DATA), KEY2, new KeyResponse(0, KEY2)));
        cases.add(both(new KeyCommands.CmStatus(), McCryptoCommands.MC_CM_STATUS, CmKeyCommands.CM_STATUS, NoFields.INSTANCE,
                new CmKeyCommands.Status(3, 256), new KeyCommands.StorageStatus(0, 3, 256)));
        cases.add(both(new RandomCommands.RandomGenerate(48), McCryptoCommands.MC_RANDOM_GENERATE, CmRandomCommands.CM_RANDOM_GENERATE,
                new CmRandomCommands.RandomGenerateRequest(48), new CmRandomCommands.RandomData(fill(0x5A, 48)),
                new RandomCommands.RandomBytes(0, fill(0x5A, 48))));
        cases.add(both(new RandomCommands.RandomStir(DATA), McCryptoCommands.MC_RANDOM_STIR, CmRandomCommands.CM_RANDOM_STIR,
                new CmRandomCommands.RandomStirRequest(DATA), NoFields.INSTANCE, new StatusResponse(0)));
        cases.add(both(new KeyCommands.Import(KeyUsage.ECDSA, fill(0xAA, 48)), McCryptoCommands.MC_IMPORT, CmKeyCommands.CM_IMPORT,
                new CmKeyCommands.ImportRequest(3, fill(0xAA, 48)), KEY, new KeyResponse(0, KEY)));
        cases.add(both(new KeyCommands.Delete(KEY), McCryptoCommands.MC_DELETE, CmKeyCommands.CM_DELETE, KEY, NoFields.INSTANCE,
                new StatusResponse(0)));

        var iv = fill(0x1F, 16);
        var gcmIv = fill(0x2F, 12);
        var tag = fill(0x7A, 16);
        cases.add(both(new AesCommands.AesEncryptInit(KEY, AesMode.CTR, DATA), McCryptoCommands.MC_AES_ENCRYPT_INIT,
                CmAesCommands.CM_AES_ENCRYPT_INIT, new CmAesCommands.AesEncryptInitRequest(KEY, 2, DATA),
                new CmAesCommands.AesEncryptInitResponse(AES_CTX, iv, fill(0xCE, 17)),
                new AesCommands.EncryptInitResponse(0, AES_CTX, iv, fill(0xCE, 17))));
        cases.add(both(new AesCommands.AesEncryptUpdate(AES_CTX, DATA), McCryptoCommands.MC_AES_ENCRYPT_UPDATE,
                CmAesCommands.CM_AES_ENCRYPT_UPDATE, new CmAesCommands.AesUpdateRequest(AES_CTX, DATA),
                new CmAesCommands.AesOutput(AES_CTX2, fill(0xCF, 4096)), new AesCommands.OutputResponse(0, AES_CTX2, fill(0xCF, 4096))));
        cases.add(both(new AesCommands.AesDecryptInit(KEY, AesMode.CBC, iv, fill(0xCE, 32)), McCryptoCommands.MC_AES_DECRYPT_INIT,
                CmAesCommands.CM_AES_DECRYPT_INIT, new CmAesCommands.AesDecryptInitRequest(KEY, 1, iv, fill(0xCE, 32)),
                new CmAesCommands.AesOutput(AES_CTX, fill(0x9A, 32)), new AesCommands.OutputResponse(0, AES_CTX, fill(0x9A, 32))));
        cases.add(both(new AesCommands.AesDecryptUpdate(AES_CTX, fill(0xCE, 16)), McCryptoCommands.MC_AES_DECRYPT_UPDATE,
                CmAesCommands.CM_AES_DECRYPT_UPDATE, new CmAesCommands.AesUpdateRequest(AES_CTX, fill(0xCE, 16)),
                new CmAesCommands.AesOutput(AES_CTX2, fill(0x9B, 16)), new AesCommands.OutputResponse(0, AES_CTX2, fill(0x9B, 16))));
        cases.add(both(AesCommands.AesGcmEncryptInit.of(KEY, DATA), McCryptoCommands.MC_AES_GCM_ENCRYPT_INIT,
                CmAesCommands.CM_AES_GCM_ENCRYPT_INIT, new CmAesCommands.GcmEncryptInitRequest(0, KEY, DATA),
                new CmAesCommands.GcmInitResponse(GCM_CTX, gcmIv), new AesCommands.GcmInitResponse(0, GCM_CTX, gcmIv)));
        cases.add(both(new AesCommands.AesGcmEncryptUpdate(GCM_CTX, DATA), McCryptoCommands.MC_AES_GCM_ENCRYPT_UPDATE,
                CmAesCommands.CM_AES_GCM_ENCRYPT_UPDATE, new CmAesCommands.GcmUpdateRequest(GCM_CTX, DATA),
                new CmAesCommands.GcmUpdateResponse(GCM_CTX2, fill(0xE1, 16)), new AesCommands.GcmOutputResponse(0, GCM_CTX2, fill(0xE1, 16))));
        cases.add(both(new AesCommands.AesGcmEncryptFinal(GCM_CTX2, fill(0x01, 5)), McCryptoCommands.MC_AES_GCM_ENCRYPT_FINAL,
                CmAesCommands.CM_AES_GCM_ENCRYPT_FINAL, new CmAesCommands.GcmUpdateRequest(GCM_CTX2, fill(0x01, 5)),
                new CmAesCommands.GcmEncryptFinalResponse(tag, fill(0xE2, 4112)),
                new AesCommands.GcmEncryptFinalResponse(0, tag, fill(0xE2, 4112))));
        cases.add(both(AesCommands.AesGcmDecryptInit.of(KEY, gcmIv, DATA), McCryptoCommands.MC_AES_GCM_DECRYPT_INIT,
                CmAesCommands.CM_AES_GCM_DECRYPT_INIT, new CmAesCommands.GcmDecryptInitRequest(0, KEY, gcmIv, DATA),
                new CmAesCommands.GcmInitResponse(GCM_CTX, gcmIv), new AesCommands.GcmContextResponse(0, GCM_CTX)));
        cases.add(both(new AesCommands.AesGcmDecryptUpdate(GCM_CTX, fill(0xE1, 32)), McCryptoCommands.MC_AES_GCM_DECRYPT_UPDATE,
                CmAesCommands.CM_AES_GCM_DECRYPT_UPDATE, new CmAesCommands.GcmUpdateRequest(GCM_CTX, fill(0xE1, 32)),
                new CmAesCommands.GcmUpdateResponse(GCM_CTX2, fill(0x0D, 32)), new AesCommands.GcmOutputResponse(0, GCM_CTX2, fill(0x0D, 32))));
        cases.add(both(new AesCommands.AesGcmDecryptFinal(GCM_CTX2, fill(0x7A, 12), fill(0xE2, 3)), McCryptoCommands.MC_AES_GCM_DECRYPT_FINAL,
                CmAesCommands.CM_AES_GCM_DECRYPT_FINAL,
                new CmAesCommands.GcmDecryptFinalRequest(GCM_CTX2, 12, Octets.fromHex("7a".repeat(12) + "00".repeat(4)), fill(0xE2, 3)),
                new CmAesCommands.GcmDecryptFinalResponse(1, fill(0x0E, 3)), new AesCommands.GcmDecryptFinalResponse(0, true, fill(0x0E, 3))));

        var point = new EccPublicKey(fill(0x91, 48), fill(0x92, 48));
        var ecdhCtx = new EcdhContext(fill(0xEC, 76));
        cases.add(both(new AsymmetricCommands.EcdsaSign(KEY, DATA), McCryptoCommands.MC_ECDSA_CMK_SIGN, CmAsymmetricCommands.CM_ECDSA_SIGN,
                new CmAsymmetricCommands.SignRequest(KEY, DATA), ECDSA_SIG, new AsymmetricCommands.SignatureResponse(0, ECDSA_SIG)));
        cases.add(both(new AsymmetricCommands.EcdsaVerify(KEY, ECDSA_SIG, DATA), McCryptoCommands.MC_ECDSA_CMK_VERIFY,
                CmAsymmetricCommands.CM_ECDSA_VERIFY, new CmAsymmetricCommands.EcdsaVerifyRequest(KEY, ECDSA_SIG, DATA), NoFields.INSTANCE,
                new StatusResponse(0)));
        cases.add(both(new AsymmetricCommands.EcdhGenerate(), McCryptoCommands.MC_ECDH_GENERATE, CmAsymmetricCommands.CM_ECDH_GENERATE,
                NoFields.INSTANCE, new CmAsymmetricCommands.EcdhGenerateResponse(ecdhCtx, fill(0x93, 96)),
                new AsymmetricCommands.EcdhGenerateResponse(0, ecdhCtx, fill(0x93, 96))));
        cases.add(both(new AsymmetricCommands.EcdsaPublicKey(KEY), McCryptoCommands.MC_ECDSA_CMK_PUBLIC_KEY,
                CmAsymmetricCommands.CM_ECDSA_PUBLIC_KEY, KEY, point, new AsymmetricCommands.PublicKeyResponse(0, point)));
        cases.add(both(new AsymmetricCommands.EcdhFinish(ecdhCtx, KeyUsage.HMAC, fill(0x94, 96)), McCryptoCommands.MC_ECDH_FINISH,
                CmAsymmetricCommands.CM_ECDH_FINISH, new CmAsymmetricCommands.EcdhFinishRequest(ecdhCtx, 1, fill(0x94, 96)), KEY2,
                new KeyResponse(0, KEY2)));
        var lmsWire = new LmsSignatureVerifyRequest(new LmsVerifyRequest(12, 7, fill(0x81, 16), fill(0x82, 24), 5, fill(0x83, 1252), 12,
                fill(0x84, 360)), fill(0x85, 48));
        cases.add(Stream.of(
                new Case<>(Route.MCU_MAILBOX, new AsymmetricCommands.LmsVerify(LMS_KEY, LMS_SIG, fill(0x85, 48)), McVerifyCommands.MC_LMS_SIG_VERIFY,
                        lmsWire, USRD, NoFields.INSTANCE, new StatusResponse(USRD)),
                new Case<>(Route.CORE_MAILBOX, new AsymmetricCommands.LmsVerify(LMS_KEY, LMS_SIG, fill(0x85, 48)),
                        SignatureVerifyCommands.LMS_SIGNATURE_VERIFY, lmsWire, USRD, NoFields.INSTANCE, new StatusResponse(USRD))));
        var mldsaKey = new MldsaPublicKey(fill(0x95, 2592));
        cases.add(both(new AsymmetricCommands.MldsaKeygen(KEY), McCryptoCommands.MC_MLDSA_CMK_PUBLIC_KEY,
                CmAsymmetricCommands.CM_MLDSA_PUBLIC_KEY, KEY, mldsaKey, new AsymmetricCommands.MldsaPublicKeyResponse(0, mldsaKey)));
        cases.add(both(new AsymmetricCommands.MldsaSign(KEY, DATA), McCryptoCommands.MC_MLDSA_CMK_SIGN, CmAsymmetricCommands.CM_MLDSA_SIGN,
                new CmAsymmetricCommands.SignRequest(KEY, DATA), MLDSA_SIG, new AsymmetricCommands.MldsaSignatureResponse(0, MLDSA_SIG)));
        cases.add(both(new AsymmetricCommands.MldsaVerify(KEY, MLDSA_SIG, DATA), McCryptoCommands.MC_MLDSA_CMK_VERIFY,
                CmAsymmetricCommands.CM_MLDSA_VERIFY, new CmAsymmetricCommands.MldsaVerifyRequest(KEY, MLDSA_SIG, DATA), NoFields.INSTANCE,
                new StatusResponse(0)));

        var udi = fill(0xD1, 32);
        var challenge = fill(0xC4, 48);
        var token = DebugUnlockCommands.ProdDebugUnlockToken.of(udi, 3, challenge, fill(0x41, 96), fill(0x42, 2592), fill(0x43, 96),
                MldsaSignature.of(fill(0x44, 4627)));
        cases.add(Stream.of(
                mcu(new DebugCommands.DebugGetLog(), McLogCommands.MC_GET_LOG, NoFields.INSTANCE, new McLogCommands.DebugLog(1, fill(0xDF, 4092)),
                        new DebugCommands.LogPage(0, true, fill(0xDF, 4092))),
                mcu(new DebugCommands.DebugClearLog(), McLogCommands.MC_CLEAR_LOG, NoFields.INSTANCE, NoFields.INSTANCE, new StatusResponse(0)),
                mcu(new DebugUnlockCommands.ProdDebugUnlockReq(3), McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ,
                        McDebugUnlockCommands.UnlockRequest.of(3), McDebugUnlockCommands.UnlockChallenge.of(udi, challenge),
                        new DebugUnlockCommands.UnlockChallenge(0, 21, udi, challenge)),
                mcu(token, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN, token.token(), NoFields.INSTANCE, new StatusResponse(0)),
                core(new DebugUnlockCommands.ProdDebugUnlockReq(3),
                        org.caliptra.util.protocol.core.DebugUnlockCommands.PRODUCTION_AUTH_DEBUG_UNLOCK_REQ,
                        ProductionAuthDebugUnlockRequest.of(3), new ProductionAuthDebugUnlockChallenge(21, udi, challenge),
                        new DebugUnlockCommands.UnlockChallenge(0, 21, udi, challenge)),
                core(token, org.caliptra.util.protocol.core.DebugUnlockCommands.PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN,
                        new ProductionAuthDebugUnlockToken(1875, udi, 3, Octets.zeros(3), challenge, fill(0x41, 96), fill(0x42, 2592),
                                fill(0x43, 96), fill(0x44, 4627)),
                        NoFields.INSTANCE, new StatusResponse(0))));

        var hash = fill(0xA5, 48);
        cases.add(Stream.of(
                mcu(new FuseCommands.FuseRead(2, 8), McFuseCommands.MC_FUSE_READ, Authorized.bare(new McFuseCommands.FuseReadRequest(2, 8)),
                        new McFuseCommands.FuseReadData(40, fill(0xF0, 8)), new FuseCommands.FuseData(0, 40, fill(0xF0, 8))),
                // The MCU runtime's authorized read and its fixed 128-byte answer, of which length_bits are meant.
                mcu(FuseCommands.FuseRead.signed(9, 4, TRAILER), McFuseCommands.MC_FUSE_READ_RUNTIME,
                        Authorized.signed(new McFuseCommands.FuseReadRequest(9, 4), TRAILER),
                        new McFuseCommands.RuntimeFuseReadData(0, 40, Octets.fromHex("f1".repeat(8) + "00".repeat(120))),
                        new FuseCommands.FuseData(0, 40, fill(0xF1, 8))),
                mcu(new FuseCommands.FuseWrite(0x40, 0x1, 0x3), McFuseCommands.MC_FUSE_WRITE,
                        Authorized.bare(new McFuseCommands.FuseWriteRequest(0x40, 1, 3)), NoFields.INSTANCE, new StatusResponse(0)),
                mcu(FuseCommands.FuseWrite.signed(0x2A0, 0x7, 0x7, TRAILER), McFuseCommands.MC_FUSE_WRITE,
                        Authorized.signed(new McFuseCommands.FuseWriteRequest(0x2A0, 7, 7), TRAILER), NoFields.INSTANCE,
                        new StatusResponse(0)),
                mcu(new FuseCommands.FuseLock(14), McFuseCommands.MC_FUSE_LOCK_PARTITION, Authorized.bare(new McFuseCommands.PartitionRequest(14)),
                        NoFields.INSTANCE, new StatusResponse(0)),
                mcu(new FuseCommands.GetAuthCmdChallenge(), McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE,
                        McDebugUnlockCommands.AuthChallengeRequest.DEFAULT, McDebugUnlockCommands.AuthChallenge.of(challenge),
                        new FuseCommands.AuthChallenge(0, challenge)),
                mcu(new FuseCommands.FeProg(1, TRAILER), McFuseCommands.MC_FE_PROG,
                        Authorized.signed(new McFuseCommands.PartitionRequest(1), TRAILER), NoFields.INSTANCE, new StatusResponse(0)),
                mcu(new FuseCommands.ProvisionVendorPkHash(1, hash, TRAILER), McFuseCommands.MC_PROVISION_VENDOR_PK_HASH,
                        Authorized.signed(new McFuseCommands.VendorPkHashRequest(1, hash), TRAILER), NoFields.INSTANCE, new StatusResponse(0)),
                mcu(new FuseCommands.FuseIncreaseCaliptraMinSvn(0, 7, TRAILER), McFuseCommands.MC_FUSE_INCREASE_CALIPTRA_MIN_SVN,
                        Authorized.signed(new McFuseCommands.MinSvnRequest(0, 7), TRAILER), NoFields.INSTANCE, new StatusResponse(0)),
                mcu(new FuseCommands.FuseRevokeVendorPubKey(1, KeyType.MLDSA87, 2, TRAILER), McFuseCommands.MC_FUSE_REVOKE_VENDOR_PUB_KEY,
                        Authorized.signed(new McFuseCommands.RevokeVendorPubKeyRequest(0, 1, 2, 2), TRAILER), NoFields.INSTANCE,
                        new StatusResponse(0)),
                mcu(new FuseCommands.FuseRevokeVendorPkHash(1, TRAILER), McFuseCommands.MC_FUSE_REVOKE_VENDOR_PK_HASH,
                        Authorized.signed(new McFuseCommands.RevokeVendorPkHashRequest(0, 1), TRAILER), NoFields.INSTANCE, new StatusResponse(0)),
                mcu(new FuseCommands.FuseLockPartition(14, TRAILER), McFuseCommands.MC_FUSE_LOCK_PARTITION,
                        Authorized.signed(new McFuseCommands.PartitionRequest(14), TRAILER), NoFields.INSTANCE, new StatusResponse(0)),
                mcu(new FuseCommands.ProvisionOwnerPkHash(hash, TRAILER), McFuseCommands.MC_PROVISION_OWNER_PK_HASH,
                        Authorized.signed(new McFuseCommands.OwnerPkHashRequest(hash), TRAILER), NoFields.INSTANCE, new StatusResponse(0))));

        var cak = fill(0xCA, 48);
        var lak = fill(0x1A, 48);
        var x = fill(0x58, 48);
        var y = fill(0x59, 48);
        var m = fill(0x5A, 2592);
        var blob = fill(0xB1, 168);
        var done = new McOwnershipCommands.DotTransition(1);
        cases.add(Stream.of(
                mcu(new OwnershipCommands.DotLock(cak, lak, TRAILER), McOwnershipCommands.DOT_LOCK,
                        Authorized.signed(new McOwnershipCommands.DotLock(cak, lak), TRAILER), done, new OwnershipCommands.Transition(0, true)),
                mcu(new OwnershipCommands.DotDisable(lak, TRAILER), McOwnershipCommands.DOT_DISABLE,
                        Authorized.signed(new McOwnershipCommands.DotDisable(lak), TRAILER), new McOwnershipCommands.DotTransition(0),
                        new OwnershipCommands.Transition(0, false)),
                mcu(new OwnershipCommands.DotUnlockChallenge(), McOwnershipCommands.DOT_UNLOCK_CHALLENGE, NoFields.INSTANCE,
                        new McOwnershipCommands.DotChallenge(challenge), new OwnershipCommands.Challenge(0, challenge)),
                mcu(new OwnershipCommands.DotUnlock(x, y, m, SIGNATURE), McOwnershipCommands.DOT_UNLOCK,
                        new McOwnershipCommands.DotUnlock(x, y, m, SIGNATURE), done, new OwnershipCommands.Transition(0, true)),
                mcu(new OwnershipCommands.DotRotate(3, cak, lak, TRAILER), McOwnershipCommands.DOT_ROTATE,
                        Authorized.signed(new McOwnershipCommands.DotRotate(3, cak, lak), TRAILER), done, new OwnershipCommands.Transition(0, true)),
                mcu(new OwnershipCommands.GetDotBackupBlob(TRAILER), McOwnershipCommands.DOT_GET_BACKUP_BLOB,
                        Authorized.signed(NoFields.INSTANCE, TRAILER), new McOwnershipCommands.DotBackupBlob(blob),
                        new OwnershipCommands.BackupBlob(0, blob)),
                mcu(new OwnershipCommands.DotStatus(), McOwnershipCommands.DOT_STATUS, NoFields.INSTANCE,
                        new McOwnershipCommands.DotStatus(1, 1, 0x102), new OwnershipCommands.Status(0, 1, 1, 0x102)),
                mcu(new OwnershipCommands.DotRecovery(blob), McOwnershipCommands.DOT_RECOVERY, new McOwnershipCommands.DotRecovery(blob), done,
                        new OwnershipCommands.Transition(0, true)),
                mcu(new OwnershipCommands.DotOverrideChallenge(x, y, m), McOwnershipCommands.DOT_OVERRIDE_CHALLENGE,
                        new McOwnershipCommands.DotOverrideChallenge(x, y, m), new McOwnershipCommands.DotChallenge(challenge),
                        new OwnershipCommands.Challenge(0, challenge)),
                mcu(new OwnershipCommands.DotOverride(x, y, m, SIGNATURE), McOwnershipCommands.DOT_OVERRIDE,
                        new McOwnershipCommands.DotOverride(x, y, m, SIGNATURE), done, new OwnershipCommands.Transition(0, true))));
        return cases.stream().flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T, Q, R> void roundTrip(Case<T, Q, R> c) {
        var port = new Harness(sent -> {
            assertEquals(c.codec().code(), sent.command(), "command code");
            assertEquals(c.wireRequest(), c.codec().decodeRequest(sent.fields()), "wire request");
            return Harness.data(c.fips(), c.codec().encodeResponse(c.wireResponse()));
        });
        T result = port.session(c.route()).execute(c.command());
        assertEquals(c.expected(), result);
        assertEquals(1, port.sent().size());
    }

    @Test
    void everyMappingOfEveryMailboxRouteHasACase() {
        Set<String> covered = new HashSet<>();
        cases().forEach(c -> covered.add(c.route() + " " + c.command().commandId()));
        List<String> missing = new ArrayList<>();
        var catalog = CommandCatalog.builtIn();
        for (Route route : Route.values()) {
            if (route.deviceKind().isEmpty()) {
                continue;
            }
            for (CommandType<?, ?> t : catalog.commands()) {
                if (catalog.mailboxTable(route).lookup(t.id()).isPresent() && !covered.contains(route + " " + t.id())) {
                    missing.add(route + " " + t);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aCommandA1xCoreDoesNotServeIsNotSupportedBeforeAnythingIsSent() {
        var port = Harness.answering(new byte[0]);
        var session = port.session(Route.CORE_MAILBOX_1X);
        for (Command<?> c : List.<Command<?>>of(new RandomCommands.RandomGenerate(16), new KeyCommands.CmStatus(),
                new AsymmetricCommands.LmsVerify(LMS_KEY, LMS_SIG, fill(0x48, 48)),
                new CertificateCommands.ExportAttestedCsr(DeviceKey.RT_ALIAS, AsymAlgorithm.ECC_P384, NONCE))) {
            var e = assertThrows(TransportException.class, () -> session.execute(c), c.name());
            assertEquals(TransportException.Kind.NOT_SUPPORTED, e.kind());
            assertTrue(e.getMessage().contains("is not carried by a Caliptra 1.x core mailbox: it needs a Caliptra 2.x core"),
                    e.getMessage());
        }
        var mldsa = assertThrows(TransportException.class, () -> session.execute(new CertificateCommands.ExportIdevidCsr(AsymAlgorithm.MLDSA87)));
        assertTrue(mldsa.getMessage().contains("a Caliptra 1.x core has no ML-DSA-87 identity"), mldsa.getMessage());
        assertEquals(List.of(), port.sent());
    }

    @Test
    void aCoreCsrLongerThanTheInternalBufferIsAnInvalidMessage() {
        var port = Harness.answering(org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CSR_V2.encodeResponse(
                new SizedData(fill(0x30, 5000))));
        var e = assertThrows(TransportException.class, () -> port.session(DeviceKind.CALIPTRA_CORE)
                .execute(new CertificateCommands.ExportIdevidCsr(AsymAlgorithm.ECC_P384)));
        assertEquals(TransportException.Kind.INVALID_MESSAGE, e.kind());
        assertEquals("ExportIdevidCsr (0x1006): GET_IDEV_ECC384_CSR response: certificate command: data is at most 4096 bytes, got 5000", e.getMessage());
    }

    @Test
    void mlDsaOnACoreMappingOfTheEccCommandIsRefusedBeforeSending() {
        var port = Harness.answering(new byte[0]);
        var e = assertThrows(TransportException.class, () -> port.session(DeviceKind.CALIPTRA_CORE)
                .execute(new CertificateCommands.ExportIdevidCsr(AsymAlgorithm.MLDSA87)));
        assertEquals("ExportIdevidCsr (0x1006): GET_IDEV_ECC384_CSR request: algorithm MLDSA87 is GET_IDEV_MLDSA87_CSR on a Caliptra core, which this "
                + "catalogue does not map; only ECC_P384 is carried", e.getMessage());
        assertEquals(List.of(), port.sent());
    }

    @Test
    void aGcmUpdateThatReleasesMoreThanTheInternalBufferIsAnInvalidMessage() {
        var port = Harness.answering(McCryptoCommands.MC_AES_GCM_ENCRYPT_UPDATE.encodeResponse(
                new CmAesCommands.GcmUpdateResponse(GCM_CTX2, fill(1, 4112))));
        var e = assertThrows(TransportException.class, () -> port.session(DeviceKind.MCU)
                .execute(new AesCommands.AesGcmEncryptUpdate(GCM_CTX, fill(2, 4096))));
        assertEquals("AesGcmEncryptUpdate (0x3011): MC_AES_GCM_ENCRYPT_UPDATE response: AES-GCM: output is at most 4096 bytes, got 4112", e.getMessage());
    }

    @Test
    void aCommandNoRouteCarriesIsNotSupportedWithItsReason() {
        var port = Harness.answering(new byte[0]);
        var e = assertThrows(TransportException.class, () -> port.session(DeviceKind.MCU).execute(new AsymmetricCommands.LmsSign(KEY, DATA)));
        assertEquals(TransportException.Kind.NOT_SUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("0x4011"), e.getMessage());
        assertTrue(CommandCatalog.builtIn().mailboxTable(DeviceKind.MCU).unsupportedReason(0x4011).orElseThrow()
                .startsWith("no Caliptra target carries LmsSign (0x4011)"));
    }
}
