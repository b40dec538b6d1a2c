package org.caliptra.util.emulator.mcu.fuse;

import java.util.Arrays;
import java.util.Optional;

/**
 * The partitions of the subsystem's OTP fuse macro as the reference MCU's fuse map lays them out
 * (caliptra-mcu-sw registers/generated-firmware/src/fuse_map.md, from hw/fuses.hjson): number,
 * byte offset, size, whether the contents are secret, and whether a digest closes the partition.
 * A partition with a digest keeps it in its last 8 bytes; a non-zero digest means "locked".
 */
public enum OtpPartition {
    SW_TEST_UNLOCK(0, 0x000, 72, false, true),
    SECRET_MANUF(1, 0x048, 72, true, true),
    SECRET_PROD_0(2, 0x090, 16, true, true),
    SECRET_PROD_1(3, 0x0A0, 16, true, true),
    SECRET_PROD_2(4, 0x0B0, 16, true, true),
    SECRET_PROD_3(5, 0x0C0, 16, true, true),
    SW_MANUF(6, 0x0D0, 520, false, true),
    SECRET_LC_TRANSITION(7, 0x2D8, 184, true, true),
    SVN(8, 0x390, 40, false, false),
    VENDOR_TEST(9, 0x3B8, 64, false, true),
    VENDOR_HASHES_MANUF(10, 0x3F8, 64, false, true),
    VENDOR_HASHES_PROD(11, 0x438, 864, false, true),
    VENDOR_REVOCATIONS_PROD(12, 0x798, 216, false, true),
    VENDOR_SECRET_PROD(13, 0x870, 520, true, true),
    VENDOR_NON_SECRET_PROD(14, 0xA78, 520, false, true),
    /** Owned by the life-cycle controller: not addressable by the MC_FUSE_* commands. */
    LIFE_CYCLE(15, 0xC80, 88, false, false);

    /** Bytes of the whole macro. */
    public static final int TOTAL_BYTES = 0xCD8;
    /** The digest that closes a partition. */
    public static final int DIGEST_BYTES = 8;

    private final int number;
    private final int byteOffset;
    private final int byteSize;
    private final boolean secret;
    private final boolean digest;

    OtpPartition(int number, int byteOffset, int byteSize, boolean secret, boolean digest) {
        this.number = number;
        this.byteOffset = byteOffset;
        this.byteSize = byteSize;
        this.secret = secret;
        this.digest = digest;
    }

    public int number() {
        return number;
    }

    public int byteOffset() {
        return byteOffset;
    }

    public int byteSize() {
        return byteSize;
    }

    public boolean secret() {
        return secret;
    }

    public boolean hasDigest() {
        return digest;
    }

    /** Where the digest starts; only for a partition with one. */
    public int digestOffset() {
        if (!digest) {
            throw new IllegalStateException(this + " has no digest");
        }
        return byteOffset + byteSize - DIGEST_BYTES;
    }

    /** Whether the MC_FUSE_* commands may name it (the reference's PartitionId covers 0–14). */
    public boolean addressable() {
        return this != LIFE_CYCLE;
    }

    public boolean contains(int byteAddress) {
        return byteAddress >= byteOffset && byteAddress < byteOffset + byteSize;
    }

    public static Optional<OtpPartition> byNumber(int number) {
        return Arrays.stream(values()).filter(p -> p.number == number).findFirst();
    }

    public static Optional<OtpPartition> containing(int byteAddress) {
        return Arrays.stream(values()).filter(p -> p.contains(byteAddress)).findFirst();
    }
}
