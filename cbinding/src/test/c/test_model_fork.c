/*
 * fork() after the JVM started: the child cannot reach the JVM (its threads stayed in the parent),
 * so every call there fails with CALIPTRA_MODEL_STATUS_NO_RUNTIME and says why, destroy only
 * frees memory, and nothing hangs; the parent's model is untouched.
 *
 * usage: test_model_fork ROM_FILE FW_FILE
 */
#include <sys/wait.h>
#include <unistd.h>

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
    CHECK(caliptra_model_init_default(params, &model) == 0, "init_default");
    if (model == NULL) {
        return summary("test_model_fork");
    }
    CHECK(caliptra_model_boot_default(model, fw, 0x600) == 0, "boot_default");
    fflush(stdout);

    pid_t child = fork();
    if (child == 0) {
        unsigned int v = 0;
        int rc = caliptra_model_apb_read_u32(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS), &v);
        int ok = rc == CALIPTRA_MODEL_STATUS_NO_RUNTIME && strstr(caliptra_model_last_error(), "fork()") != NULL;
        printf("child: read -> %d: %s\n", rc, caliptra_model_last_error());
        struct caliptra_model *other = NULL;
        rc = caliptra_model_init_default(params, &other);
        ok = ok && rc == CALIPTRA_MODEL_STATUS_NO_RUNTIME && other == NULL;
        printf("child: init_default -> %d\n", rc);
        caliptra_model_destroy(model);
        fflush(stdout);
        _exit(ok ? 0 : 1);
    }
    int status = -1;
    waitpid(child, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child saw clear failures (status 0x%X)", status);
    CHECK(rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS)) == 0x600, "the parent's model still answers");
    uint32_t pl0 = 0;
    CHECK(fw_info(model, &pl0, 0) > 0, "and runs commands");
    caliptra_model_destroy(model);
    return summary("test_model_fork");
}
