package org.caliptra.util.protocol.mcu;

import java.util.List;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmAesCommands.AesDecryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.AesEncryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.AesEncryptInitResponse;
import org.caliptra.util.protocol.cm.CmAesCommands.AesOutput;
import org.caliptra.util.protocol.cm.CmAesCommands.AesUpdateRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptFinalRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptFinalResponse;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmEncryptFinalResponse;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmEncryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmInitResponse;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmUpdateRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmUpdateResponse;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EccPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhFinishRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhGenerateResponse;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaVerifyRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaVerifyRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.SignRequest;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.cm.CmHashCommands.HmacRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaContext;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaInitRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaUpdateRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.CmKeyCommands.HkdfExpandRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.HkdfExtractRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.HmacKdfCounterRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.ImportRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.Status;
import org.caliptra.util.protocol.cm.CmRandomCommands;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomData;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomGenerateRequest;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomStirRequest;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;

/**
 * The MCU mailbox's cryptographic commands (spec/device.md §4.5, rows "= CM_*"): each shares its
 * Caliptra twin's request and response layouts under its own MC_* code, because the MCU runtime
 * forwards the request bytes to the CM_* command unchanged (recomputing only the checksum) and
 * returns Caliptra's response bytes as they are.
 */
public final class McCryptoCommands {
    private McCryptoCommands() {}

    public static final CommandCodec<ShaInitRequest, ShaContext> MC_SHA_INIT =
            CommandCodec.of(McCommand.MC_SHA_INIT, CmHashCommands.CM_SHA_INIT.request(), CmHashCommands.CM_SHA_INIT.response());
    public static final CommandCodec<ShaUpdateRequest, ShaContext> MC_SHA_UPDATE =
            CommandCodec.of(McCommand.MC_SHA_UPDATE, CmHashCommands.CM_SHA_UPDATE.request(), CmHashCommands.CM_SHA_UPDATE.response());
    public static final CommandCodec<ShaUpdateRequest, Digest> MC_SHA_FINAL =
            CommandCodec.of(McCommand.MC_SHA_FINAL, CmHashCommands.CM_SHA_FINAL.request(), CmHashCommands.CM_SHA_FINAL.response());
    public static final CommandCodec<HmacRequest, Digest> MC_HMAC =
            CommandCodec.of(McCommand.MC_HMAC, CmHashCommands.CM_HMAC.request(), CmHashCommands.CM_HMAC.response());

    public static final CommandCodec<HmacKdfCounterRequest, Cmk> MC_HMAC_KDF_COUNTER = CommandCodec.of(
            McCommand.MC_HMAC_KDF_COUNTER, CmKeyCommands.CM_HMAC_KDF_COUNTER.request(), CmKeyCommands.CM_HMAC_KDF_COUNTER.response());
    public static final CommandCodec<HkdfExtractRequest, Cmk> MC_HKDF_EXTRACT = CommandCodec.of(
            McCommand.MC_HKDF_EXTRACT, CmKeyCommands.CM_HKDF_EXTRACT.request(), CmKeyCommands.CM_HKDF_EXTRACT.response());
    public static final CommandCodec<HkdfExpandRequest, Cmk> MC_HKDF_EXPAND = CommandCodec.of(
            McCommand.MC_HKDF_EXPAND, CmKeyCommands.CM_HKDF_EXPAND.request(), CmKeyCommands.CM_HKDF_EXPAND.response());

    public static final CommandCodec<AesEncryptInitRequest, AesEncryptInitResponse> MC_AES_ENCRYPT_INIT = CommandCodec.of(
            McCommand.MC_AES_ENCRYPT_INIT, CmAesCommands.CM_AES_ENCRYPT_INIT.request(), CmAesCommands.CM_AES_ENCRYPT_INIT.response());
    public static final CommandCodec<AesUpdateRequest, AesOutput> MC_AES_ENCRYPT_UPDATE = CommandCodec.of(
            McCommand.MC_AES_ENCRYPT_UPDATE, CmAesCommands.CM_AES_ENCRYPT_UPDATE.request(),
            CmAesCommands.CM_AES_ENCRYPT_UPDATE.response());
    /**
     * caliptra-mcu-sw's messages.rs types this response as CM_AES_ENCRYPT_INIT's (with an IV), but
     * the MCU passes CM_AES_DECRYPT_INIT's bytes through, so the wire has no IV.
     */
    public static final CommandCodec<AesDecryptInitRequest, AesOutput> MC_AES_DECRYPT_INIT = CommandCodec.of(
            McCommand.MC_AES_DECRYPT_INIT, CmAesCommands.CM_AES_DECRYPT_INIT.request(), CmAesCommands.CM_AES_DECRYPT_INIT.response());
    public static final CommandCodec<AesUpdateRequest, AesOutput> MC_AES_DECRYPT_UPDATE = CommandCodec.of(
            McCommand.MC_AES_DECRYPT_UPDATE, CmAesCommands.CM_AES_DECRYPT_UPDATE.request(),
            CmAesCommands.CM_AES_DECRYPT_UPDATE.response());

    public static final CommandCodec<GcmEncryptInitRequest, GcmInitResponse> MC_AES_GCM_ENCRYPT_INIT = CommandCodec.of(
            McCommand.MC_AES_GCM_ENCRYPT_INIT, CmAesCommands.CM_AES_GCM_ENCRYPT_INIT.request(),
            CmAesCommands.CM_AES_GCM_ENCRYPT_INIT.response());
    public static final CommandCodec<GcmUpdateRequest, GcmUpdateResponse> MC_AES_GCM_ENCRYPT_UPDATE = CommandCodec.of(
            McCommand.MC_AES_GCM_ENCRYPT_UPDATE, CmAesCommands.CM_AES_GCM_ENCRYPT_UPDATE.request(),
            CmAesCommands.CM_AES_GCM_ENCRYPT_UPDATE.response());
    public static final CommandCodec<GcmUpdateRequest, GcmEncryptFinalResponse> MC_AES_GCM_ENCRYPT_FINAL = CommandCodec.of(
            McCommand.MC_AES_GCM_ENCRYPT_FINAL, CmAesCommands.CM_AES_GCM_ENCRYPT_FINAL.request(),
            CmAesCommands.CM_AES_GCM_ENCRYPT_FINAL.response());
    public static final CommandCodec<GcmDecryptInitRequest, GcmInitResponse> MC_AES_GCM_DECRYPT_INIT = CommandCodec.of(
            McCommand.MC_AES_GCM_DECRYPT_INIT, CmAesCommands.CM_AES_GCM_DECRYPT_INIT.request(),
            CmAesCommands.CM_AES_GCM_DECRYPT_INIT.response());
    public static final CommandCodec<GcmUpdateRequest, GcmUpdateResponse> MC_AES_GCM_DECRYPT_UPDATE = CommandCodec.of(
            McCommand.MC_AES_GCM_DECRYPT_UPDATE, CmAesCommands.CM_AES_GCM_DECRYPT_UPDATE.request(),
            CmAesCommands.CM_AES_GCM_DECRYPT_UPDATE.response());
    public static final CommandCodec<GcmDecryptFinalRequest, GcmDecryptFinalResponse> MC_AES_GCM_DECRYPT_FINAL = CommandCodec.of(
            McCommand.MC_AES_GCM_DECRYPT_FINAL, CmAesCommands.CM_AES_GCM_DECRYPT_FINAL.request(),
            CmAesCommands.CM_AES_GCM_DECRYPT_FINAL.response());

    public static final CommandCodec<NoFields, EcdhGenerateResponse> MC_ECDH_GENERATE = CommandCodec.of(
            McCommand.MC_ECDH_GENERATE, CmAsymmetricCommands.CM_ECDH_GENERATE.request(),
            CmAsymmetricCommands.CM_ECDH_GENERATE.response());
    public static final CommandCodec<EcdhFinishRequest, Cmk> MC_ECDH_FINISH = CommandCodec.of(
            McCommand.MC_ECDH_FINISH, CmAsymmetricCommands.CM_ECDH_FINISH.request(), CmAsymmetricCommands.CM_ECDH_FINISH.response());

    public static final CommandCodec<Cmk, EccPublicKey> MC_ECDSA_CMK_PUBLIC_KEY = CommandCodec.of(
            McCommand.MC_ECDSA_CMK_PUBLIC_KEY, CmAsymmetricCommands.CM_ECDSA_PUBLIC_KEY.request(),
            CmAsymmetricCommands.CM_ECDSA_PUBLIC_KEY.response());
    public static final CommandCodec<SignRequest, EcdsaSignature> MC_ECDSA_CMK_SIGN = CommandCodec.of(
            McCommand.MC_ECDSA_CMK_SIGN, CmAsymmetricCommands.CM_ECDSA_SIGN.request(), CmAsymmetricCommands.CM_ECDSA_SIGN.response());
    public static final CommandCodec<EcdsaVerifyRequest, NoFields> MC_ECDSA_CMK_VERIFY = CommandCodec.of(
            McCommand.MC_ECDSA_CMK_VERIFY, CmAsymmetricCommands.CM_ECDSA_VERIFY.request(),
            CmAsymmetricCommands.CM_ECDSA_VERIFY.response());

    public static final CommandCodec<Cmk, MldsaPublicKey> MC_MLDSA_CMK_PUBLIC_KEY = CommandCodec.of(
            McCommand.MC_MLDSA_CMK_PUBLIC_KEY, CmAsymmetricCommands.CM_MLDSA_PUBLIC_KEY.request(),
            CmAsymmetricCommands.CM_MLDSA_PUBLIC_KEY.response());
    public static final CommandCodec<SignRequest, MldsaSignature> MC_MLDSA_CMK_SIGN = CommandCodec.of(
            McCommand.MC_MLDSA_CMK_SIGN, CmAsymmetricCommands.CM_MLDSA_SIGN.request(), CmAsymmetricCommands.CM_MLDSA_SIGN.response());
    public static final CommandCodec<MldsaVerifyRequest, NoFields> MC_MLDSA_CMK_VERIFY = CommandCodec.of(
            McCommand.MC_MLDSA_CMK_VERIFY, CmAsymmetricCommands.CM_MLDSA_VERIFY.request(),
            CmAsymmetricCommands.CM_MLDSA_VERIFY.response());

    public static final CommandCodec<RandomStirRequest, NoFields> MC_RANDOM_STIR = CommandCodec.of(
            McCommand.MC_RANDOM_STIR, CmRandomCommands.CM_RANDOM_STIR.request(), CmRandomCommands.CM_RANDOM_STIR.response());
    public static final CommandCodec<RandomGenerateRequest, RandomData> MC_RANDOM_GENERATE = CommandCodec.of(
            McCommand.MC_RANDOM_GENERATE, CmRandomCommands.CM_RANDOM_GENERATE.request(),
            CmRandomCommands.CM_RANDOM_GENERATE.response());

    public static final CommandCodec<ImportRequest, Cmk> MC_IMPORT =
            CommandCodec.of(McCommand.MC_IMPORT, CmKeyCommands.CM_IMPORT.request(), CmKeyCommands.CM_IMPORT.response());
    public static final CommandCodec<Cmk, NoFields> MC_DELETE =
            CommandCodec.of(McCommand.MC_DELETE, CmKeyCommands.CM_DELETE.request(), CmKeyCommands.CM_DELETE.response());
    public static final CommandCodec<NoFields, Status> MC_CM_STATUS =
            CommandCodec.of(McCommand.MC_CM_STATUS, CmKeyCommands.CM_STATUS.request(), CmKeyCommands.CM_STATUS.response());

    /** Every alias, in the order of spec/device.md §4.5. */
    public static final List<CommandCodec<?, ?>> ALL = List.of(MC_SHA_INIT, MC_SHA_UPDATE, MC_SHA_FINAL, MC_HMAC,
            MC_HMAC_KDF_COUNTER, MC_HKDF_EXTRACT, MC_HKDF_EXPAND, MC_AES_ENCRYPT_INIT, MC_AES_ENCRYPT_UPDATE,
            MC_AES_DECRYPT_INIT, MC_AES_DECRYPT_UPDATE, MC_AES_GCM_ENCRYPT_INIT, MC_AES_GCM_ENCRYPT_UPDATE,
            MC_AES_GCM_ENCRYPT_FINAL, MC_AES_GCM_DECRYPT_INIT, MC_AES_GCM_DECRYPT_UPDATE, MC_AES_GCM_DECRYPT_FINAL,
            MC_ECDH_GENERATE, MC_ECDH_FINISH, MC_ECDSA_CMK_PUBLIC_KEY, MC_ECDSA_CMK_SIGN, MC_ECDSA_CMK_VERIFY,
            MC_MLDSA_CMK_PUBLIC_KEY, MC_MLDSA_CMK_SIGN, MC_MLDSA_CMK_VERIFY, MC_RANDOM_STIR, MC_RANDOM_GENERATE,
            MC_IMPORT, MC_DELETE, MC_CM_STATUS);
}
