/*
 * A boot done register by register, as caliptra-sw's hw-model smoke test and libcaliptra do it,
 * with the register-level facts those programs rely on checked on the way: FLOW_STATUS before and
 * after FUSE_WR_DONE, ready_for_fw, FIRMWARE_LOAD through the mailbox to CMD_COMPLETE and an idle
 * FSM, boot status 0x600, a runtime command with the read pointer counting the words read, a bus
 * fault for an unmapped address, and the UART log. Built against either header set.
 *
 * usage: test_model_smoke ROM_FILE FW_FILE
 */
#include "model_test.h"

#define BOOT_FSM_FUSE 1u
#define BOOT_FSM_DONE 4u
#define RT_READY_FOR_COMMANDS 0x600u

int main(int argc, char **argv)
{
    if (argc != 3) {
        printf("usage: %s ROM_FILE FW_FILE\n", argv[0]);
        return 2;
    }
    struct caliptra_buffer rom = read_file(argv[1]);
    struct caliptra_buffer fw = read_file(argv[2]);
    static const uint8_t empty[1];
    struct caliptra_model_init_params params = {
#if CALIPTRA_MODEL_API_GENERATION == 2
        .hw_version = CALIPTRA_HW_VERSION_2_0,
#endif
        .rom = rom,
        .dccm = {empty, 0},
        .iccm = {empty, 0},
        .security_state = CALIPTRA_SEC_STATE_DBG_UNLOCKED_UNPROVISIONED,
    };
    struct caliptra_model *model = NULL;
    int rc = caliptra_model_init_default(params, &model);
    CHECK(rc == CALIPTRA_MODEL_STATUS_OK && model != NULL, "init_default returned %d", rc);
    if (model == NULL) {
        return summary("test_model_smoke");
    }

    CHECK(caliptra_model_ready_for_fuses(model), "ready for fuses at power-on");
    CHECK(!caliptra_model_ready_for_fw(model), "not ready for firmware at power-on");
    CHECK(!caliptra_model_exit_requested(model), "no exit at power-on");
    unsigned int flow = rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS));
    CHECK(flow & GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_FUSES_MASK, "FLOW_STATUS 0x%08X: ready_for_fuses", flow);
    CHECK(((flow & GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_BOOT_FSM_PS_MASK) >> GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_BOOT_FSM_PS_LOW)
          == BOOT_FSM_FUSE, "FLOW_STATUS 0x%08X: boot_fsm_ps BOOT_FUSE", flow);

    /* Fuses as the smoke test writes them: all zero, then FUSE_WR_DONE. */
    static const struct { unsigned int offset, words; } fuses[] = {
        {GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_0, 12},
        {GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_0, 8},
#if CALIPTRA_MODEL_API_GENERATION == 1
        {GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_0, 12},
        {GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_MASK, 1},
        {GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_0, 12},
        {GENERIC_AND_FUSE_REG_FUSE_LIFE_CYCLE, 1},
#else
        {GENERIC_AND_FUSE_REG_FUSE_VENDOR_PK_HASH_0, 12},
        {GENERIC_AND_FUSE_REG_FUSE_ECC_REVOCATION, 1},
        {GENERIC_AND_FUSE_REG_CPTRA_OWNER_PK_HASH_0, 12},
#endif
        {GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_0, 4},
        {GENERIC_AND_FUSE_REG_FUSE_ANTI_ROLLBACK_DISABLE, 1},
        {GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_0, 24},
        {GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_0, 4},
    };
    for (size_t f = 0; f < sizeof fuses / sizeof fuses[0]; f++) {
        for (unsigned int w = 0; w < fuses[f].words; w++) {
            CHECK(caliptra_model_apb_write_u32(model, SOC(fuses[f].offset + 4 * w), 0) == CALIPTRA_MODEL_STATUS_OK,
                  "fuse write at 0x%X", fuses[f].offset + 4 * w);
        }
    }
    wr(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_FUSE_WR_DONE), 1);
    CHECK(!caliptra_model_ready_for_fuses(model), "ready_for_fuses drops after FUSE_WR_DONE");
    flow = rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS));
    CHECK(!(flow & GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_FUSES_MASK), "FLOW_STATUS 0x%08X: ready_for_fuses clear", flow);
    CHECK(((flow & GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_BOOT_FSM_PS_MASK) >> GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_BOOT_FSM_PS_LOW)
          == BOOT_FSM_DONE, "FLOW_STATUS 0x%08X: boot_fsm_ps BOOT_DONE", flow);

    wr(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOTFSM_GO), 1);
    caliptra_model_step(model);
    int steps = 0;
    while (!caliptra_model_ready_for_fw(model) && steps < 1000000) {
        caliptra_model_step(model);
        steps++;
    }
    CHECK(caliptra_model_ready_for_fw(model), "ready_for_fw after %d steps", steps);
    CHECK(rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS)) & FLOW_READY_FOR_FW_MASK, "FLOW_STATUS ready_for_fw bit");

    /* FIRMWARE_LOAD: the raw bundle, no checksum header. */
    CHECK(rd(model, MBOX(MBOX_CSR_MBOX_LOCK)) == 0, "LOCK reads 0 and is taken");
    CHECK(rd(model, MBOX(MBOX_CSR_MBOX_LOCK)) == 1, "LOCK reads 1 while held");
    wr(model, MBOX(MBOX_CSR_MBOX_CMD), FIRMWARE_LOAD);
    wr(model, MBOX(MBOX_CSR_MBOX_DLEN), (unsigned int)fw.len);
    for (size_t at = 0; at < fw.len; at += 4) {
        uint32_t word = 0;
        memcpy(&word, fw.data + at, fw.len - at < 4 ? fw.len - at : 4);
        wr(model, MBOX(MBOX_CSR_MBOX_DATAIN), word);
    }
    wr(model, MBOX(MBOX_CSR_MBOX_EXECUTE), 1);
    steps = 0;
    while (mbox_status(model) == MBOX_STATUS_BUSY && steps < 1000000) {
        caliptra_model_step(model);
        steps++;
    }
    CHECK(mbox_status(model) == MBOX_STATUS_CMD_COMPLETE, "FIRMWARE_LOAD status %u, expected CMD_COMPLETE", mbox_status(model));
    CHECK(mbox_fsm(model) == FSM_EXECUTE_SOC, "FSM %u: the SoC's turn", mbox_fsm(model));
    wr(model, MBOX(MBOX_CSR_MBOX_EXECUTE), 0);
    caliptra_model_step(model);
    unsigned int raw = rd(model, MBOX(MBOX_CSR_MBOX_STATUS));
    CHECK(mbox_fsm(model) == FSM_IDLE && ((raw >> 16) & 0xF) == 0, "mailbox idle after EXECUTE cleared: STATUS 0x%08X", raw);

    caliptra_model_step_until_boot_status(model, RT_READY_FOR_COMMANDS);
    CHECK(rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS)) == RT_READY_FOR_COMMANDS, "boot status 0x%X",
          rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS)));
    flow = rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS));
    CHECK(flow & GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_RUNTIME_MASK, "FLOW_STATUS 0x%08X: ready_for_runtime", flow);
    CHECK(!(flow & FLOW_READY_FOR_FW_MASK), "FLOW_STATUS 0x%08X: ready_for_fw dropped with the load", flow);
    CHECK(caliptra_model_ready_for_fw(model), "caliptra_model_ready_for_fw stays latched");
    CHECK(rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_FATAL)) == 0, "no fatal error");

    uint32_t pl0 = 0;
    unsigned int dlen = fw_info(model, &pl0, 1);
    printf("FW_INFO: %u bytes, pl0_pauser 0x%08X\n", dlen, pl0);

    unsigned int v = 0x1234;
    rc = caliptra_model_apb_read_u32(model, 0x40000000u, &v);
    CHECK(rc == CALIPTRA_MODEL_STATUS_BUS_FAULT && v == 0, "unmapped read: %d, data 0x%X", rc, v);
    CHECK(strstr(caliptra_model_last_error(), "no register mapped at SoC address 0x40000000") != NULL, "bus fault message: %s",
          caliptra_model_last_error());
    rc = caliptra_model_apb_write_u32(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS) + 2, 0);
    CHECK(rc == CALIPTRA_MODEL_STATUS_BUS_FAULT, "misaligned write: %d", rc);
    CHECK(rd(model, SOC(GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS)) == RT_READY_FOR_COMMANDS, "the device goes on after a fault");

    struct caliptra_buffer out = caliptra_model_output_peek(model);
    CHECK(out.data != NULL && out.len > 0 && out.data[out.len] == '\0', "output: %lu bytes", (unsigned long)out.len);
    CHECK(out.data != NULL && strstr((const char *)out.data, "[rt] ready for commands\n") != NULL, "output names the runtime start");
    CHECK(out.data != NULL && strstr((const char *)out.data, "FW_INFO (0x494E464F)") != NULL, "output names FW_INFO");
    struct caliptra_buffer again = caliptra_model_output_peek(model);
    CHECK(again.data == out.data && again.len == out.len, "a second peek with nothing new gives the same bytes");
    printf("---- output ----\n%s---- end ----\n", out.data != NULL ? (const char *)out.data : "");

    caliptra_model_destroy(model);
    caliptra_model_destroy(NULL); /* harmless */
    free((void *)rom.data);
    free((void *)fw.data);
    return summary("test_model_smoke");
}
