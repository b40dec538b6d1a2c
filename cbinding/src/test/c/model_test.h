/*
 * Helpers shared by the hw-model C tests: checks that count, file reading, and the SoC side of a
 * mailbox command done register by register through caliptra_model_apb_read_u32/_write_u32, as
 * libcaliptra does. Works with either header set: the 2.x caliptra_top_reg.h is relative to the
 * Caliptra base, the 1.x one absolute.
 */
#ifndef MODEL_TEST_H
#define MODEL_TEST_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caliptra_model.h"
#include "caliptra_top_reg.h"

#if CALIPTRA_MODEL_API_GENERATION == 1
#define SOC_BASE 0u
#define FLOW_READY_FOR_FW_MASK GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_FW_MASK
#else
#define SOC_BASE 0x30000000u
#define FLOW_READY_FOR_FW_MASK GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_MB_PROCESSING_MASK
#endif
#define MBOX(reg) (SOC_BASE + CALIPTRA_TOP_REG_MBOX_CSR_BASE_ADDR + (reg))
#define SOC(reg) (SOC_BASE + CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_BASE_ADDR + (reg))

#define MBOX_STATUS_BUSY 0u
#define MBOX_STATUS_DATA_READY 1u
#define MBOX_STATUS_CMD_COMPLETE 2u
#define MBOX_STATUS_CMD_FAILURE 3u
#define FSM_IDLE 0u
#define FSM_EXECUTE_SOC 4u

#define FIRMWARE_LOAD 0x46574C44u
#define FW_INFO 0x494E464Fu
/* spec/device.md §2.7 worked example: the FW_INFO request is its checksum alone. */
#define FW_INFO_REQUEST_CHECKSUM 0xFFFFFED4u

static int passed;
static int failed;

#define CHECK(cond, ...)                                        \
    do {                                                        \
        if (cond) {                                             \
            passed++;                                           \
        } else {                                                \
            failed++;                                           \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);         \
            printf(__VA_ARGS__);                                \
            printf(" [last error: %s]\n", caliptra_model_last_error()); \
        }                                                       \
    } while (0)

static inline int summary(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, passed, failed);
    return failed == 0 ? 0 : 1;
}

static inline struct caliptra_buffer read_file(const char *path)
{
    struct caliptra_buffer b = {NULL, 0};
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        printf("cannot open %s\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *data = malloc(size > 0 ? (size_t)size : 1);
    if (data == NULL || (size > 0 && fread(data, 1, (size_t)size, f) != (size_t)size)) {
        printf("cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
    b.data = data;
    b.len = (uintptr_t)size;
    return b;
}

static inline unsigned int rd(struct caliptra_model *m, unsigned int addr)
{
    unsigned int v = 0xDEADBEEFu;
    int rc = caliptra_model_apb_read_u32(m, addr, &v);
    if (rc != CALIPTRA_MODEL_STATUS_OK) {
        printf("read of 0x%08X failed: %d %s\n", addr, rc, caliptra_model_last_error());
    }
    return v;
}

static inline void wr(struct caliptra_model *m, unsigned int addr, unsigned int value)
{
    int rc = caliptra_model_apb_write_u32(m, addr, value);
    if (rc != CALIPTRA_MODEL_STATUS_OK) {
        printf("write of 0x%08X failed: %d %s\n", addr, rc, caliptra_model_last_error());
    }
}

static inline unsigned int mbox_status(struct caliptra_model *m)
{
    return rd(m, MBOX(MBOX_CSR_MBOX_STATUS)) & MBOX_CSR_MBOX_STATUS_STATUS_MASK;
}

static inline unsigned int mbox_fsm(struct caliptra_model *m)
{
    return (rd(m, MBOX(MBOX_CSR_MBOX_STATUS)) & MBOX_CSR_MBOX_STATUS_MBOX_FSM_PS_MASK) >> MBOX_CSR_MBOX_STATUS_MBOX_FSM_PS_LOW;
}

static inline unsigned int mbox_rdptr(struct caliptra_model *m)
{
    return (rd(m, MBOX(MBOX_CSR_MBOX_STATUS)) & MBOX_CSR_MBOX_STATUS_MBOX_RDPTR_MASK) >> MBOX_CSR_MBOX_STATUS_MBOX_RDPTR_LOW;
}

/*
 * Sends `cmd` with `len` request bytes (the first word already the checksum) and steps until the
 * device answers; returns the final status, or 0xFF if the lock was held or no answer came.
 */
static inline unsigned int mbox_send(struct caliptra_model *m, unsigned int cmd, const uint8_t *data, size_t len)
{
    if (rd(m, MBOX(MBOX_CSR_MBOX_LOCK)) & MBOX_CSR_MBOX_LOCK_LOCK_MASK) {
        return 0xFF;
    }
    wr(m, MBOX(MBOX_CSR_MBOX_CMD), cmd);
    wr(m, MBOX(MBOX_CSR_MBOX_DLEN), (unsigned int)len);
    for (size_t at = 0; at < len; at += 4) {
        uint32_t word = 0;
        memcpy(&word, data + at, len - at < 4 ? len - at : 4);
        wr(m, MBOX(MBOX_CSR_MBOX_DATAIN), word);
    }
    wr(m, MBOX(MBOX_CSR_MBOX_EXECUTE), 1);
    for (int polls = 0; polls < 1000000; polls++) {
        unsigned int status = mbox_status(m);
        if (status != MBOX_STATUS_BUSY) {
            return status;
        }
        caliptra_model_step(m);
    }
    return 0xFF;
}

/* Reads DLEN and that many bytes of DATAOUT (at most `cap`); returns DLEN. */
static inline unsigned int mbox_read(struct caliptra_model *m, uint8_t *out, size_t cap)
{
    unsigned int dlen = rd(m, MBOX(MBOX_CSR_MBOX_DLEN));
    for (size_t at = 0; at < dlen && at < cap; at += 4) {
        uint32_t word = rd(m, MBOX(MBOX_CSR_MBOX_DATAOUT));
        memcpy(out + at, &word, dlen - at < 4 ? dlen - at : 4);
    }
    return dlen;
}

/* The response checksum rule of spec/device.md §2.7 (cmd 0): Σ bytes after it + it ≡ 0 mod 2^32. */
static inline int response_checksum_ok(const uint8_t *resp, size_t len)
{
    uint32_t sum = 0;
    for (size_t i = 4; i < len; i++) {
        sum += resp[i];
    }
    uint32_t chksum;
    memcpy(&chksum, resp, 4);
    return (uint32_t)(sum + chksum) == 0;
}

static inline uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * FW_INFO through the mailbox registers, with the register-level checks the reference C programs
 * rely on; fills *pl0 and returns the response length (0 on failure).
 */
static inline unsigned int fw_info(struct caliptra_model *m, uint32_t *pl0, int check_rdptr)
{
    const uint32_t request = FW_INFO_REQUEST_CHECKSUM;
    unsigned int status = mbox_send(m, FW_INFO, (const uint8_t *)&request, 4);
    CHECK(status == MBOX_STATUS_DATA_READY, "FW_INFO status %u, expected DATA_READY", status);
    if (status != MBOX_STATUS_DATA_READY) {
        return 0;
    }
    uint8_t resp[512];
    unsigned int dlen = mbox_read(m, resp, sizeof resp);
    if (check_rdptr) {
        /* After a whole response, the read pointer field counts the words read. */
        CHECK(mbox_rdptr(m) == (dlen + 3) / 4, "MBOX_STATUS rdptr %u after reading %u bytes", mbox_rdptr(m), dlen);
        CHECK(mbox_fsm(m) == FSM_EXECUTE_SOC, "FSM %u while the SoC reads the response", mbox_fsm(m));
    }
    CHECK(dlen <= sizeof resp && dlen >= 12, "FW_INFO DLEN %u", dlen);
    CHECK(dlen <= sizeof resp && response_checksum_ok(resp, dlen), "FW_INFO response checksum");
    CHECK(le32(resp + 4) == 0, "fips_status 0x%08X", le32(resp + 4));
    *pl0 = le32(resp + 8);
    wr(m, MBOX(MBOX_CSR_MBOX_EXECUTE), 0);
    caliptra_model_step(m);
    if (check_rdptr) {
        unsigned int raw = rd(m, MBOX(MBOX_CSR_MBOX_STATUS));
        CHECK(mbox_fsm(m) == FSM_IDLE, "FSM %u after EXECUTE cleared", mbox_fsm(m));
        CHECK(mbox_rdptr(m) == 0, "rdptr %u after the transaction", mbox_rdptr(m));
        /* The reference smoke test reads the FSM as (STATUS >> 16) & 0xF and wants 0. */
        CHECK(((raw >> 16) & 0xF) == 0, "MBOX_STATUS bits [19:16] 0x%X when idle", (raw >> 16) & 0xF);
    }
    return dlen;
}

#endif /* MODEL_TEST_H */
