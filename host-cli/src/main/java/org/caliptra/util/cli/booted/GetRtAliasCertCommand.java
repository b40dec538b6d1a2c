package org.caliptra.util.cli.booted;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.SizedData;
import picocli.CommandLine.Command;

/** {@code caliptra-util get-rt-alias-cert}: the runtime alias certificate (issued by the FMC alias key) of a booted device. */
@Command(name = "get-rt-alias-cert", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print its RT alias certificate (GET_RT_ALIAS_ECC384_CERT, "
                + "or GET_RT_ALIAS_MLDSA87_CERT with --mldsa on 2.x), PEM by default.",
            "Exit code 0 on success, 1 if the device did not boot or failed the command, 2 for bad input."})
public final class GetRtAliasCertCommand extends CertificateCommand {
    @Override
    CommandCodec<NoFields, SizedData> ecc(Generation generation) {
        return CertificateCommands.getRtAliasEcc384Cert(generation);
    }

    @Override
    CommandCodec<NoFields, SizedData> mldsa() {
        return CertificateCommands.GET_RT_ALIAS_MLDSA87_CERT;
    }
}
