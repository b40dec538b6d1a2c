/*
 * caliptra_model.h - the Caliptra hw-model C API (Caliptra 1.x generation), backed by the
 * caliptra-util emulator: libcaliptra_hw_model_c_binding.so (or .a).
 *
 * Source- and layout-compatible with the reference hw-model C binding of caliptra-sw's
 * caliptra-1.2 branch (hw-model/c-binding), plus caliptra_model_set_apb_pauser of the
 * caliptra-1.x branch and ASPEED's caliptra_model_boot_default. A model made through this header
 * is a caliptra-1.2 device unless $CALIPTRA_DEVICE names another profile. Programs written for the
 * 2.x API include the header of the 2.x directory; both link against the same library. See
 * docs/c-abi.md, "hw-model".
 *
 * Every function may be called from any thread; calls on one model run one at a time. A model
 * must not be used after caliptra_model_destroy, and not in a child process made by fork().
 */
#ifndef HW_MODEL_C_BINDING_OUT_CALIPTRA_MODEL_H
#define HW_MODEL_C_BINDING_OUT_CALIPTRA_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CALIPTRA_MODEL_API_GENERATION 1

/* CPTRA_SECURITY_STATE values: [1:0] lifecycle (0 unprovisioned, 1 manufacturing, 3 production), [2] debug locked. */
#define CALIPTRA_SEC_STATE_DBG_UNLOCKED_UNPROVISIONED 0
#define CALIPTRA_SEC_STATE_DBG_LOCKED_MANUFACTURING 5
#define CALIPTRA_SEC_STATE_DBG_UNLOCKED_PRODUCTION 3
#define CALIPTRA_SEC_STATE_DBG_LOCKED_PRODUCTION 7

#define CALIPTRA_MODEL_STATUS_OK 0

/* caliptra-util extensions: negative statuses; caliptra_model_last_error() says more. */
#define CALIPTRA_MODEL_STATUS_INVALID_ARGUMENT (-2) /* NULL pointer, bad parameter, bad device file */
#define CALIPTRA_MODEL_STATUS_NO_RUNTIME (-3)       /* no Java found, or a fork()ed child */
#define CALIPTRA_MODEL_STATUS_BUS_FAULT (-4)        /* no register at that address, or misaligned */
#define CALIPTRA_MODEL_STATUS_TIMEOUT (-5)          /* the device did not get there within the step bound */
#define CALIPTRA_MODEL_STATUS_DEVICE_ERROR (-6)     /* the device is not in a state for this call */
#define CALIPTRA_MODEL_STATUS_INTERNAL (-7)         /* an unexpected failure inside the emulator */

/* An emulated Caliptra device; opaque. */
typedef struct caliptra_model caliptra_model;

/* Bytes the caller owns (or, from caliptra_model_output_peek, the model owns). */
typedef struct caliptra_buffer {
    const uint8_t *data;
    uintptr_t len;
} caliptra_buffer;

/* Passed by value: 56 bytes, rom at 0, dccm at 16, iccm at 32, security_state at 48. */
typedef struct caliptra_model_init_params {
    struct caliptra_buffer rom;  /* recorded (its SHA-384 is logged), not executed */
    struct caliptra_buffer dccm; /* ignored */
    struct caliptra_buffer iccm; /* ignored */
    uint8_t security_state;      /* a CALIPTRA_SEC_STATE_* value */
} caliptra_model_init_params;

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A new, unbooted caliptra-1.2 model; SoC accesses present APB PAUSER 0x1 (the reference 1.x
 * model's). Device configuration from $CALIPTRA_DEVICE (a device TOML file), whose explicit
 * profile, lifecycle and debug_locked override the defaults and security_state.
 *
 * The same library serves the 2.x API, whose parameters differ, under this name; this header binds
 * the name to the library's 1.x entry point, so only the declaration below must be used for it.
 */
#if defined(__GNUC__) || defined(__clang__)
int caliptra_model_init_default(struct caliptra_model_init_params params, struct caliptra_model **model)
    __asm__("caliptra_model_init_default_1x");
#else
#define caliptra_model_init_default caliptra_model_init_default_1x
int caliptra_model_init_default_1x(struct caliptra_model_init_params params, struct caliptra_model **model);
#endif

/* Frees the model. */
void caliptra_model_destroy(struct caliptra_model *model);

/* SoC bus word access at an absolute SoC address (0x3002_0xxx mailbox, 0x3002_1xxx SHA-512
 * accelerator, 0x3003_xxxx soc_ifc). */
int caliptra_model_apb_read_u32(struct caliptra_model *model, unsigned int addr, unsigned int *data);
int caliptra_model_apb_write_u32(struct caliptra_model *model, unsigned int addr, unsigned int data);

/* CPTRA_FUSE_WR_DONE is not set yet. */
bool caliptra_model_ready_for_fuses(struct caliptra_model *model);

/* The ROM has set ready_for_fw since power-on (stays true after FIRMWARE_LOAD). */
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

/* The APB PAUSER of later SoC accesses. */
void caliptra_model_set_apb_pauser(struct caliptra_model *model, unsigned int pauser);

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
