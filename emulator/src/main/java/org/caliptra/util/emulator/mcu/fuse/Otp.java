package org.caliptra.util.emulator.mcu.fuse;

import java.util.Arrays;
import java.util.Objects;
import org.caliptra.util.emulator.mcu.fuse.OtpException.Kind;

/**
 * The subsystem's one-time-programmable fuse array: {@value OtpPartition#TOTAL_BYTES} bytes in the
 * partitions of {@link OtpPartition}, accessed as little-endian 32-bit words. A write can only set
 * bits: bits already 1 stay 1, a write that would clear one is refused, an identical write is a
 * no-op (the reference's fuse_write_dai). A partition is locked once its digest is written; a
 * locked partition takes no writes. Secret partitions are held in clear (the controller's
 * scrambling is invisible at this interface) and the MC_FUSE_READ handler refuses to read them.
 *
 * <p>Not thread-safe: owned by the device thread. Every change is reported to the listener, which
 * persists it.
 */
public final class Otp {
    private final byte[] bytes;
    private Runnable onChange = () -> { };

    private Otp(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A blank array: every fuse unburnt. */
    public static Otp blank() {
        return new Otp(new byte[OtpPartition.TOTAL_BYTES]);
    }

    /** An array with these contents (a saved image). */
    public static Otp of(byte[] image) {
        if (image.length != OtpPartition.TOTAL_BYTES) {
            throw new IllegalArgumentException("an OTP image is " + OtpPartition.TOTAL_BYTES + " bytes, got " + image.length);
        }
        return new Otp(image.clone());
    }

    /** Called after every change that burnt at least one bit or locked a partition. */
    public void onChange(Runnable listener) {
        this.onChange = Objects.requireNonNull(listener, "listener");
    }

    /** The whole array (a copy). */
    public byte[] image() {
        return bytes.clone();
    }

    public int readWord(int wordAddress) {
        checkWord(wordAddress);
        int at = 4 * wordAddress;
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }

    /** The field's words. */
    public int[] readWords(FuseEntry entry) {
        int[] words = new int[entry.words()];
        for (int i = 0; i < words.length; i++) {
            words[i] = readWord(entry.wordAddress() + i);
        }
        return words;
    }

    /** The field's bytes as they sit in the array. */
    public byte[] readBytes(FuseEntry entry) {
        return Arrays.copyOfRange(bytes, entry.byteOffset(), entry.byteOffset() + entry.byteSize());
    }

    /** The field's logical value, through its layout. */
    public int readValue(FuseEntry entry) {
        return entry.layout().orElseThrow(() -> new IllegalArgumentException(entry.name() + " is a byte string"))
                .decode(readWords(entry));
    }

    /**
     * Burns the bits of {@code data} that {@code mask} selects into one word (MC_FUSE_WRITE).
     *
     * @return whether any bit changed
     * @throws OtpException when the word does not exist, the write would clear a burnt bit, or the
     *     word is in a locked partition, a digest or the life-cycle partition
     */
    public boolean write(int wordAddress, int data, int mask) {
        checkWord(wordAddress);
        int current = readWord(wordAddress);
        int wanted = data & mask;
        // The reference checks the request against the fuses before it asks the controller to burn.
        if ((current & mask) == wanted) {
            return false;
        }
        if ((current & mask & ~wanted) != 0) {
            throw new OtpException(Kind.CLEARS_BITS, String.format(
                    "OTP word 0x%03X holds 0x%08X: writing 0x%08X under mask 0x%08X would clear burnt bits", wordAddress, current, data,
                    mask));
        }
        var partition = OtpPartition.containing(4 * wordAddress).orElseThrow();
        if (!partition.addressable()) {
            throw new OtpException(Kind.NOT_WRITABLE, String.format("OTP word 0x%03X is in %s, which only the life-cycle controller writes",
                    wordAddress, partition));
        }
        if (partition.hasDigest() && 4 * wordAddress >= partition.digestOffset()) {
            throw new OtpException(Kind.NOT_WRITABLE, String.format(
                    "OTP word 0x%03X is %s's digest, which only MC_FUSE_LOCK_PARTITION writes", wordAddress, partition));
        }
        if (locked(partition)) {
            throw new OtpException(Kind.LOCKED, String.format("OTP word 0x%03X is in %s, which is locked", wordAddress, partition));
        }
        putWord(wordAddress, current | wanted);
        onChange.run();
        return true;
    }

    /** Burns a field's raw words (each word ORed in, as {@link #write} does with a full mask). */
    public void writeWords(FuseEntry entry, int[] words) {
        if (words.length != entry.words()) {
            throw new IllegalArgumentException(entry.name() + " is " + entry.words() + " words, got " + words.length);
        }
        for (int i = 0; i < words.length; i++) {
            write(entry.wordAddress() + i, words[i], -1);
        }
    }

    /** Burns a field's logical value through its layout. */
    public void writeValue(FuseEntry entry, int value) {
        var layout = entry.layout().orElseThrow(() -> new IllegalArgumentException(entry.name() + " is a byte string"));
        writeWords(entry, layout.encode(value, entry.words()));
    }

    /** Burns a byte-string field (its bytes as they sit in the array). */
    public void writeBytes(FuseEntry entry, byte[] value) {
        if (value.length != entry.byteSize() || value.length % 4 != 0) {
            throw new IllegalArgumentException(entry.name() + " is " + entry.byteSize() + " bytes, got " + value.length);
        }
        int[] words = new int[value.length / 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = (value[4 * i] & 0xFF) | (value[4 * i + 1] & 0xFF) << 8 | (value[4 * i + 2] & 0xFF) << 16
                    | (value[4 * i + 3] & 0xFF) << 24;
        }
        writeWords(entry, words);
    }

    /** The partition's digest (0 while it is open); only for partitions with one. */
    public long digest(OtpPartition partition) {
        int at = partition.digestOffset() / 4;
        return Integer.toUnsignedLong(readWord(at)) | (long) readWord(at + 1) << 32;
    }

    public boolean locked(OtpPartition partition) {
        return partition.hasDigest() && digest(partition) != 0;
    }

    /**
     * Locks a partition by writing the digest of its contents (MC_FUSE_LOCK_PARTITION); locking a
     * locked partition changes nothing.
     *
     * @throws OtpException for the life-cycle partition or a partition without a digest
     */
    public void lock(OtpPartition partition) {
        if (!partition.addressable()) {
            throw new OtpException(Kind.OUT_OF_RANGE, partition + " cannot be locked through the fuse commands");
        }
        if (!partition.hasDigest()) {
            throw new OtpException(Kind.NO_DIGEST, partition + " has no digest to lock it with");
        }
        if (locked(partition)) {
            return;
        }
        long digest = OtpDigest.of(bytes, partition.byteOffset(), partition.byteSize() - OtpPartition.DIGEST_BYTES);
        int at = partition.digestOffset() / 4;
        putWord(at, (int) digest);
        putWord(at + 1, (int) (digest >>> 32));
        onChange.run();
    }

    private void putWord(int wordAddress, int value) {
        int at = 4 * wordAddress;
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private static void checkWord(int wordAddress) {
        if (wordAddress < 0 || wordAddress >= OtpPartition.TOTAL_BYTES / 4) {
            throw new OtpException(Kind.OUT_OF_RANGE, String.format("OTP word address 0x%X is beyond the %d-word array",
                    Integer.toUnsignedLong(wordAddress), OtpPartition.TOTAL_BYTES / 4));
        }
    }
}
