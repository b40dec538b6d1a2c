/*
 * caliptra_util_host.h - C ABI of the caliptra-util host library (libcaliptra_util_host).
 *
 * Part 1 is the reference host library's C API, source- and layout-compatible with it: the same
 * unprefixed enumerators, structs and functions, so a program written against the reference header
 * compiles unchanged against this one. Part 2 extends it (every name there starts with
 * caliptra_/Caliptra/CALIPTRA_): target URIs, session configuration and statistics, error detail,
 * and one caliptra_cmd_* function per command of the library's command catalogue.
 *
 * The library runs the Java host library in an embedded JVM, started on first use:
 *   - JVM:        $CALIPTRA_UTIL_JVM (path to libjvm.so), else $JAVA_HOME/lib/server/libjvm.so,
 *                 else the JDK of the first `java` on PATH. Java 17 or newer.
 *   - class path: $CALIPTRA_UTIL_CLASSPATH, else $CALIPTRA_UTIL_HOME/lib/caliptra-util-cbinding.jar,
 *                 else caliptra-util-cbinding.jar in the directory of this library.
 *   - extra JVM options: $CALIPTRA_UTIL_JVM_OPTIONS (space separated).
 * When the JVM or the class path cannot be found every call returns IO and
 * caliptra_last_error_message() says what was looked for.
 *
 * Handles are opaque; a released or unknown handle gives InvalidArgument, never a crash. Every
 * function may be called from any thread; the calls on one session run one at a time. Nothing a
 * caller passes in (contexts, vtables, drivers, buffers) is ever freed by the library.
 *
 * Self-contained: C99 or C++, includable first. docs/c-abi.md has the full description.
 */
#ifndef CALIPTRA_UTIL_HOST_H
#define CALIPTRA_UTIL_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================== */
/* Part 1: the reference C API                                                                    */
/* ============================================================================================== */

typedef enum CaliptraError {
    Success = 0,
    Unknown = 1,
    InvalidArgument = 2,
    Timeout = 3,
    NotSupported = 4,
    Transport = 5,
    Protocol = 6,
    Device = 7,
    Memory = 8,
    Busy = 9,
    State = 10,
    IO = 11
} CaliptraError;

typedef enum CaliptraProtocolType {
    Mailbox = 0,
    MctpVdm = 1,
    Custom = 2
} CaliptraProtocolType;

typedef struct CaliptraSession CaliptraSession;
typedef struct CaliptraTransport CaliptraTransport;

/* Heads every command response. */
typedef struct CommonResponse {
    uint32_t fips_status;
} CommonResponse;

/* GetDeviceCapabilities (0x0002): caps holds big-endian words (spec: Caliptra RT u64, FMC, ROM,
 * MCU ROM, MCU RT, external commands, authorized subcommands, reserved). 40 bytes. */
typedef struct GetDeviceCapabilitiesResponse {
    CommonResponse common;
    uint8_t caps[36];
} GetDeviceCapabilitiesResponse;

/* GetFirmwareVersion (0x0001): major, minor, patch, build, and a NUL-padded commit id. 40 bytes. */
typedef struct GetFirmwareVersionResponse {
    CommonResponse common;
    uint32_t version[4];
    uint8_t commit_id[20];
} GetFirmwareVersionResponse;

/*
 * A transport written in C (protocol Custom). The library calls send with the internal command id
 * and the command's internal request struct (the Caliptra*Request of part 2, no checksum), then
 * receive once, with an 8192-byte buffer, for the internal response struct (fips_status first),
 * whose exact size it checks. ctx is the caller's and is passed back unchanged.
 */
typedef CaliptraError (*CTransportSendFn)(void *ctx, uint32_t command_id, const uint8_t *data, uintptr_t len);
typedef CaliptraError (*CTransportReceiveFn)(void *ctx, uint8_t *buffer, uintptr_t buffer_len, uintptr_t *received_len);
typedef CaliptraError (*CTransportConnectFn)(void *ctx);
typedef CaliptraError (*CTransportDisconnectFn)(void *ctx);
typedef bool (*CTransportIsConnectedFn)(void *ctx);
typedef void (*CTransportDestroyFn)(void *ctx);

/* 48 bytes on LP64. destroy may be NULL. */
typedef struct CTransportVTable {
    CTransportSendFn send;
    CTransportReceiveFn receive;
    CTransportConnectFn connect;
    CTransportDisconnectFn disconnect;
    CTransportIsConnectedFn is_connected;
    CTransportDestroyFn destroy;
} CTransportVTable;

struct CMailboxDriver;

/*
 * A mailbox driver written in C (protocol Mailbox): moves one mailbox transaction. payload is the
 * mailbox SRAM request (checksum first) for the external command code (an MCU mailbox's MC_*
 * FourCC); *response must point to the raw SRAM response (checksum first), valid until the call
 * returns. The library computes request checksums and verifies response checksums. 32 bytes.
 */
typedef struct CMailboxDriverVTable {
    CaliptraError (*send_command)(struct CMailboxDriver *driver, uint32_t external_cmd, const uint8_t *payload,
                                  uintptr_t payload_len, const uint8_t **response, uintptr_t *response_len);
    bool (*is_ready)(struct CMailboxDriver *driver);
    CaliptraError (*connect)(struct CMailboxDriver *driver);
    CaliptraError (*disconnect)(struct CMailboxDriver *driver);
} CMailboxDriverVTable;

/* The caller's driver; the library reads vtable at each call and nothing else. 56 bytes on LP64. */
typedef struct CMailboxDriver {
    CMailboxDriverVTable *vtable;
    uint16_t device_id;
    uint16_t vendor_id;
    uint16_t subsystem_vendor_id;
    uint16_t subsystem_id;
    bool ready;
    bool connected;
    uint8_t response_buffer[32];
} CMailboxDriver;

/* A transport over a C vtable. The vtable is copied; ctx must outlive the transport. When the
 * transport is released (with its session, or by caliptra_transport_destroy) the library
 * disconnects it if connected and calls vtable->destroy(ctx) if non-NULL, once. */
CaliptraError caliptra_transport_create_from_c_vtable(const CTransportVTable *vtable, void *context,
                                                      CaliptraTransport **transport);

/* A mailbox transport (MCU mailbox command codes) over a C driver, which must outlive it. */
CaliptraError caliptra_transport_create_from_c_mailbox_driver(CMailboxDriver *c_driver, CaliptraTransport **transport);

/* Releases a transport that no session took. InvalidArgument for one a session owns. */
CaliptraError caliptra_transport_destroy(CaliptraTransport *transport);

/*
 * A session over a transport, which the session then owns (do not destroy it; on failure it stays
 * the caller's). The protocol must match the transport: Custom for a C vtable, Mailbox for a C
 * mailbox driver or a mailbox target, MctpVdm for an MCTP-VDM target (on any other transport
 * MctpVdm gives NotSupported, another mismatch InvalidArgument).
 */
CaliptraError caliptra_session_create_with_protocol(CaliptraTransport *transport, CaliptraProtocolType protocol,
                                                    CaliptraSession **session);

/* State if already connected; Transport (or the transport's own error) if it cannot connect. */
CaliptraError caliptra_session_connect(CaliptraSession *session);

/* Success for a valid session, connected or not. */
CaliptraError caliptra_session_disconnect(CaliptraSession *session);

/* Disconnects and releases the session and the transport it owns. */
CaliptraError caliptra_session_destroy(CaliptraSession *session);

/* GetDeviceCapabilities and GetFirmwareVersion (index 0 Caliptra core / ROM, 1 runtime / MCU), as
 * the reference reports them: InvalidArgument for a NULL pointer, Device for any other failure
 * (caliptra_last_error_message() has the real reason). */
CaliptraError caliptra_cmd_get_device_capabilities_c_impl(CaliptraSession *session_ptr,
                                                          GetDeviceCapabilitiesResponse *capabilities);
CaliptraError caliptra_cmd_get_firmware_version_c_impl(CaliptraSession *session_ptr, uint32_t index,
                                                       GetFirmwareVersionResponse *firmware_version);

/* ============================================================================================== */
/* Part 2: extensions                                                                             */
/* ============================================================================================== */

/* ---- targets --------------------------------------------------------------------------------- */

/* What an embedded emulator target is opened with, and where plugins are found. NULL members (or
 * a NULL options pointer) mean none. */
typedef struct CaliptraTargetOptions {
    const char *device_file; /* a device TOML file: profile, lifecycle, fuses, identity */
    const char *firmware;    /* a firmware bundle to boot instead of the development bundle */
    const char *flash;       /* a flash image to boot instead */
    const char *plugin_path; /* ':'-separated directories and jars, before $CALIPTRA_PLUGIN_PATH */
} CaliptraTargetOptions;

/*
 * Opens a target URI: "emulator[?profile=caliptra-1.2|caliptra-2.0|caliptra-2.1&transport=mailbox|mctp
 * &mailbox=mcu|core&driver=in-process|registers]" (an embedded emulated device, booted at the first
 * command that needs its core), "udp://HOST:PORT[?mailbox=core]", "mctp-i3c://HOST:PORT[?addr=8]",
 * and any scheme a transport plugin provides (apb…, mbox… when available). NULL uri means
 * $CALIPTRA_TARGET, else "emulator". A URI that names nothing gives InvalidArgument.
 */
CaliptraError caliptra_transport_create_from_uri(const char *uri, const CaliptraTargetOptions *options,
                                                 CaliptraTransport **transport);

/* caliptra_transport_create_from_uri(target_uri, NULL, transport). */
CaliptraError caliptra_transport_create_from_target(const char *target_uri, CaliptraTransport **transport);

/* caliptra_transport_create_from_uri("emulator", NULL, transport): an embedded caliptra-2.1. */
CaliptraError caliptra_transport_create_emulator(CaliptraTransport **transport);

/* ---- sessions: configuration, state, statistics ---------------------------------------------- */

/* How a session treats slow, failing and idle devices. 40 bytes. */
typedef struct CaliptraSessionConfig {
    uint32_t connect_timeout_ms;     /* > 0; also bounds a disconnect */
    uint32_t command_timeout_ms;     /* > 0; per attempt (not applied to C transports: see docs) */
    uint32_t max_retries;            /* further attempts after a transient failure */
    uint32_t retry_initial_delay_ms; /* wait before the first retry */
    uint32_t retry_max_delay_ms;     /* >= retry_initial_delay_ms */
    uint32_t keepalive_interval_ms;  /* 0: off; else GetDeviceCapabilities after this long idle */
    double retry_multiplier;         /* >= 1: each further retry waits this much longer */
    bool auto_reconnect;             /* reconnect a broken transport before the next attempt */
} CaliptraSessionConfig;

/* Fills *config with the defaults: connect 5000, command 10000, 3 retries, 50 ms doubling up to
 * 1000 ms, auto-reconnect, no keepalive. */
CaliptraError caliptra_session_config_default(CaliptraSessionConfig *config);

/* caliptra_session_create_with_protocol with a configuration (NULL: the defaults); a value out of
 * range gives InvalidArgument naming it. */
CaliptraError caliptra_session_create_with_config(CaliptraTransport *transport, CaliptraProtocolType protocol,
                                                  const CaliptraSessionConfig *config, CaliptraSession **session);

CaliptraError caliptra_session_get_config(CaliptraSession *session, CaliptraSessionConfig *config);

typedef enum CaliptraSessionState {
    CALIPTRA_SESSION_DISCONNECTED = 0,
    CALIPTRA_SESSION_CONNECTING = 1,
    CALIPTRA_SESSION_CONNECTED = 2,
    /* The reference's Authenticated (3) is never reached: no transport has a handshake. */
    CALIPTRA_SESSION_ERROR = 4
} CaliptraSessionState;

CaliptraError caliptra_session_get_state(CaliptraSession *session, CaliptraSessionState *state);

/* What a session has counted since it was created. 80 bytes. */
typedef struct CaliptraSessionStatistics {
    uint64_t commands_sent;      /* attempts handed to the transport, retries included */
    uint64_t commands_succeeded;
    uint64_t commands_failed;
    uint64_t retries;
    uint64_t timeouts;
    uint64_t reconnects;         /* automatic reconnections that succeeded */
    uint64_t keepalives;
    uint64_t keepalive_failures;
    uint64_t bytes_sent;         /* internal request bytes */
    uint64_t bytes_received;     /* internal response bytes */
} CaliptraSessionStatistics;

CaliptraError caliptra_session_get_statistics(CaliptraSession *session, CaliptraSessionStatistics *statistics);

/* ---- error detail ---------------------------------------------------------------------------- */

/* Why the last call on this thread failed ("" after a success): names the command, the field or
 * the device error. Valid until the next call on this thread. */
const char *caliptra_last_error_message(void);

/* The same text (the name of earlier releases). */
const char *caliptra_last_error(void);

/* The device's error code (a Caliptra mailbox error, or an MCTP-VDM completion code) when this
 * thread's last call failed with Device because the device refused the command; else 0. */
uint32_t caliptra_last_device_error(void);

/* ---- commands -------------------------------------------------------------------------------- */

/*
 * Every command of the catalogue, with its internal request and response struct: fixed layouts,
 * little-endian, no padding, fields in wire order. A *_size / *_len field says how many bytes of the
 * buffer after it are used; the rest must be zero in requests and is zero in responses.
 */
typedef enum CaliptraCommandId {
    CALIPTRA_CMD_GET_FIRMWARE_VERSION = 0x0001,
    CALIPTRA_CMD_GET_DEVICE_CAPABILITIES = 0x0002,
    CALIPTRA_CMD_GET_DEVICE_ID = 0x0003,
    CALIPTRA_CMD_GET_DEVICE_INFO = 0x0004,
    CALIPTRA_CMD_GET_IDEVID_CERT = 0x1001,
    CALIPTRA_CMD_GET_LDEVID_CERT = 0x1002,
    CALIPTRA_CMD_GET_FMC_ALIAS_CERT = 0x1003,
    CALIPTRA_CMD_GET_RT_ALIAS_CERT = 0x1004,
    CALIPTRA_CMD_EXPORT_ATTESTED_CSR = 0x1005,
    CALIPTRA_CMD_EXPORT_IDEVID_CSR = 0x1006,
    CALIPTRA_CMD_GET_ATTESTATION = 0x1007,
    CALIPTRA_CMD_GET_CERT_CHAIN = 0x1010,
    CALIPTRA_CMD_STORE_CERTIFICATE = 0x1011,
    CALIPTRA_CMD_GET_CERTIFICATE = 0x1012,
    CALIPTRA_CMD_SET_CERTIFICATE = 0x1013,
    CALIPTRA_CMD_HASH_INIT = 0x2001,
    CALIPTRA_CMD_HASH_UPDATE = 0x2002,
    CALIPTRA_CMD_HASH_FINALIZE = 0x2003,
    CALIPTRA_CMD_HMAC = 0x2013,
    CALIPTRA_CMD_HMAC_KDF_COUNTER = 0x2014,
    CALIPTRA_CMD_IMPORT = 0x2015,
    CALIPTRA_CMD_DELETE = 0x2016,
    CALIPTRA_CMD_RANDOM_GENERATE = 0x2030, /* 0x2030-0x203F: this library's, not the reference's */
    CALIPTRA_CMD_RANDOM_STIR = 0x2031,
    CALIPTRA_CMD_CM_STATUS = 0x2032,
    CALIPTRA_CMD_AES_ENCRYPT_INIT = 0x3001,
    CALIPTRA_CMD_AES_ENCRYPT_UPDATE = 0x3002,
    CALIPTRA_CMD_AES_DECRYPT_INIT = 0x3003,
    CALIPTRA_CMD_AES_DECRYPT_UPDATE = 0x3004,
    CALIPTRA_CMD_AES_GCM_ENCRYPT_INIT = 0x3010,
    CALIPTRA_CMD_AES_GCM_ENCRYPT_UPDATE = 0x3011,
    CALIPTRA_CMD_AES_GCM_ENCRYPT_FINAL = 0x3012,
    CALIPTRA_CMD_AES_GCM_DECRYPT_INIT = 0x3013,
    CALIPTRA_CMD_AES_GCM_DECRYPT_UPDATE = 0x3014,
    CALIPTRA_CMD_AES_GCM_DECRYPT_FINAL = 0x3015,
    CALIPTRA_CMD_ECDSA_SIGN = 0x4001,
    CALIPTRA_CMD_ECDSA_VERIFY = 0x4002,
    CALIPTRA_CMD_ECDH_GENERATE = 0x4003,
    CALIPTRA_CMD_ECDSA_PUBLIC_KEY = 0x4004,
    CALIPTRA_CMD_ECDH_FINISH = 0x4005,
    CALIPTRA_CMD_LMS_KEYGEN = 0x4010,
    CALIPTRA_CMD_LMS_SIGN = 0x4011,
    CALIPTRA_CMD_LMS_VERIFY = 0x4012,
    CALIPTRA_CMD_MLDSA_KEYGEN = 0x4020,
    CALIPTRA_CMD_MLDSA_SIGN = 0x4021,
    CALIPTRA_CMD_MLDSA_VERIFY = 0x4022,
    CALIPTRA_CMD_DEBUG_ECHO = 0x7001,
    CALIPTRA_CMD_DEBUG_GET_STATUS = 0x7002,
    CALIPTRA_CMD_DEBUG_READ_MEMORY = 0x7003,
    CALIPTRA_CMD_DEBUG_WRITE_MEMORY = 0x7004,
    CALIPTRA_CMD_DEBUG_GET_LOG = 0x7005,
    CALIPTRA_CMD_DEBUG_SET_CONFIG = 0x7006,
    CALIPTRA_CMD_DEBUG_RESET = 0x7007,
    CALIPTRA_CMD_DEBUG_CLEAR_LOG = 0x7008,
    CALIPTRA_CMD_PROD_DEBUG_UNLOCK_REQ = 0x7010,
    CALIPTRA_CMD_PROD_DEBUG_UNLOCK_TOKEN = 0x7011,
    CALIPTRA_CMD_FUSE_READ = 0x8001,
    CALIPTRA_CMD_FUSE_WRITE = 0x8002,
    CALIPTRA_CMD_FUSE_LOCK = 0x8003,
    CALIPTRA_CMD_FUSE_GET_INFO = 0x8004,
    CALIPTRA_CMD_FUSE_PROVISION = 0x8005,
    CALIPTRA_CMD_FUSE_GET_MANIFEST = 0x8006,
    CALIPTRA_CMD_GET_AUTH_CMD_CHALLENGE = 0x8010,
    CALIPTRA_CMD_FE_PROG = 0x8011,
    CALIPTRA_CMD_PROVISION_VENDOR_PK_HASH = 0x8012,
    CALIPTRA_CMD_FUSE_INCREASE_CALIPTRA_MIN_SVN = 0x8013,
    CALIPTRA_CMD_FUSE_REVOKE_VENDOR_PUB_KEY = 0x8014,
    CALIPTRA_CMD_FUSE_REVOKE_VENDOR_PK_HASH = 0x8015,
    CALIPTRA_CMD_FUSE_LOCK_PARTITION = 0x8016,
    CALIPTRA_CMD_PROVISION_OWNER_PK_HASH = 0x8017,
    CALIPTRA_CMD_DOT_LOCK = 0x8020,
    CALIPTRA_CMD_DOT_DISABLE = 0x8021,
    CALIPTRA_CMD_DOT_UNLOCK_CHALLENGE = 0x8022,
    CALIPTRA_CMD_DOT_UNLOCK = 0x8023,
    CALIPTRA_CMD_DOT_ROTATE = 0x8024,
    CALIPTRA_CMD_GET_DOT_BACKUP_BLOB = 0x8025,
    CALIPTRA_CMD_DOT_STATUS = 0x8026,
    CALIPTRA_CMD_DOT_RECOVERY = 0x8027,
    CALIPTRA_CMD_DOT_OVERRIDE_CHALLENGE = 0x8028,
    CALIPTRA_CMD_DOT_OVERRIDE = 0x8029
} CaliptraCommandId;

/* Values of enumerated fields. */
enum {
    CALIPTRA_SHA384 = 1, CALIPTRA_SHA512 = 2,                                      /* (hash_)algorithm */
    CALIPTRA_KEY_USAGE_HMAC = 1, CALIPTRA_KEY_USAGE_AES = 2,                       /* key_usage */
    CALIPTRA_KEY_USAGE_ECDSA = 3, CALIPTRA_KEY_USAGE_MLDSA = 4,
    CALIPTRA_AES_MODE_CBC = 1, CALIPTRA_AES_MODE_CTR = 2,                          /* mode */
    CALIPTRA_ALGORITHM_ECC_P384 = 1, CALIPTRA_ALGORITHM_MLDSA87 = 2,               /* algorithm (CSR, attestation) */
    CALIPTRA_DEVICE_KEY_LDEVID = 1, CALIPTRA_DEVICE_KEY_FMC_ALIAS = 2, CALIPTRA_DEVICE_KEY_RT_ALIAS = 3,
    CALIPTRA_EVIDENCE_QUERY = 0, CALIPTRA_EVIDENCE_OCP_EAT = 1, CALIPTRA_EVIDENCE_PCR_QUOTE = 2,
    CALIPTRA_PKI_VENDOR = 0, CALIPTRA_PKI_OWNER = 1,
    CALIPTRA_FIRMWARE_CALIPTRA_CORE = 0, CALIPTRA_FIRMWARE_MCU_RUNTIME = 1, CALIPTRA_FIRMWARE_SOC = 2
};

/* Shared pieces. */
typedef struct CaliptraCmk {
    uint8_t bytes[128]; /* an opaque cryptographic-mailbox key */
} CaliptraCmk;

typedef struct CaliptraHybridSignature {
    uint8_t ecc_sig_r[48];
    uint8_t ecc_sig_s[48];
    uint8_t mldsa_sig[4628]; /* 4627 bytes and a zero pad */
} CaliptraHybridSignature;  /* 4724 */

/* The authorization trailer of authorization-gated commands: the challenge, the keys that verify,
 * and a hybrid signature over the command's pre-image. 7460 bytes. */
typedef struct CaliptraAuthTrailer {
    uint8_t nonce[48];
    uint8_t ecc_pub_x[48];
    uint8_t ecc_pub_y[48];
    uint8_t mldsa_pub[2592];
    CaliptraHybridSignature signature;
} CaliptraAuthTrailer;

/* fips_status, data_len, data[4096]: certificates, CSRs, random bytes, memory, the fuse manifest. */
typedef struct CaliptraDataResponse {
    uint32_t fips_status;
    uint32_t data_len;
    uint8_t data[4096];
} CaliptraDataResponse;

typedef struct CaliptraCmkResponse {
    uint32_t fips_status;
    CaliptraCmk cmk;
} CaliptraCmkResponse;

typedef struct CaliptraTransitionResponse {
    uint32_t fips_status;
    uint32_t reset_required;
} CaliptraTransitionResponse;

typedef struct CaliptraChallengeResponse {
    uint32_t fips_status;
    uint8_t challenge[48];
} CaliptraChallengeResponse;

typedef struct CaliptraIndexRequest {
    uint32_t index;
} CaliptraIndexRequest;

typedef struct CaliptraCmkRequest {
    CaliptraCmk cmk;
} CaliptraCmkRequest;

typedef struct CaliptraPartitionRequest {
    uint32_t partition;
} CaliptraPartitionRequest;

/* -- device information -- */
typedef CaliptraIndexRequest CaliptraGetFirmwareVersionRequest;     /* 0 core, 1 MCU runtime, 2 SoC */
typedef GetFirmwareVersionResponse CaliptraGetFirmwareVersionResponse;
typedef GetDeviceCapabilitiesResponse CaliptraGetDeviceCapabilitiesResponse;
typedef struct CaliptraGetDeviceIdResponse {
    uint32_t fips_status;
    uint16_t vendor_id;
    uint16_t device_id;
    uint16_t subsystem_vendor_id;
    uint16_t subsystem_id;
} CaliptraGetDeviceIdResponse;
typedef CaliptraIndexRequest CaliptraGetDeviceInfoRequest;           /* 0: unique chip id */
typedef struct CaliptraGetDeviceInfoResponse {
    uint32_t fips_status;
    uint32_t data_len;
    uint8_t data[32];
} CaliptraGetDeviceInfoResponse;

/* -- certificates -- */
typedef struct CaliptraGetIdevidCertRequest {
    uint32_t tbs_size;
    uint8_t signature_r[48];
    uint8_t signature_s[48];
    uint8_t tbs[916];
} CaliptraGetIdevidCertRequest;
typedef CaliptraDataResponse CaliptraGetIdevidCertResponse;
typedef CaliptraDataResponse CaliptraGetLdevidCertResponse;
typedef CaliptraDataResponse CaliptraGetFmcAliasCertResponse;
typedef CaliptraDataResponse CaliptraGetRtAliasCertResponse;
typedef struct CaliptraExportAttestedCsrRequest {
    uint32_t device_key_id; /* CALIPTRA_DEVICE_KEY_* */
    uint32_t algorithm;
    uint8_t nonce[32];
} CaliptraExportAttestedCsrRequest;
typedef CaliptraDataResponse CaliptraExportAttestedCsrResponse;
typedef struct CaliptraExportIdevidCsrRequest {
    uint32_t algorithm;
} CaliptraExportIdevidCsrRequest;
typedef CaliptraDataResponse CaliptraExportIdevidCsrResponse;
typedef struct CaliptraGetCertChainRequest {
    uint32_t slot;
} CaliptraGetCertChainRequest;
typedef CaliptraDataResponse CaliptraGetCertChainResponse;
typedef struct CaliptraStoredCertificate {
    uint32_t index;
    uint32_t data_size;
    uint8_t cert_data[1024];
} CaliptraStoredCertificate;
typedef CaliptraStoredCertificate CaliptraStoreCertificateRequest;
typedef CommonResponse CaliptraStoreCertificateResponse;
typedef CaliptraIndexRequest CaliptraGetCertificateRequest;
typedef struct CaliptraGetCertificateResponse {
    uint32_t fips_status;
    uint32_t data_size;
    uint8_t cert_data[1024];
} CaliptraGetCertificateResponse;
typedef CaliptraStoredCertificate CaliptraSetCertificateRequest;
typedef CommonResponse CaliptraSetCertificateResponse;

/* -- attestation -- */
typedef struct CaliptraGetAttestationRequest {
    uint32_t evidence_format; /* CALIPTRA_EVIDENCE_*; QUERY asks for the bitmap of formats */
    uint32_t algorithm;
    uint32_t pki_entity_slot;
    uint8_t nonce[32];
} CaliptraGetAttestationRequest;
typedef struct CaliptraGetAttestationResponse {
    uint32_t fips_status;
    uint32_t evidence_format;
    uint32_t data_len;
    uint8_t data[7168];
} CaliptraGetAttestationResponse;

/* -- hashing (streaming: init, update..., finalize) -- */
typedef struct CaliptraHashInitRequest {
    uint32_t algorithm; /* CALIPTRA_SHA384 / CALIPTRA_SHA512 */
    uint32_t input_size;
    uint8_t input[4096];
} CaliptraHashInitRequest;
typedef struct CaliptraHashContextResponse {
    uint32_t fips_status;
    uint8_t context[200];
} CaliptraHashContextResponse;
typedef CaliptraHashContextResponse CaliptraHashInitResponse;
typedef struct CaliptraHashUpdateRequest {
    uint8_t context[200];
    uint32_t input_size;
    uint8_t input[4096];
} CaliptraHashUpdateRequest;
typedef CaliptraHashContextResponse CaliptraHashUpdateResponse;
typedef CaliptraHashUpdateRequest CaliptraHashFinalizeRequest;
typedef struct CaliptraHashFinalizeResponse {
    uint32_t fips_status;
    uint32_t hash_size;
    uint8_t hash[64];
} CaliptraHashFinalizeResponse;

/* -- HMAC -- */
typedef struct CaliptraHmacRequest {
    CaliptraCmk cmk;
    uint32_t hash_algorithm;
    uint32_t data_size;
    uint8_t data[4096];
} CaliptraHmacRequest;
typedef struct CaliptraHmacResponse {
    uint32_t fips_status;
    uint32_t mac_size;
    uint8_t mac[64];
} CaliptraHmacResponse;
typedef struct CaliptraHmacKdfCounterRequest {
    CaliptraCmk kin;
    uint32_t hash_algorithm;
    uint32_t key_usage;
    uint32_t key_size;
    uint32_t label_size;
    uint8_t label[4096];
} CaliptraHmacKdfCounterRequest;
typedef struct CaliptraHmacKdfCounterResponse {
    uint32_t fips_status;
    CaliptraCmk kout;
} CaliptraHmacKdfCounterResponse;

/* -- keys -- */
typedef struct CaliptraImportRequest {
    uint32_t key_usage;
    uint32_t input_size;
    uint8_t input[64];
} CaliptraImportRequest;
typedef CaliptraCmkResponse CaliptraImportResponse;
typedef CaliptraCmkRequest CaliptraDeleteRequest;
typedef CommonResponse CaliptraDeleteResponse;
typedef struct CaliptraCmStatusResponse {
    uint32_t fips_status;
    uint32_t used_usage_storage;
    uint32_t total_usage_storage;
} CaliptraCmStatusResponse;

/* -- random numbers -- */
typedef struct CaliptraRandomGenerateRequest {
    uint32_t size;
} CaliptraRandomGenerateRequest;
typedef CaliptraDataResponse CaliptraRandomGenerateResponse;
typedef struct CaliptraRandomStirRequest {
    uint32_t input_size;
    uint8_t input[4096];
} CaliptraRandomStirRequest;
typedef CommonResponse CaliptraRandomStirResponse;

/* -- AES (CBC/CTR; GCM) -- */
typedef struct CaliptraAesEncryptInitRequest {
    CaliptraCmk cmk;
    uint32_t mode; /* CALIPTRA_AES_MODE_* */
    uint32_t plaintext_size;
    uint8_t plaintext[4096];
} CaliptraAesEncryptInitRequest;
typedef struct CaliptraAesEncryptInitResponse {
    uint32_t fips_status;
    uint8_t context[156];
    uint8_t iv[16];
    uint32_t ciphertext_size;
    uint8_t ciphertext[4096];
} CaliptraAesEncryptInitResponse;
typedef struct CaliptraAesEncryptUpdateRequest {
    uint8_t context[156];
    uint32_t plaintext_size;
    uint8_t plaintext[4096];
} CaliptraAesEncryptUpdateRequest;
typedef struct CaliptraAesEncryptUpdateResponse {
    uint32_t fips_status;
    uint8_t context[156];
    uint32_t ciphertext_size;
    uint8_t ciphertext[4096];
} CaliptraAesEncryptUpdateResponse;
typedef struct CaliptraAesDecryptInitRequest {
    CaliptraCmk cmk;
    uint32_t mode;
    uint8_t iv[16];
    uint32_t ciphertext_size;
    uint8_t ciphertext[4096];
} CaliptraAesDecryptInitRequest;
typedef struct CaliptraAesDecryptResponse {
    uint32_t fips_status;
    uint8_t context[156];
    uint32_t plaintext_size;
    uint8_t plaintext[4096];
} CaliptraAesDecryptResponse;
typedef CaliptraAesDecryptResponse CaliptraAesDecryptInitResponse;
typedef struct CaliptraAesDecryptUpdateRequest {
    uint8_t context[156];
    uint32_t ciphertext_size;
    uint8_t ciphertext[4096];
} CaliptraAesDecryptUpdateRequest;
typedef CaliptraAesDecryptResponse CaliptraAesDecryptUpdateResponse;
typedef struct CaliptraAesGcmEncryptInitRequest {
    uint32_t flags; /* reserved, 0 */
    CaliptraCmk cmk;
    uint32_t aad_size;
    uint8_t aad[4096];
} CaliptraAesGcmEncryptInitRequest;
typedef struct CaliptraAesGcmEncryptInitResponse {
    uint32_t fips_status;
    uint8_t context[128];
    uint8_t iv[12];
} CaliptraAesGcmEncryptInitResponse;
typedef struct CaliptraAesGcmEncryptUpdateRequest {
    uint8_t context[128];
    uint32_t plaintext_size;
    uint8_t plaintext[4096];
} CaliptraAesGcmEncryptUpdateRequest;
typedef struct CaliptraAesGcmEncryptUpdateResponse {
    uint32_t fips_status;
    uint8_t context[128];
    uint32_t ciphertext_size;
    uint8_t ciphertext[4096];
} CaliptraAesGcmEncryptUpdateResponse;
typedef CaliptraAesGcmEncryptUpdateRequest CaliptraAesGcmEncryptFinalRequest;
typedef struct CaliptraAesGcmEncryptFinalResponse {
    uint32_t fips_status;
    uint8_t tag[16];
    uint32_t ciphertext_size;
    uint8_t ciphertext[4112];
} CaliptraAesGcmEncryptFinalResponse;
typedef struct CaliptraAesGcmDecryptInitRequest {
    uint32_t flags; /* reserved, 0 */
    CaliptraCmk cmk;
    uint8_t iv[12];
    uint32_t aad_size;
    uint8_t aad[4096];
} CaliptraAesGcmDecryptInitRequest;
typedef struct CaliptraAesGcmDecryptInitResponse {
    uint32_t fips_status;
    uint8_t context[128];
} CaliptraAesGcmDecryptInitResponse;
typedef struct CaliptraAesGcmDecryptUpdateRequest {
    uint8_t context[128];
    uint32_t ciphertext_size;
    uint8_t ciphertext[4096];
} CaliptraAesGcmDecryptUpdateRequest;
typedef struct CaliptraAesGcmDecryptUpdateResponse {
    uint32_t fips_status;
    uint8_t context[128];
    uint32_t plaintext_size;
    uint8_t plaintext[4096];
} CaliptraAesGcmDecryptUpdateResponse;
typedef struct CaliptraAesGcmDecryptFinalRequest {
    uint8_t context[128];
    uint32_t tag_len; /* 16 */
    uint8_t tag[16];
    uint32_t ciphertext_size;
    uint8_t ciphertext[4096];
} CaliptraAesGcmDecryptFinalRequest;
typedef struct CaliptraAesGcmDecryptFinalResponse {
    uint32_t fips_status;
    uint32_t tag_verified;
    uint32_t plaintext_size;
    uint8_t plaintext[4112];
} CaliptraAesGcmDecryptFinalResponse;

/* -- asymmetric -- */
typedef struct CaliptraMessageRequest {
    CaliptraCmk cmk;
    uint32_t message_size;
    uint8_t message[4096];
} CaliptraMessageRequest;
typedef CaliptraMessageRequest CaliptraEcdsaSignRequest;
typedef struct CaliptraEcdsaSignResponse {
    uint32_t fips_status;
    uint8_t signature_r[48];
    uint8_t signature_s[48];
} CaliptraEcdsaSignResponse;
typedef struct CaliptraEcdsaVerifyRequest {
    CaliptraCmk cmk;
    uint8_t signature_r[48];
    uint8_t signature_s[48];
    uint32_t message_size;
    uint8_t message[4096];
} CaliptraEcdsaVerifyRequest;
typedef CommonResponse CaliptraEcdsaVerifyResponse;
typedef struct CaliptraEcdhGenerateRequest {
    uint32_t reserved;
} CaliptraEcdhGenerateRequest;
typedef struct CaliptraEcdhGenerateResponse {
    uint32_t fips_status;
    uint8_t context[76];
    uint8_t exchange_data[96];
} CaliptraEcdhGenerateResponse;
typedef CaliptraCmkRequest CaliptraEcdsaPublicKeyRequest;
typedef struct CaliptraEcdsaPublicKeyResponse {
    uint32_t fips_status;
    uint8_t pub_key_x[48];
    uint8_t pub_key_y[48];
} CaliptraEcdsaPublicKeyResponse;
typedef struct CaliptraEcdhFinishRequest {
    uint8_t context[76];
    uint32_t key_usage;
    uint8_t incoming_exchange_data[96];
} CaliptraEcdhFinishRequest;
typedef CaliptraCmkResponse CaliptraEcdhFinishResponse;
typedef CaliptraCmkRequest CaliptraLmsKeygenRequest;
typedef struct CaliptraLmsKeygenResponse {
    uint32_t fips_status;
    uint32_t pub_key_tree_type;
    uint32_t pub_key_ots_type;
    uint8_t pub_key_id[16];
    uint8_t pub_key_digest[24];
} CaliptraLmsKeygenResponse;
typedef CaliptraMessageRequest CaliptraLmsSignRequest;
typedef struct CaliptraLmsSignResponse {
    uint32_t fips_status;
    uint32_t signature_q;
    uint8_t signature_ots[1252];
    uint32_t signature_tree_type;
    uint8_t signature_tree_path[360];
} CaliptraLmsSignResponse;
typedef struct CaliptraLmsVerifyRequest {
    uint32_t pub_key_tree_type;
    uint32_t pub_key_ots_type;
    uint8_t pub_key_id[16];
    uint8_t pub_key_digest[24];
    uint32_t signature_q;
    uint8_t signature_ots[1252];
    uint32_t signature_tree_type;
    uint8_t signature_tree_path[360];
    uint8_t hash[48];
} CaliptraLmsVerifyRequest;
typedef CommonResponse CaliptraLmsVerifyResponse;
typedef CaliptraCmkRequest CaliptraMldsaKeygenRequest;
typedef struct CaliptraMldsaKeygenResponse {
    uint32_t fips_status;
    uint8_t public_key[2592];
} CaliptraMldsaKeygenResponse;
typedef CaliptraMessageRequest CaliptraMldsaSignRequest;
typedef struct CaliptraMldsaSignResponse {
    uint32_t fips_status;
    uint8_t signature[4628];
} CaliptraMldsaSignResponse;
typedef struct CaliptraMldsaVerifyRequest {
    CaliptraCmk cmk;
    uint8_t signature[4628];
    uint32_t message_size;
    uint8_t message[4096];
} CaliptraMldsaVerifyRequest;
typedef CommonResponse CaliptraMldsaVerifyResponse;

/* -- debug -- */
typedef struct CaliptraDebugEchoRequest {
    uint32_t data_size;
    uint8_t data[256];
} CaliptraDebugEchoRequest;
typedef struct CaliptraDebugEchoResponse {
    uint32_t fips_status;
    uint32_t data_len;
    uint8_t data[256];
} CaliptraDebugEchoResponse;
typedef struct CaliptraDebugGetStatusResponse {
    uint32_t fips_status;
    uint32_t status;
} CaliptraDebugGetStatusResponse;
typedef struct CaliptraDebugReadMemoryRequest {
    uint32_t address;
    uint32_t length;
} CaliptraDebugReadMemoryRequest;
typedef CaliptraDataResponse CaliptraDebugReadMemoryResponse;
typedef struct CaliptraDebugWriteMemoryRequest {
    uint32_t address;
    uint32_t data_len;
    uint8_t data[4096];
} CaliptraDebugWriteMemoryRequest;
typedef CommonResponse CaliptraDebugWriteMemoryResponse;
typedef struct CaliptraDebugGetLogResponse {
    uint32_t fips_status;
    uint32_t more_data;
    uint32_t data_len;
    uint8_t data[4096];
} CaliptraDebugGetLogResponse;
typedef struct CaliptraDebugSetConfigRequest {
    uint32_t config_id;
    uint32_t value;
} CaliptraDebugSetConfigRequest;
typedef CommonResponse CaliptraDebugSetConfigResponse;
typedef struct CaliptraDebugResetRequest {
    uint32_t reset_type;
} CaliptraDebugResetRequest;
typedef CommonResponse CaliptraDebugResetResponse;
typedef CommonResponse CaliptraDebugClearLogResponse;

/* -- production debug unlock -- */
typedef struct CaliptraProdDebugUnlockReqRequest {
    uint32_t length; /* 2 */
    uint8_t unlock_level;
    uint8_t reserved[3];
} CaliptraProdDebugUnlockReqRequest;
typedef struct CaliptraProdDebugUnlockReqResponse {
    uint32_t fips_status;
    uint32_t length;
    uint8_t udi[32];
    uint8_t challenge[48];
} CaliptraProdDebugUnlockReqResponse;
typedef struct CaliptraProdDebugUnlockTokenRequest {
    uint32_t checksum; /* recomputed by the library, as the reference API does */
    uint32_t length;
    uint8_t udi[32];
    uint8_t unlock_level;
    uint8_t reserved[3];
    uint8_t challenge[48];
    uint32_t ecc_public_key[24];
    uint32_t mldsa_public_key[648];
    uint32_t ecc_signature[24];
    uint32_t mldsa_signature[1157];
} CaliptraProdDebugUnlockTokenRequest;
typedef CommonResponse CaliptraProdDebugUnlockTokenResponse;

/* -- fuses (authorized = 1 when the trailer is given; the MCU ROM takes reads and writes bare) -- */
typedef struct CaliptraFuseReadRequest {
    uint32_t partition;
    uint32_t entry;
    uint32_t authorized;
    CaliptraAuthTrailer authorization;
} CaliptraFuseReadRequest;
typedef struct CaliptraFuseReadResponse {
    uint32_t fips_status;
    uint32_t length_bits;
    uint8_t data[512];
} CaliptraFuseReadResponse;
typedef struct CaliptraFuseWriteRequest {
    uint32_t word_addr;
    uint32_t data;
    uint32_t mask;
    uint32_t authorized;
    CaliptraAuthTrailer authorization;
} CaliptraFuseWriteRequest;
typedef CommonResponse CaliptraFuseWriteResponse;
typedef CaliptraPartitionRequest CaliptraFuseLockRequest;
typedef CommonResponse CaliptraFuseLockResponse;
typedef CaliptraPartitionRequest CaliptraFuseGetInfoRequest;
typedef struct CaliptraFuseGetInfoResponse {
    uint32_t fips_status;
    uint32_t size_bits;
    uint32_t locked;
} CaliptraFuseGetInfoResponse;
typedef struct CaliptraFuseProvisionRequest {
    uint32_t partition;
    uint32_t data_size;
    uint8_t data[512];
} CaliptraFuseProvisionRequest;
typedef CommonResponse CaliptraFuseProvisionResponse;
typedef CaliptraDataResponse CaliptraFuseGetManifestResponse;
typedef struct CaliptraGetAuthCmdChallengeRequest {
    uint32_t flags;    /* 0 */
    uint32_t reserved; /* 0 */
} CaliptraGetAuthCmdChallengeRequest;
typedef struct CaliptraGetAuthCmdChallengeResponse {
    uint32_t fips_status;
    uint32_t reserved;
    uint8_t challenge[48];
} CaliptraGetAuthCmdChallengeResponse;
typedef struct CaliptraFeProgRequest {
    uint32_t partition;
    CaliptraAuthTrailer authorization;
} CaliptraFeProgRequest;
typedef CommonResponse CaliptraFeProgResponse;
typedef struct CaliptraProvisionVendorPkHashRequest {
    uint32_t slot;
    uint8_t hash[48];
    CaliptraAuthTrailer authorization;
} CaliptraProvisionVendorPkHashRequest;
typedef CommonResponse CaliptraProvisionVendorPkHashResponse;
typedef struct CaliptraFuseIncreaseCaliptraMinSvnRequest {
    uint32_t flags;
    uint32_t svn;
    CaliptraAuthTrailer authorization;
} CaliptraFuseIncreaseCaliptraMinSvnRequest;
typedef CommonResponse CaliptraFuseIncreaseCaliptraMinSvnResponse;
typedef struct CaliptraFuseRevokeVendorPubKeyRequest {
    uint32_t reserved; /* 0 */
    uint32_t vendor_pk_hash_slot;
    uint32_t key_type; /* 0 ECDSA, 1 LMS, 2 ML-DSA */
    uint32_t key_index;
    CaliptraAuthTrailer authorization;
} CaliptraFuseRevokeVendorPubKeyRequest;
typedef CommonResponse CaliptraFuseRevokeVendorPubKeyResponse;
typedef struct CaliptraFuseRevokeVendorPkHashRequest {
    uint32_t reserved; /* 0 */
    uint32_t vendor_pk_hash_slot;
    CaliptraAuthTrailer authorization;
} CaliptraFuseRevokeVendorPkHashRequest;
typedef CommonResponse CaliptraFuseRevokeVendorPkHashResponse;
typedef struct CaliptraFuseLockPartitionRequest {
    uint32_t partition;
    CaliptraAuthTrailer authorization;
} CaliptraFuseLockPartitionRequest;
typedef CommonResponse CaliptraFuseLockPartitionResponse;
typedef struct CaliptraProvisionOwnerPkHashRequest {
    uint8_t hash[48];
    CaliptraAuthTrailer authorization;
} CaliptraProvisionOwnerPkHashRequest;
typedef CommonResponse CaliptraProvisionOwnerPkHashResponse;

/* -- device ownership transfer (DOT) -- */
typedef struct CaliptraDotLockRequest {
    uint8_t cak[48];
    uint8_t lak_hash[48];
    CaliptraAuthTrailer authorization;
} CaliptraDotLockRequest;
typedef CaliptraTransitionResponse CaliptraDotLockResponse;
typedef struct CaliptraDotDisableRequest {
    uint8_t lak_hash[48];
    CaliptraAuthTrailer authorization;
} CaliptraDotDisableRequest;
typedef CaliptraTransitionResponse CaliptraDotDisableResponse;
typedef CaliptraChallengeResponse CaliptraDotUnlockChallengeResponse;
typedef struct CaliptraDotUnlockRequest {
    uint8_t lak_ecc_pub_x[48];
    uint8_t lak_ecc_pub_y[48];
    uint8_t lak_mldsa_pub[2592];
    CaliptraHybridSignature signature;
} CaliptraDotUnlockRequest;
typedef CaliptraTransitionResponse CaliptraDotUnlockResponse;
typedef struct CaliptraDotRotateRequest {
    uint32_t min_fuse_count;
    uint8_t cak[48];
    uint8_t lak_hash[48];
    CaliptraAuthTrailer authorization;
} CaliptraDotRotateRequest;
typedef CaliptraTransitionResponse CaliptraDotRotateResponse;
typedef struct CaliptraGetDotBackupBlobRequest {
    CaliptraAuthTrailer authorization;
} CaliptraGetDotBackupBlobRequest;
typedef struct CaliptraGetDotBackupBlobResponse {
    uint32_t fips_status;
    uint8_t blob[168];
} CaliptraGetDotBackupBlobResponse;
typedef struct CaliptraDotStatusResponse {
    uint32_t fips_status;
    uint8_t enabled;
    uint8_t locked;
    uint16_t burned;
} CaliptraDotStatusResponse;
typedef struct CaliptraDotRecoveryRequest {
    uint8_t blob[168];
} CaliptraDotRecoveryRequest;
typedef CaliptraTransitionResponse CaliptraDotRecoveryResponse;
typedef struct CaliptraDotOverrideChallengeRequest {
    uint8_t recovery_ecc_pub_x[48];
    uint8_t recovery_ecc_pub_y[48];
    uint8_t recovery_mldsa_pub[2592];
} CaliptraDotOverrideChallengeRequest;
typedef CaliptraChallengeResponse CaliptraDotOverrideChallengeResponse;
typedef struct CaliptraDotOverrideRequest {
    uint8_t recovery_ecc_pub_x[48];
    uint8_t recovery_ecc_pub_y[48];
    uint8_t recovery_mldsa_pub[2592];
    CaliptraHybridSignature signature;
} CaliptraDotOverrideRequest;
typedef CaliptraTransitionResponse CaliptraDotOverrideResponse;

/*
 * The typed command functions, listed once: the table below declares them here and defines them in
 * the library. REQ(function, id, Name) is
 *     CaliptraError function(CaliptraSession *session, const CaliptraNameRequest *request,
 *                            CaliptraNameResponse *response);
 * and NOREQ(function, id, Name), for commands without request fields,
 *     CaliptraError function(CaliptraSession *session, CaliptraNameResponse *response);
 * Each returns Success and fills *response, or an error class with *response unchanged: State (not
 * connected), Device (the device refused: caliptra_last_device_error() has its code),
 * NotSupported (the target does not carry the command), InvalidArgument (NULL, or a request field
 * out of range: the message names it), Protocol, Transport, Timeout, Busy.
 * GetDeviceId is caliptra_cmd_get_device_id (below) instead.
 */
#define CALIPTRA_UTIL_COMMANDS(REQ, NOREQ)                                                                     \
    REQ(caliptra_cmd_get_firmware_version, CALIPTRA_CMD_GET_FIRMWARE_VERSION, GetFirmwareVersion)             \
    NOREQ(caliptra_cmd_get_device_capabilities, CALIPTRA_CMD_GET_DEVICE_CAPABILITIES, GetDeviceCapabilities)  \
    REQ(caliptra_cmd_get_device_info, CALIPTRA_CMD_GET_DEVICE_INFO, GetDeviceInfo)                            \
    REQ(caliptra_cmd_get_idevid_cert, CALIPTRA_CMD_GET_IDEVID_CERT, GetIdevidCert)                            \
    NOREQ(caliptra_cmd_get_ldevid_cert, CALIPTRA_CMD_GET_LDEVID_CERT, GetLdevidCert)                          \
    NOREQ(caliptra_cmd_get_fmc_alias_cert, CALIPTRA_CMD_GET_FMC_ALIAS_CERT, GetFmcAliasCert)                  \
    NOREQ(caliptra_cmd_get_rt_alias_cert, CALIPTRA_CMD_GET_RT_ALIAS_CERT, GetRtAliasCert)                     \
    REQ(caliptra_cmd_export_attested_csr, CALIPTRA_CMD_EXPORT_ATTESTED_CSR, ExportAttestedCsr)                \
    REQ(caliptra_cmd_export_idevid_csr, CALIPTRA_CMD_EXPORT_IDEVID_CSR, ExportIdevidCsr)                      \
    REQ(caliptra_cmd_get_attestation, CALIPTRA_CMD_GET_ATTESTATION, GetAttestation)                           \
    REQ(caliptra_cmd_get_cert_chain, CALIPTRA_CMD_GET_CERT_CHAIN, GetCertChain)                               \
    REQ(caliptra_cmd_store_certificate, CALIPTRA_CMD_STORE_CERTIFICATE, StoreCertificate)                     \
    REQ(caliptra_cmd_get_certificate, CALIPTRA_CMD_GET_CERTIFICATE, GetCertificate)                           \
    REQ(caliptra_cmd_set_certificate, CALIPTRA_CMD_SET_CERTIFICATE, SetCertificate)                           \
    REQ(caliptra_cmd_hash_init, CALIPTRA_CMD_HASH_INIT, HashInit)                                             \
    REQ(caliptra_cmd_hash_update, CALIPTRA_CMD_HASH_UPDATE, HashUpdate)                                       \
    REQ(caliptra_cmd_hash_finalize, CALIPTRA_CMD_HASH_FINALIZE, HashFinalize)                                 \
    REQ(caliptra_cmd_hmac, CALIPTRA_CMD_HMAC, Hmac)                                                           \
    REQ(caliptra_cmd_hmac_kdf_counter, CALIPTRA_CMD_HMAC_KDF_COUNTER, HmacKdfCounter)                         \
    REQ(caliptra_cmd_import, CALIPTRA_CMD_IMPORT, Import)                                                     \
    REQ(caliptra_cmd_delete, CALIPTRA_CMD_DELETE, Delete)                                                     \
    REQ(caliptra_cmd_random_generate, CALIPTRA_CMD_RANDOM_GENERATE, RandomGenerate)                           \
    REQ(caliptra_cmd_random_stir, CALIPTRA_CMD_RANDOM_STIR, RandomStir)                                       \
    NOREQ(caliptra_cmd_cm_status, CALIPTRA_CMD_CM_STATUS, CmStatus)                                           \
    REQ(caliptra_cmd_aes_encrypt_init, CALIPTRA_CMD_AES_ENCRYPT_INIT, AesEncryptInit)                         \
    REQ(caliptra_cmd_aes_encrypt_update, CALIPTRA_CMD_AES_ENCRYPT_UPDATE, AesEncryptUpdate)                   \
    REQ(caliptra_cmd_aes_decrypt_init, CALIPTRA_CMD_AES_DECRYPT_INIT, AesDecryptInit)                         \
    REQ(caliptra_cmd_aes_decrypt_update, CALIPTRA_CMD_AES_DECRYPT_UPDATE, AesDecryptUpdate)                   \
    REQ(caliptra_cmd_aes_gcm_encrypt_init, CALIPTRA_CMD_AES_GCM_ENCRYPT_INIT, AesGcmEncryptInit)              \
    REQ(caliptra_cmd_aes_gcm_encrypt_update, CALIPTRA_CMD_AES_GCM_ENCRYPT_UPDATE, AesGcmEncryptUpdate)        \
    REQ(caliptra_cmd_aes_gcm_encrypt_final, CALIPTRA_CMD_AES_GCM_ENCRYPT_FINAL, AesGcmEncryptFinal)           \
    REQ(caliptra_cmd_aes_gcm_decrypt_init, CALIPTRA_CMD_AES_GCM_DECRYPT_INIT, AesGcmDecryptInit)              \
    REQ(caliptra_cmd_aes_gcm_decrypt_update, CALIPTRA_CMD_AES_GCM_DECRYPT_UPDATE, AesGcmDecryptUpdate)        \
    REQ(caliptra_cmd_aes_gcm_decrypt_final, CALIPTRA_CMD_AES_GCM_DECRYPT_FINAL, AesGcmDecryptFinal)           \
    REQ(caliptra_cmd_ecdsa_sign, CALIPTRA_CMD_ECDSA_SIGN, EcdsaSign)                                          \
    REQ(caliptra_cmd_ecdsa_verify, CALIPTRA_CMD_ECDSA_VERIFY, EcdsaVerify)                                    \
    REQ(caliptra_cmd_ecdh_generate, CALIPTRA_CMD_ECDH_GENERATE, EcdhGenerate)                                 \
    REQ(caliptra_cmd_ecdsa_public_key, CALIPTRA_CMD_ECDSA_PUBLIC_KEY, EcdsaPublicKey)                         \
    REQ(caliptra_cmd_ecdh_finish, CALIPTRA_CMD_ECDH_FINISH, EcdhFinish)                                       \
    REQ(caliptra_cmd_lms_keygen, CALIPTRA_CMD_LMS_KEYGEN, LmsKeygen)                                          \
    REQ(caliptra_cmd_lms_sign, CALIPTRA_CMD_LMS_SIGN, LmsSign)                                                \
    REQ(caliptra_cmd_lms_verify, CALIPTRA_CMD_LMS_VERIFY, LmsVerify)                                          \
    REQ(caliptra_cmd_mldsa_keygen, CALIPTRA_CMD_MLDSA_KEYGEN, MldsaKeygen)                                    \
    REQ(caliptra_cmd_mldsa_sign, CALIPTRA_CMD_MLDSA_SIGN, MldsaSign)                                          \
    REQ(caliptra_cmd_mldsa_verify, CALIPTRA_CMD_MLDSA_VERIFY, MldsaVerify)                                    \
    REQ(caliptra_cmd_debug_echo, CALIPTRA_CMD_DEBUG_ECHO, DebugEcho)                                          \
    NOREQ(caliptra_cmd_debug_get_status, CALIPTRA_CMD_DEBUG_GET_STATUS, DebugGetStatus)                       \
    REQ(caliptra_cmd_debug_read_memory, CALIPTRA_CMD_DEBUG_READ_MEMORY, DebugReadMemory)                      \
    REQ(caliptra_cmd_debug_write_memory, CALIPTRA_CMD_DEBUG_WRITE_MEMORY, DebugWriteMemory)                   \
    NOREQ(caliptra_cmd_debug_get_log, CALIPTRA_CMD_DEBUG_GET_LOG, DebugGetLog)                                \
    REQ(caliptra_cmd_debug_set_config, CALIPTRA_CMD_DEBUG_SET_CONFIG, DebugSetConfig)                         \
    REQ(caliptra_cmd_debug_reset, CALIPTRA_CMD_DEBUG_RESET, DebugReset)                                       \
    NOREQ(caliptra_cmd_debug_clear_log, CALIPTRA_CMD_DEBUG_CLEAR_LOG, DebugClearLog)                          \
    REQ(caliptra_cmd_prod_debug_unlock_req, CALIPTRA_CMD_PROD_DEBUG_UNLOCK_REQ, ProdDebugUnlockReq)           \
    REQ(caliptra_cmd_prod_debug_unlock_token, CALIPTRA_CMD_PROD_DEBUG_UNLOCK_TOKEN, ProdDebugUnlockToken)     \
    REQ(caliptra_cmd_fuse_read, CALIPTRA_CMD_FUSE_READ, FuseRead)                                             \
    REQ(caliptra_cmd_fuse_write, CALIPTRA_CMD_FUSE_WRITE, FuseWrite)                                          \
    REQ(caliptra_cmd_fuse_lock, CALIPTRA_CMD_FUSE_LOCK, FuseLock)                                             \
    REQ(caliptra_cmd_fuse_get_info, CALIPTRA_CMD_FUSE_GET_INFO, FuseGetInfo)                                  \
    REQ(caliptra_cmd_fuse_provision, CALIPTRA_CMD_FUSE_PROVISION, FuseProvision)                              \
    NOREQ(caliptra_cmd_fuse_get_manifest, CALIPTRA_CMD_FUSE_GET_MANIFEST, FuseGetManifest)                    \
    REQ(caliptra_cmd_get_auth_cmd_challenge, CALIPTRA_CMD_GET_AUTH_CMD_CHALLENGE, GetAuthCmdChallenge)        \
    REQ(caliptra_cmd_fe_prog, CALIPTRA_CMD_FE_PROG, FeProg)                                                   \
    REQ(caliptra_cmd_provision_vendor_pk_hash, CALIPTRA_CMD_PROVISION_VENDOR_PK_HASH, ProvisionVendorPkHash)  \
    REQ(caliptra_cmd_fuse_increase_caliptra_min_svn, CALIPTRA_CMD_FUSE_INCREASE_CALIPTRA_MIN_SVN,             \
        FuseIncreaseCaliptraMinSvn)                                                                           \
    REQ(caliptra_cmd_fuse_revoke_vendor_pub_key, CALIPTRA_CMD_FUSE_REVOKE_VENDOR_PUB_KEY,                     \
        FuseRevokeVendorPubKey)                                                                               \
    REQ(caliptra_cmd_fuse_revoke_vendor_pk_hash, CALIPTRA_CMD_FUSE_REVOKE_VENDOR_PK_HASH,                     \
        FuseRevokeVendorPkHash)                                                                               \
    REQ(caliptra_cmd_fuse_lock_partition, CALIPTRA_CMD_FUSE_LOCK_PARTITION, FuseLockPartition)                \
    REQ(caliptra_cmd_provision_owner_pk_hash, CALIPTRA_CMD_PROVISION_OWNER_PK_HASH, ProvisionOwnerPkHash)     \
    REQ(caliptra_cmd_dot_lock, CALIPTRA_CMD_DOT_LOCK, DotLock)                                                \
    REQ(caliptra_cmd_dot_disable, CALIPTRA_CMD_DOT_DISABLE, DotDisable)                                       \
    NOREQ(caliptra_cmd_dot_unlock_challenge, CALIPTRA_CMD_DOT_UNLOCK_CHALLENGE, DotUnlockChallenge)           \
    REQ(caliptra_cmd_dot_unlock, CALIPTRA_CMD_DOT_UNLOCK, DotUnlock)                                          \
    REQ(caliptra_cmd_dot_rotate, CALIPTRA_CMD_DOT_ROTATE, DotRotate)                                          \
    REQ(caliptra_cmd_get_dot_backup_blob, CALIPTRA_CMD_GET_DOT_BACKUP_BLOB, GetDotBackupBlob)                 \
    NOREQ(caliptra_cmd_dot_status, CALIPTRA_CMD_DOT_STATUS, DotStatus)                                        \
    REQ(caliptra_cmd_dot_recovery, CALIPTRA_CMD_DOT_RECOVERY, DotRecovery)                                    \
    REQ(caliptra_cmd_dot_override_challenge, CALIPTRA_CMD_DOT_OVERRIDE_CHALLENGE, DotOverrideChallenge)       \
    REQ(caliptra_cmd_dot_override, CALIPTRA_CMD_DOT_OVERRIDE, DotOverride)

#define CALIPTRA_UTIL_DECLARE_REQ(function, id, Name) \
    CaliptraError function(CaliptraSession *session, const Caliptra##Name##Request *request, Caliptra##Name##Response *response);
#define CALIPTRA_UTIL_DECLARE_NOREQ(function, id, Name) \
    CaliptraError function(CaliptraSession *session, Caliptra##Name##Response *response);
CALIPTRA_UTIL_COMMANDS(CALIPTRA_UTIL_DECLARE_REQ, CALIPTRA_UTIL_DECLARE_NOREQ)

/* MC_DEVICE_ID: the device's PCI-style identifiers. 8 bytes. */
typedef struct CaliptraDeviceId {
    uint16_t vendor_id;
    uint16_t device_id;
    uint16_t subsystem_vendor_id;
    uint16_t subsystem_id;
} CaliptraDeviceId;

/* GetDeviceId (0x0003), answered by an MCU without booting the embedded device's core. */
CaliptraError caliptra_cmd_get_device_id(CaliptraSession *session, CaliptraDeviceId *device_id);

/*
 * Any command of the session's catalogue (built-in ids above, or a plugin family's) by id: request
 * is its internal request struct of exactly request_len bytes (NULL with 0 for none), the internal
 * response struct is written to response (response_capacity bytes available) and its size to
 * *response_len. InvalidArgument when the lengths do not fit the command, NotSupported for an id no
 * family defines.
 */
CaliptraError caliptra_cmd_execute(CaliptraSession *session, uint32_t command_id, const void *request,
                                   size_t request_len, void *response, size_t response_capacity,
                                   size_t *response_len);

/* The sizes of a built-in command's internal request and response structs; NotSupported for an
 * unknown id. Needs no session. */
CaliptraError caliptra_command_sizes(uint32_t command_id, size_t *request_size, size_t *response_size);

#ifdef __cplusplus
}
#endif

#endif /* CALIPTRA_UTIL_HOST_H */
