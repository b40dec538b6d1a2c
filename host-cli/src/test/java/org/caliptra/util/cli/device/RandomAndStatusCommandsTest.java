package org.caliptra.util.cli.device;

import static org.caliptra.util.cli.device.DeviceCli.fails;
import static org.caliptra.util.cli.device.DeviceCli.hex;
import static org.caliptra.util.cli.device.DeviceCli.json;
import static org.caliptra.util.cli.device.DeviceCli.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code random}, {@code random-stir} and {@code cm-status} against the embedded emulator, and their bad arguments. */
class RandomAndStatusCommandsTest {
    @TempDir
    Path dir;

    @Test
    void randomPrintsNBytesAsHexAndWritesThemRawWithOut() throws Exception {
        var doc = json("random", "16");
        assertEquals(16, doc.get("bytes").asInt());
        byte[] data = hex(doc.get("data"));
        assertEquals(16, data.length);
        // Text: name: value lines, the bytes as lower-case hex.
        var text = ok("random", "48", "--target", "emulator?driver=registers").out().lines().toList();
        assertEquals("bytes: 48", text.get(0).replaceAll("\\s+", " "));
        assertTrue(text.get(1).matches("data:\\s+[0-9a-f]{96}"), text.get(1));
        // --out: the raw bytes, private. The embedded emulator's TRNG is seeded, so the same device draws the same bytes.
        Path out = dir.resolve("random.bin");
        var written = json("random", "16", "--out", out.toString());
        assertEquals(out.toString(), written.get("out").asText());
        assertFalse(written.has("data"), "the bytes go to the file only");
        assertArrayEquals(data, Files.readAllBytes(out));
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(out));
        // The largest draw, through the 2.x core mailbox of a passive part.
        assertEquals(4096, hex(json("random", "4096", "--target", "emulator?profile=caliptra-2.0").get("data")).length);
    }

    @Test
    void randomRefusesACountOutsideTheDevicesRangeBeforeOpeningTheTarget() {
        assertTrue(fails(2, "random", "0").contains("N is 0: the device returns 1 to 4096 random bytes per command"));
        assertTrue(fails(2, "random", "4097").contains("N is 4097: the device returns 1 to 4096 random bytes per command"));
        assertTrue(fails(2, "random", "99999999999999999999").contains("is not a number of bytes; give 1 to 4096"));
        assertTrue(fails(2, "random", "sixteen").contains("N 'sixteen' is not a number of bytes; give 1 to 4096"));
        assertTrue(fails(2, "random", "-5").contains("-5"));
        fails(2, "random");
        // Checked before the target: a count that is out of range on a target that would refuse anyway is still a usage error.
        assertTrue(fails(2, "random", "5000", "--target", "emulator?profile=caliptra-1.2").contains("N is 5000"));
    }

    @Test
    void aCaliptra1xCoreRefusesRandomAndStatusBeforeSendingNamingWhatCarriesThem() {
        String random = fails(1, "random", "16", "--target", "emulator?profile=caliptra-1.2&mailbox=core");
        assertTrue(random.contains("RandomGenerate (0x2030) is not carried by a Caliptra 1.x core mailbox: it needs a Caliptra 2.x "
                + "core or the MCU mailbox; it travels over an MCU (MCI) mailbox or a Caliptra 2.x core mailbox"), random);
        String status = fails(1, "cm-status", "--target", "emulator?profile=caliptra-1.2&driver=registers");
        assertTrue(status.contains("CmStatus (0x2032) is not carried by a Caliptra 1.x core mailbox: it needs a Caliptra 2.x core"),
                status);
        String stir = fails(1, "random-stir", "--input-hex", "00", "--target", "emulator?profile=caliptra-1.2");
        assertTrue(stir.contains("RandomStir (0x2031) is not carried by a Caliptra 1.x core mailbox"), stir);
    }

    @Test
    void cmStatusReportsTheUsageStorage() {
        for (String target : List.of("emulator", "emulator?mailbox=core", "emulator?profile=caliptra-2.0")) {
            var doc = json("cm-status", "--target", target);
            assertEquals(256, doc.get("total_usage_storage").asLong(), target);
            assertEquals(0, doc.get("used_usage_storage").asLong(), target + ": a fresh part holds no AES key");
        }
        var text = ok("cm-status").out();
        assertTrue(text.contains("total_usage_storage: 256"), text);
    }

    @Test
    void randomStirTakesHexOrAFileOfAtMost4080Bytes() throws Exception {
        assertEquals(4, json("random-stir", "--input-hex", "00112233").get("bytes").asInt());
        Path file = Files.write(dir.resolve("input.bin"), new byte[4080]);
        assertEquals(4080, json("random-stir", "--input-file", file.toString(), "--target", "emulator?mailbox=core").get("bytes").asInt());
        Path big = Files.write(dir.resolve("big.bin"), new byte[4081]);
        assertTrue(fails(2, "random-stir", "--input-file", big.toString()).contains("--input-file " + big + ": 4081 bytes; the device "
                + "stirs in at most 4080"));
        Path huge = Files.write(dir.resolve("huge.bin"), new byte[5000]);
        assertTrue(fails(2, "random-stir", "--input-file", huge.toString()).contains(huge.toString()));
        assertTrue(fails(2, "random-stir", "--input-hex", "00".repeat(4081)).contains("--input-hex: 4081 bytes; the input is at most 4080"));
        assertTrue(fails(2, "random-stir", "--input-hex", "001").contains("--input-hex: 3 hex digits, an odd number"));
        fails(2, "random-stir", "--input-hex", "00", "--input-file", file.toString());
        fails(2, "random-stir");
    }
}
