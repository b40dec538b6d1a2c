package org.caliptra.util.image.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.image.io.InputFileException;
import org.caliptra.util.image.io.InputLimit;
import org.caliptra.util.image.io.RegularFiles;

/**
 * ASPEED's external sign-helper protocol (spec/formats.md §6): the command line is split on
 * whitespace (no shell); the input is the 48-byte SHA-384 digest.
 *
 * <ul>
 *   <li>by file: the digest is written to a temporary file, the helper runs as
 *       {@code <cmd…> --input <file>} and must overwrite that file with the signature;
 *   <li>by stdin: the tool writes {@code hex(digest)\n}; the helper prints the signature as one
 *       hex string on stdout (diagnostics go to stderr).
 * </ul>
 * A non-zero exit, a timeout or unusable output is a {@link SigningException} that quotes the
 * helper's stderr.
 */
public final class SignHelper {
    /** A helper answers one signature: a DER ECDSA signature (~104 bytes) or an LMS one (1620), or their hex. */
    static final InputLimit OUTPUT_LIMIT = new InputLimit("a sign helper's answer", 64 * 1024,
            "one signature: DER ECDSA about 104 bytes, LMS 1620, twice that in hex");

    private final List<String> command;
    private final boolean byFile;
    private final long timeoutSeconds;

    public SignHelper(String commandLine, boolean byFile, long timeoutSeconds) {
        this.command = List.of(commandLine.trim().split("\\s+"));
        if (commandLine.isBlank()) {
            throw new SigningException("empty sign helper command");
        }
        this.byFile = byFile;
        this.timeoutSeconds = timeoutSeconds;
    }

    public String describe() {
        return String.join(" ", command) + (byFile ? " (by file)" : " (by stdin)");
    }

    /** Runs the helper on {@code digest} and returns the signature bytes it produced. */
    public byte[] sign(byte[] digest) {
        Path tmp = null;
        try {
            var cmd = new ArrayList<>(command);
            var pb = new ProcessBuilder(cmd);
            if (byFile) {
                tmp = Files.createTempFile("caliptra-sign", ".bin");
                Files.write(tmp, digest);
                cmd.add("--input");
                cmd.add(tmp.toString());
                pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new SigningException("sign helper '" + command.get(0) + "' cannot be started: " + e.getMessage(), e);
            }
            var stderr = drain(p.getErrorStream());
            var stdout = byFile ? null : drain(p.getInputStream());
            if (!byFile) {
                try (var in = p.getOutputStream()) {
                    in.write((HexFormat.of().formatHex(digest) + "\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the helper may exit without reading; its exit status tells
                }
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SigningException("sign helper " + describe() + " did not finish within " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new SigningException("sign helper " + describe() + " failed with exit code " + p.exitValue()
                        + stderrSuffix(stderr.get()));
            }
            if (byFile) {
                try {
                    return RegularFiles.read(tmp, OUTPUT_LIMIT);
                } catch (InputFileException e) {
                    throw new SigningException("sign helper " + describe() + " left an unusable signature file: " + e.problem());
                }
            }
            String printed = stdout.get();
            if (printed.length() > OUTPUT_LIMIT.maxBytes()) {
                throw new SigningException("sign helper " + describe() + " printed more than " + OUTPUT_LIMIT.maxBytes()
                        + " bytes; " + OUTPUT_LIMIT.describe());
            }
            String out = printed.strip();
            try {
                return HexFormat.of().parseHex(out);
            } catch (IllegalArgumentException e) {
                throw new SigningException("sign helper " + describe() + " printed something that is not one hex string: '"
                        + (out.length() > 60 ? out.substring(0, 60) + "…" : out) + "'");
            }
        } catch (IOException e) {
            throw new SigningException("sign helper " + describe() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("interrupted while waiting for sign helper " + describe(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private static String stderrSuffix(String err) {
        String s = err.strip();
        return s.isEmpty() ? "" : ": " + (s.length() > 300 ? s.substring(0, 300) + "…" : s).replace('\n', ' ');
    }

    /**
     * Reads a stream on a daemon thread so a chatty helper never blocks on a full pipe. At most
     * {@link #OUTPUT_LIMIT} + 1 bytes are kept (so an overlong answer is recognised as such); the
     * rest is read and dropped, so a helper that never stops printing costs no memory until its timeout.
     */
    private static java.util.function.Supplier<String> drain(java.io.InputStream in) {
        var result = new java.util.concurrent.CompletableFuture<String>();
        var t = new Thread(() -> {
            try {
                byte[] kept = in.readNBytes((int) OUTPUT_LIMIT.maxBytes() + 1);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                result.complete(new String(kept, StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.complete("");
            }
        }, "sign-helper-output");
        t.setDaemon(true);
        t.start();
        return () -> {
            try {
                return result.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                return "";
            }
        };
    }

}
