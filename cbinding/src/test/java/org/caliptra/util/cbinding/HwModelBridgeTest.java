package org.caliptra.util.cbinding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Java side of the hw-model library, called as the C shim calls it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HwModelBridgeTest {
    private static final int SOC = SocIfcRegs.BASE;
    private static final int UNPROVISIONED = 0b000;
    private static final int LOCKED_MANUFACTURING = 0b101;

    @TempDir
    Path dir;

    private static HwModel create1x(byte[] rom, int securityState, String deviceFile, int[] status) {
        return HwModelBridge.create(1, -1, rom, 0, 0, securityState, 0, null, deviceFile, null, status);
    }

    private static HwModel create2x(int hwVersion, int socUser, byte[] obfuscationKey, int[] status) {
        return HwModelBridge.create(2, hwVersion, null, 0, 0, UNPROVISIONED, socUser, obfuscationKey, null, null, status);
    }

    private static String output(HwModel model) {
        return new String(model.output(0), StandardCharsets.US_ASCII);
    }

    @Test
    void aNew1xModelIsAnUnbootedCaliptra12WhoseRomDigestIsLogged() throws Exception {
        byte[] rom = "not a real ROM".getBytes(StandardCharsets.US_ASCII);
        int[] status = {99};
        HwModel model = create1x(rom, UNPROVISIONED, null, status);
        assertNotNull(model, HwModelBridge::lastError);
        assertEquals(HwModel.OK, status[0]);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-384").digest(rom));
        assertEquals("[model] caliptra-util hw-model, 1.x API: profile caliptra-1.2, lifecycle unprovisioned, debug unlocked, "
                + "requester 0x00000001\n[model] ROM image 14 bytes, SHA-384 " + digest
                + ": recorded; the emulator's ROM is behavioural\n", output(model));
        assertTrue(model.readyForFuses());
        assertFalse(model.readyForFw());
        // CPTRA_HW_REV_ID as the reference 1.x emulator reports it (spec/device.md §1.3): 0x11.
        assertEquals(0x11, model.read32(SOC + 0x0D4));
        model.close();
    }

    @Test
    void theModelBootsAndItsOutputOnlyEverGrows() {
        int[] status = new int[1];
        HwModel model = create1x(null, UNPROVISIONED, null, status);
        int before = model.outputLength();
        assertEquals(HwModel.OK, model.bootDefault(DevelopmentFirmware.bundle(Generation.V1).toByteArray(), 0x600),
                HwModelBridge::lastError);
        assertEquals(0x600, model.read32(SOC + SocIfcRegs.BOOT_STATUS));
        assertFalse(model.readyForFuses());
        assertTrue(model.readyForFw(), "latched");
        assertFalse(model.exitRequested());
        String all = output(model);
        assertEquals(all.length(), model.outputLength());
        assertTrue(all.contains("[model] no ROM image given\n"), all);
        assertTrue(all.contains("[rt] ready for commands\n"), all);
        assertEquals(all.substring(before), new String(model.output(before), StandardCharsets.US_ASCII));
        assertEquals(all.substring(5), new String(model.output(5), StandardCharsets.US_ASCII), "an offset inside the model's own lines");
        assertTrue(model.outputCapacity() >= model.outputLength());

        assertEquals(HwModel.DEVICE_ERROR, model.bootDefault(new byte[16], 0x600));
        assertEquals("boot_default needs a model that is not booted yet: CPTRA_FUSE_WR_DONE is already set", HwModelBridge.lastError());
        model.close();
        assertEquals(HwModel.INVALID_ARGUMENT, model.step());
        assertEquals("the model was destroyed", HwModelBridge.lastError());
    }

    @Test
    void busFaultsAndEmptyImagesAreStatusesNotExceptions() {
        HwModel model = create1x(null, UNPROVISIONED, null, new int[1]);
        assertEquals(HwModel.BUS_FAULT, model.read32(0x4000_0000));
        assertEquals("no register mapped at SoC address 0x40000000", HwModelBridge.lastError());
        assertEquals(HwModel.BUS_FAULT, model.write32(SOC + 2, 0));
        // The ROM takes no empty image: FW_PROC_INVALID_IMAGE_SIZE (spec/device.md §3.1).
        assertEquals(0x0102_0002, model.bootDefault(new byte[0], 0x600));
        assertTrue(HwModelBridge.lastError().contains("(0x01020002)"), HwModelBridge::lastError);
        assertTrue(model.exitRequested(), "the ROM halted");
        model.close();
    }

    @Test
    void waitingForAStatusAnUnbootedPartNeverReachesRunsOut() {
        HwModel model = create1x(null, UNPROVISIONED, null, new int[1]);
        assertEquals(HwModel.TIMEOUT, model.stepUntilBootStatus(0x600));
        assertEquals("boot status 0x600 not reached in 30000000 steps; it is 0x0", HwModelBridge.lastError());
        model.close();
    }

    @Test
    void securityStateSetsLifecycleAndDebugLock() {
        HwModel model = create1x(null, LOCKED_MANUFACTURING, null, new int[1]);
        assertTrue(output(model).startsWith("[model] caliptra-util hw-model, 1.x API: profile caliptra-1.2, lifecycle manufacturing, "
                + "debug locked,"), output(model));
        // CPTRA_SECURITY_STATE: [1:0] lifecycle 1, [2] debug locked.
        assertEquals(0b101, model.read32(SOC + 0x044));
        model.close();
    }

    @Test
    void aSecurityStateThatIsNoneOfTheConstantsIsRefused() {
        int[] status = new int[1];
        assertNull(create1x(null, 0b010, null, status));
        assertEquals(HwModel.INVALID_ARGUMENT, status[0]);
        assertEquals("security_state 0x02 is not a CALIPTRA_SEC_STATE_* value: bits [1:0] are the lifecycle (0 unprovisioned, "
                + "1 manufacturing, 3 production), bit 2 debug locked", HwModelBridge.lastError());
        assertNull(create1x(null, 0x13, null, status));
        assertEquals(HwModel.INVALID_ARGUMENT, status[0]);
    }

    @Test
    void hwVersionPicksThe2xProfile() {
        int[] status = new int[1];
        HwModel v20 = create2x(HwModelBridge.HW_VERSION_2_0, 7, null, status);
        assertTrue(output(v20).startsWith("[model] caliptra-util hw-model, 2.x API: profile caliptra-2.0, lifecycle unprovisioned, "
                + "debug unlocked, requester 0x00000007\n"), output(v20));
        assertEquals(0x0002, v20.read32(SOC + 0x0D4), "CPTRA_HW_REV_ID of the 2.0 profile");
        v20.close();
        HwModel v21 = create2x(HwModelBridge.HW_VERSION_2_1, 0, null, status);
        assertTrue(output(v21).contains("profile caliptra-2.1"), output(v21));
        v21.close();

        assertNull(create2x(HwModelBridge.HW_VERSION_2_2, 0, null, status));
        assertEquals(HwModel.INVALID_ARGUMENT, status[0]);
        assertTrue(HwModelBridge.lastError().startsWith("hw_version 2 (CALIPTRA_HW_VERSION_2_2): the emulator has no Caliptra 2.2 profile"),
                HwModelBridge::lastError);
        // What a 1.x caller's rom pointer looks like when read as hw_version.
        assertNull(create2x(0x5566_7788, 0, null, status));
        assertTrue(HwModelBridge.lastError().endsWith("was the program compiled against the 1.x caliptra_model.h?"),
                HwModelBridge::lastError);
    }

    @Test
    void theObfuscationKeyComesAsNativeWordsAndMustBe32Bytes() {
        int[] status = new int[1];
        assertNull(create2x(HwModelBridge.HW_VERSION_2_0, 0, new byte[31], status));
        assertEquals(HwModel.INVALID_OBF_KEY_SIZE, status[0]);
        // The reference's DEFAULT_CPTRA_OBF_KEY words 0xa0a1a2a3, 0xb0b1b2b3, ... as a little-endian C array.
        byte[] words = HexFormat.of().parseHex("a3a2a1a0b3b2b1b0c3c2c1c0d3d2d1d0e3e2e1e0f3f2f1f0a7a6a5a4b7b6b5b4");
        HwModel model = create2x(HwModelBridge.HW_VERSION_2_0, 0, words, status);
        assertNotNull(model, HwModelBridge::lastError);
        var device = ((EmulatedModelTarget) model.target()).device();
        assertEquals(DeviceConfig.DEFAULT_OBFUSCATION_KEY, device.config().obfuscationKey());
        model.close();
    }

    @Test
    void aDeviceFileGivesFusesAndItsExplicitSettingsWin() throws Exception {
        Path file = Files.writeString(dir.resolve("part.toml"), "profile = \"caliptra-2.0\"\nlifecycle = \"production\"\n");
        int[] status = new int[1];
        HwModel model = create1x(null, UNPROVISIONED, file.toString(), status);
        assertNotNull(model, HwModelBridge::lastError);
        String out = output(model);
        assertTrue(out.startsWith("[model] caliptra-util hw-model, 1.x API: profile caliptra-2.0, lifecycle production, debug unlocked,"),
                out);
        assertTrue(out.contains("[model] device file " + file + "\n"), out);
        assertTrue(out.contains("[model] note: the device file's caliptra-2.0 registers differ from the 1.x caliptra_top_reg.h"), out);
        model.close();

        // Without lifecycle or debug_locked in the file, the call's security_state decides.
        Path quiet = Files.writeString(dir.resolve("quiet.toml"), "profile = \"caliptra-1.2\"\n");
        HwModel locked = create1x(null, LOCKED_MANUFACTURING, quiet.toString(), status);
        assertTrue(output(locked).contains("lifecycle manufacturing, debug locked"), output(locked));
        locked.close();
    }

    @Test
    void aBadDeviceFileIsNamedWithItsProblem() throws Exception {
        int[] status = new int[1];
        assertNull(create1x(null, UNPROVISIONED, dir.resolve("missing.toml").toString(), status));
        assertEquals(HwModel.INVALID_ARGUMENT, status[0]);
        assertEquals("CALIPTRA_DEVICE=" + dir.resolve("missing.toml") + ": no such device file", HwModelBridge.lastError());

        Path bad = Files.writeString(dir.resolve("bad.toml"), "profile = \"caliptra-9\"\n");
        assertNull(create1x(null, UNPROVISIONED, bad.toString(), status));
        assertTrue(HwModelBridge.lastError().startsWith("CALIPTRA_DEVICE=" + bad + ": "), HwModelBridge::lastError);
        assertTrue(HwModelBridge.lastError().contains("caliptra-9"), HwModelBridge::lastError);
    }

    @Test
    void aServedDeviceBootsThroughItsCptrEndpointAndOtherClientsSeeTheSameDevice() {
        Path socket = dir.resolve("cptr.sock");
        try (var device = org.caliptra.util.emulator.CaliptraDevice.create(org.caliptra.util.emulator.DeviceConfig.builder()
                        .profile(org.caliptra.util.emulator.Profile.CALIPTRA_1_2).build());
                var server = org.caliptra.util.emulator.server.EmulatorServer.builder()
                        .unix(org.caliptra.util.emulator.server.DeviceEndpoints.APB, socket,
                                org.caliptra.util.emulator.server.DeviceEndpoints.of(device).cptr())
                        .build()) {
            server.start();
            int[] status = {99};
            HwModel model = HwModelBridge.create(1, -1, null, 0, 0, UNPROVISIONED, 0, null, null, "apb+unix:" + socket, status);
            assertNotNull(model, HwModelBridge::lastError);
            assertEquals(HwModel.OK, status[0]);
            assertTrue(output(model).startsWith("[model] caliptra-util hw-model, 1.x API: the device served at apb+unix:" + socket
                    + " (its profile, lifecycle and requester are the server's)\n"), output(model));
            assertTrue(model.readyForFuses());
            assertFalse(model.readyForFw());
            // The same calls as on the embedded device: fuses, FIRMWARE_LOAD, steps until the boot status.
            assertEquals(HwModel.OK, model.bootDefault(DevelopmentFirmware.bundle(Generation.V1).toByteArray(), 0x600),
                    HwModelBridge::lastError);
            assertEquals(0x600, model.read32(SOC + SocIfcRegs.BOOT_STATUS));
            assertEquals(0x600, device.read32(SOC + SocIfcRegs.BOOT_STATUS), "the server's device is the one that booted");
            assertTrue(model.readyForFw());
            assertFalse(model.readyForFuses());
            assertFalse(model.exitRequested());
            // A step is one served access, and the CPTR protocol carries no requester.
            long steps = device.steps();
            assertEquals(HwModel.OK, model.step());
            assertTrue(device.steps() > steps, "a step reached the device");
            assertEquals(HwModel.INVALID_ARGUMENT, model.setRequesterUser(0x21));
            assertTrue(HwModelBridge.lastError().contains("the CPTR protocol carries none"), HwModelBridge::lastError);
            model.close();
        }
    }

    @Test
    void aServedDeviceThatIsNotThereOrABadUriIsRefusedByName() {
        int[] status = new int[1];
        Path missing = dir.resolve("nobody.sock");
        assertNull(HwModelBridge.create(1, -1, null, 0, 0, 0, 0, null, null, "apb+unix:" + missing, status));
        assertEquals(HwModel.INVALID_ARGUMENT, status[0]);
        assertTrue(HwModelBridge.lastError().startsWith("CALIPTRA_EMULATOR=apb+unix:" + missing), HwModelBridge::lastError);
        for (String[] c : new String[][] {
                {"mbox+unix:/x", "CALIPTRA_EMULATOR=mbox+unix:/x: expected apb+unix:PATH or apb://HOST:PORT (the CPTR endpoint of caliptra-util emulator serve)"},
                {"apb://127.0.0.1", "CALIPTRA_EMULATOR=apb://127.0.0.1: expected apb://HOST:PORT"},
                {"apb://127.0.0.1:0", "CALIPTRA_EMULATOR=apb://127.0.0.1:0: port '0' is not 1 to 65535"},
                {"apb+unix:", "CALIPTRA_EMULATOR=apb+unix:: no socket path after apb+unix:"}}) {
            assertNull(HwModelBridge.create(2, 1, null, 0, 0, 0, 0, null, null, c[0], status));
            assertEquals(HwModel.INVALID_ARGUMENT, status[0]);
            assertEquals(c[1], HwModelBridge.lastError());
        }
    }

    @Test
    void dccmAndIccmPreloadsAreNotedAsIgnored() {
        HwModel model = HwModelBridge.create(1, -1, new byte[0], 16, 32, 0, 0, null, null, null, new int[1]);
        assertTrue(output(model).contains("[model] DCCM (16 bytes) and ICCM (32 bytes) preloads ignored\n"), output(model));
        assertArrayEquals(Arrays.copyOfRange(model.output(0), 10, model.outputLength()), model.output(10));
        model.close();
    }
}
