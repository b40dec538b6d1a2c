package org.caliptra.util.cli.booted;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.SizedData;
import picocli.CommandLine.Command;

/** {@code caliptra-util get-fmc-alias-cert}: the FMC alias certificate (issued by the LDevID key) of a booted device. */
@Command(name = "get-fmc-alias-cert", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print its FMC alias certificate (GET_FMC_ALIAS_ECC384_CERT, "
                + "or GET_FMC_ALIAS_MLDSA87_CERT with --mldsa on 2.x), PEM by default.",
            "Exit code 0 on success, 1 if the device did not boot or failed the command, 2 for bad input."})
public final class GetFmcAliasCertCommand extends CertificateCommand {
    @Override
    CommandCodec<NoFields, SizedData> ecc(Generation generation) {
        return CertificateCommands.getFmcAliasEcc384Cert(generation);
    }

    @Override
    CommandCodec<NoFields, SizedData> mldsa() {
        return CertificateCommands.GET_FMC_ALIAS_MLDSA87_CERT;
    }
}
