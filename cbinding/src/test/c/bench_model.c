/*
 * What the hw-model calls cost from C: caliptra_model_apb_read_u32 and caliptra_model_step on a
 * booted part (millions of each, as a C program polling a status does), and a whole
 * caliptra_model_boot_default (init to boot status 0x600) of a bundle: the first in the process
 * (JVM start included), then, after WARMUP boots that let the JIT compile the boot path, BOOTS
 * measured ones. Prints the numbers; the build only checks that it runs (timings depend on the
 * machine). bench's HwModelBench measures the same boot in Java, without the C side.
 *
 * usage: bench_model ROM_FILE FW_FILE [CALLS [WARMUP [BOOTS]]]
 */
#define _POSIX_C_SOURCE 199309L
#include <time.h>

#include "model_test.h"

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static struct caliptra_model *booted(struct caliptra_buffer rom, struct caliptra_buffer fw, double *boot_ns)
{
    struct caliptra_model_init_params params = {.rom = rom, .dccm = {NULL, 0}, .iccm = {NULL, 0}, .security_state = 0};
    struct caliptra_model *model = NULL;
    double start = now_ns();
    if (caliptra_model_init_default(params, &model) != 0 || caliptra_model_boot_default(model, fw, 0x600) != 0) {
        printf("boot failed: %s\n", caliptra_model_last_error());
        exit(1);
    }
    *boot_ns = now_ns() - start;
    return model;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        printf("usage: %s ROM_FILE FW_FILE [CALLS [WARMUP [BOOTS]]]\n", argv[0]);
        return 2;
    }
    struct caliptra_buffer rom = read_file(argv[1]);
    struct caliptra_buffer fw = read_file(argv[2]);
    long calls = argc > 3 ? atol(argv[3]) : 2000000;
    int warmup = argc > 4 ? atoi(argv[4]) : 200;
    int boots = argc > 5 ? atoi(argv[5]) : 50;

    double first_ns;
    struct caliptra_model *model = booted(rom, fw, &first_ns);
    printf("first boot_default (JVM start included): %.1f ms\n", first_ns / 1e6);

    unsigned int addr = SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS);
    unsigned int v = 0, sum = 0;
    /* Warm up, then measure: the JIT compiles the path during the first rounds. */
    for (int round = 0; round < 3; round++) {
        double start = now_ns();
        for (long i = 0; i < calls; i++) {
            caliptra_model_apb_read_u32(model, addr, &v);
            sum += v;
        }
        double read_ns = (now_ns() - start) / (double)calls;
        start = now_ns();
        for (long i = 0; i < calls; i++) {
            caliptra_model_step(model);
        }
        double step_ns = (now_ns() - start) / (double)calls;
        printf("round %d: apb_read_u32 %.1f ns/call, step %.1f ns/call (%ld calls each)\n", round + 1, read_ns, step_ns, calls);
    }
    if (sum != 0x600u * (unsigned int)(3 * calls)) {
        printf("unexpected reads\n");
        return 1;
    }
    caliptra_model_destroy(model);

    double ignored;
    for (int i = 0; i < warmup; i++) {
        caliptra_model_destroy(booted(rom, fw, &ignored));
    }
    double *times = calloc((size_t)boots, sizeof *times);
    for (int i = 0; i < boots; i++) {
        caliptra_model_destroy(booted(rom, fw, &times[i]));
    }
    qsort(times, (size_t)boots, sizeof *times, cmp);
    if (boots > 0) {
        printf("boot_default, init to 0x600 (%d boots after %d warm-up boots): min %.2f ms, median %.2f ms, max %.2f ms\n",
               boots, warmup, times[0] / 1e6, times[boots / 2] / 1e6, times[boots - 1] / 1e6);
    }
    free(times);
    printf("bench_model: done\n");
    return 0;
}
