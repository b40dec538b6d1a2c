package org.caliptra.util.cli.device.asymmetric;

import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.cli.device.keys.KeyUsageConverter;
import org.caliptra.util.host.commands.asymmetric.Asymmetric;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhContext;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util ecdh-finish}: the shared secret of an ECDH exchange, as a device key. */
@Command(name = "ecdh-finish", mixinStandardHelpOptions = true,
        description = {"Finish an ECDH P-384 exchange with the peer's public point (EcdhFinish): the shared secret becomes a "
                + "device key of the usage given, whose CMK is written to --out (mode 0600).",
            "--generate starts the exchange in the same session (EcdhGenerate) and prints the device's exchange data for the "
                + "peer: the embedded emulator's contexts are sealed under a key its runtime draws in each run, so a context "
                + "from another run is refused there."})
public final class EcdhFinishCommand extends DeviceCommand {
    static final class Peer {
        @Option(names = "--peer", paramLabel = "HEX", required = true, description = "The peer's exchange data: x ‖ y, 96 bytes of hex.")
        String hex;

        @Option(names = "--peer-file", paramLabel = "FILE", required = true, description = "The peer's 96-byte exchange data.")
        Path file;
    }

    static final class Start {
        @Option(names = "--context", paramLabel = "FILE", required = true, description = "The context ecdh-generate wrote.")
        Path contextFile;

        @Option(names = "--generate", required = true, description = "Start the exchange now, in this session.")
        boolean generate;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Start start;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Peer peer;

    @Option(names = "--usage", paramLabel = "USAGE", required = true, converter = KeyUsageConverter.class,
            description = "What the shared key is for: hmac, aes, ecdsa, mldsa or mlkem.")
    KeyUsage usage;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the shared key's CMK.")
    Path out;

    private EcdhContext context;
    private Octets peerPoint;

    @Override
    protected void prepare() {
        if (start.contextFile != null) {
            byte[] c = InputFiles.read(start.contextFile, InputFiles.Kind.CMK);
            if (c.length != AsymmetricCommands.ECDH_CONTEXT_SIZE) {
                throw new UsageException("--context " + start.contextFile + ": " + c.length + " bytes; an ECDH context is "
                        + AsymmetricCommands.ECDH_CONTEXT_SIZE + ", as ecdh-generate writes it");
            }
            context = new EcdhContext(Octets.of(c));
        }
        if (peer.hex != null) {
            peerPoint = HexOption.parse("--peer", peer.hex, AsymmetricCommands.ECDH_EXCHANGE_SIZE, "the exchange data");
        } else {
            byte[] p = InputFiles.read(peer.file, InputFiles.Kind.CMK);
            if (p.length != AsymmetricCommands.ECDH_EXCHANGE_SIZE) {
                throw new UsageException("--peer-file " + peer.file + ": " + p.length + " bytes; the exchange data is "
                        + AsymmetricCommands.ECDH_EXCHANGE_SIZE);
            }
            peerPoint = Octets.of(p);
        }
    }

    @Override
    protected int run(CaliptraSession session) {
        var report = new FieldReport();
        EcdhContext c = context;
        if (c == null) {
            var generated = Asymmetric.ecdhGenerate(session);
            c = generated.context();
            report.put("exchange_data", generated.exchangeData());
        }
        var cmk = Asymmetric.ecdhFinish(session, c, usage, peerPoint);
        Outputs.writePrivate(out, cmk.bytes());
        return print(report.put("usage", KeyUsageConverter.name(usage)).put("out", out.toString()));
    }
}
