package org.caliptra.util.cli.device;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.image.io.InputFileException;
import org.caliptra.util.protocol.Octets;

/**
 * An input streamed through the device (hashed, encrypted) rather than read whole: a regular file,
 * or standard input for {@code -}. A read that fails is an error naming the input.
 */
public final class InputStreams {
    private InputStreams() {}

    /** An input being streamed, counting its bytes. */
    public static final class Counted extends FilterInputStream {
        private final String name;
        private long count;

        Counted(String name, InputStream in) {
            super(in);
            this.name = name;
        }

        /** The file name, or "standard input". */
        public String name() {
            return name;
        }

        public long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                throw new InputFileException(Path.of(name), "reading failed: " + e.getMessage());
            }
            if (n > 0) {
                count += n;
            }
            return n;
        }

        /** Standard input stays open for whoever else reads it. */
        @Override
        public void close() throws IOException {
            if (!name.equals(STDIN)) {
                super.close();
            }
        }
    }

    static final String STDIN = "standard input";

    /** {@code name}: "-" for standard input, else a regular file (exit 2 naming it otherwise). */
    public static Counted open(String name, InputStream stdin) {
        if (name.equals("-")) {
            return new Counted(STDIN, stdin);
        }
        Path file = Path.of(name);
        try {
            var attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new InputFileException(file, "is a directory, expected a file");
            }
            if (!attributes.isRegularFile()) {
                throw new InputFileException(file, "is not a regular file; give a file, or - and pipe it to standard input");
            }
            return new Counted(name, Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, "no such file");
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read: " + e.getMessage());
        }
    }

    /** The whole of {@code name} ("-": standard input), at most {@code kind}'s limit (exit 2 naming the input otherwise). */
    public static Octets readWhole(String name, InputFiles.Kind kind, InputStream stdin) {
        if (!name.equals("-")) {
            return Octets.of(InputFiles.read(Path.of(name), kind));
        }
        long max = kind.limit().maxBytes();
        try {
            byte[] bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new UsageException(STDIN + ": more than " + max + " bytes; " + kind.limit().describe());
            }
            return Octets.of(bytes);
        } catch (IOException e) {
            throw new UsageException(STDIN + ": reading failed: " + e.getMessage());
        }
    }
}
