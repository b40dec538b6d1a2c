package org.caliptra.util.emulator.fw;

/** Command ids and error codes the emulated ROM and runtime use (spec/device.md §2.4, §3, §4). */
final class Codes {
    private Codes() {}

    static final int FIRMWARE_LOAD = 0x4657_4C44;
    static final int CAPABILITIES = 0x4341_5053;
    static final int VERSION = 0x4650_5652;
    static final int SELF_TEST_START = 0x4650_4C54;
    static final int SELF_TEST_GET_RESULTS = 0x4650_4C67;
    static final int SHUTDOWN = 0x4650_5344;
    static final int STASH_MEASUREMENT = 0x4D45_4153;
    static final int FW_INFO = 0x494E_464F;
    static final int SET_AUTH_MANIFEST = 0x4154_4D4E;
    static final int AUTHORIZE_AND_STASH = 0x4154_5348;

    static final int FW_PROC_INVALID_IMAGE_SIZE = 0x0102_0002;
    static final int FW_PROC_MAILBOX_INVALID_COMMAND = 0x0102_0004;
    static final int FW_PROC_MAILBOX_INVALID_CHECKSUM = 0x0102_0005;
    static final int FW_PROC_MAILBOX_INVALID_REQUEST_LENGTH = 0x0102_0006;
    static final int FW_PROC_MAILBOX_STASH_MEASUREMENT_MAX_LIMIT = 0x0102_0008;
    static final int FW_PROC_MAILBOX_RESERVED_PAUSER = 0x0102_0009;
    static final int RUNTIME_UNIMPLEMENTED_COMMAND = 0x000E_0002;
    static final int RUNTIME_INVALID_CHECKSUM = 0x000E_0005;
    static final int RUNTIME_SHUTDOWN = 0x000E_0008;
    static final int RUNTIME_MAILBOX_INVALID_PARAMS = 0x000E_0009;
    static final int RUNTIME_SELF_TEST_IN_PROGRESS = 0x000E_0011;
    static final int RUNTIME_SELF_TEST_NOT_STARTED = 0x000E_0012;
    static final int RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL = 0x000E_0016;
    static final int RUNTIME_AUTH_AND_STASH_UNSUPPORTED_IMAGE_SOURCE = 0x000E_004E;
    static final int RUNTIME_CMD_RESERVED_PAUSER = 0x000E_004F;
    /** The AXI USER / PAUSER of the Caliptra uC itself; no SoC command may carry it. */
    static final int RESERVED_USER = 0xFFFF_FFFF;
}
