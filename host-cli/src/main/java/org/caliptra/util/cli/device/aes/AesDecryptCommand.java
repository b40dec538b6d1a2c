package org.caliptra.util.cli.device.aes;

import java.io.IOException;
import java.nio.file.Path;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.InputStreams;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.cli.device.StreamedOutput;
import org.caliptra.util.host.commands.aes.AesCommands;
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

/** {@code caliptra-util aes-decrypt}: AES-256-CBC or -CTR decryption on the device, streamed. */
@Command(name = "aes-decrypt", mixinStandardHelpOptions = true,
        description = "Decrypt a file (or standard input, -) with AES-CBC or AES-CTR on the device (AesDecryptInit, "
                + "AesDecryptUpdate), 4096 bytes per command, with the IV of the encryption, into --out (mode 0600).")
public final class AesDecryptCommand extends DeviceCommand {
    @Option(names = "--mode", paramLabel = "MODE", required = true, converter = AesModeConverter.class, description = "cbc or ctr.")
    AesMode mode;

    @Mixin
    KeyInput key;

    @Option(names = "--iv", paramLabel = "HEX", required = true, description = "The 16-byte IV aes-encrypt printed.")
    String ivHex;

    @Parameters(index = "0", paramLabel = "FILE", description = "The ciphertext, or - for standard input.")
    String file;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the plaintext.")
    Path out;

    private InputStreams.Counted in;
    private Octets iv;

    @Override
    protected void prepare() {
        key.read();
        iv = HexOption.parse("--iv", ivHex, AesCommands.IV_SIZE, "an AES IV");
        in = InputStreams.open(file, System.in);
    }

    @Override
    protected int run(CaliptraSession session) throws IOException {
        try (var input = in) {
            key.with(session, KeyUsage.AES, cmk -> StreamedOutput.write(out, AtomicFiles.Mode.PRIVATE, o -> {
                Ciphers.decrypt(session, cmk, mode, iv, input, o, Ciphers.CHUNK);
                return null;
            }));
            return print(new FieldReport().put("mode", AesModeConverter.name(mode)).put("bytes", input.count())
                    .put("out", out.toString()));
        }
    }
}
