/*
 * The host library through a served device: argv[1] names a udp:// target (the emulator's UDP
 * mailbox endpoint, which the Java runner serves on an ephemeral loopback port). Commands answer
 * as in process, and a device refusal keeps its Caliptra error code across the datagram.
 */
#include "uhost_test.h"

/* SHA-384("abc"), FIPS 180-4 example. */
static const uint8_t SHA384_ABC[48] = {
    0xcb, 0x00, 0x75, 0x3f, 0x45, 0xa3, 0x5e, 0x8b, 0xb5, 0xa0, 0x3d, 0x69, 0x9a, 0xc6, 0x50, 0x07,
    0x27, 0x2c, 0x32, 0xab, 0x0e, 0xde, 0xd1, 0x63, 0x1a, 0x8b, 0x60, 0x5a, 0x43, 0xff, 0x5b, 0xed,
    0x80, 0x86, 0x07, 0x2b, 0xa1, 0xe7, 0xcc, 0x23, 0x58, 0xba, 0xec, 0xa1, 0x34, 0xc8, 0x25, 0xa7};

static CaliptraHashInitRequest init;
static CaliptraHashUpdateRequest finish;

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_uhost_udp udp://HOST:PORT\n");
        return 2;
    }
    CaliptraTransport *transport = NULL;
    CaliptraSession *session = NULL;
    OK(caliptra_transport_create_from_uri(argv[1], NULL, &transport));
    CHECK(caliptra_session_create_with_protocol(transport, MctpVdm, &session) == NotSupported);
    OK(caliptra_session_create_with_protocol(transport, Mailbox, &session));
    OK(caliptra_session_connect(session));

    GetFirmwareVersionResponse version;
    OK(caliptra_cmd_get_firmware_version_c_impl(session, 0, &version));
    printf("firmware 0: %u.%u.%u.%u\n", version.version[0], version.version[1], version.version[2], version.version[3]);
    OK(caliptra_cmd_get_firmware_version_c_impl(session, 1, &version));
    printf("firmware 1: %u.%u.%u.%u\n", version.version[0], version.version[1], version.version[2], version.version[3]);
    GetDeviceCapabilitiesResponse caps;
    OK(caliptra_cmd_get_device_capabilities_c_impl(session, &caps));
    hex("caps: ", caps.caps, sizeof caps.caps);
    CaliptraDeviceId id;
    OK(caliptra_cmd_get_device_id(session, &id));
    printf("device id: vendor 0x%04X device 0x%04X\n", id.vendor_id, id.device_id);

    init.algorithm = CALIPTRA_SHA384;
    init.input_size = 3;
    memcpy(init.input, "abc", 3);
    CaliptraHashInitResponse context;
    OK(caliptra_cmd_hash_init(session, &init, &context));
    memcpy(finish.context, context.context, sizeof finish.context);
    CaliptraHashFinalizeResponse digest;
    OK(caliptra_cmd_hash_finalize(session, &finish, &digest));
    CHECK(digest.hash_size == 48 && memcmp(digest.hash, SHA384_ABC, 48) == 0);

    CaliptraGetFirmwareVersionRequest index2 = {2};
    CHECK(caliptra_cmd_get_firmware_version(session, &index2, &version) == Device);
    printf("firmware 2: refused with 0x%08X\n", caliptra_last_device_error());
    CHECK(caliptra_last_device_error() != 0);

    CaliptraSessionStatistics statistics;
    OK(caliptra_session_get_statistics(session, &statistics));
    CHECK(statistics.commands_succeeded == 6 && statistics.commands_failed == 1);
    OK(caliptra_session_destroy(session));
    return summary("test_uhost_udp");
}
