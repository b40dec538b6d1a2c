package org.caliptra.util.emulator.mcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaInitRequest;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomGenerateRequest;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McCryptoCommands;
import org.caliptra.util.protocol.mcu.McSelfTestCommands;
import org.caliptra.util.protocol.regs.MciRegs;
import org.junit.jupiter.api.Test;

/** Relayed commands before the core runs its runtime: the ROM answers as the 2.x ROM does, a core held in reset not at all. */
class McuBeforeRuntimeTest {
    @Test
    void aCoreInItsRomServesWhatTheRomServesAndFailsTheRestFatally() {
        try (var d = McuClient.atRom(McuClient.config())) {
            var mcu = new McuClient(d);
            assertEquals(32, mcu.call(McCryptoCommands.MC_RANDOM_GENERATE, new RandomGenerateRequest(32)).data().length(),
                    "CM_RANDOM_GENERATE is a ROM command");
            mcu.call(McSelfTestCommands.MC_FIPS_SELF_TEST_START, NoFields.INSTANCE);
            mcu.call(McSelfTestCommands.MC_FIPS_SELF_TEST_GET_RESULTS, NoFields.INSTANCE);
            assertEquals(0x0102_0004, mcu.error(McCryptoCommands.MC_SHA_INIT, ShaInitRequest.of(HashAlgorithm.SHA384, Octets.zeros(4))),
                    "the ROM's FW_PROC_MAILBOX_INVALID_COMMAND, unchanged");
            assertEquals(0x0102_0004, d.read32(d.config().mciBase() + MciRegs.FW_ERROR_NON_FATAL));
            assertTrue(d.fatal(), "a ROM error is fatal to the core");
            assertEquals(CaliptraFirmware.Phase.HALTED, d.phase());
            assertEquals(0x0600_0001, mcu.error(McCryptoCommands.MC_RANDOM_GENERATE, new RandomGenerateRequest(32)),
                    "a halted core never answers: MCU_MAILBOX_BUSY");
        }
    }

    @Test
    void aCoreHeldInResetNeverAnswers() {
        try (var d = CaliptraDevice.create(McuClient.config())) {
            var mcu = new McuClient(d);
            assertEquals(0x0600_0001, mcu.error(McCryptoCommands.MC_RANDOM_GENERATE, new RandomGenerateRequest(32)));
            assertFalse(d.fatal());
            assertEquals(CaliptraFirmware.Phase.AWAITING_FUSES_AND_GO, d.phase());
        }
    }
}
