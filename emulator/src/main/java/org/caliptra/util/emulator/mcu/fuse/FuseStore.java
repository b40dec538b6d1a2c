package org.caliptra.util.emulator.mcu.fuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.caliptra.util.image.Sha384;

/**
 * What a subsystem keeps across power cycles: its OTP array and the flash region where the MCU
 * keeps the DOT blob. With a file the store is loaded when the device is made and rewritten after
 * every change (a temporary file in the same directory, then an atomic rename), so a later device
 * — in this process or another — sees every burnt fuse. Without one it lives as long as the device.
 *
 * <p>File format (all integers little-endian):
 * <pre>
 * magic        8 bytes  "CPTR-OTP"
 * version      u32      1
 * otp_size     u32      3288 (OtpPartition.TOTAL_BYTES)
 * otp          otp_size bytes, the array as the fuse controller addresses it (word n = bytes 4n..4n+3, LE)
 * blob_size    u32      0 (no DOT blob stored) or 168
 * blob         blob_size bytes, the DOT blob flash region
 * sha384       48 bytes, SHA-384 of everything above
 * </pre>
 *
 * <p>Not thread-safe: owned by the device thread.
 */
public final class FuseStore {
    static final byte[] MAGIC = "CPTR-OTP".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    public static final int DOT_BLOB_SIZE = 168;

    private final Optional<Path> file;
    private final Otp otp;
    private byte[] dotBlob;
    private Function<UncheckedIOException, RuntimeException> saveFailure = e -> e;

    private FuseStore(Optional<Path> file, Otp otp, byte[] dotBlob) {
        this.file = file;
        this.otp = otp;
        this.dotBlob = dotBlob;
        otp.onChange(this::save);
    }

    /** A store in memory only. */
    public static FuseStore inMemory(Otp otp) {
        return new FuseStore(Optional.empty(), otp, null);
    }

    /**
     * The store in {@code file}: loaded if the file exists, otherwise made from {@code fresh} and
     * written at once, so the file describes the part from its first use.
     *
     * @throws UncheckedIOException when the file cannot be read or written, or is not a fuse store
     */
    public static FuseStore open(Path file, Supplier<Otp> fresh) {
        Objects.requireNonNull(file, "file");
        if (Files.exists(file)) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("fuse store " + file + ": cannot be read", e);
            }
            var parsed = parse(file, content);
            return new FuseStore(Optional.of(file), parsed.otp, parsed.blob);
        }
        var store = new FuseStore(Optional.of(file), fresh.get(), null);
        store.save();
        return store;
    }

    /** What a failed save throws from now on (by default the UncheckedIOException itself). */
    public void onSaveFailure(Function<UncheckedIOException, RuntimeException> mapper) {
        this.saveFailure = Objects.requireNonNull(mapper, "mapper");
    }

    public Optional<Path> file() {
        return file;
    }

    public Otp otp() {
        return otp;
    }

    /** The DOT blob last written to flash, if any. */
    public Optional<byte[]> dotBlob() {
        return Optional.ofNullable(dotBlob).map(byte[]::clone);
    }

    /** Writes the DOT blob region of flash. */
    public void writeDotBlob(byte[] blob) {
        if (blob.length != DOT_BLOB_SIZE) {
            throw new IllegalArgumentException("a DOT blob is " + DOT_BLOB_SIZE + " bytes, got " + blob.length);
        }
        dotBlob = blob.clone();
        save();
    }

    /** The store's bytes in the file format above. */
    public byte[] encode() {
        int blobSize = dotBlob == null ? 0 : DOT_BLOB_SIZE;
        var out = ByteBuffer.allocate(MAGIC.length + 8 + OtpPartition.TOTAL_BYTES + 4 + blobSize + Sha384.SIZE)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(VERSION).putInt(OtpPartition.TOTAL_BYTES).put(otp.image()).putInt(blobSize);
        if (dotBlob != null) {
            out.put(dotBlob);
        }
        out.put(Sha384.of(out.array(), 0, out.position()).toByteArray());
        return out.array();
    }

    /**
     * Rewrites the file (a no-op without one).
     *
     * @throws RuntimeException {@link #onSaveFailure}'s mapping of the UncheckedIOException when it
     *     cannot be written; the file then still holds the last state that was written whole
     */
    public void save() {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        Path dir = target.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try {
                try (var channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    var buffer = ByteBuffer.wrap(encode());
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw saveFailure.apply(new UncheckedIOException("fuse store " + target + ": cannot be written", e));
        }
    }

    private record Parsed(Otp otp, byte[] blob) {}

    private static Parsed parse(Path file, byte[] content) {
        var in = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        int fixed = MAGIC.length + 8 + OtpPartition.TOTAL_BYTES + 4 + Sha384.SIZE;
        if (content.length < fixed) {
            throw corrupt(file, "is " + content.length + " bytes, shorter than any fuse store (" + fixed + ")");
        }
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw corrupt(file, "does not start with \"CPTR-OTP\"");
        }
        int version = in.getInt();
        if (version != VERSION) {
            throw corrupt(file, "is version " + Integer.toUnsignedString(version) + ", this emulator reads version " + VERSION);
        }
        int otpSize = in.getInt();
        if (otpSize != OtpPartition.TOTAL_BYTES) {
            throw corrupt(file, "holds an OTP of " + Integer.toUnsignedString(otpSize) + " bytes, the fuse map has "
                    + OtpPartition.TOTAL_BYTES);
        }
        byte[] image = new byte[otpSize];
        in.get(image);
        int blobSize = in.getInt();
        if (blobSize != 0 && blobSize != DOT_BLOB_SIZE) {
            throw corrupt(file, "declares a DOT blob of " + Integer.toUnsignedString(blobSize) + " bytes, not 0 or " + DOT_BLOB_SIZE);
        }
        if (content.length != fixed + blobSize) {
            throw corrupt(file, "is " + content.length + " bytes, its header calls for " + (fixed + blobSize));
        }
        byte[] blob = null;
        if (blobSize != 0) {
            blob = new byte[blobSize];
            in.get(blob);
        }
        byte[] stored = new byte[Sha384.SIZE];
        in.get(stored);
        if (!MessageDigest.isEqual(stored, Sha384.of(content, 0, content.length - Sha384.SIZE).toByteArray())) {
            throw corrupt(file, "fails its SHA-384 check (damaged or edited)");
        }
        return new Parsed(Otp.of(image), blob);
    }

    private static UncheckedIOException corrupt(Path file, String problem) {
        return new UncheckedIOException(new IOException("fuse store " + file + " " + problem));
    }
}
