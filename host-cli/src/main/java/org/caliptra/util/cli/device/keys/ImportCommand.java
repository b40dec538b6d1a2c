package org.caliptra.util.cli.device.keys;

import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.host.commands.keys.Keys;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util import}: a raw key as a device key (CMK). */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a raw key (at most 64 bytes) as a device key of a usage (Import: MC_IMPORT or CM_IMPORT) and "
                + "write the 128-byte CMK to --out (mode 0600).",
            "A CMK is sealed under a key the device draws at each cold boot: it works on the device that made it until "
                + "that device resets (docs/cli.md says when an embedded emulator's CMK works in a later run)."})
public final class ImportCommand extends DeviceCommand {
    static final class Source {
        @Option(names = "--key-file", paramLabel = "FILE", required = true, description = "The raw key (1 to 64 bytes).")
        Path keyFile;

        @Option(names = "--key-hex", paramLabel = "HEX", required = true,
                description = "The raw key as hex (1 to 64 bytes); prefer --key-file, which keeps it out of the process list.")
        String keyHex;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--usage", paramLabel = "USAGE", required = true, converter = KeyUsageConverter.class,
            description = "What the key is for: hmac, aes, ecdsa, mldsa or mlkem.")
    KeyUsage usage;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the CMK.")
    Path out;

    private Octets key;

    @Override
    protected void prepare() {
        key = source.keyFile != null ? Octets.of(InputFiles.read(source.keyFile, InputFiles.Kind.RAW_KEY))
                : HexOption.parseUpTo("--key-hex", source.keyHex, 64, "a raw key");
        if (key.length() == 0) {
            throw new UsageException((source.keyFile != null ? "--key-file " + source.keyFile : "--key-hex")
                    + ": no key bytes; a key is 1 to 64 bytes");
        }
    }

    @Override
    protected int run(CaliptraSession session) {
        var cmk = Keys.importKey(session, usage, key);
        Outputs.writePrivate(out, cmk.bytes());
        return print(new FieldReport().put("usage", KeyUsageConverter.name(usage)).put("key_bytes", key.length())
                .put("out", out.toString()));
    }
}
