package org.caliptra.util.emulator.mcu.fuse;

import java.util.Objects;
import java.util.Optional;

/**
 * One named field of the OTP: an item of the reference fuse map, or a vendor-specific field
 * carved out of one. {@code layout} is present for fields holding one logical value of at most 32
 * bits; byte strings (hashes, seeds, tokens) and multi-word counters are read as raw words.
 */
public record FuseEntry(String name, OtpPartition partition, int byteOffset, int byteSize, Optional<FuseLayout> layout) {
    public FuseEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(layout, "layout");
        if (byteOffset % 4 != 0 || byteSize <= 0 || !partition.contains(byteOffset) || !partition.contains(byteOffset + byteSize - 1)) {
            throw new IllegalArgumentException(String.format("%s at 0x%03X+%d is not word-aligned inside %s", name, byteOffset,
                    byteSize, partition));
        }
    }

    static FuseEntry bytes(String name, OtpPartition partition, int byteOffset, int byteSize) {
        return new FuseEntry(name, partition, byteOffset, byteSize, Optional.empty());
    }

    static FuseEntry value(String name, OtpPartition partition, int byteOffset, int byteSize, FuseLayout layout) {
        return new FuseEntry(name, partition, byteOffset, byteSize, Optional.of(layout));
    }

    public int wordAddress() {
        return byteOffset / 4;
    }

    /** Whole words the field spans. */
    public int words() {
        return (byteSize + 3) / 4;
    }
}
