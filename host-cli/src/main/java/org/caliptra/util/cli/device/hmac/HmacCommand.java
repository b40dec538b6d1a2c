package org.caliptra.util.cli.device.hmac;

import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.InputStreams;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.cli.device.hash.HashAlgorithmConverter;
import org.caliptra.util.host.commands.hmac.Macs;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util hmac}: the HMAC of a message under a device key. */
@Command(name = "hmac", mixinStandardHelpOptions = true,
        description = "Compute HMAC-SHA-384 or HMAC-SHA-512 of a message of at most 4096 bytes on the device (Hmac: MC_HMAC "
                + "or CM_HMAC) with a device key, or with a raw key imported for the call and deleted after it.")
public final class HmacCommand extends DeviceCommand {
    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "sha384", converter = HashAlgorithmConverter.class,
            description = "sha384 or sha512 (default: ${DEFAULT-VALUE}).")
    HashAlgorithm algorithm;

    @Mixin
    KeyInput key;

    @Parameters(index = "0", paramLabel = "FILE", description = "The message (at most 4096 bytes), or - for standard input.")
    String file;

    private Octets data;

    @Override
    protected void prepare() {
        key.read();
        data = InputStreams.readWhole(file, InputFiles.Kind.DEVICE_MESSAGE, System.in);
    }

    @Override
    protected int run(CaliptraSession session) {
        var mac = key.with(session, KeyUsage.HMAC, cmk -> Macs.hmac(session, cmk, algorithm, data));
        return print(new FieldReport().put("algorithm", "hmac-" + HashAlgorithmConverter.name(algorithm)).put("mac", mac.value())
                .put("bytes", data.length()));
    }
}
