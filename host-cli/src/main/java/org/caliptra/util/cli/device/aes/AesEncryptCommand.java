package org.caliptra.util.cli.device.aes;

import java.io.IOException;
import java.nio.file.Path;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.InputStreams;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.cli.device.StreamedOutput;
import org.caliptra.util.host.commands.aes.Ciphers;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.AesMode;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util aes-encrypt}: AES-256-CBC or -CTR encryption on the device, streamed. */
@Command(name = "aes-encrypt", mixinStandardHelpOptions = true,
        description = "Encrypt a file (or standard input, -) with AES-CBC or AES-CTR on the device (AesEncryptInit, "
                + "AesEncryptUpdate), 4096 bytes per command, into --out; the device picks the IV, which is printed. "
                + "CBC takes whole 16-byte blocks only.")
public final class AesEncryptCommand extends DeviceCommand {
    @Option(names = "--mode", paramLabel = "MODE", required = true, converter = AesModeConverter.class, description = "cbc or ctr.")
    AesMode mode;

    @Mixin
    KeyInput key;

    @Parameters(index = "0", paramLabel = "FILE", description = "The plaintext, or - for standard input.")
    String file;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the ciphertext.")
    Path out;

    private InputStreams.Counted in;

    @Override
    protected void prepare() {
        key.read();
        in = InputStreams.open(file, System.in);
    }

    @Override
    protected int run(CaliptraSession session) throws IOException {
        try (var input = in) {
            Octets iv = key.with(session, KeyUsage.AES, cmk -> StreamedOutput.write(out, AtomicFiles.Mode.PUBLIC,
                    o -> Ciphers.encrypt(session, cmk, mode, input, o, Ciphers.CHUNK)));
            return print(new FieldReport().put("mode", AesModeConverter.name(mode)).put("iv", iv).put("bytes", input.count())
                    .put("out", out.toString()));
        }
    }
}
