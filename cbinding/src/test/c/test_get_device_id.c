/*
 * Drives libcaliptra_util_host.so as a C user would: session on the embedded emulator,
 * MC_DEVICE_ID, error paths, and concurrent callers. Prints "N passed, M failed"; exit 0 only if
 * every check passed.
 */
#define _GNU_SOURCE
#include "caliptra_util_host.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

static int passed;
static int failed;

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        if (cond) {                                                                        \
            passed++;                                                                      \
        } else {                                                                           \
            failed++;                                                                      \
            fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, __LINE__, \
                    #cond, caliptra_last_error());                                         \
        }                                                                                  \
    } while (0)

/* The emulator's documented default identity (emulator DeviceConfig.DEFAULT_IDENTITY). */
#define EXPECT_VENDOR_ID 0xCA11
#define EXPECT_DEVICE_ID 0x0021
#define EXPECT_SUBSYSTEM_VENDOR_ID 0xCA11
#define EXPECT_SUBSYSTEM_ID 0x0001

#define THREADS 4
#define CALLS_PER_THREAD 50

static void *hammer(void *arg)
{
    CaliptraSession *session = arg;
    long bad = 0;
    for (int i = 0; i < CALLS_PER_THREAD; i++) {
        CaliptraDeviceId id;
        memset(&id, 0, sizeof id);
        if (caliptra_cmd_get_device_id(session, &id) != Success || id.vendor_id != EXPECT_VENDOR_ID
            || id.subsystem_id != EXPECT_SUBSYSTEM_ID) {
            bad++;
        }
    }
    return (void *)bad;
}

int main(void)
{
    CaliptraTransport *transport = NULL;
    CaliptraSession *session = NULL;

    CHECK(sizeof(CaliptraDeviceId) == 8);
    CHECK(caliptra_transport_create_emulator(&transport) == Success);
    CHECK(transport != NULL);
    CHECK(caliptra_session_create_with_protocol(transport, Mailbox, &session) == Success);
    CHECK(session != NULL);

    CaliptraDeviceId id;
    memset(&id, 0xAA, sizeof id);
    CHECK(caliptra_cmd_get_device_id(session, &id) == State); /* not connected yet */
    CHECK(strstr(caliptra_last_error(), "needs a connected session") != NULL);
    CHECK(id.vendor_id == 0xAAAA); /* untouched on failure */

    CHECK(caliptra_session_connect(session) == Success);
    CHECK(caliptra_session_connect(session) == State);
    CHECK(caliptra_cmd_get_device_id(session, &id) == Success);
    CHECK(strcmp(caliptra_last_error(), "") == 0);
    CHECK(id.vendor_id == EXPECT_VENDOR_ID);
    CHECK(id.device_id == EXPECT_DEVICE_ID);
    CHECK(id.subsystem_vendor_id == EXPECT_SUBSYSTEM_VENDOR_ID);
    CHECK(id.subsystem_id == EXPECT_SUBSYSTEM_ID);
    printf("device id: vendor 0x%04X device 0x%04X subsystem vendor 0x%04X subsystem 0x%04X\n",
           id.vendor_id, id.device_id, id.subsystem_vendor_id, id.subsystem_id);

    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++) {
        CHECK(pthread_create(&threads[i], NULL, hammer, session) == 0);
    }
    for (int i = 0; i < THREADS; i++) {
        void *bad = NULL;
        pthread_join(threads[i], &bad);
        CHECK(bad == NULL);
    }

    CHECK(caliptra_cmd_get_device_id(session, NULL) == InvalidArgument);
    CHECK(caliptra_cmd_get_device_id(NULL, &id) == InvalidArgument);
    CHECK(caliptra_session_disconnect(session) == Success);
    CHECK(caliptra_session_disconnect(session) == Success);
    CHECK(caliptra_cmd_get_device_id(session, &id) == State);
    CHECK(caliptra_session_destroy(session) == Success);
    CHECK(caliptra_session_destroy(session) == InvalidArgument); /* stale handle is detected */
    CHECK(strstr(caliptra_last_error(), "unknown or already released session handle") != NULL);
    CHECK(caliptra_transport_destroy(transport) == InvalidArgument); /* owned by the session */

    /* Target URIs. */
    CaliptraTransport *other = NULL;
    CHECK(caliptra_transport_create_from_target("bogus://127.0.0.1:1", &other) == InvalidArgument);
    CHECK(other == NULL);
    CHECK(strstr(caliptra_last_error(), "unknown target 'bogus://127.0.0.1:1'") != NULL);
    CHECK(caliptra_transport_create_from_target("emulator?profile=caliptra-9.9", &other) == InvalidArgument);
    CHECK(strstr(caliptra_last_error(), "unknown profile 'caliptra-9.9'") != NULL);
    CHECK(caliptra_transport_create_from_target("emulator?profile=caliptra-2.1", &other) == Success);
    CaliptraSession *mctp = NULL;
    CHECK(caliptra_session_create_with_protocol(other, MctpVdm, &mctp) == NotSupported);
    CHECK(mctp == NULL);
    CHECK(caliptra_transport_destroy(other) == Success);
    CHECK(caliptra_transport_destroy(NULL) == InvalidArgument);
    CHECK(caliptra_transport_create_from_target("emulator", NULL) == InvalidArgument);

    printf("test_get_device_id: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
