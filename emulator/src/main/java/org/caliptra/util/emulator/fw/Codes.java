package org.caliptra.util.emulator.fw;

import org.caliptra.util.protocol.error.CaliptraError;

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

    static final int FW_PROC_INVALID_IMAGE_SIZE = CaliptraError.FW_PROC_INVALID_IMAGE_SIZE.code();
    static final int FW_PROC_MAILBOX_INVALID_COMMAND = CaliptraError.FW_PROC_MAILBOX_INVALID_COMMAND.code();
    static final int FW_PROC_MAILBOX_INVALID_CHECKSUM = CaliptraError.FW_PROC_MAILBOX_INVALID_CHECKSUM.code();
    static final int FW_PROC_MAILBOX_INVALID_REQUEST_LENGTH = CaliptraError.FW_PROC_MAILBOX_INVALID_REQUEST_LENGTH.code();
    static final int FW_PROC_MAILBOX_STASH_MEASUREMENT_MAX_LIMIT = CaliptraError.FW_PROC_MAILBOX_STASH_MEASUREMENT_MAX_LIMIT.code();
    static final int FW_PROC_MAILBOX_RESERVED_PAUSER = CaliptraError.FW_PROC_MAILBOX_RESERVED_PAUSER.code();
    static final int RUNTIME_UNIMPLEMENTED_COMMAND = CaliptraError.RUNTIME_UNIMPLEMENTED_COMMAND.code();
    static final int RUNTIME_INVALID_CHECKSUM = CaliptraError.RUNTIME_INVALID_CHECKSUM.code();
    static final int RUNTIME_SHUTDOWN = CaliptraError.RUNTIME_SHUTDOWN.code();
    static final int RUNTIME_MAILBOX_INVALID_PARAMS = CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS.code();
    static final int RUNTIME_SELF_TEST_IN_PROGRESS = CaliptraError.RUNTIME_SELF_TEST_IN_PROGRESS.code();
    static final int RUNTIME_SELF_TEST_NOT_STARTED = CaliptraError.RUNTIME_SELF_TEST_NOT_STARTED.code();
    static final int RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL = CaliptraError.RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL.code();
    static final int RUNTIME_AUTH_AND_STASH_UNSUPPORTED_IMAGE_SOURCE = CaliptraError.RUNTIME_AUTH_AND_STASH_UNSUPPORTED_IMAGE_SOURCE.code();
    static final int RUNTIME_CMD_RESERVED_PAUSER = CaliptraError.RUNTIME_CMD_RESERVED_PAUSER.code();
    /** The AXI USER / PAUSER of the Caliptra uC itself; no SoC command may carry it. */
    static final int RESERVED_USER = 0xFFFF_FFFF;
}
