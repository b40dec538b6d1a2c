package org.caliptra.util.cli.device.aes;

import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.InputStreams;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.host.commands.aes.AesCommands;
import org.caliptra.util.host.commands.aes.Ciphers;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util aes-gcm-decrypt}: AES-256-GCM decryption on the device; nothing is written unless the tag verifies. */
@Command(name = "aes-gcm-decrypt", mixinStandardHelpOptions = true,
        description = "Decrypt a file (or standard input, -) with AES-GCM on the device (AesGcmDecryptInit, Update, Final) "
                + "with the IV and tag of the encryption, into --out (mode 0600); when the device does not verify the tag, "
                + "nothing is written and the exit code is 1.")
public final class AesGcmDecryptCommand extends DeviceCommand {
    static final class Tag {
        @Option(names = "--tag", paramLabel = "HEX", required = true, description = "The 16-byte tag aes-gcm-encrypt printed.")
        String hex;

        @Option(names = "--tag-file", paramLabel = "FILE", required = true, description = "The 16-byte tag as aes-gcm-encrypt --tag-out wrote it.")
        Path file;
    }

    @Mixin
    KeyInput key;

    @Option(names = "--iv", paramLabel = "HEX", required = true, description = "The 12-byte IV aes-gcm-encrypt printed.")
    String ivHex;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Tag tag;

    @Option(names = "--aad", paramLabel = "FILE", description = "The additional authenticated data of the encryption.")
    Path aadFile;

    @Parameters(index = "0", paramLabel = "FILE", description = "The ciphertext, or - for standard input.")
    String file;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the plaintext.")
    Path out;

    private Octets iv;
    private Octets tagBytes;
    private Octets aad;
    private Octets ciphertext;

    @Override
    protected void prepare() {
        key.read();
        iv = HexOption.parse("--iv", ivHex, AesCommands.GCM_IV_SIZE, "an AES-GCM IV");
        if (tag.hex != null) {
            tagBytes = HexOption.parse("--tag", tag.hex, AesCommands.GCM_TAG_SIZE, "an AES-GCM tag");
        } else {
            tagBytes = Octets.of(InputFiles.read(tag.file, InputFiles.Kind.AAD));
            if (tagBytes.length() != AesCommands.GCM_TAG_SIZE) {
                throw new UsageException("--tag-file " + tag.file + ": " + tagBytes.length() + " bytes; an AES-GCM tag is "
                        + AesCommands.GCM_TAG_SIZE);
            }
        }
        aad = aadFile != null ? Octets.of(InputFiles.read(aadFile, InputFiles.Kind.AAD)) : Octets.zeros(0);
        ciphertext = InputStreams.readWhole(file, InputFiles.Kind.GCM_CIPHERTEXT, System.in);
    }

    @Override
    protected int run(CaliptraSession session) {
        Octets plaintext = key.with(session, KeyUsage.AES, cmk -> Ciphers.gcmDecrypt(session, cmk, iv, aad, ciphertext, tagBytes));
        Outputs.writePrivate(out, plaintext);
        return print(new FieldReport().put("tag_verified", true).put("bytes", plaintext.length()).put("out", out.toString()));
    }
}
