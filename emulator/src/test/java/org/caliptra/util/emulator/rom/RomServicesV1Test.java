package org.caliptra.util.emulator.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.Test;

/**
 * The caliptra-1.2 ROM's GET_IDEV_CSR before firmware (caliptra-sw caliptra-1.2
 * rom/dev/src/flow/cold_reset/fw_processor.rs), which libcaliptra's IDevID CSR test sends right
 * after the manufacturing hand-off: the CSR it made, in its whole 512-byte buffer; without one,
 * FW_PROC_MAILBOX_GET_IDEV_CSR_UNPROVISIONED_CSR, fatal as every ROM error.
 */
class RomServicesV1Test {
    static final int SOC = SocIfcRegs.BASE;
    static final int GET_IDEV_CSR = 0x4944_4352;

    private static MailboxReply send(CaliptraDevice d, int command) {
        return d.coreMailbox().execute(command, MailboxChecksum.seal(command, new byte[0]));
    }

    @Test
    void afterTheManufacturingHandOffTheRomGivesTheCsrAgain() {
        try (var d = IdevIdCsrHandshakeTest.manufacturingDevice(Profile.CALIPTRA_1_2, 0x0001_0203)) {
            byte[] csr = IdevIdCsrHandshakeTest.retrieveCsr(d);
            IdevIdCsrHandshakeTest.finishHandshake(d);
            var reply = assertInstanceOf(MailboxReply.Data.class, send(d, GET_IDEV_CSR));
            // hdr 8 + data_size 4 + data[512]: the ROM sends its response struct whole.
            assertEquals(8 + 4 + 512, reply.bytes().length);
            byte[] fields = MailboxFrame.openResponse(reply.bytes(), "GET_IDEV_CSR").fields();
            int size = ByteBuffer.wrap(fields).order(ByteOrder.LITTLE_ENDIAN).getInt();
            assertArrayEquals(csr, Arrays.copyOfRange(fields, 4, 4 + size));
            assertTrue(!d.fatal());
        }
    }

    @Test
    void withoutAManufacturingCsrTheRequestIsFatal() {
        try (var d = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).lifecycle(Lifecycle.PRODUCTION).build())) {
            d.setRequesterUser(1);
            FuseSet.defaults(Generation.V1).writeTo(d);
            d.write32(SOC + SocIfcRegs.FUSE_WR_DONE, 1);
            d.write32(SOC + SocIfcRegs.BOOTFSM_GO, 1);
            assertTrue(d.stepUntil(x -> (x.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW) != 0, 200));
            assertEquals(new MailboxReply.Failure(0x0102_000A), send(d, GET_IDEV_CSR), "FW_PROC_MAILBOX_GET_IDEV_CSR_UNPROVISIONED_CSR");
            assertTrue(d.fatal());
            assertEquals(0x0102_000A, d.read32(SOC + SocIfcRegs.FW_ERROR_FATAL));
        }
    }
}
