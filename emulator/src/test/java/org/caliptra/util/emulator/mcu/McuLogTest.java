package org.caliptra.util.emulator.mcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaInitRequest;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McCryptoCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.FirmwareVersionRequest;
import org.caliptra.util.protocol.mcu.McLogCommands;
import org.junit.jupiter.api.Test;

/** The device log through MC_GET_LOG / MC_CLEAR_LOG and the MCTP-VDM GetDebugLog / ClearDebugLog. */
class McuLogTest {
    /** Every page until more_data is 0, as a host drains it. */
    private static String drainMailbox(McuClient mcu) {
        var all = new ByteArrayOutputStream();
        for (int pages = 0; pages < 100; pages++) {
            var page = mcu.call(McLogCommands.MC_GET_LOG, NoFields.INSTANCE);
            byte[] data = page.logData().toByteArray();
            assertTrue(data.length <= McLogCommands.MAX_LOG_DATA_SIZE);
            assertTrue(data.length == 0 || data[data.length - 1] == '\n', "whole records only");
            all.writeBytes(data);
            if (!page.hasMoreData()) {
                return all.toString(StandardCharsets.US_ASCII);
            }
        }
        throw new AssertionError("the log did not end");
    }

    @Test
    void bootMilestonesFirmwareAndCommandsAreLogged() {
        try (var d = McuClient.booted()) {
            var mcu = new McuClient(d);
            mcu.call(McDeviceInfoCommands.MC_DEVICE_ID, NoFields.INSTANCE);
            mcu.error(McDeviceInfoCommands.MC_FIRMWARE_VERSION, new FirmwareVersionRequest(7));
            String log = drainMailbox(mcu);
            assertTrue(log.contains(" BOOT core boot status 0x181 (385)\n"), log);
            assertTrue(log.contains(" BOOT core ready for firmware\n"), log);
            assertTrue(log.contains(" FW core firmware loaded: FMC version 0x0456, runtime version 1.2.3\n"), log);
            assertTrue(log.contains(" BOOT core boot status 0x600 (1536)\n"), log);
            assertTrue(log.contains(" BOOT core runtime ready\n"), log);
            assertTrue(log.contains(" CMD MC_DEVICE_ID ok\n"), log);
            assertTrue(log.contains(" CMD MC_FIRMWARE_VERSION failed: MCU_MBOX_INVALID_PARAMS (0x06020004)\n"), log);
            assertTrue(log.indexOf("ready for firmware") < log.indexOf("runtime ready"), "in order");
            assertFalse(log.contains("MC_GET_LOG"), "reading the log is not logged");
            var empty = mcu.call(McLogCommands.MC_GET_LOG, NoFields.INSTANCE);
            assertEquals(0, empty.logData().length(), "drained");
            assertFalse(empty.hasMoreData());
        }
    }

    @Test
    void pagesHoldWholeRecordsAndClearEmptiesTheLog() {
        try (var d = CaliptraDevice.create(McuClient.config())) {
            var mcu = new McuClient(d);
            for (int i = 0; i < 250; i++) {
                mcu.call(McDeviceInfoCommands.MC_DEVICE_ID, NoFields.INSTANCE);
            }
            var first = mcu.call(McLogCommands.MC_GET_LOG, NoFields.INSTANCE);
            assertTrue(first.hasMoreData(), "250 records do not fit one page");
            assertTrue(first.logData().length() > McLogCommands.MAX_LOG_DATA_SIZE - DeviceLog.MAX_RECORD_BYTES);
            String all = new String(first.logData().toByteArray(), StandardCharsets.US_ASCII) + drainMailbox(mcu);
            String[] lines = all.split("\n");
            assertEquals(250, lines.length);
            for (int i = 0; i < lines.length; i++) {
                assertTrue(lines[i].matches("#" + (i + 1) + " @\\d+ CMD MC_DEVICE_ID ok"), lines[i]);
            }
            mcu.call(McDeviceInfoCommands.MC_DEVICE_ID, NoFields.INSTANCE);
            mcu.call(McLogCommands.MC_CLEAR_LOG, NoFields.INSTANCE);
            assertEquals("", drainMailbox(mcu), "cleared");
        }
    }

    @Test
    void aCoreFatalErrorIsLoggedByName() {
        try (var d = McuClient.atRom(McuClient.config())) {
            var mcu = new McuClient(d);
            mcu.error(McCryptoCommands.MC_SHA_INIT, ShaInitRequest.of(HashAlgorithm.SHA384, Octets.zeros(0)));
            d.step();
            String log = drainMailbox(mcu);
            assertTrue(log.contains(" CMD MC_SHA_INIT failed: FW_PROC_MAILBOX_INVALID_COMMAND (0x01020004)\n"), log);
            assertTrue(log.contains(" ERR core fatal error FW_PROC_MAILBOX_INVALID_COMMAND (0x01020004)\n"), log);
        }
    }

    /** The MCTP-VDM debug log is the same log, in pages of at most 900 bytes. */
    @Test
    void theVdmDebugLogIsTheSameLogInSmallerPages() {
        try (var d = CaliptraDevice.create(McuClient.config())) {
            var mcu = new McuClient(d);
            for (int i = 0; i < 60; i++) {
                mcu.call(McDeviceInfoCommands.MC_DEVICE_ID, NoFields.INSTANCE);
            }
            var all = new ByteArrayOutputStream();
            int pages = 0;
            boolean more = true;
            while (more) {
                byte[] response = d.exchangeVdm(HexFormat.of().parseHex("0000A67F8003"));
                var b = ByteBuffer.wrap(response).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(0, b.getInt(6), "success");
                more = b.getInt(10) != 0;
                int size = b.getInt(14);
                assertTrue(size <= 900);
                assertEquals(18 + size, response.length);
                all.write(response, 18, size);
                assertTrue(++pages < 20);
            }
            assertTrue(pages >= 2, "60 records take more than one 900-byte page");
            String text = all.toString(StandardCharsets.US_ASCII);
            assertEquals(60, text.split("\n").length);
            assertTrue(text.startsWith("#1 "));
            mcu.call(McDeviceInfoCommands.MC_DEVICE_ID, NoFields.INSTANCE);
            assertEquals("0000a67f000400000000", HexFormat.of().formatHex(d.exchangeVdm(HexFormat.of().parseHex("0000A67F8004"))));
            assertEquals("0000a67f0003000000000000000000000000",
                    HexFormat.of().formatHex(d.exchangeVdm(HexFormat.of().parseHex("0000A67F8003"))), "empty after ClearDebugLog");
            d.exchangeVdm(HexFormat.of().parseHex("0000A67F800101000000"));
            assertTrue(drainMailbox(mcu).contains(" VDM command 0x01 ok\n"), "VDM commands are logged too");
        }
    }
}
