package org.caliptra.util.cli.booted;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.image.io.AtomicFiles;
import picocli.CommandLine.Option;

/**
 * {@code --der} and {@code --out FILE}: how a command hands over a certificate or CSR. PEM on
 * stdout by default; {@code --out} writes the file atomically instead; DER is binary, so it goes
 * to a file only ({@code --der} needs {@code --out}).
 */
public final class DerOutput {
    @Option(names = "--der", description = "Write DER instead of PEM (needs --out: DER is binary).")
    boolean der;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically, replacing it) instead of stdout.")
    Path out;

    /** Exit 2 for a combination that cannot be written; call before booting. */
    void check() {
        if (der && out == null) {
            throw new UsageException("--der writes binary DER, which goes to a file: give --out FILE (or drop --der for PEM on stdout)");
        }
    }

    /** Writes {@code ders} as PEM blocks of {@code pemType} or, with --der, as DER; either one after the other. */
    void write(PrintWriter stdout, String pemType, List<byte[]> ders) {
        if (der) {
            var all = new java.io.ByteArrayOutputStream();
            ders.forEach(all::writeBytes);
            AtomicFiles.write(out, all.toByteArray(), AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.REPLACE);
            return;
        }
        var pem = new StringBuilder();
        ders.forEach(d -> pem.append(pem(pemType, d)));
        if (out != null) {
            AtomicFiles.write(out, pem.toString().getBytes(StandardCharsets.US_ASCII), AtomicFiles.Mode.PUBLIC,
                    AtomicFiles.Existing.REPLACE);
        } else {
            stdout.print(pem);
            stdout.flush();
        }
    }

    /** One PEM block: base64 in 64-character lines between BEGIN and END lines, as openssl writes it. */
    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
