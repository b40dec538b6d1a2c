/*
 * The calls of ASPEED's QEMU proof of concept (seeds/002): on a thread of its own, init default
 * (1.x parameters, debug-unlocked unprovisioned) and boot default to runtime ready (0x600); then
 * what a SoC model does with a booted part: read the boot status, run a mailbox command through the
 * APB registers; and destroy from another thread, as QEMU's bottom half does.
 *
 * usage: test_model_poc ROM_FILE FW_FILE EXPECT
 *   EXPECT "boots": boot_default returns 0, FW_INFO answers with pl0_pauser, printed.
 *   EXPECT a hex Caliptra error code: boot_default returns it and the part halts with it in
 *   CPTRA_FW_ERROR_FATAL (with the device configuration from $CALIPTRA_DEVICE).
 */
#include <pthread.h>

#include "model_test.h"

#define RT_READY_FOR_COMMANDS 0x600u

struct boot {
    struct caliptra_buffer rom;
    struct caliptra_buffer fw;
    struct caliptra_model *model;
    int init_rc;
    int boot_rc;
};

static void *boot_thread(void *arg)
{
    struct boot *b = arg;
    static const uint8_t empty;
    struct caliptra_model_init_params params = {
        .rom = b->rom,
        .dccm = {&empty, 0},
        .iccm = {&empty, 0},
        .security_state = CALIPTRA_SEC_STATE_DBG_UNLOCKED_UNPROVISIONED,
    };
    b->init_rc = caliptra_model_init_default(params, &b->model);
    if (b->init_rc != CALIPTRA_MODEL_STATUS_OK) {
        /* The message is this thread's. */
        printf("init_default: %d: %s\n", b->init_rc, caliptra_model_last_error());
    } else {
        b->boot_rc = caliptra_model_boot_default(b->model, b->fw, RT_READY_FOR_COMMANDS);
        if (b->boot_rc != CALIPTRA_MODEL_STATUS_OK) {
            printf("boot_default: %d (0x%08X): %s\n", b->boot_rc, (unsigned int)b->boot_rc, caliptra_model_last_error());
        }
    }
    return NULL;
}

static void *destroy_thread(void *arg)
{
    caliptra_model_destroy(arg);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        printf("usage: %s ROM_FILE FW_FILE boots|ERROR_CODE\n", argv[0]);
        return 2;
    }
    struct boot b = {read_file(argv[1]), read_file(argv[2]), NULL, -99, -99};
    int expect_boot = strcmp(argv[3], "boots") == 0;
    unsigned int expected_error = expect_boot ? 0 : (unsigned int)strtoul(argv[3], NULL, 16);

    pthread_t thread;
    pthread_create(&thread, NULL, boot_thread, &b);
    pthread_join(thread, NULL);
    CHECK(b.init_rc == CALIPTRA_MODEL_STATUS_OK, "init_default: %d", b.init_rc);
    if (b.model == NULL) {
        return summary("test_model_poc");
    }
    struct caliptra_model *model = b.model;
    if (expect_boot) {
        CHECK(b.boot_rc == CALIPTRA_MODEL_STATUS_OK, "boot_default: %d", b.boot_rc);
        unsigned int status = rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS));
        CHECK(status == RT_READY_FOR_COMMANDS, "boot status 0x%X", status);
        CHECK(rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS)) & GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_RUNTIME_MASK,
              "ready_for_runtime");
        CHECK(!caliptra_model_ready_for_fuses(model) && caliptra_model_ready_for_fw(model), "fused, and ready_for_fw latched");
        uint32_t pl0 = 0;
        unsigned int dlen = fw_info(model, &pl0, 1);
        printf("FW_INFO: %u bytes, pl0_pauser 0x%08X\n", dlen, pl0);
        CHECK(!caliptra_model_exit_requested(model), "a running part asks no exit");
        /* A second boot of a booted part is refused, not attempted. */
        int again = caliptra_model_boot_default(model, b.fw, RT_READY_FOR_COMMANDS);
        CHECK(again == CALIPTRA_MODEL_STATUS_DEVICE_ERROR, "second boot_default: %d", again);
        CHECK(strstr(caliptra_model_last_error(), "CPTRA_FUSE_WR_DONE is already set") != NULL, "message: %s",
              caliptra_model_last_error());
    } else {
        CHECK((unsigned int)b.boot_rc == expected_error, "boot_default returned 0x%08X, expected 0x%08X", (unsigned int)b.boot_rc,
              expected_error);
        unsigned int fatal = rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_FATAL));
        CHECK(fatal == expected_error, "CPTRA_FW_ERROR_FATAL 0x%08X", fatal);
        CHECK(caliptra_model_exit_requested(model), "a halted part's firmware runs no more");
        CHECK(!(rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS)) & GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_RUNTIME_MASK),
              "never ready for runtime");
        caliptra_model_step_until_boot_status(model, RT_READY_FOR_COMMANDS);
        CHECK(strstr(caliptra_model_last_error(), "the firmware stopped while waiting for boot status 0x600") != NULL,
              "waiting on a halted part ends at once: %s", caliptra_model_last_error());
    }
    struct caliptra_buffer out = caliptra_model_output_peek(model);
    printf("---- output ----\n%s---- end ----\n", out.data != NULL ? (const char *)out.data : "");

    pthread_create(&thread, NULL, destroy_thread, model);
    pthread_join(thread, NULL);
    free((void *)b.rom.data);
    free((void *)b.fw.data);
    return summary("test_model_poc");
}
