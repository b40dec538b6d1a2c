package org.caliptra.util.cli.booted;

import java.util.List;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.SizedData;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code get-ldevid-cert}, {@code get-fmc-alias-cert} and {@code get-rt-alias-cert} share:
 * boot, read one DICE layer's certificate (ECC P-384, or ML-DSA-87 on 2.x), write it.
 */
abstract class CertificateCommand implements Callable<Integer> {
    @Mixin
    BootedDeviceOptions device;

    @Mixin
    DerOutput output;

    @Option(names = "--mldsa", description = "2.x: the ML-DSA-87 certificate instead of the ECC P-384 one.")
    boolean mldsa;

    @Spec
    CommandSpec spec;

    /** The command that reads the ECC certificate on {@code generation}'s runtime. */
    abstract CommandCodec<NoFields, SizedData> ecc(Generation generation);

    /** The command that reads the ML-DSA-87 certificate (2.x). */
    abstract CommandCodec<NoFields, SizedData> mldsa();

    @Override
    public Integer call() {
        output.check();
        if (mldsa) {
            device.requireMldsa("--mldsa");
        }
        byte[] der;
        try (var booted = device.boot()) {
            der = booted.call(mldsa ? mldsa() : ecc(booted.generation()), NoFields.INSTANCE).data().toByteArray();
        }
        output.write(spec.commandLine().getOut(), "CERTIFICATE", List.of(der));
        return ExitCodes.OK;
    }
}
