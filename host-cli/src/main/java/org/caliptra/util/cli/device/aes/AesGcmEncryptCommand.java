package org.caliptra.util.cli.device.aes;

import java.io.IOException;
import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.InputStreams;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.cli.device.StreamedOutput;
import org.caliptra.util.host.commands.aes.Ciphers;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util aes-gcm-encrypt}: AES-256-GCM encryption on the device, streamed. */
@Command(name = "aes-gcm-encrypt", mixinStandardHelpOptions = true,
        description = "Encrypt a file (or standard input, -) with AES-GCM on the device (AesGcmEncryptInit, Update, Final) "
                + "into --out; the device picks the 12-byte IV; the IV and the 16-byte tag are printed, and the tag also "
                + "written to --tag-out when given.")
public final class AesGcmEncryptCommand extends DeviceCommand {
    @Mixin
    KeyInput key;

    @Option(names = "--aad", paramLabel = "FILE", description = "Additional authenticated data (at most 4096 bytes).")
    Path aadFile;

    @Parameters(index = "0", paramLabel = "FILE", description = "The plaintext, or - for standard input.")
    String file;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the ciphertext.")
    Path out;

    @Option(names = "--tag-out", paramLabel = "FILE", description = "Where to write the 16-byte tag as well.")
    Path tagOut;

    private Octets aad;
    private InputStreams.Counted in;

    @Override
    protected void prepare() {
        key.read();
        aad = aadFile != null ? Octets.of(InputFiles.read(aadFile, InputFiles.Kind.AAD)) : Octets.zeros(0);
        in = InputStreams.open(file, System.in);
    }

    @Override
    protected int run(CaliptraSession session) throws IOException {
        try (var input = in) {
            var p = key.with(session, KeyUsage.AES, cmk -> StreamedOutput.write(out, AtomicFiles.Mode.PUBLIC,
                    o -> Ciphers.gcmEncrypt(session, cmk, aad, input, o, Ciphers.CHUNK)));
            if (tagOut != null) {
                Outputs.write(tagOut, p.tag());
            }
            return print(new FieldReport().put("iv", p.iv()).put("tag", p.tag()).put("bytes", input.count())
                    .put("aad_bytes", aad.length()).put("out", out.toString()));
        }
    }
}
