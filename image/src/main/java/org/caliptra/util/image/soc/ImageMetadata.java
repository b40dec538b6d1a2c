package org.caliptra.util.image.soc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.Octets;

/**
 * One image metadata entry (IME) of a SoC manifest's image metadata collection.
 *
 * <p>1.x entries are 56 bytes: {@code fw_id, flags, digest[48]}. 2.x entries are 80 bytes:
 * {@code fw_id, component_id, classification, flags, load_address{lo,hi}, staging_address{lo,hi},
 * digest[48]}. The digest is a raw SHA-384 (standard byte order).
 *
 * <p>Flags: bits 1:0 image source (1 = InRequest), bit 2 ignore_auth_check; ASPEED adds bits
 * 31:30 load_stage; 2.x uses bits 14:8 for exec_bit.
 */
public record ImageMetadata(int fwId, int componentId, int classification, int flags, long loadAddress,
        long stagingAddress, Octets digest) {
    public static final int V1_SIZE = 56;
    public static final int V2_SIZE = 80;
    public static final int UNUSED_ID = 0xFFFF_FFFF;

    public ImageMetadata {
        if (digest.length() != 48) {
            throw new IllegalArgumentException("IME digest is 48 bytes");
        }
    }

    public static ImageMetadata v1(int fwId, int flags, Octets digest) {
        return new ImageMetadata(fwId, 0, 0, flags, 0, 0, digest);
    }

    /** The unused slot filler: fw_id (and 2.x component_id) 0xFFFFFFFF, everything else zero. */
    static ImageMetadata unused(boolean v2) {
        return new ImageMetadata(UNUSED_ID, v2 ? UNUSED_ID : 0, 0, 0, 0, 0, Octets.zeros(48));
    }

    public static int flags(int source, boolean ignoreAuthCheck, int loadStage) {
        return (source & 3) | (ignoreAuthCheck ? 1 << 2 : 0) | ((loadStage & 3) << 30);
    }

    public int source() {
        return flags & 3;
    }

    public boolean ignoreAuthCheck() {
        return (flags & 4) != 0;
    }

    public int loadStage() {
        return flags >>> 30;
    }

    static ImageMetadata read(byte[] b, int off, boolean v2) {
        var r = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (!v2) {
            return v1(r.getInt(off), r.getInt(off + 4), Octets.of(b, off + 8, 48));
        }
        long load = Integer.toUnsignedLong(r.getInt(off + 16)) | (Integer.toUnsignedLong(r.getInt(off + 20)) << 32);
        long staging = Integer.toUnsignedLong(r.getInt(off + 24)) | (Integer.toUnsignedLong(r.getInt(off + 28)) << 32);
        return new ImageMetadata(r.getInt(off), r.getInt(off + 4), r.getInt(off + 8), r.getInt(off + 12), load, staging,
                Octets.of(b, off + 32, 48));
    }

    void write(byte[] b, int off, boolean v2) {
        var w = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (!v2) {
            w.putInt(off, fwId).putInt(off + 4, flags);
            digest.copyTo(b, off + 8);
            return;
        }
        w.putInt(off, fwId).putInt(off + 4, componentId).putInt(off + 8, classification).putInt(off + 12, flags)
                .putInt(off + 16, (int) loadAddress).putInt(off + 20, (int) (loadAddress >>> 32))
                .putInt(off + 24, (int) stagingAddress).putInt(off + 28, (int) (stagingAddress >>> 32));
        digest.copyTo(b, off + 32);
    }
}
