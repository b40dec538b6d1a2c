package org.caliptra.util.image.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.image.ImageFormatException;
import org.junit.jupiter.api.Test;

/** The entry cap and size bound of flash images (docs/image-tool.md), on both the reading and the building side. */
class FlashImageLimitsTest {
    /** A FLSH v1 header claiming {@code count} infos, each an empty image right after the table: well formed but for the count. */
    static byte[] v1WithEntries(int count) {
        int end = 16 + count * FlashImage.V1_INFO_SIZE;
        var b = ByteBuffer.allocate(end).order(ByteOrder.LITTLE_ENDIAN);
        b.order(ByteOrder.BIG_ENDIAN).putInt(0, FlashImage.FLSH_MAGIC).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(4, (short) 1).putShort(6, (short) count);
        for (int i = 0; i < count; i++) {
            b.putInt(16 + i * 12, 0x1000 + i).putInt(20 + i * 12, end).putInt(24 + i * 12, 0);
        }
        return b.array();
    }

    @Test
    void theCountFieldsMaximumIsNoLongerAccepted() {
        // 65,535 infos fit the file and used to parse (and extract) as 65,535 images.
        var e = assertThrows(ImageFormatException.class, () -> FlashImage.parse(v1WithEntries(65535), "f.bin"));
        assertEquals("f.bin: image count 65535 in the header; a flash image holds at most 130 images (Caliptra FW, SoC manifest, "
                + "MCU runtime and the 127 a SoC manifest can list)", e.getMessage());
        assertEquals(FlashImage.MAX_ENTRIES, FlashImage.parse(v1WithEntries(FlashImage.MAX_ENTRIES), "f.bin").entries().size());
        assertThrows(ImageFormatException.class, () -> FlashImage.parse(v1WithEntries(FlashImage.MAX_ENTRIES + 1), "f.bin"));

        byte[] v3 = new byte[12 + 200 * FlashImage.V3_INFO_SIZE];
        ByteBuffer.wrap(v3).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) 3).putShort(2, (short) 200).putInt(4, 12);
        var e3 = assertThrows(ImageFormatException.class, () -> FlashImage.parse(v3, "g.bin"));
        assertEquals("g.bin: image count 200 in the header; a flash image holds at most 130 images (Caliptra FW, SoC manifest, "
                + "MCU runtime and the 127 a SoC manifest can list)", e3.getMessage());
    }

    @Test
    void buildersRefuseWhatTheReaderWouldRefuse() {
        var many = new ArrayList<FlashImage.Input>();
        for (int i = 0; i <= FlashImage.MAX_ENTRIES; i++) {
            many.add(new FlashImage.Input(0x1000 + i, new byte[4], "x.bin"));
        }
        assertEquals("131 images for one flash image; it holds at most 130",
                assertThrows(ImageFormatException.class, () -> FlashImage.buildV1(many)).getMessage());
        assertEquals("131 images for one flash image; it holds at most 130",
                assertThrows(ImageFormatException.class, () -> FlashImage.buildV3(many)).getMessage());

        byte[] half = new byte[FlashImage.MAX_FILE_SIZE / 2];
        var big = List.of(new FlashImage.Input(1, half, "a"), new FlashImage.Input(2, half, "b"));
        assertEquals("the flash image would be 33554472 bytes, and a flash image is at most 33554432 bytes (caliptra-util's "
                + "documented bound, 32 MiB, for every flash layout)",
                assertThrows(ImageFormatException.class, () -> FlashImage.buildV1(big)).getMessage());
    }
}
