/*
 * A mailbox driver written in C (CMailboxDriver, protocol Mailbox), laid out and filled in as the
 * reference's mock driver is (its fields written directly). The library frames requests and checks
 * responses: the driver sees spec/hostlib.md §3.1's worked-example SRAM bytes, answers with the
 * worked-example responses, and a response whose checksum does not add up is refused.
 */
#include "uhost_test.h"

#include <stdlib.h>

#define MCAP 0x4D434150u
#define MFWV 0x4D465756u

typedef struct {
    CMailboxDriver base; /* first, so the library's CMailboxDriver* is ours */
    uint32_t last_cmd;
    uint8_t last_payload[8192];
    size_t last_payload_len;
    int bad_request_checksums;
    int corrupt_next;
    int send_calls;
    uint8_t answer[64];
} TestDriver;

/* §3.1: the MCAP response with fips 1 and the test capabilities. */
static const uint8_t MCAP_RESPONSE[44] = {
    0x04, 0xFE, 0xFF, 0xFF, 0x01, 0x00, 0x00, 0x00,                                     /* chksum, fips */
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,             /* RT, FMC */
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF,             /* ROM, MCU ROM, MCU RT */
    0x00, 0x02, 0x00, 0xEF, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00,             /* external, authorized, reserved */
};
/* §3.1: the MFWV response for "2.0.0", fips 0. */
static const uint8_t MFWV_RESPONSE[17] = {0x0D, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x05,
                                          0x00, 0x00, 0x00, 0x32, 0x2E, 0x30, 0x2E, 0x30};

/* Σ command bytes + Σ payload bytes after the checksum + checksum ≡ 0 (mod 2^32). */
static int checksum_ok(uint32_t cmd, const uint8_t *payload, size_t len)
{
    if (len < 4) {
        return 0;
    }
    uint32_t sum = (cmd & 0xFF) + ((cmd >> 8) & 0xFF) + ((cmd >> 16) & 0xFF) + (cmd >> 24);
    for (size_t i = 4; i < len; i++) {
        sum += payload[i];
    }
    uint32_t chksum = (uint32_t)payload[0] | (uint32_t)payload[1] << 8 | (uint32_t)payload[2] << 16 | (uint32_t)payload[3] << 24;
    return (uint32_t)(sum + chksum) == 0;
}

static CaliptraError driver_send(struct CMailboxDriver *base, uint32_t cmd, const uint8_t *payload, uintptr_t len,
                                 const uint8_t **response, uintptr_t *response_len)
{
    TestDriver *d = (TestDriver *)base;
    d->send_calls++;
    if (!base->ready) {
        return Device;
    }
    if (!base->connected) {
        return Transport;
    }
    d->last_cmd = cmd;
    d->last_payload_len = len;
    memcpy(d->last_payload, payload, len);
    if (!checksum_ok(cmd, payload, len)) {
        d->bad_request_checksums++;
    }
    const uint8_t *answer;
    size_t n;
    switch (cmd) {
    case MCAP:
        answer = MCAP_RESPONSE;
        n = sizeof MCAP_RESPONSE;
        break;
    case MFWV:
        answer = MFWV_RESPONSE;
        n = sizeof MFWV_RESPONSE;
        break;
    default:
        return NotSupported;
    }
    memcpy(d->answer, answer, n);
    if (d->corrupt_next) {
        d->answer[n - 1] ^= 0x01; /* the checksum no longer adds up */
        d->corrupt_next = 0;
    }
    *response = d->answer;
    *response_len = n;
    return Success;
}

static bool driver_is_ready(struct CMailboxDriver *base)
{
    return base->ready;
}

static CaliptraError driver_connect(struct CMailboxDriver *base)
{
    if (!base->ready) {
        return Transport;
    }
    base->connected = true;
    return Success;
}

static CaliptraError driver_disconnect(struct CMailboxDriver *base)
{
    base->connected = false;
    return Success;
}

static CaliptraError driver_timeout(struct CMailboxDriver *base, uint32_t cmd, const uint8_t *payload, uintptr_t len,
                                    const uint8_t **response, uintptr_t *response_len)
{
    (void)base, (void)cmd, (void)payload, (void)len, (void)response, (void)response_len;
    return Timeout;
}

static CMailboxDriverVTable VTABLE = {driver_send, driver_is_ready, driver_connect, driver_disconnect};
static CMailboxDriverVTable TIMEOUT_VTABLE = {driver_timeout, driver_is_ready, driver_connect, driver_disconnect};

int main(void)
{
    TestDriver *d = calloc(1, sizeof *d);
    d->base.vtable = &VTABLE;
    d->base.device_id = 0x0010;
    d->base.vendor_id = 0x1234;
    d->base.ready = false;

    CaliptraTransport *transport = NULL;
    CHECK(caliptra_transport_create_from_c_mailbox_driver(NULL, &transport) == InvalidArgument);
    CHECK(caliptra_transport_create_from_c_mailbox_driver(&d->base, NULL) == InvalidArgument);
    d->base.vtable = NULL;
    CHECK(caliptra_transport_create_from_c_mailbox_driver(&d->base, &transport) == InvalidArgument);
    MESSAGE_HAS("CMailboxDriver.vtable is NULL");
    d->base.vtable = &VTABLE;
    OK(caliptra_transport_create_from_c_mailbox_driver(&d->base, &transport));

    CaliptraSession *session = NULL;
    CHECK(caliptra_session_create_with_protocol(transport, Custom, &session) == InvalidArgument);
    MESSAGE_HAS("it speaks Mailbox");
    OK(caliptra_session_create_with_protocol(transport, Mailbox, &session));

    /* A driver that is not ready cannot be connected; once ready it can. */
    CHECK(caliptra_session_connect(session) == Transport);
    MESSAGE_HAS("C mailbox driver: connect returned Transport (5)");
    d->base.ready = true;
    OK(caliptra_session_connect(session));
    CHECK(d->base.connected);

    GetDeviceCapabilitiesResponse caps;
    OK(caliptra_cmd_get_device_capabilities_c_impl(session, &caps));
    static const uint8_t MCAP_REQUEST[4] = {0xDF, 0xFE, 0xFF, 0xFF};
    CHECK(d->last_cmd == MCAP && d->last_payload_len == 4 && memcmp(d->last_payload, MCAP_REQUEST, 4) == 0);
    CHECK(caps.common.fips_status == 1 && caps.caps[7] == 0x01 && caps.caps[15] == 0x01 && caps.caps[23] == 0xFF);
    CHECK(caps.caps[25] == 0x02 && caps.caps[27] == 0xEF && caps.caps[31] == 0x09);

    GetFirmwareVersionResponse version;
    OK(caliptra_cmd_get_firmware_version_c_impl(session, 1, &version));
    static const uint8_t MFWV_REQUEST_1[8] = {0xBF, 0xFE, 0xFF, 0xFF, 0x01, 0x00, 0x00, 0x00};
    CHECK(d->last_cmd == MFWV && d->last_payload_len == 8 && memcmp(d->last_payload, MFWV_REQUEST_1, 8) == 0);
    CHECK(version.common.fips_status == 0 && version.version[0] == 2 && version.version[1] == 0 && version.version[2] == 0);
    CaliptraGetFirmwareVersionRequest index0 = {0};
    OK(caliptra_cmd_get_firmware_version(session, &index0, &version));
    static const uint8_t MFWV_REQUEST_0[8] = {0xC0, 0xFE, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00};
    CHECK(memcmp(d->last_payload, MFWV_REQUEST_0, 8) == 0);

    /* Other commands are framed the same way: the checksum covers the command code and the payload. */
    static CaliptraHashInitRequest init;
    init.algorithm = CALIPTRA_SHA512;
    init.input_size = 3;
    memcpy(init.input, "abc", 3);
    static CaliptraHashInitResponse context;
    CHECK(caliptra_cmd_hash_init(session, &init, &context) == Protocol); /* this driver does not know MCSI */
    CHECK(d->last_cmd == 0x4D435349u && d->last_payload_len >= 4 + 8 + 3);
    CHECK(d->bad_request_checksums == 0);

    /* A response whose checksum does not add up is refused. */
    d->corrupt_next = 1;
    CHECK(caliptra_cmd_get_device_capabilities(session, &caps) == Protocol);
    MESSAGE_HAS("checksum");
    CHECK(caliptra_cmd_get_device_capabilities_c_impl(session, &caps) == Success);

    /* The vtable is read at every call, as the reference reads it. */
    d->base.vtable = &TIMEOUT_VTABLE;
    CHECK(caliptra_cmd_get_device_capabilities(session, &caps) == Timeout);
    d->base.vtable = &VTABLE;

    d->base.ready = false;
    CHECK(caliptra_cmd_get_device_capabilities(session, &caps) == Device);

    OK(caliptra_session_disconnect(session));
    CHECK(!d->base.connected);
    OK(caliptra_session_destroy(session));
    CHECK(d->base.vtable == &VTABLE && d->base.vendor_id == 0x1234); /* the driver is the caller's, untouched */
    free(d);
    return summary("test_uhost_mailbox_driver");
}
