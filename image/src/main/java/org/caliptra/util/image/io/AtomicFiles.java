package org.caliptra.util.image.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way every output file is written, so that no reader, crash or concurrent run ever sees
 * a partial file, a key readable by others, or a file silently replaced when it must not be:
 *
 * <ol>
 *   <li>a temporary file is created in the target's own directory (a rename across file systems
 *       is not atomic) with its final mode already set, before any byte is in it;
 *   <li>the content is written and the file fsynced;
 *   <li>it is renamed over the target ({@link Existing#REPLACE}, an atomic rename), or hard-linked
 *       to the target name, which fails if that name exists ({@link Existing#REFUSE}; unlike a
 *       check followed by a move, two runs can never both succeed);
 *   <li>the directory is fsynced, so the new name survives a power cut.
 * </ol>
 * On any failure the temporary file is removed and the target is untouched. Errors are one line
 * naming the target and the step that failed.
 */
public final class AtomicFiles {
    /** The permissions an output gets, whatever the umask. */
    public enum Mode {
        /** 0644: images, manifests, public keys. */
        PUBLIC("rw-r--r--"),
        /** 0600: private keys and their signing state. */
        PRIVATE("rw-------");

        private final Set<PosixFilePermission> permissions;

        Mode(String permissions) {
            this.permissions = PosixFilePermissions.fromString(permissions);
        }

        public Set<PosixFilePermission> permissions() {
            return permissions;
        }
    }

    /** What to do when the target already exists. */
    public enum Existing {
        REPLACE,
        /** Fail and leave the existing file byte for byte as it was. */
        REFUSE
    }

    private AtomicFiles() {}

    public static void write(Path target, byte[] content, Mode mode, Existing existing) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputFileException(target, "the directory " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new OutputFileException(target, "is a directory");
        }
        boolean posix = Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null;
        Path tmp;
        try {
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode.permissions())}
                    : new FileAttribute<?>[0];
            // Created with at most the final permissions (the umask can only take bits away).
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attrs);
        } catch (IOException e) {
            throw new OutputFileException(target, "cannot create a temporary file in " + dir + ": " + reason(e));
        }
        try {
            try {
                if (posix) {
                    // Exactly the mode asked for, umask or not, and still before any byte is written.
                    Files.setPosixFilePermissions(tmp, mode.permissions());
                }
            } catch (IOException e) {
                throw new OutputFileException(target, "cannot set the permissions of " + tmp.getFileName() + ": " + reason(e));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            } catch (IOException e) {
                throw new OutputFileException(target, "cannot write " + content.length + " bytes: " + reason(e));
            }
            if (existing == Existing.REPLACE) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new OutputFileException(target, "the file system cannot rename atomically");
                } catch (IOException e) {
                    throw new OutputFileException(target, "cannot rename the temporary file into place: " + reason(e));
                }
            } else {
                try {
                    Files.createLink(target, tmp);
                } catch (FileAlreadyExistsException e) {
                    throw new OutputFileException(target, "already exists; not overwritten");
                } catch (UnsupportedOperationException e) {
                    throw new OutputFileException(target, "the file system has no hard links, needed to create it without overwriting");
                } catch (IOException e) {
                    throw new OutputFileException(target, "cannot create it from the temporary file: " + reason(e));
                }
            }
            syncDirectory(target, dir);
        } finally {
            try {
                // After REPLACE the temporary name is gone; after REFUSE it is a second link to drop.
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The failure already being reported is the one that matters.
            }
        }
    }

    /** Public output, replacing what is there. */
    public static void write(Path target, byte[] content) {
        write(target, content, Mode.PUBLIC, Existing.REPLACE);
    }

    private static void syncDirectory(Path target, Path dir) {
        FileChannel d;
        try {
            d = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            // Platforms that cannot open a directory (Windows) cannot fsync one either; the rename
            // is still atomic there.
            return;
        }
        try (d) {
            d.force(true);
        } catch (IOException e) {
            throw new OutputFileException(target, "written, but its directory could not be synced to disk: " + reason(e));
        }
    }

    /** The OS's own words for a failure, on one line, without repeating the path. */
    static String reason(IOException e) {
        String text;
        if (e instanceof AccessDeniedException) {
            text = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            text = "no such file or directory";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            text = fse.getReason();
        } else if (e.getMessage() != null) {
            text = e.getMessage();
        } else {
            text = e.getClass().getSimpleName();
        }
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
