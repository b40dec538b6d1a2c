package org.caliptra.util.image.flash;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.image.io.InputLimit;
import org.caliptra.util.protocol.Octets;

/**
 * Flash images (spec/formats.md §4): the AST27xx "FLSH" v1 layout (CRC-32 checksums, 12-byte image
 * infos) and the caliptra-mcu-sw v3 layout (byte-sum checksums, 84-byte image infos with file
 * names). Parsing is lenient about checksums so a damaged image can still be inspected;
 * {@link #checksumProblems()} reports them, checked once while parsing.
 *
 * @param headerChecksum as stored
 * @param payloadChecksum v1 only: CRC-32 of everything from 0x10 to the end, as stored
 * @param checksumProblems every checksum that does not match, described; empty when intact
 */
public record FlashImage(int version, int headerChecksum, int payloadChecksum, int headersOffset, List<FlashEntry> entries,
        List<String> checksumProblems) {

    public static final int FLSH_MAGIC = 0x464C_5348;
    public static final int V1_INFO_SIZE = 12;
    public static final int V3_INFO_SIZE = 84;
    /**
     * The most image infos a flash image may have: the Caliptra firmware, the SoC manifest and the
     * MCU runtime, then at most one SoC image per entry a SoC manifest can list (127, the largest
     * image metadata collection, spec/formats.md §3.1). The 16-bit count field allows 65535, which
     * no manifest could authorize.
     */
    public static final int MAX_ENTRIES = 3 + 127;
    /**
     * The largest flash image file, A1 out-bundle included: 32 MiB. The format's u32 offsets allow
     * 4 GiB; this bound is ours, documented in docs/image-tool.md, and about 16 times the 2.0 MB of
     * images the AST2700 default project flashes. Builders refuse to write a larger one, readers to read it.
     */
    public static final int MAX_FILE_SIZE = 32 << 20;
    public static final InputLimit FILE_LIMIT = new InputLimit("a flash image", MAX_FILE_SIZE,
            "caliptra-util's documented bound, 32 MiB, for every flash layout");
    /** One image placed in a flash image can be no larger than the flash image itself. */
    public static final InputLimit IMAGE_LIMIT = new InputLimit("an image for a flash image", MAX_FILE_SIZE,
            "it must fit in a flash image, which caliptra-util bounds at 32 MiB");

    public FlashImage {
        entries = List.copyOf(entries);
        checksumProblems = List.copyOf(checksumProblems);
    }

    public String kind() {
        return version == 1 ? "flash-v1" : "flash-v3";
    }

    public static boolean isFlashV1(byte[] b) {
        return b.length >= 8 && ByteBuffer.wrap(b).getInt(0) == FLSH_MAGIC;
    }

    public static boolean isFlashV3(byte[] b) {
        if (b.length < 12) {
            return false;
        }
        var r = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return r.getShort(0) == 3 && r.getShort(2) != 0 && r.getInt(4) >= 12;
    }

    /**
     * Everything that makes this image one a device must not boot, described: every checksum that
     * does not match, and every identifier that appears twice (a device looking an image up by its
     * identifier could take either). Empty when the container is valid.
     */
    public List<String> containerProblems() {
        var problems = new ArrayList<>(checksumProblems);
        var seen = new java.util.HashMap<Integer, Integer>();
        for (int i = 0; i < entries.size(); i++) {
            Integer first = seen.putIfAbsent(entries.get(i).identifier(), i);
            if (first != null) {
                problems.add(String.format("identifier 0x%X appears twice (image infos %d and %d)", entries.get(i).identifier(),
                        first, i));
            }
        }
        return problems;
    }

    public Optional<FlashEntry> entry(int identifier) {
        return entries.stream().filter(e -> e.identifier() == identifier).findFirst();
    }

    // ---- parsing -----------------------------------------------------------------------------

    public static FlashImage parse(byte[] b, String name) {
        require(b.length <= MAX_FILE_SIZE, name, "too large (" + b.length + " bytes): " + FILE_LIMIT.describe());
        if (isFlashV1(b)) {
            return parseV1(b, name);
        }
        if (isFlashV3(b)) {
            return parseV3(b, name);
        }
        throw new ImageFormatException(name + ": not a flash image (no \"FLSH\" magic and no version-3 header)");
    }

    private static FlashImage parseV1(byte[] b, String name) {
        require(b.length >= 16, name, "a FLSH header is 16 bytes, the file has " + b.length);
        var r = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int version = Short.toUnsignedInt(r.getShort(4));
        require(version == 1, name, "FLSH header version " + version + " at offset 4; only 1 is known");
        int count = Short.toUnsignedInt(r.getShort(6));
        requireEntryCount(count, name);
        require(16L + (long) count * V1_INFO_SIZE <= b.length, name, count + " image infos do not fit in " + b.length + " bytes");
        var entries = new ArrayList<FlashEntry>();
        for (int i = 0; i < count; i++) {
            int at = 16 + i * V1_INFO_SIZE;
            int id = r.getInt(at);
            int offset = r.getInt(at + 4);
            int size = r.getInt(at + 8);
            entries.add(new FlashEntry(id, offset, size, null, 0, 0, slice(b, offset, size, name, i, id)));
        }
        return new FlashImage(1, r.getInt(8), r.getInt(12), 16, entries, problemsV1(b, r.getInt(8), r.getInt(12)));
    }

    private static FlashImage parseV3(byte[] b, String name) {
        var r = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int count = Short.toUnsignedInt(r.getShort(2));
        requireEntryCount(count, name);
        int headers = r.getInt(4);
        require(Integer.toUnsignedLong(headers) + (long) count * V3_INFO_SIZE <= b.length, name,
                count + " image infos at offset " + Integer.toUnsignedLong(headers) + " do not fit in " + b.length + " bytes");
        var entries = new ArrayList<FlashEntry>();
        for (int i = 0; i < count; i++) {
            int at = headers + i * V3_INFO_SIZE;
            int id = r.getInt(at);
            int offset = r.getInt(at + 4);
            int size = r.getInt(at + 8);
            String file = new String(b, at + 12, 64, StandardCharsets.UTF_8).replaceAll("\u0000+$", "");
            entries.add(new FlashEntry(id, offset, size, file, r.getInt(at + 76), r.getInt(at + 80),
                    slice(b, offset, size, name, i, id)));
        }
        return new FlashImage(3, r.getInt(8), 0, headers, entries, problemsV3(b, r.getInt(8), headers, entries));
    }

    private static void requireEntryCount(int count, String name) {
        require(count <= MAX_ENTRIES, name, "image count " + count + " in the header; a flash image holds at most " + MAX_ENTRIES
                + " images (Caliptra FW, SoC manifest, MCU runtime and the 127 a SoC manifest can list)");
    }

    private static Octets slice(byte[] b, int offset, int size, String name, int index, int id) {
        long start = Integer.toUnsignedLong(offset);
        long end = start + Integer.toUnsignedLong(size);
        require(end <= b.length, name, String.format("image %d (identifier 0x%X) at offset 0x%X, size %d runs past the end (%d bytes)",
                index, id, start, Integer.toUnsignedLong(size), b.length));
        return Octets.of(b, (int) start, (int) (end - start));
    }

    private static void require(boolean ok, String name, String problem) {
        if (!ok) {
            throw new ImageFormatException(name + ": " + problem);
        }
    }

    // ---- checksums ---------------------------------------------------------------------------

    static int crc32(byte[] b, int from, int to) {
        var crc = new CRC32();
        crc.update(b, from, to - from);
        return (int) crc.getValue();
    }

    /** Two's-complement byte sum: {@code (0 - Σ bytes) mod 2^32}. */
    static int byteSum(byte[] b, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += b[i] & 0xFF;
        }
        return -sum;
    }

    private static List<String> problemsV1(byte[] b, int headerChecksum, int payloadChecksum) {
        var problems = new ArrayList<String>();
        int header = crc32(b, 0, 8);
        if (header != headerChecksum) {
            problems.add(String.format("header checksum (CRC-32 of bytes 0..8) is 0x%08X, stored 0x%08X", header, headerChecksum));
        }
        int payload = crc32(b, 16, b.length);
        if (payload != payloadChecksum) {
            problems.add(String.format("payload checksum (CRC-32 of bytes 0x10..end) is 0x%08X, stored 0x%08X", payload, payloadChecksum));
        }
        return problems;
    }

    private static List<String> problemsV3(byte[] b, int headerChecksum, int headersOffset, List<FlashEntry> entries) {
        var problems = new ArrayList<String>();
        int header = byteSum(b, 0, 8);
        if (header != headerChecksum) {
            problems.add(String.format("header checksum is 0x%08X, stored 0x%08X", header, headerChecksum));
        }
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            int at = headersOffset + i * V3_INFO_SIZE;
            int infoSum = byteSum(b, at, at + 80);
            if (infoSum != e.headerChecksum()) {
                problems.add(String.format("image info %d (identifier 0x%X) checksum is 0x%08X, stored 0x%08X", i, e.identifier(),
                        infoSum, e.headerChecksum()));
            }
            int dataSum = e.data().negatedByteSum(0, e.data().length());
            if (dataSum != e.imageChecksum()) {
                problems.add(String.format("image %d (identifier 0x%X) checksum is 0x%08X, stored 0x%08X", i, e.identifier(),
                        dataSum, e.imageChecksum()));
            }
        }
        return problems;
    }

    // ---- building ----------------------------------------------------------------------------

    /** One image to place: identifier, bytes, and (v3) the file name to record. */
    public record Input(int identifier, byte[] data, String filename) {}

    static byte[] padded4(byte[] data) {
        return java.util.Arrays.copyOf(data, (data.length + 3) & ~3);
    }

    /** What we would refuse to read, we refuse to build: the entry cap and the 32 MiB bound. */
    private static void requireBuildable(List<Input> inputs, long headerEnd) {
        if (inputs.size() > MAX_ENTRIES) {
            throw new ImageFormatException(inputs.size() + " images for one flash image; it holds at most " + MAX_ENTRIES);
        }
        long total = headerEnd;
        for (Input i : inputs) {
            total += (i.data().length + 3L) & ~3L;
        }
        if (total > MAX_FILE_SIZE) {
            throw new ImageFormatException("the flash image would be " + total + " bytes, and " + FILE_LIMIT.describe());
        }
    }

    /** The AST27xx "FLSH" v1 layout: header, 12-byte infos, images each zero-padded to 4 bytes. */
    public static byte[] buildV1(List<Input> inputs) {
        int headerEnd = 16 + inputs.size() * V1_INFO_SIZE;
        requireBuildable(inputs, headerEnd);
        var images = inputs.stream().map(i -> padded4(i.data())).toList();
        int total = headerEnd + images.stream().mapToInt(x -> x.length).sum();
        byte[] out = new byte[total];
        var w = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer.wrap(out).putInt(0, FLSH_MAGIC);
        w.putShort(4, (short) 1).putShort(6, (short) inputs.size());
        int offset = headerEnd;
        for (int i = 0; i < inputs.size(); i++) {
            int at = 16 + i * V1_INFO_SIZE;
            w.putInt(at, inputs.get(i).identifier()).putInt(at + 4, offset).putInt(at + 8, images.get(i).length);
            System.arraycopy(images.get(i), 0, out, offset, images.get(i).length);
            offset += images.get(i).length;
        }
        w.putInt(8, crc32(out, 0, 8));
        w.putInt(12, crc32(out, 16, out.length));
        return out;
    }

    /** The caliptra-mcu-sw v3 layout: 12-byte header, 84-byte infos with names and checksums, images padded to 4. */
    public static byte[] buildV3(List<Input> inputs) {
        int headerEnd = 12 + inputs.size() * V3_INFO_SIZE;
        requireBuildable(inputs, headerEnd);
        var images = inputs.stream().map(i -> padded4(i.data())).toList();
        byte[] out = new byte[headerEnd + images.stream().mapToInt(x -> x.length).sum()];
        var w = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        w.putShort(0, (short) 3).putShort(2, (short) inputs.size()).putInt(4, 12);
        w.putInt(8, byteSum(out, 0, 8));
        int offset = headerEnd;
        for (int i = 0; i < inputs.size(); i++) {
            int at = 12 + i * V3_INFO_SIZE;
            byte[] img = images.get(i);
            byte[] name = inputs.get(i).filename() == null ? new byte[0] : inputs.get(i).filename().getBytes(StandardCharsets.UTF_8);
            if (name.length > 64) {
                throw new ImageFormatException("flash image file name longer than 64 bytes: " + inputs.get(i).filename());
            }
            w.putInt(at, inputs.get(i).identifier()).putInt(at + 4, offset).putInt(at + 8, img.length);
            System.arraycopy(name, 0, out, at + 12, name.length);
            w.putInt(at + 76, byteSum(img, 0, img.length));
            w.putInt(at + 80, byteSum(out, at, at + 80));
            System.arraycopy(img, 0, out, offset, img.length);
            offset += img.length;
        }
        return out;
    }

    // ---- AST2700-A1 cptra_out_bundle ---------------------------------------------------------

    public static final int OUT_BUNDLE_MCU_OFFSET = 0x2_0000;
    public static final int OUT_BUNDLE_FLASH_OFFSET = 0x10_0000;

    /** Caliptra FW at 0, MCU runtime at 0x20000, the FLSH image at 0x100000, zero-filled between. */
    public static byte[] buildOutBundle(byte[] caliptra, byte[] mcu, byte[] flash) {
        if (caliptra.length > OUT_BUNDLE_MCU_OFFSET) {
            throw new ImageFormatException("caliptra_file of " + caliptra.length + " bytes exceeds the 0x20000 bytes before the MCU runtime");
        }
        if (OUT_BUNDLE_MCU_OFFSET + mcu.length > OUT_BUNDLE_FLASH_OFFSET) {
            throw new ImageFormatException("mcu_file of " + mcu.length + " bytes runs past 0x100000, where the manifest bundle starts");
        }
        if ((long) OUT_BUNDLE_FLASH_OFFSET + flash.length > MAX_FILE_SIZE) {
            throw new ImageFormatException("the out-bundle would be " + ((long) OUT_BUNDLE_FLASH_OFFSET + flash.length)
                    + " bytes, and " + FILE_LIMIT.describe());
        }
        byte[] out = new byte[OUT_BUNDLE_FLASH_OFFSET + flash.length];
        System.arraycopy(caliptra, 0, out, 0, caliptra.length);
        System.arraycopy(mcu, 0, out, OUT_BUNDLE_MCU_OFFSET, mcu.length);
        System.arraycopy(flash, 0, out, OUT_BUNDLE_FLASH_OFFSET, flash.length);
        return out;
    }

    /** True when a file is an A1 out-bundle: a FLSH image at 0x100000. */
    public static boolean isOutBundle(byte[] b) {
        return b.length > OUT_BUNDLE_FLASH_OFFSET + 8 && ByteBuffer.wrap(b).getInt(OUT_BUNDLE_FLASH_OFFSET) == FLSH_MAGIC;
    }
}
