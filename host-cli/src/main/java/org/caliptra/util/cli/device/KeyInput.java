package org.caliptra.util.cli.device;

import java.nio.file.Path;
import java.util.function.Function;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.host.commands.keys.Keys;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The key a cryptographic command uses: a device key ({@code --cmk FILE}, as {@code import} wrote
 * it), or a raw key ({@code --key-file FILE} or {@code --key-hex HEX}) that is imported for the
 * call and deleted after it. Key bytes are never printed, not even in an error.
 */
public final class KeyInput {
    static final class Source {
        @Option(names = "--cmk", paramLabel = "FILE", required = true,
                description = "A device key (CMK, 128 bytes) as import wrote it.")
        Path cmk;

        @Option(names = "--key-file", paramLabel = "FILE", required = true,
                description = "A raw key (at most 64 bytes), imported for this call and deleted after it.")
        Path keyFile;

        @Option(names = "--key-hex", paramLabel = "HEX", required = true,
                description = "A raw key as hex (at most 64 bytes), imported for this call and deleted after it; "
                        + "prefer --key-file, which keeps the key out of the process list.")
        String keyHex;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    private Cmk cmk;
    private Octets raw;

    /** Reads the key: exit 2 for a missing or malformed one. */
    public void read() {
        if (source.cmk != null) {
            cmk = readCmk("--cmk", source.cmk);
        } else if (source.keyFile != null) {
            raw = Octets.of(InputFiles.read(source.keyFile, InputFiles.Kind.RAW_KEY));
            if (raw.length() == 0) {
                throw new UsageException("--key-file " + source.keyFile + ": the file is empty; a key is 1 to 64 bytes");
            }
        } else {
            raw = HexOption.parseUpTo("--key-hex", source.keyHex, 64, "a raw key");
            if (raw.length() == 0) {
                throw new UsageException("--key-hex: no hex digits; a key is 1 to 64 bytes");
            }
        }
    }

    /** A CMK file: exactly 128 bytes. */
    public static Cmk readCmk(String option, Path file) {
        byte[] bytes = InputFiles.read(file, InputFiles.Kind.CMK);
        if (bytes.length != Cmk.SIZE) {
            throw new UsageException(option + " " + file + ": " + bytes.length + " bytes; a CMK is exactly " + Cmk.SIZE
                    + " bytes, as import writes it");
        }
        return new Cmk(Octets.of(bytes));
    }

    /**
     * Runs {@code use} with the device key: the CMK given, or the raw key imported for
     * {@code usage} and deleted afterwards (even when {@code use} fails).
     */
    public <T> T with(CaliptraSession session, KeyUsage usage, Function<Cmk, T> use) {
        if (cmk != null) {
            return use.apply(cmk);
        }
        Cmk imported = Keys.importKey(session, usage, raw);
        boolean done = false;
        try {
            T result = use.apply(imported);
            done = true;
            return result;
        } finally {
            if (done) {
                Keys.delete(session, imported);
            } else {
                try {
                    Keys.delete(session, imported);
                } catch (RuntimeException ignored) {
                    // The failure of the command itself is what the user needs to see.
                }
            }
        }
    }
}
