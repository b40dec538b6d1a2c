/*
 * Both caliptra-util C libraries in one process, started at the same moment on two threads: one
 * creates the JVM, the other joins it (one JVM per process, whichever wins), and each library's
 * calls work.
 *
 * usage: test_two_libraries ROM_FILE FW_FILE   (compiled against the 1.x hw-model headers)
 */
#include <pthread.h>

#include "caliptra_util_host.h"
#include "model_test.h"

static pthread_barrier_t start;
static struct caliptra_buffer rom;
static struct caliptra_model *model;
static int model_rc = -99;
static CaliptraTransport *transport;
static CaliptraError transport_rc = Unknown;

static void *start_model(void *arg)
{
    (void)arg;
    struct caliptra_model_init_params params = {.rom = rom, .dccm = {NULL, 0}, .iccm = {NULL, 0}, .security_state = 0};
    pthread_barrier_wait(&start);
    model_rc = caliptra_model_init_default(params, &model);
    if (model_rc != 0) {
        printf("hw-model init: %s\n", caliptra_model_last_error());
    }
    return NULL;
}

static void *start_host(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&start);
    transport_rc = caliptra_transport_create_emulator(&transport);
    if (transport_rc != Success) {
        printf("util-host transport: %s\n", caliptra_last_error());
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        printf("usage: %s ROM_FILE FW_FILE\n", argv[0]);
        return 2;
    }
    rom = read_file(argv[1]);
    struct caliptra_buffer fw = read_file(argv[2]);
    pthread_t a, b;
    pthread_barrier_init(&start, NULL, 2);
    pthread_create(&a, NULL, start_model, NULL);
    pthread_create(&b, NULL, start_host, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    CHECK(model_rc == 0 && model != NULL, "hw-model init_default: %d", model_rc);
    CHECK(transport_rc == Success, "util-host transport: %d", transport_rc);
    CHECK(model != NULL && caliptra_model_boot_default(model, fw, 0x600) == 0, "hw-model boot_default");

    CaliptraSession *session = NULL;
    CaliptraDeviceId id;
    CHECK(caliptra_session_create_with_protocol(transport, Mailbox, &session) == Success, "session: %s", caliptra_last_error());
    CHECK(caliptra_session_connect(session) == Success, "connect: %s", caliptra_last_error());
    CHECK(caliptra_cmd_get_device_id(session, &id) == Success, "get_device_id: %s", caliptra_last_error());
    printf("device id: vendor 0x%04X device 0x%04X\n", id.vendor_id, id.device_id);
    caliptra_session_destroy(session);

    CHECK(model != NULL && rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS)) == 0x600, "the model still answers");
    caliptra_model_destroy(model);
    return summary("test_two_libraries");
}
