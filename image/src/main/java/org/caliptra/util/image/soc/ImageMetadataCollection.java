package org.caliptra.util.image.soc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The image metadata collection (IMC): {@code entry_count u32} then a fixed array of entries
 * (1.x: 127 × 56 bytes = 7116; 2.x: 80 × 80 = 6404; owner-only: 32 × 80 = 2564). Slots past
 * the count hold the unused filler; the whole fixed array is what gets signed.
 *
 * @param entries all slots, used and unused, exactly as stored
 */
public record ImageMetadataCollection(int entryCount, List<ImageMetadata> entries, boolean v2) {
    public ImageMetadataCollection {
        entries = List.copyOf(entries);
    }

    public static ImageMetadataCollection of(List<ImageMetadata> used, int slots, boolean v2) {
        if (used.size() > slots) {
            throw new IllegalArgumentException(used.size() + " image metadata entries, at most " + slots);
        }
        var all = new ArrayList<>(used);
        while (all.size() < slots) {
            all.add(ImageMetadata.unused(v2));
        }
        return new ImageMetadataCollection(used.size(), all, v2);
    }

    /** The first {@code entryCount} entries (clamped to the slots present). */
    public List<ImageMetadata> used() {
        return entries.subList(0, Math.max(0, Math.min(entryCount, entries.size())));
    }

    public int entrySize() {
        return v2 ? ImageMetadata.V2_SIZE : ImageMetadata.V1_SIZE;
    }

    public int encodedSize() {
        return 4 + entries.size() * entrySize();
    }

    static ImageMetadataCollection read(byte[] b, int off, int slots, boolean v2) {
        int count = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
        int size = v2 ? ImageMetadata.V2_SIZE : ImageMetadata.V1_SIZE;
        var list = new ArrayList<ImageMetadata>(slots);
        for (int i = 0; i < slots; i++) {
            list.add(ImageMetadata.read(b, off + 4 + i * size, v2));
        }
        return new ImageMetadataCollection(count, list, v2);
    }

    void write(byte[] b, int off) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(off, entryCount);
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).write(b, off + 4 + i * entrySize(), v2);
        }
    }

    public byte[] toBytes() {
        byte[] out = new byte[encodedSize()];
        write(out, 0);
        return out;
    }
}
