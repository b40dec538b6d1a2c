/*
 * The in-process cost of caliptra_cmd_get_firmware_version_c_impl: C -> JNI -> session -> transport
 * and back, over the embedded emulator (the MCU mailbox of a caliptra-2.1, device work included) and
 * over a C loopback transport (the library's own cost: JNI, the catalogue's codecs, the session, the
 * JNA calls back into C). Usage: bench_uhost [CALLS [WARMUP]]. Prints microseconds per call.
 */
#define _POSIX_C_SOURCE 200809L
#include "caliptra_util_host.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int pending;
static GetFirmwareVersionResponse canned;

static CaliptraError loop_send(void *ctx, uint32_t id, const uint8_t *data, uintptr_t len)
{
    (void)ctx, (void)data, (void)len;
    pending = id == CALIPTRA_CMD_GET_FIRMWARE_VERSION;
    return pending ? Success : NotSupported;
}

static CaliptraError loop_receive(void *ctx, uint8_t *buffer, uintptr_t buffer_len, uintptr_t *received)
{
    (void)ctx;
    if (!pending || buffer_len < sizeof canned) {
        return IO;
    }
    memcpy(buffer, &canned, sizeof canned);
    *received = sizeof canned;
    pending = 0;
    return Success;
}

static CaliptraError loop_ok(void *ctx)
{
    (void)ctx;
    return Success;
}

static bool loop_connected(void *ctx)
{
    (void)ctx;
    return true;
}

static int measure(const char *what, CaliptraSession *session, long calls, long warmup)
{
    GetFirmwareVersionResponse version;
    for (long i = 0; i < warmup; i++) {
        if (caliptra_cmd_get_firmware_version_c_impl(session, 1, &version) != Success) {
            fprintf(stderr, "%s: %s\n", what, caliptra_last_error_message());
            return 1;
        }
    }
    double start = now_us();
    for (long i = 0; i < calls; i++) {
        if (caliptra_cmd_get_firmware_version_c_impl(session, 1, &version) != Success) {
            fprintf(stderr, "%s: %s\n", what, caliptra_last_error_message());
            return 1;
        }
    }
    double elapsed = now_us() - start;
    printf("caliptra_cmd_get_firmware_version_c_impl over %s: %.2f us per call (%ld calls after %ld warm-up)\n", what,
           elapsed / calls, calls, warmup);
    return 0;
}

int main(int argc, char **argv)
{
    long calls = argc > 1 ? atol(argv[1]) : 20000;
    long warmup = argc > 2 ? atol(argv[2]) : 20000;
    if (calls <= 0 || warmup < 0) {
        fprintf(stderr, "usage: bench_uhost [CALLS [WARMUP]]\n");
        return 2;
    }
    CaliptraTransport *transport = NULL;
    CaliptraSession *session = NULL;
    if (caliptra_transport_create_emulator(&transport) != Success
        || caliptra_session_create_with_protocol(transport, Mailbox, &session) != Success
        || caliptra_session_connect(session) != Success) {
        fprintf(stderr, "emulator: %s\n", caliptra_last_error_message());
        return 1;
    }
    double start = now_us();
    GetFirmwareVersionResponse version;
    if (caliptra_cmd_get_firmware_version_c_impl(session, 1, &version) != Success) {
        fprintf(stderr, "first command: %s\n", caliptra_last_error_message());
        return 1;
    }
    printf("first command (embedded device booted with the development bundle): %.0f ms\n", (now_us() - start) / 1e3);
    int rc = measure("the embedded emulator (caliptra-2.1, MCU mailbox)", session, calls, warmup);
    caliptra_session_destroy(session);

    canned.common.fips_status = 0;
    canned.version[0] = 2;
    CTransportVTable vt = {loop_send, loop_receive, loop_ok, loop_ok, loop_connected, NULL};
    if (caliptra_transport_create_from_c_vtable(&vt, NULL, &transport) != Success
        || caliptra_session_create_with_protocol(transport, Custom, &session) != Success
        || caliptra_session_connect(session) != Success) {
        fprintf(stderr, "loopback: %s\n", caliptra_last_error_message());
        return 1;
    }
    rc |= measure("a C loopback transport", session, calls, warmup);
    caliptra_session_destroy(session);
    return rc;
}
