/*
 * The header's layouts, three ways: offsetof/sizeof of the reference structs against the reference
 * header's numbers (spec/hostlib.md §5.1); every command struct against the internal layouts of
 * spec/hostlib.md §2.3 (this library's own where §2.3 has none); and the same sizes against what the
 * library's command catalogue encodes (caliptra_command_sizes), so the C structs, the spec and the
 * Java codecs cannot drift apart.
 */
#include "uhost_test.h"

#include <stddef.h>

struct expected {
    uint32_t id;
    size_t request;
    size_t response;
};

/* Internal request / response sizes by command id. */
static const struct expected SIZES[] = {
    {0x0001, 4, 40},      {0x0002, 0, 40},      {0x0003, 0, 12},      {0x0004, 4, 40},
    {0x1001, 1016, 4104}, {0x1002, 0, 4104},    {0x1003, 0, 4104},    {0x1004, 0, 4104},
    {0x1005, 40, 4104},   {0x1006, 4, 4104},    {0x1007, 44, 7180},   {0x1010, 4, 4104},
    {0x1011, 1032, 4},    {0x1012, 4, 1032},    {0x1013, 1032, 4},
    {0x2001, 4104, 204},  {0x2002, 4300, 204},  {0x2003, 4300, 72},   {0x2013, 4232, 72},
    {0x2014, 4240, 132},  {0x2015, 72, 132},    {0x2016, 128, 4},     {0x2030, 4, 4104},
    {0x2031, 4100, 4},    {0x2032, 0, 12},
    {0x3001, 4232, 4276}, {0x3002, 4256, 4260}, {0x3003, 4248, 4260}, {0x3004, 4256, 4260},
    {0x3010, 4232, 144},  {0x3011, 4228, 4232}, {0x3012, 4228, 4136}, {0x3013, 4244, 132},
    {0x3014, 4228, 4232}, {0x3015, 4248, 4124},
    {0x4001, 4228, 100},  {0x4002, 4324, 4},    {0x4003, 4, 176},     {0x4004, 128, 100},
    {0x4005, 176, 132},   {0x4010, 128, 52},    {0x4011, 4228, 1624}, {0x4012, 1716, 4},
    {0x4020, 128, 2596},  {0x4021, 4228, 4632}, {0x4022, 8856, 4},
    {0x7001, 260, 264},   {0x7002, 0, 8},       {0x7003, 8, 4104},    {0x7004, 4104, 4},
    {0x7005, 0, 4108},    {0x7006, 8, 4},       {0x7007, 4, 4},       {0x7008, 0, 4},
    {0x7010, 8, 88},      {0x7011, 7504, 4},
    {0x8001, 7472, 520},  {0x8002, 7476, 4},    {0x8003, 4, 4},       {0x8004, 4, 12},
    {0x8005, 520, 4},     {0x8006, 0, 4104},    {0x8010, 8, 56},      {0x8011, 7464, 4},
    {0x8012, 7512, 4},    {0x8013, 7468, 4},    {0x8014, 7476, 4},    {0x8015, 7468, 4},
    {0x8016, 7464, 4},    {0x8017, 7508, 4},
    {0x8020, 7556, 8},    {0x8021, 7508, 8},    {0x8022, 0, 52},      {0x8023, 7412, 8},
    {0x8024, 7560, 8},    {0x8025, 7460, 172},  {0x8026, 0, 8},       {0x8027, 168, 8},
    {0x8028, 2688, 52},   {0x8029, 7412, 8},
};
#define COMMANDS (sizeof SIZES / sizeof SIZES[0])

static const struct expected *expected_for(uint32_t id)
{
    for (size_t i = 0; i < COMMANDS; i++) {
        if (SIZES[i].id == id) {
            return &SIZES[i];
        }
    }
    return NULL;
}

static int checked;

/* The struct sizes against the table and against the library's catalogue. */
static void check_command(const char *function, uint32_t id, size_t request, size_t response)
{
    const struct expected *e = expected_for(id);
    size_t library_request = 0;
    size_t library_response = 0;
    CaliptraError rc = caliptra_command_sizes(id, &library_request, &library_response);
    int ok = e != NULL && rc == Success && e->request == request && e->response == response && library_request == request
             && library_response == response;
    CHECK(ok);
    if (!ok) {
        fprintf(stderr, "%s (0x%04X): struct %zu/%zu, spec %zu/%zu, library %zu/%zu (rc %d)\n", function, id, request,
                response, e ? e->request : 0, e ? e->response : 0, library_request, library_response, (int)rc);
    }
    checked++;
}

#define CHECK_REQ(function, id, Name) \
    check_command(#function, id, sizeof(Caliptra##Name##Request), sizeof(Caliptra##Name##Response));
#define CHECK_NOREQ(function, id, Name) check_command(#function, id, 0, sizeof(Caliptra##Name##Response));

int main(void)
{
    /* The reference's enumerations and structs. */
    CHECK(sizeof(CaliptraError) == 4 && Success == 0 && Unknown == 1 && InvalidArgument == 2 && Timeout == 3);
    CHECK(NotSupported == 4 && Transport == 5 && Protocol == 6 && Device == 7 && Memory == 8 && Busy == 9);
    CHECK(State == 10 && IO == 11);
    CHECK(sizeof(CaliptraProtocolType) == 4 && Mailbox == 0 && MctpVdm == 1 && Custom == 2);
    CHECK(sizeof(CommonResponse) == 4 && offsetof(CommonResponse, fips_status) == 0);
    CHECK(sizeof(GetDeviceCapabilitiesResponse) == 40);
    CHECK(offsetof(GetDeviceCapabilitiesResponse, common) == 0 && offsetof(GetDeviceCapabilitiesResponse, caps) == 4);
    CHECK(sizeof(GetFirmwareVersionResponse) == 40);
    CHECK(offsetof(GetFirmwareVersionResponse, version) == 4 && offsetof(GetFirmwareVersionResponse, commit_id) == 20);
    CHECK(sizeof(CTransportVTable) == 48);
    CHECK(offsetof(CTransportVTable, send) == 0 && offsetof(CTransportVTable, receive) == 8);
    CHECK(offsetof(CTransportVTable, connect) == 16 && offsetof(CTransportVTable, disconnect) == 24);
    CHECK(offsetof(CTransportVTable, is_connected) == 32 && offsetof(CTransportVTable, destroy) == 40);
    CHECK(sizeof(CMailboxDriverVTable) == 32);
    CHECK(offsetof(CMailboxDriverVTable, send_command) == 0 && offsetof(CMailboxDriverVTable, is_ready) == 8);
    CHECK(offsetof(CMailboxDriverVTable, connect) == 16 && offsetof(CMailboxDriverVTable, disconnect) == 24);
    CHECK(sizeof(CMailboxDriver) == 56);
    CHECK(offsetof(CMailboxDriver, vtable) == 0 && offsetof(CMailboxDriver, device_id) == 8);
    CHECK(offsetof(CMailboxDriver, vendor_id) == 10 && offsetof(CMailboxDriver, subsystem_vendor_id) == 12);
    CHECK(offsetof(CMailboxDriver, subsystem_id) == 14 && offsetof(CMailboxDriver, ready) == 16);
    CHECK(offsetof(CMailboxDriver, connected) == 17 && offsetof(CMailboxDriver, response_buffer) == 18);

    /* The extensions' structs, as the library's JNA view of them (CStructsTest pins the same numbers). */
    CHECK(sizeof(CaliptraTargetOptions) == 32 && offsetof(CaliptraTargetOptions, plugin_path) == 24);
    CHECK(sizeof(CaliptraSessionConfig) == 40);
    CHECK(offsetof(CaliptraSessionConfig, keepalive_interval_ms) == 20 && offsetof(CaliptraSessionConfig, retry_multiplier) == 24);
    CHECK(offsetof(CaliptraSessionConfig, auto_reconnect) == 32);
    CHECK(sizeof(CaliptraSessionStatistics) == 80 && offsetof(CaliptraSessionStatistics, bytes_received) == 72);
    CHECK(sizeof(CaliptraSessionState) == 4 && CALIPTRA_SESSION_CONNECTED == 2 && CALIPTRA_SESSION_ERROR == 4);
    CHECK(sizeof(CaliptraDeviceId) == 8);

    /* Shared pieces and fields whose place spec/hostlib.md §2.2-§2.3 fixes. */
    CHECK(sizeof(CaliptraCmk) == 128 && sizeof(CaliptraHybridSignature) == 4724 && sizeof(CaliptraAuthTrailer) == 7460);
    CHECK(offsetof(CaliptraAuthTrailer, mldsa_pub) == 144 && offsetof(CaliptraAuthTrailer, signature) == 2736);
    CHECK(offsetof(CaliptraHashFinalizeResponse, hash) == 8);
    CHECK(offsetof(CaliptraHashUpdateRequest, input_size) == 200);
    CHECK(offsetof(CaliptraAesEncryptInitResponse, iv) == 160 && offsetof(CaliptraAesEncryptInitResponse, ciphertext_size) == 176);
    CHECK(offsetof(CaliptraAesGcmDecryptFinalRequest, tag) == 132);
    CHECK(offsetof(CaliptraEcdhFinishRequest, key_usage) == 76);
    CHECK(offsetof(CaliptraProdDebugUnlockTokenRequest, unlock_level) == 40);
    CHECK(offsetof(CaliptraProdDebugUnlockTokenRequest, ecc_public_key) == 92);
    CHECK(offsetof(CaliptraProdDebugUnlockTokenRequest, mldsa_signature) == 92 + 96 + 2592 + 96);
    CHECK(offsetof(CaliptraLmsVerifyRequest, signature_tree_type) == 1304 && offsetof(CaliptraLmsVerifyRequest, hash) == 1668);
    CHECK(offsetof(CaliptraMldsaVerifyRequest, message_size) == 4756);
    CHECK(offsetof(CaliptraGetAttestationResponse, data) == 12);
    CHECK(offsetof(CaliptraFuseReadRequest, authorization) == 12);
    CHECK(offsetof(CaliptraProvisionVendorPkHashRequest, authorization) == 52);
    CHECK(offsetof(CaliptraDotRotateRequest, authorization) == 100);
    CHECK(offsetof(CaliptraDotStatusResponse, burned) == 6);
    CHECK(offsetof(CaliptraDotUnlockRequest, signature) == 2688);

    /* Every command: the struct, the table, the library. GetDeviceId has no typed wrapper of the table. */
    CALIPTRA_UTIL_COMMANDS(CHECK_REQ, CHECK_NOREQ)
    check_command("caliptra_cmd_get_device_id", CALIPTRA_CMD_GET_DEVICE_ID, 0, sizeof(CaliptraGetDeviceIdResponse));
    CHECK(checked == (int)COMMANDS);
    printf("commands checked: %d\n", checked);

    size_t request = 1;
    size_t response = 1;
    CHECK(caliptra_command_sizes(0x7FFF, &request, &response) == NotSupported);
    MESSAGE_HAS("command id 0x7FFF is not a command of this library");
    CHECK(request == 1 && response == 1);
    return summary("test_uhost_layout");
}
