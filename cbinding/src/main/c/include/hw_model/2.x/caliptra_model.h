/*
 * caliptra_model.h - the Caliptra hw-model C API (Caliptra 2.x generation), backed by the
 * caliptra-util emulator: libcaliptra_hw_model_c_binding.so (or .a).
 *
 * Source- and layout-compatible with the reference hw-model C binding of caliptra-sw's main
 * branch (hw-model/c-binding, Caliptra 2.x). Programs written for the 1.x API (caliptra-1.2
 * branch: init params without hw_version) include the header of the 1.x directory instead; both
 * link against the same library. See docs/c-abi.md, "hw-model".
 *
 * Every function may be called from any thread; calls on one model run one at a time. A model
 * must not be used after caliptra_model_destroy, and not in a child process made by fork().
 */
#ifndef HW_MODEL_C_BINDING_OUT_CALIPTRA_MODEL_H
#define HW_MODEL_C_BINDING_OUT_CALIPTRA_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CALIPTRA_MODEL_API_GENERATION 2

/* CPTRA_SECURITY_STATE values: [1:0] lifecycle (0 unprovisioned, 1 manufacturing, 3 production), [2] debug locked. */
#define CALIPTRA_SEC_STATE_DBG_UNLOCKED_UNPROVISIONED 0
#define CALIPTRA_SEC_STATE_DBG_LOCKED_MANUFACTURING 5
#define CALIPTRA_SEC_STATE_DBG_UNLOCKED_PRODUCTION 3
#define CALIPTRA_SEC_STATE_DBG_LOCKED_PRODUCTION 7

#define CALIPTRA_MODEL_STATUS_OK 0
/* optional_obf_key is not 32 bytes. */
#define CALIPTRA_MODEL_INVALID_OBF_KEY_SIZE (-1)

/* caliptra-util extensions: further negative statuses; caliptra_model_last_error() says more. */
#define CALIPTRA_MODEL_STATUS_INVALID_ARGUMENT (-2) /* NULL pointer, bad parameter, bad device file */
#define CALIPTRA_MODEL_STATUS_NO_RUNTIME (-3)       /* no Java found, or a fork()ed child */
#define CALIPTRA_MODEL_STATUS_BUS_FAULT (-4)        /* no register at that address, or misaligned */
#define CALIPTRA_MODEL_STATUS_TIMEOUT (-5)          /* the device did not get there within the step bound */
#define CALIPTRA_MODEL_STATUS_DEVICE_ERROR (-6)     /* the device is not in a state for this call */
#define CALIPTRA_MODEL_STATUS_INTERNAL (-7)         /* an unexpected failure inside the emulator */

typedef enum caliptra_hw_version {
    CALIPTRA_HW_VERSION_2_0 = 0,
    CALIPTRA_HW_VERSION_2_1 = 1,
    CALIPTRA_HW_VERSION_2_2 = 2
} caliptra_hw_version;

/* An emulated Caliptra device; opaque. */
typedef struct caliptra_model caliptra_model;

/* Bytes the caller owns (or, from caliptra_model_output_peek, the model owns). */
typedef struct caliptra_buffer {
    const uint8_t *data;
    uintptr_t len;
} caliptra_buffer;

/* Passed by value: 80 bytes, hw_version at 0, rom at 8, dccm at 24, iccm at 40, security_state at 56,
 * soc_user at 60, optional_obf_key at 64. */
typedef struct caliptra_model_init_params {
    caliptra_hw_version hw_version;  /* 2_0 -> the caliptra-2.0 profile, 2_1 -> caliptra-2.1 */
    struct caliptra_buffer rom;      /* recorded (its SHA-384 is logged), not executed */
    struct caliptra_buffer dccm;     /* ignored */
    struct caliptra_buffer iccm;     /* ignored */
    uint8_t security_state;          /* a CALIPTRA_SEC_STATE_* value */
    uint32_t soc_user;               /* the AXI USER of SoC accesses */
    struct caliptra_buffer optional_obf_key; /* 32 bytes (eight native words), or data NULL for the default */
} caliptra_model_init_params;

#ifdef __cplusplus
extern "C" {
#endif

/* A new, unbooted model. Device configuration from $CALIPTRA_DEVICE (a device TOML file), whose
 * explicit profile, lifecycle and debug_locked override hw_version and security_state. */
int caliptra_model_init_default(struct caliptra_model_init_params params, struct caliptra_model **model);

/* Frees the model. */
void caliptra_model_destroy(struct caliptra_model *model);

/* SoC bus word access at an absolute SoC address (0x3002_xxxx mailbox, 0x3003_xxxx soc_ifc). */
int caliptra_model_apb_read_u32(struct caliptra_model *model, unsigned int addr, unsigned int *data);
int caliptra_model_apb_write_u32(struct caliptra_model *model, unsigned int addr, unsigned int data);

/* CPTRA_FUSE_WR_DONE is not set yet. */
bool caliptra_model_ready_for_fuses(struct caliptra_model *model);

/* The ROM has set ready_for_mb_processing since power-on (stays true after FIRMWARE_LOAD). */
bool caliptra_model_ready_for_fw(struct caliptra_model *model);

/* Advances the device one step. */
int caliptra_model_step(struct caliptra_model *model);

/* The firmware has stopped for good (a fatal error or SHUTDOWN). */
bool caliptra_model_exit_requested(struct caliptra_model *model);

/* Everything the device printed on its debug UART so far (not NUL-counted; a NUL follows the bytes).
 * The model owns the bytes; they stay valid and unchanged until caliptra_model_destroy. */
struct caliptra_buffer caliptra_model_output_peek(struct caliptra_model *model);

/* Steps until CPTRA_BOOT_STATUS reads boot_status; gives up after 30 000 000 steps or when the
 * firmware halts (caliptra_model_last_error() then says why). */
void caliptra_model_step_until_boot_status(struct caliptra_model *model, unsigned int boot_status);

/* The AXI USER of later SoC accesses. */
void caliptra_model_set_axi_user(struct caliptra_model *model, unsigned int pauser);

/* ASPEED's boot helper: fuses from the device configuration, CPTRA_FUSE_WR_DONE, BOOTFSM_GO,
 * ready_for_fw, FIRMWARE_LOAD of fw, then steps until boot_status. 0, the Caliptra error code the
 * device stopped with (positive, e.g. 0x000B0005), or a negative CALIPTRA_MODEL_STATUS_*. */
int caliptra_model_boot_default(struct caliptra_model *model, struct caliptra_buffer fw, unsigned int boot_status);

/* caliptra-util extension: why this thread's most recent failing call failed ("" if none). */
const char *caliptra_model_last_error(void);

#ifdef __cplusplus
}
#endif

#endif /* HW_MODEL_C_BINDING_OUT_CALIPTRA_MODEL_H */
