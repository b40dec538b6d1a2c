package org.caliptra.util.soc.mailbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.soc.mailbox.ScriptedMailbox.Answer;
import org.junit.jupiter.api.Test;

class RegisterMailboxDriverTest {
    static final MailboxRegisters CORE = MailboxRegisters.core(1024);
    static final MailboxRegisters MCU = MailboxRegisters.mcu(0x2100_0000, 1024);
    static final byte[] REQUEST = HexFormat.of().parseHex("C2FEFFFF0102");

    @Test
    void theRegisterMapIsTheSpecs() {
        // spec/device.md §1.2, §1.3 and §1.7, written out here rather than read from protocol.
        assertEquals(0x3002_0000, CORE.lock());
        assertEquals(0x3002_0008, CORE.command());
        assertEquals(0x3002_000C, CORE.dataLength());
        assertEquals(0x3002_0010, CORE.dataIn());
        assertEquals(0x3002_0014, CORE.dataOut());
        assertEquals(0x3002_0018, CORE.execute());
        assertEquals(0x3002_001C, CORE.status());
        assertEquals(0x3003_000C, CORE.errorNonFatal());
        assertEquals(0x3003_0008, CORE.errorFatal());
        assertEquals(0x2160_0000, MCU.lock());
        assertEquals(0x2160_0010, MCU.command());
        assertEquals(0x2160_0014, MCU.dataLength());
        assertEquals(0x2160_0018, MCU.execute());
        assertEquals(0x2160_0020, MCU.status());
        assertEquals(0x2140_0000, MCU.dataIn());
        assertEquals(0x2100_0064, MCU.errorNonFatal());
        assertEquals(0x2100_0060, MCU.errorFatal());
    }

    @Test
    void aCommandGoesInAndItsAnswerComesBackOnBothLayouts() {
        for (var regs : new MailboxRegisters[] {CORE, MCU}) {
            var device = new ScriptedMailbox(regs, 3, (cmd, req) -> Answer.data(HexFormat.of().parseHex("0102030405")));
            var reply = new RegisterMailboxDriver(device, regs, 10).execute(0x4650_5652, REQUEST);
            assertEquals(new MailboxReply.Data(HexFormat.of().parseHex("0102030405")), reply, regs.name());
            assertEquals(0x4650_5652, device.command);
            assertArrayEquals(REQUEST, device.received, "DLEN bytes arrive, the partial last word zero-padded");
            assertEquals(1, device.releases, "EXECUTE cleared once");
            assertEquals(3, device.idles, "polled until the answer, no further");
            assertEquals(0, device.violations);
        }
    }

    @Test
    void aHeldLockIsBusyAndNothingIsWritten() {
        var device = new ScriptedMailbox(CORE, 1, (cmd, req) -> Answer.data(new byte[0]));
        device.locked = true;
        assertEquals(new MailboxReply.Busy(), new RegisterMailboxDriver(device, CORE, 10).execute(1, REQUEST));
        assertEquals(0, device.command);
        assertEquals(0, device.releases, "the lock is not ours to release");
    }

    @Test
    void noAnswerWithinTheBudgetIsATimeoutAndTheMailboxIsReleased() {
        var device = new ScriptedMailbox(CORE, 11, (cmd, req) -> Answer.data(new byte[0]));
        assertEquals(new MailboxReply.Timeout(10), new RegisterMailboxDriver(device, CORE, 10).execute(1, REQUEST));
        assertEquals(10, device.idles);
        assertEquals(1, device.releases);
        assertEquals(false, device.locked);
    }

    @Test
    void aFailureCarriesTheNonFatalRegisterElseTheFatalOne() {
        var nonFatal = new ScriptedMailbox(MCU, 1, (cmd, req) -> Answer.failure(0x000E_0002, 0));
        assertEquals(new MailboxReply.Failure(0x000E_0002), new RegisterMailboxDriver(nonFatal, MCU, 5).execute(1, REQUEST));
        var fatal = new ScriptedMailbox(CORE, 1, (cmd, req) -> Answer.failure(0, 0x0102_0004));
        assertEquals(new MailboxReply.Failure(0x0102_0004), new RegisterMailboxDriver(fatal, CORE, 5).execute(1, REQUEST));
        assertEquals(1, fatal.releases);
    }

    @Test
    void completeCarriesNoData() {
        var device = new ScriptedMailbox(CORE, 1, (cmd, req) -> new Answer(2, new byte[0], 0, 0));
        assertEquals(new MailboxReply.Complete(), new RegisterMailboxDriver(device, CORE, 5).execute(1, REQUEST));
    }

    @Test
    void malformedAnswersAreProtocolErrorsThatStillReleaseTheMailbox() {
        var reserved = new ScriptedMailbox(CORE, 1, (cmd, req) -> new Answer(7, new byte[0], 0, 0));
        var e = assertThrows(ProtocolException.class, () -> new RegisterMailboxDriver(reserved, CORE, 5).execute(0x1234, REQUEST));
        assertEquals("mbox_csr status of command 0x00001234 reads reserved value 7", e.getMessage());
        assertEquals(1, reserved.releases);

        var huge = new ScriptedMailbox(CORE, 1, (cmd, req) -> Answer.data(new byte[0]));
        var driver = new RegisterMailboxDriver(new org.caliptra.util.protocol.RegisterBus() {
            @Override
            public int read32(int address) {
                return address == CORE.dataLength() && huge.status == 1 ? 4096 : huge.read32(address);
            }

            @Override
            public void write32(int address, int value) {
                huge.write32(address, value);
            }

            @Override
            public void idle() {
                huge.idle();
            }
        }, CORE, 5);
        var big = assertThrows(ProtocolException.class, () -> driver.execute(0x1234, REQUEST));
        assertEquals("mbox_csr DLEN of the response to command 0x00001234 is 4096, beyond its 1024 bytes", big.getMessage());
        assertEquals(1, huge.releases);
    }

    @Test
    void aRequestLargerThanTheMailboxIsRefusedBeforeAnyAccess() {
        var device = new ScriptedMailbox(CORE, 1, (cmd, req) -> Answer.data(new byte[0]));
        var e = assertThrows(ProtocolException.class, () -> new RegisterMailboxDriver(device, CORE, 5).execute(0x1234, new byte[1025]));
        assertEquals("request of 1025 bytes for command 0x00001234 exceeds the 1024-byte mbox_csr", e.getMessage());
        assertEquals(false, device.locked);
    }
}
