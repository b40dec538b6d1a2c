/*
 * Both caliptra-util C libraries in one process: the hw-model library starts the JVM, the host
 * library joins it (one JVM per process), and each library's calls work.
 *
 * usage: test_two_libraries ROM_FILE FW_FILE   (compiled against the 1.x hw-model headers)
 */
#include "caliptra_util_host.h"
#include "model_test.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        printf("usage: %s ROM_FILE FW_FILE\n", argv[0]);
        return 2;
    }
    struct caliptra_buffer rom = read_file(argv[1]);
    struct caliptra_buffer fw = read_file(argv[2]);
    struct caliptra_model_init_params params = {.rom = rom, .dccm = {NULL, 0}, .iccm = {NULL, 0}, .security_state = 0};
    struct caliptra_model *model = NULL;
    CHECK(caliptra_model_init_default(params, &model) == 0, "hw-model init_default");
    CHECK(model != NULL && caliptra_model_boot_default(model, fw, 0x600) == 0, "hw-model boot_default");

    CaliptraTransport *transport = NULL;
    CaliptraSession *session = NULL;
    CaliptraDeviceId id;
    CHECK(caliptra_transport_create_emulator(&transport) == Success, "util-host transport: %s", caliptra_last_error());
    CHECK(caliptra_session_create_with_protocol(transport, Mailbox, &session) == Success, "session: %s", caliptra_last_error());
    CHECK(caliptra_session_connect(session) == Success, "connect: %s", caliptra_last_error());
    CHECK(caliptra_cmd_get_device_id(session, &id) == Success, "get_device_id: %s", caliptra_last_error());
    printf("device id: vendor 0x%04X device 0x%04X\n", id.vendor_id, id.device_id);
    caliptra_session_destroy(session);

    CHECK(model != NULL && rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS)) == 0x600, "the model still answers");
    caliptra_model_destroy(model);
    return summary("test_two_libraries");
}
