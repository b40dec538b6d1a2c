/*
 * Every command family of the catalogue through its typed caliptra_cmd_* functions, against the
 * embedded emulator: a caliptra-2.1 subsystem over its MCU mailbox (the default target) and a
 * caliptra-1.2 part over its core mailbox (AST2700 class). Results are checked against values
 * computed independently (FIPS 180 / RFC 4231 digests worked out beforehand, round trips, the
 * nonce echoed in the CSR), refusals by their Caliptra error code.
 */
#include "uhost_test.h"

#include <stdlib.h>

/* SHA-384("abc"), FIPS 180-4 example. */
static const char *SHA384_ABC = "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7";
/* SHA-512("abc"), FIPS 180-4 example. */
static const char *SHA512_ABC = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
                                "454d4423643ce80e2a9ac94fa54ca49f";
/* SHA-384 of 5000 'a's (computed with a software SHA). */
static const char *SHA384_A5000 = "ec8aedb696beaef98926c5afc2b545cc41761f275583367afdb81e96a7eea0226a6910c379326ffe6474678ca142014c";
/* HMAC-SHA384(key 0x0B x 48, "Test message for HMAC-SHA384 validation") (computed with a software HMAC). */
static const char *HMAC384 = "2385a41498ff973ae0aa8c44e8ab258356a3532172cb7ae63ee82c5ac94329ac2357b74e151dfb40e30e8504998d8b3c";

#define RUNTIME_MAILBOX_SIGNATURE_MISMATCH 0xA0050000u

static int equals_hex(const uint8_t *bytes, size_t n, const char *expected)
{
    if (strlen(expected) != 2 * n) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned value;
        if (sscanf(expected + 2 * i, "%2x", &value) != 1 || value != bytes[i]) {
            return 0;
        }
    }
    return 1;
}

static int all_zero(const uint8_t *bytes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (bytes[i] != 0) {
            return 0;
        }
    }
    return 1;
}

/* The large structs live here rather than on the stack. */
static union {
    CaliptraHashInitRequest hash_init;
    CaliptraHashUpdateRequest hash_update;
    CaliptraHmacRequest hmac;
    CaliptraAesEncryptInitRequest aes_encrypt;
    CaliptraAesDecryptInitRequest aes_decrypt;
    CaliptraAesGcmEncryptInitRequest gcm_init;
    CaliptraAesGcmEncryptUpdateRequest gcm_update;
    CaliptraAesGcmDecryptInitRequest gcm_decrypt_init;
    CaliptraAesGcmDecryptFinalRequest gcm_decrypt_final;
    CaliptraEcdsaSignRequest ecdsa_sign;
    CaliptraEcdsaVerifyRequest ecdsa_verify;
    CaliptraRandomStirRequest stir;
    CaliptraFuseReadRequest fuse_read;
} rq;
static union {
    CaliptraHashContextResponse context;
    CaliptraHashFinalizeResponse digest;
    CaliptraHmacResponse mac;
    CaliptraAesEncryptInitResponse aes_encrypt;
    CaliptraAesDecryptResponse aes_decrypt;
    CaliptraAesGcmEncryptInitResponse gcm_init;
    CaliptraAesGcmEncryptFinalResponse gcm_final;
    CaliptraAesGcmDecryptInitResponse gcm_decrypt_init;
    CaliptraAesGcmDecryptFinalResponse gcm_decrypt_final;
    CaliptraDataResponse data;
    CaliptraGetAttestationResponse attestation;
    CaliptraDebugGetLogResponse log;
    CaliptraFuseReadResponse fuse_read;
    uint8_t raw[8192];
} rs;

static CaliptraSession *open_session(const char *uri)
{
    CaliptraTransport *transport = NULL;
    CaliptraSession *session = NULL;
    if (caliptra_transport_create_from_uri(uri, NULL, &transport) != Success
        || caliptra_session_create_with_protocol(transport, Mailbox, &session) != Success
        || caliptra_session_connect(session) != Success) {
        fprintf(stderr, "cannot open %s: %s\n", uri, caliptra_last_error_message());
        exit(2);
    }
    return session;
}

static CaliptraCmk import_key(CaliptraSession *s, uint32_t usage, uint8_t fill, uint32_t size)
{
    CaliptraImportRequest request;
    memset(&request, 0, sizeof request);
    request.key_usage = usage;
    request.input_size = size;
    memset(request.input, fill, size);
    CaliptraImportResponse response;
    memset(&response, 0, sizeof response);
    OK(caliptra_cmd_import(s, &request, &response));
    return response.cmk;
}

static void delete_key(CaliptraSession *s, const CaliptraCmk *cmk)
{
    CaliptraDeleteRequest request = {*cmk};
    CaliptraDeleteResponse response;
    OK(caliptra_cmd_delete(s, &request, &response));
}

static void device_info(CaliptraSession *s)
{
    GetFirmwareVersionResponse version;
    for (uint32_t index = 0; index < 2; index++) {
        CaliptraGetFirmwareVersionRequest request = {index};
        OK(caliptra_cmd_get_firmware_version(s, &request, &version));
        printf("firmware %u: %u.%u.%u.%u\n", index, version.version[0], version.version[1], version.version[2], version.version[3]);
    }
    /* The reference entry point and the typed one agree. */
    GetFirmwareVersionResponse reference;
    OK(caliptra_cmd_get_firmware_version_c_impl(s, 1, &reference));
    CHECK(memcmp(&reference, &version, sizeof version) == 0);
    GetDeviceCapabilitiesResponse caps;
    OK(caliptra_cmd_get_device_capabilities(s, &caps));
    CHECK((caps.caps[7] & 1) == 1); /* RT_BASE: the core runs its runtime */
    CaliptraDeviceId id;
    OK(caliptra_cmd_get_device_id(s, &id));
    CHECK(id.vendor_id == 0xCA11 && id.device_id == 0x0021);
    CaliptraGetDeviceInfoRequest info_request = {0};
    CaliptraGetDeviceInfoResponse info;
    OK(caliptra_cmd_get_device_info(s, &info_request, &info));
    CHECK(info.data_len == 17); /* the UEID: type byte and 16 serial bytes of FUSE_IDEVID_CERT_ATTR */
}

static void hashing(CaliptraSession *s)
{
    memset(&rq, 0, sizeof rq);
    rq.hash_init.algorithm = CALIPTRA_SHA384;
    rq.hash_init.input_size = 3;
    memcpy(rq.hash_init.input, "abc", 3);
    OK(caliptra_cmd_hash_init(s, &rq.hash_init, &rs.context));
    memset(&rq, 0, sizeof rq);
    memcpy(rq.hash_update.context, rs.context.context, sizeof rq.hash_update.context);
    OK(caliptra_cmd_hash_finalize(s, &rq.hash_update, &rs.digest));
    CHECK(rs.digest.hash_size == 48 && equals_hex(rs.digest.hash, 48, SHA384_ABC));

    memset(&rq, 0, sizeof rq);
    rq.hash_init.algorithm = CALIPTRA_SHA512;
    rq.hash_init.input_size = 3;
    memcpy(rq.hash_init.input, "abc", 3);
    OK(caliptra_cmd_hash_init(s, &rq.hash_init, &rs.context));
    memset(&rq, 0, sizeof rq);
    memcpy(rq.hash_update.context, rs.context.context, sizeof rq.hash_update.context);
    OK(caliptra_cmd_hash_finalize(s, &rq.hash_update, &rs.digest));
    CHECK(rs.digest.hash_size == 64 && equals_hex(rs.digest.hash, 64, SHA512_ABC));

    /* Streaming: 4096 + 904 bytes through init, update, finalize. */
    memset(&rq, 0, sizeof rq);
    rq.hash_init.algorithm = CALIPTRA_SHA384;
    rq.hash_init.input_size = 4096;
    memset(rq.hash_init.input, 'a', 4096);
    OK(caliptra_cmd_hash_init(s, &rq.hash_init, &rs.context));
    memset(&rq, 0, sizeof rq);
    memcpy(rq.hash_update.context, rs.context.context, sizeof rq.hash_update.context);
    rq.hash_update.input_size = 904;
    memset(rq.hash_update.input, 'a', 904);
    OK(caliptra_cmd_hash_update(s, &rq.hash_update, &rs.context));
    memset(&rq, 0, sizeof rq);
    memcpy(rq.hash_update.context, rs.context.context, sizeof rq.hash_update.context);
    OK(caliptra_cmd_hash_finalize(s, &rq.hash_update, &rs.digest));
    CHECK(rs.digest.hash_size == 48 && equals_hex(rs.digest.hash, 48, SHA384_A5000));
}

static void hmac_and_keys(CaliptraSession *s)
{
    CaliptraCmk key = import_key(s, CALIPTRA_KEY_USAGE_HMAC, 0x0B, 48);

    memset(&rq, 0, sizeof rq);
    rq.hmac.cmk = key;
    rq.hmac.hash_algorithm = CALIPTRA_SHA384;
    const char *message = "Test message for HMAC-SHA384 validation";
    rq.hmac.data_size = (uint32_t)strlen(message);
    memcpy(rq.hmac.data, message, strlen(message));
    OK(caliptra_cmd_hmac(s, &rq.hmac, &rs.mac));
    CHECK(rs.mac.mac_size == 48 && equals_hex(rs.mac.mac, 48, HMAC384));

    CaliptraHmacKdfCounterRequest *kdf = calloc(1, sizeof *kdf);
    kdf->kin = key;
    kdf->hash_algorithm = CALIPTRA_SHA384;
    kdf->key_usage = CALIPTRA_KEY_USAGE_AES;
    kdf->key_size = 32;
    kdf->label_size = 5;
    memcpy(kdf->label, "label", 5);
    CaliptraHmacKdfCounterResponse derived;
    OK(caliptra_cmd_hmac_kdf_counter(s, kdf, &derived));
    CHECK(!all_zero(derived.kout.bytes, sizeof derived.kout.bytes));
    free(kdf);
    delete_key(s, &derived.kout);
    delete_key(s, &key);
}

static void random_numbers(CaliptraSession *s)
{
    CaliptraRandomGenerateRequest request = {32};
    OK(caliptra_cmd_random_generate(s, &request, &rs.data));
    CHECK(rs.data.data_len == 32 && !all_zero(rs.data.data, 32));
    uint8_t first[32];
    memcpy(first, rs.data.data, 32);
    memset(&rq, 0, sizeof rq);
    rq.stir.input_size = 16;
    memset(rq.stir.input, 0x42, 16);
    CaliptraRandomStirResponse stirred;
    OK(caliptra_cmd_random_stir(s, &rq.stir, &stirred));
    OK(caliptra_cmd_random_generate(s, &request, &rs.data));
    CHECK(rs.data.data_len == 32 && memcmp(first, rs.data.data, 32) != 0);
}

static void aes(CaliptraSession *s)
{
    uint8_t plaintext[64];
    for (int i = 0; i < 64; i++) {
        plaintext[i] = (uint8_t)i;
    }
    /* Only AES keys take a usage-table entry, so only they count in CM_STATUS. */
    CaliptraCmStatusResponse before;
    OK(caliptra_cmd_cm_status(s, &before));
    CaliptraCmk key = import_key(s, CALIPTRA_KEY_USAGE_AES, 0xAA, 32);
    CaliptraCmStatusResponse during;
    OK(caliptra_cmd_cm_status(s, &during));
    CHECK(during.total_usage_storage > 0 && during.used_usage_storage == before.used_usage_storage + 1);

    /* CBC: encrypt, then decrypt with the IV the device chose. */
    memset(&rq, 0, sizeof rq);
    rq.aes_encrypt.cmk = key;
    rq.aes_encrypt.mode = CALIPTRA_AES_MODE_CBC;
    rq.aes_encrypt.plaintext_size = 64;
    memcpy(rq.aes_encrypt.plaintext, plaintext, 64);
    OK(caliptra_cmd_aes_encrypt_init(s, &rq.aes_encrypt, &rs.aes_encrypt));
    CHECK(rs.aes_encrypt.ciphertext_size == 64 && memcmp(rs.aes_encrypt.ciphertext, plaintext, 64) != 0);
    uint8_t iv[16];
    uint8_t ciphertext[64];
    memcpy(iv, rs.aes_encrypt.iv, 16);
    memcpy(ciphertext, rs.aes_encrypt.ciphertext, 64);
    memset(&rq, 0, sizeof rq);
    rq.aes_decrypt.cmk = key;
    rq.aes_decrypt.mode = CALIPTRA_AES_MODE_CBC;
    memcpy(rq.aes_decrypt.iv, iv, 16);
    rq.aes_decrypt.ciphertext_size = 64;
    memcpy(rq.aes_decrypt.ciphertext, ciphertext, 64);
    OK(caliptra_cmd_aes_decrypt_init(s, &rq.aes_decrypt, &rs.aes_decrypt));
    CHECK(rs.aes_decrypt.plaintext_size == 64 && memcmp(rs.aes_decrypt.plaintext, plaintext, 64) == 0);

    /* GCM: init with AAD, final with the plaintext; decrypt and verify the tag. */
    uint8_t aad[32];
    for (int i = 0; i < 32; i++) {
        aad[i] = (uint8_t)(128 + i);
    }
    memset(&rq, 0, sizeof rq);
    rq.gcm_init.cmk = key;
    rq.gcm_init.aad_size = 32;
    memcpy(rq.gcm_init.aad, aad, 32);
    OK(caliptra_cmd_aes_gcm_encrypt_init(s, &rq.gcm_init, &rs.gcm_init));
    uint8_t gcm_iv[12];
    memcpy(gcm_iv, rs.gcm_init.iv, 12);
    uint8_t context[128];
    memcpy(context, rs.gcm_init.context, 128);
    memset(&rq, 0, sizeof rq);
    memcpy(rq.gcm_update.context, context, 128);
    rq.gcm_update.plaintext_size = 64;
    memcpy(rq.gcm_update.plaintext, plaintext, 64);
    OK(caliptra_cmd_aes_gcm_encrypt_final(s, &rq.gcm_update, &rs.gcm_final));
    CHECK(rs.gcm_final.ciphertext_size == 64);
    uint8_t tag[16];
    memcpy(tag, rs.gcm_final.tag, 16);
    memcpy(ciphertext, rs.gcm_final.ciphertext, 64);

    memset(&rq, 0, sizeof rq);
    rq.gcm_decrypt_init.cmk = key;
    memcpy(rq.gcm_decrypt_init.iv, gcm_iv, 12);
    rq.gcm_decrypt_init.aad_size = 32;
    memcpy(rq.gcm_decrypt_init.aad, aad, 32);
    OK(caliptra_cmd_aes_gcm_decrypt_init(s, &rq.gcm_decrypt_init, &rs.gcm_decrypt_init));
    memcpy(context, rs.gcm_decrypt_init.context, 128);
    memset(&rq, 0, sizeof rq);
    memcpy(rq.gcm_decrypt_final.context, context, 128);
    rq.gcm_decrypt_final.tag_len = 16;
    memcpy(rq.gcm_decrypt_final.tag, tag, 16);
    rq.gcm_decrypt_final.ciphertext_size = 64;
    memcpy(rq.gcm_decrypt_final.ciphertext, ciphertext, 64);
    OK(caliptra_cmd_aes_gcm_decrypt_final(s, &rq.gcm_decrypt_final, &rs.gcm_decrypt_final));
    CHECK(rs.gcm_decrypt_final.tag_verified == 1 && rs.gcm_decrypt_final.plaintext_size == 64);
    CHECK(memcmp(rs.gcm_decrypt_final.plaintext, plaintext, 64) == 0);
    delete_key(s, &key);
    CaliptraCmStatusResponse after;
    OK(caliptra_cmd_cm_status(s, &after));
    CHECK(after.used_usage_storage == before.used_usage_storage);
}

static void asymmetric(CaliptraSession *s)
{
    CaliptraCmk key = import_key(s, CALIPTRA_KEY_USAGE_ECDSA, 0x00, 48);
    CaliptraEcdsaPublicKeyRequest pub_request = {key};
    CaliptraEcdsaPublicKeyResponse pub;
    OK(caliptra_cmd_ecdsa_public_key(s, &pub_request, &pub));
    CHECK(!all_zero(pub.pub_key_x, 48) && !all_zero(pub.pub_key_y, 48));

    const char *message = "Test message for ECDSA signing";
    memset(&rq, 0, sizeof rq);
    rq.ecdsa_sign.cmk = key;
    rq.ecdsa_sign.message_size = (uint32_t)strlen(message);
    memcpy(rq.ecdsa_sign.message, message, strlen(message));
    CaliptraEcdsaSignResponse signature;
    OK(caliptra_cmd_ecdsa_sign(s, &rq.ecdsa_sign, &signature));
    memset(&rq, 0, sizeof rq);
    rq.ecdsa_verify.cmk = key;
    memcpy(rq.ecdsa_verify.signature_r, signature.signature_r, 48);
    memcpy(rq.ecdsa_verify.signature_s, signature.signature_s, 48);
    rq.ecdsa_verify.message_size = (uint32_t)strlen(message);
    memcpy(rq.ecdsa_verify.message, message, strlen(message));
    CaliptraEcdsaVerifyResponse verified;
    OK(caliptra_cmd_ecdsa_verify(s, &rq.ecdsa_verify, &verified));
    rq.ecdsa_verify.message[0] ^= 0x20; /* "test message ...": the signature no longer matches */
    CHECK(caliptra_cmd_ecdsa_verify(s, &rq.ecdsa_verify, &verified) == Device);
    CHECK(caliptra_last_device_error() == RUNTIME_MAILBOX_SIGNATURE_MISMATCH);
    MESSAGE_HAS("RUNTIME_MAILBOX_SIGNATURE_MISMATCH");
    delete_key(s, &key);

    /* ECDH: each side finishes with the other's exchange data; both derive the same AES key. */
    CaliptraEcdhGenerateRequest generate = {0};
    CaliptraEcdhGenerateResponse a;
    CaliptraEcdhGenerateResponse b;
    OK(caliptra_cmd_ecdh_generate(s, &generate, &a));
    OK(caliptra_cmd_ecdh_generate(s, &generate, &b));
    CHECK(memcmp(a.exchange_data, b.exchange_data, 96) != 0);
    CaliptraEcdhFinishRequest finish;
    CaliptraEcdhFinishResponse ka;
    CaliptraEcdhFinishResponse kb;
    memcpy(finish.context, a.context, 76);
    finish.key_usage = CALIPTRA_KEY_USAGE_AES;
    memcpy(finish.incoming_exchange_data, b.exchange_data, 96);
    OK(caliptra_cmd_ecdh_finish(s, &finish, &ka));
    memcpy(finish.context, b.context, 76);
    memcpy(finish.incoming_exchange_data, a.exchange_data, 96);
    OK(caliptra_cmd_ecdh_finish(s, &finish, &kb));
    memset(&rq, 0, sizeof rq);
    rq.aes_encrypt.cmk = ka.cmk;
    rq.aes_encrypt.mode = CALIPTRA_AES_MODE_CTR;
    rq.aes_encrypt.plaintext_size = 16;
    memcpy(rq.aes_encrypt.plaintext, "shared secret ok", 16);
    OK(caliptra_cmd_aes_encrypt_init(s, &rq.aes_encrypt, &rs.aes_encrypt));
    uint8_t iv[16];
    uint8_t ciphertext[16];
    memcpy(iv, rs.aes_encrypt.iv, 16);
    memcpy(ciphertext, rs.aes_encrypt.ciphertext, 16);
    memset(&rq, 0, sizeof rq);
    rq.aes_decrypt.cmk = kb.cmk;
    rq.aes_decrypt.mode = CALIPTRA_AES_MODE_CTR;
    memcpy(rq.aes_decrypt.iv, iv, 16);
    rq.aes_decrypt.ciphertext_size = 16;
    memcpy(rq.aes_decrypt.ciphertext, ciphertext, 16);
    OK(caliptra_cmd_aes_decrypt_init(s, &rq.aes_decrypt, &rs.aes_decrypt));
    CHECK(rs.aes_decrypt.plaintext_size == 16 && memcmp(rs.aes_decrypt.plaintext, "shared secret ok", 16) == 0);
}

static void certificates_and_attestation(CaliptraSession *s)
{
    CaliptraExportAttestedCsrRequest csr = {CALIPTRA_DEVICE_KEY_LDEVID, CALIPTRA_ALGORITHM_ECC_P384, {0}};
    memset(csr.nonce, 0x42, sizeof csr.nonce);
    OK(caliptra_cmd_export_attested_csr(s, &csr, &rs.data));
    CHECK(rs.data.data_len >= 1 && rs.data.data_len <= 4096);
    /* The token carries the nonce as a 32-byte CBOR byte string (0x58 0x20 ...). */
    uint8_t needle[34] = {0x58, 0x20};
    memset(needle + 2, 0x42, 32);
    int found = 0;
    for (uint32_t i = 0; i + sizeof needle <= rs.data.data_len; i++) {
        found |= memcmp(rs.data.data + i, needle, sizeof needle) == 0;
    }
    CHECK(found);
    csr.device_key_id = 7;
    CHECK(caliptra_cmd_export_attested_csr(s, &csr, &rs.data) == InvalidArgument);
    MESSAGE_HAS("device_key_id");

    CaliptraGetAttestationRequest query = {CALIPTRA_EVIDENCE_QUERY, CALIPTRA_ALGORITHM_ECC_P384, CALIPTRA_PKI_VENDOR, {0}};
    OK(caliptra_cmd_get_attestation(s, &query, &rs.attestation));
    CHECK(rs.attestation.data_len == 4);
    uint32_t bitmap;
    memcpy(&bitmap, rs.attestation.data, 4);
    printf("evidence formats: 0x%X\n", bitmap);
    CHECK((bitmap & (1u << CALIPTRA_EVIDENCE_OCP_EAT)) != 0);
    CaliptraGetAttestationRequest eat = {CALIPTRA_EVIDENCE_OCP_EAT, CALIPTRA_ALGORITHM_ECC_P384, CALIPTRA_PKI_VENDOR, {0}};
    memset(eat.nonce, 0x17, 32);
    OK(caliptra_cmd_get_attestation(s, &eat, &rs.attestation));
    CHECK(rs.attestation.evidence_format == CALIPTRA_EVIDENCE_OCP_EAT && rs.attestation.data_len > 0);
}

static void debug_log(CaliptraSession *s)
{
    CaliptraDebugClearLogResponse cleared;
    OK(caliptra_cmd_debug_clear_log(s, &cleared));
    GetFirmwareVersionResponse version;
    OK(caliptra_cmd_get_firmware_version_c_impl(s, 1, &version));
    OK(caliptra_cmd_debug_get_log(s, &rs.log));
    CHECK(rs.log.data_len > 0 && rs.log.more_data == 0);
    rs.log.data[rs.log.data_len < sizeof rs.log.data ? rs.log.data_len : sizeof rs.log.data - 1] = 0;
    CHECK(strstr((const char *)rs.log.data, "MC_FIRMWARE_VERSION ok") != NULL);

    /* What no Caliptra target carries is refused before anything is sent, saying so. */
    CaliptraDebugEchoRequest echo;
    memset(&echo, 0, sizeof echo);
    CaliptraDebugEchoResponse echoed;
    CHECK(caliptra_cmd_debug_echo(s, &echo, &echoed) == NotSupported);
    MESSAGE_HAS("no Caliptra target carries DebugEcho");
}

static void debug_unlock(CaliptraSession *s)
{
    /* The default part has no debug-unlock request raised by the SoC: the MCU refuses the request. */
    CaliptraProdDebugUnlockReqRequest request = {2, 1, {0, 0, 0}};
    CaliptraProdDebugUnlockReqResponse challenge;
    CaliptraError rc = caliptra_cmd_prod_debug_unlock_req(s, &request, &challenge);
    printf("ProdDebugUnlockReq: %d, device error 0x%08X: %s\n", (int)rc, caliptra_last_device_error(),
           caliptra_last_error_message());
    CHECK(rc == Device && caliptra_last_device_error() != 0);
    request.length = 3;
    CHECK(caliptra_cmd_prod_debug_unlock_req(s, &request, &challenge) == InvalidArgument);
    MESSAGE_HAS("length");
}

static void fuses(CaliptraSession *s)
{
    CaliptraGetAuthCmdChallengeRequest request = {0, 0};
    CaliptraGetAuthCmdChallengeResponse first;
    CaliptraGetAuthCmdChallengeResponse second;
    OK(caliptra_cmd_get_auth_cmd_challenge(s, &request, &first));
    OK(caliptra_cmd_get_auth_cmd_challenge(s, &request, &second));
    CHECK(!all_zero(first.challenge, 48) && memcmp(first.challenge, second.challenge, 48) != 0);

    /* A runtime fuse read without its authorization trailer is refused by the MCU runtime. */
    memset(&rq, 0, sizeof rq);
    rq.fuse_read.partition = 0;
    CaliptraError rc = caliptra_cmd_fuse_read(s, &rq.fuse_read, &rs.fuse_read);
    printf("FuseRead (bare): %d, device error 0x%08X\n", (int)rc, caliptra_last_device_error());
    CHECK(rc == Device && caliptra_last_device_error() != 0);
}

static void ownership(CaliptraSession *s)
{
    CaliptraDotStatusResponse status;
    OK(caliptra_cmd_dot_status(s, &status));
    printf("DOT: enabled %u, locked %u, burned %u\n", status.enabled, status.locked, status.burned);
    CHECK(status.enabled <= 1 && status.locked <= 1);
    CaliptraDotUnlockChallengeResponse challenge;
    CaliptraError rc = caliptra_cmd_dot_unlock_challenge(s, &challenge);
    printf("DotUnlockChallenge: %d, device error 0x%08X\n", (int)rc, caliptra_last_device_error());
    CHECK(rc == Device); /* not locked: nothing to unlock */
}

/* A Caliptra 1.2 part (AST2700 class) over its core mailbox: the DICE certificates. */
static void core_1x(void)
{
    CaliptraSession *s = open_session("emulator?profile=caliptra-1.2");
    OK(caliptra_cmd_get_ldevid_cert(s, &rs.data));
    CHECK(rs.data.data_len > 4 && rs.data.data[0] == 0x30 && rs.data.data[1] == 0x82);
    OK(caliptra_cmd_get_rt_alias_cert(s, &rs.data));
    CHECK(rs.data.data_len > 4 && rs.data.data[0] == 0x30);

    /* GET_IDEV_CERT assembles whatever TBS and signature it is given, as the 1.2 runtime does. */
    CaliptraGetIdevidCertRequest *idev = calloc(1, sizeof *idev);
    OK(caliptra_cmd_get_idevid_cert(s, idev, &rs.data));
    printf("GetIdevidCert (all zero): %u bytes\n", rs.data.data_len);
    /* SEQUENCE { (no TBS), ecdsa-with-SHA384, BIT STRING { SEQUENCE { INTEGER 0, INTEGER 0 } } } */
    static const uint8_t EMPTY_CERT[25] = {0x30, 0x17, 0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03,
                                           0x03, 0x03, 0x09, 0x00, 0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00};
    CHECK(rs.data.data_len == sizeof EMPTY_CERT && memcmp(rs.data.data, EMPTY_CERT, sizeof EMPTY_CERT) == 0);
    free(idev);

    /* The IDevID CSR is the ROM's to make on a manufacturing boot; a runtime that booted without one refuses. */
    CaliptraExportIdevidCsrRequest csr = {CALIPTRA_ALGORITHM_ECC_P384};
    CHECK(caliptra_cmd_export_idevid_csr(s, &csr, &rs.data) == Device);
    CHECK(caliptra_last_device_error() == 0x000E0051u); /* RUNTIME_GET_IDEV_ID_UNPROVISIONED */

    /* A 1.x runtime has no cryptographic mailbox: refused before anything is sent. */
    memset(&rq, 0, sizeof rq);
    rq.hash_init.algorithm = CALIPTRA_SHA384;
    CHECK(caliptra_cmd_hash_init(s, &rq.hash_init, &rs.context) == NotSupported);
    MESSAGE_HAS("HashInit");
    OK(caliptra_session_destroy(s));
}

/* The same device family through its MCU's MCTP-VDM responder: what MCTP-VDM carries. */
static void mctp(void)
{
    CaliptraTransport *transport = NULL;
    CaliptraSession *session = NULL;
    OK(caliptra_transport_create_from_uri("emulator?transport=mctp", NULL, &transport));
    CHECK(caliptra_session_create_with_protocol(transport, Mailbox, &session) == InvalidArgument);
    MESSAGE_HAS("it speaks MctpVdm");
    OK(caliptra_session_create_with_protocol(transport, MctpVdm, &session));
    OK(caliptra_session_connect(session));
    GetFirmwareVersionResponse version;
    OK(caliptra_cmd_get_firmware_version_c_impl(session, 1, &version));
    CHECK(version.version[0] == 2 && version.common.fips_status == 0);
    GetDeviceCapabilitiesResponse caps;
    OK(caliptra_cmd_get_device_capabilities(session, &caps));
    CHECK((caps.caps[7] & 1) == 1);
    CaliptraDebugClearLogResponse cleared;
    OK(caliptra_cmd_debug_clear_log(session, &cleared));
    CaliptraHashInitResponse context;
    memset(&rq, 0, sizeof rq);
    rq.hash_init.algorithm = CALIPTRA_SHA384;
    CHECK(caliptra_cmd_hash_init(session, &rq.hash_init, &context) == NotSupported);
    MESSAGE_HAS("is not carried by");
    OK(caliptra_session_destroy(session));
}

int main(void)
{
    CaliptraSession *s = open_session(NULL); /* $CALIPTRA_TARGET, else the embedded caliptra-2.1 */
    device_info(s);
    hashing(s);
    hmac_and_keys(s);
    random_numbers(s);
    aes(s);
    asymmetric(s);
    certificates_and_attestation(s);
    debug_log(s);
    debug_unlock(s);
    fuses(s);
    ownership(s);

    /* The generic entry: the same command by id, and lengths that do not fit it. */
    CaliptraGetFirmwareVersionRequest index = {0};
    GetFirmwareVersionResponse version;
    size_t length = 0;
    OK(caliptra_cmd_execute(s, CALIPTRA_CMD_GET_FIRMWARE_VERSION, &index, sizeof index, &version, sizeof version, &length));
    CHECK(length == sizeof version);
    CHECK(caliptra_cmd_execute(s, CALIPTRA_CMD_GET_FIRMWARE_VERSION, &index, 3, &version, sizeof version, &length)
          == InvalidArgument);
    MESSAGE_HAS("the request struct is 4 bytes, got 3");
    CHECK(caliptra_cmd_execute(s, CALIPTRA_CMD_GET_FIRMWARE_VERSION, &index, 4, &version, 39, &length) == InvalidArgument);
    MESSAGE_HAS("the response struct is 40 bytes, only 39 available");
    CHECK(caliptra_cmd_execute(s, 0x7FFF, NULL, 0, &version, sizeof version, &length) == NotSupported);

    CaliptraSessionStatistics statistics;
    OK(caliptra_session_get_statistics(s, &statistics));
    printf("commands succeeded %llu, failed %llu\n", (unsigned long long)statistics.commands_succeeded,
           (unsigned long long)statistics.commands_failed);
    CHECK(statistics.commands_succeeded > 30 && statistics.retries == 0);
    OK(caliptra_session_destroy(s));

    core_1x();
    mctp();
    return summary("test_uhost_commands");
}
