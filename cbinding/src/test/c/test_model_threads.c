/*
 * One model used from many threads at once: threads attach on their first call and detach when
 * they exit; calls stay atomic (every read of a booted part's boot status is 0x600 while other
 * threads step it); mailbox commands from several threads, each taking the mailbox lock as a SoC
 * agent would, all complete; the model is destroyed by a thread that never used it before.
 *
 * usage: test_model_threads ROM_FILE FW_FILE
 */
#include <pthread.h>
#include <stdatomic.h>

#include "model_test.h"

#define THREADS 4
#define READS 50000
#define COMMANDS 50

static struct caliptra_model *model;
static atomic_int bad_reads;
static atomic_int commands_done;
static atomic_int wrong_pl0;
static uint32_t expected_pl0;

static void *reader(void *arg)
{
    (void)arg;
    for (int i = 0; i < READS; i++) {
        unsigned int v = 0;
        if (caliptra_model_apb_read_u32(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS), &v) != 0 || v != 0x600) {
            atomic_fetch_add(&bad_reads, 1);
        }
        caliptra_model_step(model);
    }
    return NULL;
}

/* A SoC agent: waits for the mailbox lock (stepping the part meanwhile), then one FW_INFO. */
static void *commander(void *arg)
{
    (void)arg;
    for (int i = 0; i < COMMANDS; i++) {
        const uint32_t request = FW_INFO_REQUEST_CHECKSUM;
        unsigned int status = 0xFF;
        for (int tries = 0; tries < 1000000 && status == 0xFF; tries++) {
            status = mbox_send(model, FW_INFO, (const uint8_t *)&request, 4);
            if (status == 0xFF) {
                caliptra_model_step(model);
            }
        }
        if (status == MBOX_STATUS_DATA_READY) {
            uint8_t resp[512];
            unsigned int dlen = mbox_read(model, resp, sizeof resp);
            if (dlen < 12 || dlen > sizeof resp || !response_checksum_ok(resp, dlen) || le32(resp + 8) != expected_pl0) {
                atomic_fetch_add(&wrong_pl0, 1);
            } else {
                atomic_fetch_add(&commands_done, 1);
            }
        }
        wr(model, MBOX(MBOX_CSR_MBOX_EXECUTE), 0);
    }
    return NULL;
}

static void *destroyer(void *arg)
{
    caliptra_model_destroy(arg);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        printf("usage: %s ROM_FILE FW_FILE\n", argv[0]);
        return 2;
    }
    struct caliptra_buffer rom = read_file(argv[1]);
    struct caliptra_buffer fw = read_file(argv[2]);
    struct caliptra_model_init_params params = {.rom = rom, .dccm = {NULL, 0}, .iccm = {NULL, 0}, .security_state = 0};
    int rc = caliptra_model_init_default(params, &model);
    CHECK(rc == 0, "init_default %d", rc);
    if (rc != 0) {
        return summary("test_model_threads");
    }
    rc = caliptra_model_boot_default(model, fw, 0x600);
    CHECK(rc == 0, "boot_default %d", rc);
    uint32_t pl0 = 0;
    fw_info(model, &pl0, 0);
    expected_pl0 = pl0;

    pthread_t threads[2 * THREADS];
    for (int i = 0; i < THREADS; i++) {
        pthread_create(&threads[i], NULL, reader, NULL);
        pthread_create(&threads[THREADS + i], NULL, commander, NULL);
    }
    for (int i = 0; i < 2 * THREADS; i++) {
        pthread_join(threads[i], NULL);
    }
    CHECK(atomic_load(&bad_reads) == 0, "%d of %d boot status reads were not 0x600", atomic_load(&bad_reads), THREADS * READS);
    CHECK(atomic_load(&commands_done) == THREADS * COMMANDS, "%d of %d FW_INFO commands completed (%d wrong)",
          atomic_load(&commands_done), THREADS * COMMANDS, atomic_load(&wrong_pl0));
    printf("threads: %d reads and steps, %d FW_INFO commands, pl0_pauser 0x%08X\n", THREADS * READS,
           atomic_load(&commands_done), expected_pl0);

    pthread_t last;
    pthread_create(&last, NULL, destroyer, model);
    pthread_join(last, NULL);
    return summary("test_model_threads");
}
