/*
 * A transport written in C (CTransportVTable, protocol Custom), as the reference's C test uses one,
 * and what the reference leaves unchecked: the vtable is copied, ctx comes back unchanged, the
 * callbacks run on the caller's thread, the device sees the command's internal request bytes, a
 * response of the wrong size and a bad request field are refused, callback errors keep their class,
 * retries follow the session configuration, connect/disconnect/destroy run exactly when they should.
 */
#define _GNU_SOURCE
#include "uhost_test.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct {
    int connected;
    int connect_calls;
    int disconnect_calls;
    int destroy_calls;
    int send_calls;
    int receive_calls;
    uint32_t last_command_id;
    uint8_t last_request[8192];
    size_t last_request_len;
    uint8_t response[8192];
    size_t response_len;
    int pending;
    CaliptraError fail_send; /* what send returns next, Success for normal operation */
    pthread_t caller;
    int wrong_thread;
} MockDevice;

static void respond(MockDevice *d, const void *bytes, size_t n)
{
    memcpy(d->response, bytes, n);
    d->response_len = n;
    d->pending = 1;
}

static CaliptraError mock_send(void *ctx, uint32_t command_id, const uint8_t *data, uintptr_t len)
{
    MockDevice *d = ctx;
    d->send_calls++;
    if (!pthread_equal(pthread_self(), d->caller)) {
        d->wrong_thread++;
    }
    if (!d->connected) {
        return State;
    }
    if (d->fail_send != Success) {
        return d->fail_send;
    }
    d->last_command_id = command_id;
    d->last_request_len = len;
    memcpy(d->last_request, data, len);
    switch (command_id) {
    case CALIPTRA_CMD_GET_FIRMWARE_VERSION: {
        GetFirmwareVersionResponse r;
        memset(&r, 0, sizeof r);
        r.common.fips_status = 1;
        r.version[0] = 2;
        r.version[3] = 7;
        memcpy(r.commit_id, "c0ffee", 6);
        respond(d, &r, sizeof r);
        return Success;
    }
    case CALIPTRA_CMD_GET_DEVICE_CAPABILITIES: {
        GetDeviceCapabilitiesResponse r;
        memset(&r, 0, sizeof r);
        r.common.fips_status = 1;
        r.caps[7] = 1;
        r.caps[23] = 0xFF;
        r.caps[27] = 0xEF;
        r.caps[31] = 0x09;
        respond(d, &r, sizeof r);
        return Success;
    }
    case CALIPTRA_CMD_HASH_INIT: {
        CaliptraHashInitResponse r;
        memset(&r, 0x5A, sizeof r);
        r.fips_status = 0;
        respond(d, &r, sizeof r);
        return Success;
    }
    case CALIPTRA_CMD_GET_DEVICE_INFO: {
        uint8_t short_answer[39];
        memset(short_answer, 0, sizeof short_answer);
        respond(d, short_answer, sizeof short_answer); /* one byte short of CaliptraGetDeviceInfoResponse */
        return Success;
    }
    default:
        d->pending = 0;
        return NotSupported;
    }
}

static CaliptraError mock_receive(void *ctx, uint8_t *buffer, uintptr_t buffer_len, uintptr_t *received_len)
{
    MockDevice *d = ctx;
    d->receive_calls++;
    if (!d->connected) {
        return State;
    }
    if (!d->pending) {
        return IO;
    }
    if (buffer_len < d->response_len) {
        return InvalidArgument;
    }
    memcpy(buffer, d->response, d->response_len);
    *received_len = d->response_len;
    d->pending = 0;
    return Success;
}

static CaliptraError mock_connect(void *ctx)
{
    MockDevice *d = ctx;
    d->connect_calls++;
    d->connected = 1;
    return Success;
}

static CaliptraError mock_disconnect(void *ctx)
{
    MockDevice *d = ctx;
    d->disconnect_calls++;
    d->connected = 0;
    return Success;
}

static bool mock_is_connected(void *ctx)
{
    return ((MockDevice *)ctx)->connected != 0;
}

static void mock_destroy(void *ctx)
{
    ((MockDevice *)ctx)->destroy_calls++;
}

static CTransportVTable vtable(void)
{
    CTransportVTable vt = {mock_send, mock_receive, mock_connect, mock_disconnect, mock_is_connected, mock_destroy};
    return vt;
}

static void lifecycle_and_commands(void)
{
    static MockDevice device; /* static: large; the library must not free it */
    memset(&device, 0, sizeof device);
    device.caller = pthread_self();

    CTransportVTable vt = vtable();
    CaliptraTransport *transport = NULL;
    CHECK(caliptra_transport_create_from_c_vtable(NULL, &device, &transport) == InvalidArgument);
    MESSAGE_HAS("vtable is NULL");
    CHECK(caliptra_transport_create_from_c_vtable(&vt, &device, NULL) == InvalidArgument);
    CTransportVTable broken = vt;
    broken.send = NULL;
    CHECK(caliptra_transport_create_from_c_vtable(&broken, &device, &transport) == InvalidArgument);
    MESSAGE_HAS("CTransportVTable.send is NULL");
    CHECK(transport == NULL);

    OK(caliptra_transport_create_from_c_vtable(&vt, &device, &transport));
    CHECK(transport != NULL);
    memset(&vt, 0, sizeof vt); /* the library copied it: the caller's may go away */

    CaliptraSession *session = NULL;
    CHECK(caliptra_session_create_with_protocol(transport, Mailbox, &session) == InvalidArgument);
    MESSAGE_HAS("it speaks Custom");
    CHECK(caliptra_session_create_with_protocol(transport, MctpVdm, &session) == NotSupported);
    CHECK(session == NULL);

    CaliptraSessionConfig config;
    OK(caliptra_session_config_default(&config));
    CHECK(config.connect_timeout_ms == 5000 && config.command_timeout_ms == 10000 && config.max_retries == 3);
    CHECK(config.retry_initial_delay_ms == 50 && config.retry_max_delay_ms == 1000 && config.retry_multiplier == 2.0);
    CHECK(config.auto_reconnect && config.keepalive_interval_ms == 0);
    CaliptraSessionConfig bad = config;
    bad.retry_multiplier = 0.5;
    CHECK(caliptra_session_create_with_config(transport, Custom, &bad, &session) == InvalidArgument);
    MESSAGE_HAS("retry_multiplier");
    config.max_retries = 2;
    config.retry_initial_delay_ms = 1;
    config.retry_max_delay_ms = 1;
    config.retry_multiplier = 1.0;
    OK(caliptra_session_create_with_config(transport, Custom, &config, &session));
    CHECK(session != NULL);
    CHECK(caliptra_transport_destroy(transport) == InvalidArgument); /* the session owns it now */
    CaliptraSessionConfig read_back;
    OK(caliptra_session_get_config(session, &read_back));
    CHECK(read_back.max_retries == 2 && read_back.retry_initial_delay_ms == 1 && read_back.retry_multiplier == 1.0);

    CaliptraSessionState state = CALIPTRA_SESSION_ERROR;
    OK(caliptra_session_get_state(session, &state));
    CHECK(state == CALIPTRA_SESSION_DISCONNECTED);

    /* Not connected: the reference's class (Device) from _c_impl, the real one (State) from the new API. */
    GetFirmwareVersionResponse version;
    memset(&version, 0xAA, sizeof version);
    CHECK(caliptra_cmd_get_firmware_version_c_impl(session, 1, &version) == Device);
    MESSAGE_HAS("needs a connected session");
    CaliptraGetFirmwareVersionRequest index1 = {1};
    CHECK(caliptra_cmd_get_firmware_version(session, &index1, &version) == State);
    CHECK(version.version[0] == 0xAAAAAAAAu); /* untouched on failure */
    CHECK(device.send_calls == 0);

    OK(caliptra_session_connect(session));
    CHECK(device.connect_calls == 1 && device.connected);
    CHECK(caliptra_session_connect(session) == State);
    CHECK(device.connect_calls == 1);
    OK(caliptra_session_get_state(session, &state));
    CHECK(state == CALIPTRA_SESSION_CONNECTED);

    GetDeviceCapabilitiesResponse caps;
    memset(&caps, 0, sizeof caps);
    OK(caliptra_cmd_get_device_capabilities_c_impl(session, &caps));
    CHECK(device.last_command_id == 0x0002 && device.last_request_len == 0);
    CHECK(caps.common.fips_status == 1 && caps.caps[7] == 1 && caps.caps[23] == 0xFF && caps.caps[27] == 0xEF);
    CHECK(caps.caps[31] == 0x09 && caps.caps[19] == 0);
    CHECK(caliptra_cmd_get_device_capabilities_c_impl(NULL, &caps) == InvalidArgument);
    CHECK(caliptra_cmd_get_device_capabilities_c_impl(session, NULL) == InvalidArgument);

    OK(caliptra_cmd_get_firmware_version_c_impl(session, 1, &version));
    static const uint8_t index_one[4] = {1, 0, 0, 0};
    CHECK(device.last_command_id == 0x0001 && device.last_request_len == 4);
    CHECK(memcmp(device.last_request, index_one, 4) == 0);
    CHECK(version.common.fips_status == 1 && version.version[0] == 2 && version.version[1] == 0 && version.version[3] == 7);
    CHECK(memcmp(version.commit_id, "c0ffee", 7) == 0);
    CHECK(device.pending == 0 && device.receive_calls == 2); /* one receive per command */

    /* A typed command of part 2: the device gets the internal request struct verbatim. */
    static CaliptraHashInitRequest init;
    memset(&init, 0, sizeof init);
    init.algorithm = CALIPTRA_SHA384;
    init.input_size = 3;
    memcpy(init.input, "abc", 3);
    static CaliptraHashInitResponse context;
    OK(caliptra_cmd_hash_init(session, &init, &context));
    CHECK(device.last_command_id == 0x2001 && device.last_request_len == sizeof init);
    CHECK(memcmp(device.last_request, &init, sizeof init) == 0);
    CHECK(context.fips_status == 0 && context.context[0] == 0x5A && context.context[199] == 0x5A);

    /* A field out of range never leaves the library. */
    int sends = device.send_calls;
    init.input_size = 5000;
    CHECK(caliptra_cmd_hash_init(session, &init, &context) == InvalidArgument);
    MESSAGE_HAS("input_size");
    init.input_size = 3;
    init.algorithm = 99;
    CHECK(caliptra_cmd_hash_init(session, &init, &context) == InvalidArgument);
    MESSAGE_HAS("algorithm");
    CHECK(device.send_calls == sends);
    CHECK(caliptra_cmd_hash_init(session, NULL, &context) == InvalidArgument);
    MESSAGE_HAS("caliptra_cmd_hash_init: request is NULL");

    /* A response of the wrong size is the device's fault: Protocol. */
    CaliptraGetDeviceInfoRequest info_request = {0};
    CaliptraGetDeviceInfoResponse info;
    CHECK(caliptra_cmd_get_device_info(session, &info_request, &info) == Protocol);
    MESSAGE_HAS("GetDeviceInfo");

    /* Callback errors keep their class; transient ones are retried as configured (2 retries). */
    CaliptraDebugEchoRequest echo;
    memset(&echo, 0, sizeof echo);
    CaliptraDebugEchoResponse echoed;
    CHECK(caliptra_cmd_debug_echo(session, &echo, &echoed) == NotSupported);
    MESSAGE_HAS("send of command id 0x7001 returned NotSupported (4)");
    CaliptraSessionStatistics before;
    OK(caliptra_session_get_statistics(session, &before));
    sends = device.send_calls;
    device.fail_send = Timeout;
    CHECK(caliptra_cmd_get_firmware_version_c_impl(session, 0, &version) == Device);
    CHECK(caliptra_cmd_get_firmware_version(session, &index1, &version) == Timeout);
    CHECK(device.send_calls == sends + 6); /* idempotent: 1 + 2 retries, twice */
    device.fail_send = Busy;
    CHECK(caliptra_cmd_get_firmware_version(session, &index1, &version) == Busy);
    device.fail_send = Success;
    CaliptraSessionStatistics after;
    OK(caliptra_session_get_statistics(session, &after));
    CHECK(after.retries - before.retries == 6);
    CHECK(after.commands_failed - before.commands_failed == 3);
    CHECK(after.timeouts - before.timeouts == 6);
    CHECK(after.commands_succeeded == 3); /* caps, version, hash init */
    CHECK(after.bytes_received >= 40 + 40 + 204);
    printf("statistics: sent %llu, succeeded %llu, failed %llu, retries %llu, bytes sent %llu, received %llu\n",
           (unsigned long long)after.commands_sent, (unsigned long long)after.commands_succeeded,
           (unsigned long long)after.commands_failed, (unsigned long long)after.retries,
           (unsigned long long)after.bytes_sent, (unsigned long long)after.bytes_received);

    CHECK(device.wrong_thread == 0);

    OK(caliptra_session_disconnect(session));
    CHECK(device.disconnect_calls == 1 && !device.connected);
    OK(caliptra_session_disconnect(session));
    CHECK(device.disconnect_calls == 1); /* already disconnected: the transport is left alone */
    OK(caliptra_session_destroy(session));
    CHECK(device.destroy_calls == 1 && device.disconnect_calls == 1);
    CHECK(caliptra_session_destroy(session) == InvalidArgument);
    MESSAGE_HAS("unknown or already released session handle");
    CHECK(strcmp(caliptra_last_error(), caliptra_last_error_message()) == 0);
}

static void destroy_paths(void)
{
    MockDevice device;
    memset(&device, 0, sizeof device);
    device.caller = pthread_self();
    CTransportVTable vt = vtable();

    /* A transport no session took: destroy(ctx) runs, nothing else. */
    CaliptraTransport *transport = NULL;
    OK(caliptra_transport_create_from_c_vtable(&vt, &device, &transport));
    OK(caliptra_transport_destroy(transport));
    CHECK(device.destroy_calls == 1 && device.connect_calls == 0 && device.disconnect_calls == 0);
    CHECK(caliptra_transport_destroy(transport) == InvalidArgument);

    /* Destroying a connected session disconnects the transport first. */
    memset(&device, 0, sizeof device);
    device.caller = pthread_self();
    CaliptraSession *session = NULL;
    OK(caliptra_transport_create_from_c_vtable(&vt, &device, &transport));
    OK(caliptra_session_create_with_protocol(transport, Custom, &session));
    OK(caliptra_session_connect(session));
    OK(caliptra_session_destroy(session));
    CHECK(device.connect_calls == 1 && device.disconnect_calls == 1 && device.destroy_calls == 1);

    /* destroy may be NULL; a failing connect is Transport and leaves the session usable. */
    vt.destroy = NULL;
    vt.connect = NULL;
    CHECK(caliptra_transport_create_from_c_vtable(&vt, &device, &transport) == InvalidArgument);
    MESSAGE_HAS("CTransportVTable.connect is NULL");
    vt = vtable();
    vt.destroy = NULL;
    OK(caliptra_transport_create_from_c_vtable(&vt, &device, &transport));
    OK(caliptra_session_create_with_protocol(transport, Custom, &session));
    OK(caliptra_session_destroy(session));
}

int main(void)
{
    lifecycle_and_commands();
    destroy_paths();
    return summary("test_uhost_custom_transport");
}
