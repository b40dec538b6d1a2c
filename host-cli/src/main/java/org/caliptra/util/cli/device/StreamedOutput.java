package org.caliptra.util.cli.device;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.image.io.OutputFileException;

/**
 * An output too large to hold in memory (a file encrypted as it streams through the device),
 * written the way {@link AtomicFiles} writes every other output: into a temporary file beside the
 * target with its final mode, fsynced, then renamed over the target. When the body fails, the
 * temporary file is removed and the target is untouched: a failed run never leaves half a file.
 */
public final class StreamedOutput {
    /** What writes the content. */
    @FunctionalInterface
    public interface Body<T> {
        T write(OutputStream out) throws IOException;
    }

    private StreamedOutput() {}

    public static <T> T write(Path target, AtomicFiles.Mode mode, Body<T> body) {
        Path dir = target.toAbsolutePath().getParent();
        boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        Path tmp;
        try {
            tmp = posix
                    ? Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                            PosixFilePermissions.asFileAttribute(mode.permissions()))
                    : Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new OutputFileException(target, "cannot create a temporary file in " + dir + ": " + e.getMessage());
        }
        boolean placed = false;
        try {
            if (posix) {
                Files.setPosixFilePermissions(tmp, mode.permissions());
            }
            T result;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024)) {
                result = body.write(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new OutputFileException(target, "the file system cannot rename atomically");
            }
            placed = true;
            return result;
        } catch (IOException e) {
            throw new OutputFileException(target, "cannot write it: " + e.getMessage());
        } finally {
            if (!placed) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The failure that got us here is the one to report.
                }
            }
        }
    }
}
