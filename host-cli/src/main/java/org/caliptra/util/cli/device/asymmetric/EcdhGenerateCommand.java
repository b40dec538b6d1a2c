package org.caliptra.util.cli.device.asymmetric;

import java.nio.file.Path;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.host.commands.asymmetric.Asymmetric;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util ecdh-generate}: the first half of an ECDH P-384 exchange. */
@Command(name = "ecdh-generate", mixinStandardHelpOptions = true,
        description = "Start an ECDH P-384 exchange (EcdhGenerate): the device makes a key pair, prints its public point "
                + "(x ‖ y, the exchange data to send the peer) and writes the sealed 76-byte context ecdh-finish needs to "
                + "--context-out (mode 0600).")
public final class EcdhGenerateCommand extends DeviceCommand {
    @Option(names = "--context-out", paramLabel = "FILE", required = true, description = "Where to write the exchange's context.")
    Path contextOut;

    @Option(names = "--exchange-out", paramLabel = "FILE", description = "Also write the 96-byte exchange data to FILE.")
    Path exchangeOut;

    @Override
    protected int run(CaliptraSession session) {
        var generated = Asymmetric.ecdhGenerate(session);
        Outputs.writePrivate(contextOut, generated.context().bytes());
        if (exchangeOut != null) {
            Outputs.write(exchangeOut, generated.exchangeData());
        }
        return print(new FieldReport().put("exchange_data", generated.exchangeData()).put("context_out", contextOut.toString()));
    }
}
