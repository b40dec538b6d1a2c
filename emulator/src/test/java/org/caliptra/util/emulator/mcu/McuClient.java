package org.caliptra.util.emulator.mcu;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.image.build.FirmwareImage;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.fuses.FuseSet;

/** A SoC's view of the MC_* commands: typed requests through a port (the MCI mailbox of a device), and the devices to test. */
record McuClient(MailboxPort port) {
    /** The runtime version of {@link #bundle()}: 1.2.3 as the MCU packs versions. */
    static final int RUNTIME_VERSION = DeviceConfig.packVersion(1, 2, 3);
    private static byte[] bundle;

    /** One signed 2.x bundle per run (its runtime version is the manifest's): booting is the slow part. */
    static synchronized byte[] bundle() {
        if (bundle == null) {
            bundle = TestFirmware.bundleV2(FirmwareImage.of(TestFirmware.randomBytes(1024), 0x4000_0000, 0x4000_0000).withVersion(0x0456),
                    FirmwareImage.of(TestFirmware.randomBytes(1024), 0x4000_1000, 0x4000_1000).withVersion(RUNTIME_VERSION), 1);
        }
        return bundle;
    }

    /** A caliptra-2.1 device at runtime; requester 1 (the bundle's PL0, and the MCU's default AXI user). */
    static CaliptraDevice booted() {
        return TestFirmware.bootedDevice(Profile.CALIPTRA_2_1, bundle());
    }

    /** A caliptra-2.1 device whose core ROM waits for firmware. */
    static CaliptraDevice atRom(DeviceConfig config) {
        var d = CaliptraDevice.create(config);
        d.setRequesterUser(1);
        FuseSet.defaults(Generation.V2).writeTo(d);
        d.write32(SocIfcRegs.BASE + SocIfcRegs.FUSE_WR_DONE, 1);
        d.write32(SocIfcRegs.BASE + SocIfcRegs.BOOTFSM_GO, 1);
        assertTrue(d.stepUntil(x -> (x.read32(SocIfcRegs.BASE + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW) != 0, 200));
        return d;
    }

    static DeviceConfig config() {
        return DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build();
    }

    MailboxReply raw(int command, byte[] fields) {
        return port.execute(command, MailboxChecksum.seal(command, fields));
    }

    /** The whole response: fips_status and fields. */
    <Q, R> MailboxFrame.Response response(CommandCodec<Q, R> codec, Q request) {
        var reply = raw(codec.code(), codec.encodeRequest(request));
        byte[] frame = assertInstanceOf(MailboxReply.Data.class, reply, codec.name() + ": " + reply).bytes();
        return MailboxFrame.openResponse(frame, codec.name());
    }

    <Q, R> R call(CommandCodec<Q, R> codec, Q request) {
        return codec.decodeResponse(response(codec, request).fields());
    }

    /** The error code a refused command leaves in the mailbox's error register. */
    <Q, R> int error(CommandCodec<Q, R> codec, Q request) {
        return error(codec.code(), codec.encodeRequest(request));
    }

    int error(int command, byte[] fields) {
        var reply = raw(command, fields);
        return assertInstanceOf(MailboxReply.Failure.class, reply, String.format("0x%08X: %s", command, reply)).errorCode();
    }
}
