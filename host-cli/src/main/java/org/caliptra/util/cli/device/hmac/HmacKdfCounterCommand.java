package org.caliptra.util.cli.device.hmac;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.cli.device.hash.HashAlgorithmConverter;
import org.caliptra.util.cli.device.keys.KeyUsageConverter;
import org.caliptra.util.host.commands.hmac.Macs;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util hmac-kdf-counter}: a new device key derived from an HMAC key. */
@Command(name = "hmac-kdf-counter", mixinStandardHelpOptions = true,
        description = "Derive a new device key from an HMAC key over a label (HmacKdfCounter: SP 800-108 counter mode, "
                + "MC_HMAC_KDF_COUNTER or CM_HMAC_KDF_COUNTER) and write its CMK to --out (mode 0600).")
public final class HmacKdfCounterCommand extends DeviceCommand {
    static final class Label {
        @Option(names = "--label", paramLabel = "TEXT", required = true, description = "The label as UTF-8 text.")
        String text;

        @Option(names = "--label-file", paramLabel = "FILE", required = true, description = "The label's bytes (at most 4096).")
        Path file;
    }

    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "sha384", converter = HashAlgorithmConverter.class,
            description = "sha384 or sha512 (default: ${DEFAULT-VALUE}).")
    HashAlgorithm algorithm;

    @Mixin
    KeyInput key;

    @Option(names = "--usage", paramLabel = "USAGE", required = true, converter = KeyUsageConverter.class,
            description = "What the derived key is for: hmac, aes, ecdsa, mldsa or mlkem.")
    KeyUsage usage;

    @Option(names = "--key-size", paramLabel = "BYTES", required = true, description = "The derived key's size in bytes.")
    int keySize;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Label label;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the derived key's CMK.")
    Path out;

    private Octets labelBytes;

    @Override
    protected void prepare() {
        key.read();
        if (keySize <= 0 || keySize > 64) {
            throw new UsageException("--key-size " + keySize + ": a device key is 1 to 64 bytes");
        }
        labelBytes = label.file != null ? Octets.of(InputFiles.read(label.file, InputFiles.Kind.DEVICE_MESSAGE))
                : Octets.of(label.text.getBytes(StandardCharsets.UTF_8));
        if (labelBytes.length() > 4096) {
            throw new UsageException("--label: " + labelBytes.length() + " bytes of UTF-8; a label is at most 4096 bytes");
        }
    }

    @Override
    protected int run(CaliptraSession session) {
        var derived = key.with(session, KeyUsage.HMAC, kin -> Macs.kdfCounter(session, kin, algorithm, usage, keySize, labelBytes));
        Outputs.writePrivate(out, derived.bytes());
        return print(new FieldReport().put("usage", KeyUsageConverter.name(usage)).put("key_size", keySize).put("out", out.toString()));
    }
}
