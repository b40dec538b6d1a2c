package org.caliptra.util.image.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * naming the target and the step that failed. A command with several outputs writes them with
 * {@link #writeAll}, which extends this to the set: all of them, or none.
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

    /** One file of a set that {@link #writeAll} commits together. */
    public record Output(Path target, byte[] content, Mode mode, Existing existing) {
        /** An image, manifest or other public output that replaces what is there. */
        public static Output replacing(Path target, byte[] content) {
            return new Output(target, content, Mode.PUBLIC, Existing.REPLACE);
        }

        /** A public output that must not replace an existing file. */
        public static Output refusing(Path target, byte[] content) {
            return new Output(target, content, Mode.PUBLIC, Existing.REFUSE);
        }
    }

    public static void write(Path target, byte[] content, Mode mode, Existing existing) {
        writeAll(List.of(new Output(target, content, mode, existing)));
    }

    /**
     * Writes several files so that either all of them appear or none does: every one is first
     * written and fsynced under a temporary name (steps 1–2 above, for each); only then are they
     * put in place, the no-overwrite ones first (the step most likely to fail, on a name that
     * exists), then the replacements. If any step fails, what was already put in place is undone —
     * created names are removed and replaced files restored from a hard link taken just before —
     * and the error is thrown. Only a crash in the middle of that last step can leave some of the
     * new files beside the old ones; never a partial file.
     */
    public static void writeAll(List<Output> outputs) {
        var seen = new HashSet<Path>();
        for (Output o : outputs) {
            Path dir = o.target().toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new OutputFileException(o.target(), "the directory " + dir + " does not exist");
            }
            if (Files.isDirectory(o.target())) {
                throw new OutputFileException(o.target(), "is a directory");
            }
            if (!seen.add(o.target().toAbsolutePath().normalize())) {
                throw new OutputFileException(o.target(), "is named twice among the outputs of one command");
            }
        }
        var staged = new ArrayList<Path>();
        var backups = new ArrayList<Path>();
        try {
            for (Output o : outputs) {
                staged.add(stage(o));
            }
            commit(outputs, staged, backups);
            var synced = new HashSet<Path>();
            for (Output o : outputs) {
                Path dir = o.target().toAbsolutePath().getParent();
                if (synced.add(dir)) {
                    syncDirectory(o.target(), dir);
                }
            }
        } finally {
            // After a rename the temporary name is gone; after a link it is a second name to drop.
            for (Path p : staged) {
                deleteQuietly(p);
            }
            for (Path p : backups) {
                deleteQuietly(p);
            }
        }
    }

    /** Steps 1–2: a temporary file beside the target, with its final mode, holding the content on disk. */
    private static Path stage(Output o) {
        Path target = o.target();
        Path dir = target.toAbsolutePath().getParent();
        boolean posix = Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null;
        Path tmp;
        try {
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(o.mode().permissions())}
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
                    Files.setPosixFilePermissions(tmp, o.mode().permissions());
                }
            } catch (IOException e) {
                throw new OutputFileException(target, "cannot set the permissions of " + tmp.getFileName() + ": " + reason(e));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var buffer = ByteBuffer.wrap(o.content());
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            } catch (IOException e) {
                throw new OutputFileException(target, "cannot write " + o.content().length + " bytes: " + reason(e));
            }
            return tmp;
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /** Step 3 for every output, undone as a whole if any one fails. */
    private static void commit(List<Output> outputs, List<Path> staged, List<Path> backups) {
        // What is in place so far: a target this run created (restore == null) or replaced (restore = its old content).
        record Placed(Path target, Path restore) {}
        var placed = new ArrayList<Placed>();
        boolean several = outputs.size() > 1;
        try {
            for (int i = 0; i < outputs.size(); i++) {
                Output o = outputs.get(i);
                if (o.existing() == Existing.REFUSE) {
                    link(o.target(), staged.get(i));
                    placed.add(new Placed(o.target(), null));
                }
            }
            for (int i = 0; i < outputs.size(); i++) {
                Output o = outputs.get(i);
                if (o.existing() == Existing.REPLACE) {
                    // A single file needs no way back: its rename is the whole commit.
                    Path backup = several ? backup(o.target()) : null;
                    if (backup != null) {
                        backups.add(backup);
                    }
                    rename(o.target(), staged.get(i));
                    placed.add(new Placed(o.target(), backup));
                }
            }
        } catch (RuntimeException e) {
            for (int i = placed.size() - 1; i >= 0; i--) {
                var p = placed.get(i);
                try {
                    if (p.restore() != null) {
                        Files.move(p.restore(), p.target(), StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        Files.deleteIfExists(p.target());
                    }
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    private static void rename(Path target, Path tmp) {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new OutputFileException(target, "the file system cannot rename atomically");
        } catch (IOException e) {
            throw new OutputFileException(target, "cannot rename the temporary file into place: " + reason(e));
        }
    }

    private static void link(Path target, Path tmp) {
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

    /**
     * A second name for the file at {@code target}, so it can be put back if a later output of the
     * same set fails; null when there is nothing there to keep.
     */
    private static Path backup(Path target) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path dir = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            long tag = java.util.concurrent.ThreadLocalRandom.current().nextLong();
            Path backup = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(tag, 36) + ".old");
            try {
                Files.createLink(backup, target);
                return backup;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw new OutputFileException(target, "cannot keep its previous content aside: no free temporary name");
                }
            } catch (UnsupportedOperationException e) {
                throw new OutputFileException(target, "the file system has no hard links, needed to replace it together with "
                        + "the other outputs");
            } catch (IOException e) {
                throw new OutputFileException(target, "cannot keep its previous content aside: " + reason(e));
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // The failure already being reported, if any, is the one that matters.
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
