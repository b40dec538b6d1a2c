package org.caliptra.util.cli.booted;

import java.util.List;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caliptra-util dpe derive-context}: one DERIVE_CONTEXT from the default context, its flags by name. */
@Command(name = "derive-context", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash, derive the --measurement contexts, then derive the default context "
                + "once more with --data and the flags given by name (DERIVE_CONTEXT), and print the new context's handle and "
                + "its parent's.",
            "--export-cdi (with CREATE_CERTIFICATE) exports the new context's CDI instead: it prints the 32-byte exported CDI handle "
                    + "(for SIGN_WITH_EXPORTED_ECDSA) and writes the exported CDI's CA certificate to --out, PEM or --der.",
            "Exit code 0 on success, 1 if the device did not boot or DPE or the runtime refused a command, 2 for bad input."})
public final class DpeDeriveContextCommand implements Callable<Integer> {
    @Mixin
    BootedDeviceOptions device;

    @Mixin
    DpeMeasurements measurements;

    @Option(names = "--data", paramLabel = "HEX", required = true,
            description = "The new context's measurement (DERIVE_CONTEXT's data): 48 bytes, 96 hex digits.")
    String data;

    @Option(names = "--tci-type", paramLabel = "N", converter = U32Converter.class, description = "Its TCI type (default 0).")
    Integer tciType;

    @Option(names = "--retain-parent", description = "RETAIN_PARENT_CONTEXT: the parent stays active under a new handle.")
    boolean retainParent;

    @Option(names = "--make-default", description = "MAKE_DEFAULT: the new context is its locality's default context.")
    boolean makeDefault;

    @Option(names = "--change-locality", paramLabel = "N", converter = U32Converter.class,
            description = "CHANGE_LOCALITY: the new context belongs to locality N (a requester's PAUSER).")
    Integer changeLocality;

    @Option(names = "--allow-x509", description = "INPUT_ALLOW_X509: the new context may certify keys as X.509.")
    boolean allowX509;

    @Option(names = "--recursive", description = "RECURSIVE: extend the default context's own measurement instead of deriving a child.")
    boolean recursive;

    @Option(names = "--export-cdi", description = "EXPORT_CDI and CREATE_CERTIFICATE: export the new context's CDI (needs --out).")
    boolean exportCdi;

    @Option(names = "--internal-info", description = "INTERNAL_INPUT_INFO: fold DPE's profile into the new context's CDI.")
    boolean internalInfo;

    @Option(names = "--internal-dice", description = "INTERNAL_INPUT_DICE: fold the device's certificate chain into the new context's CDI.")
    boolean internalDice;

    @Option(names = "--allow-ca", description = "1.x: INPUT_ALLOW_CA (bit 26): the new context may be certified as a CA.")
    boolean allowCa;

    @Option(names = "--allow-export", description = "2.x: ALLOW_NEW_CONTEXT_TO_EXPORT (bit 26): the new context may export its CDI.")
    boolean allowExport;

    @Option(names = "--allow-recursive", description = "2.x: ALLOW_RECURSIVE: the new context may be derived recursively.")
    boolean allowRecursive;

    @Option(names = "--svn", paramLabel = "N", converter = U32Converter.class, description = "2.x: the new context's SVN (default 0).")
    Integer svn;

    @Mixin
    DerOutput output;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var request = new DeriveContextRequest(ContextHandle.DEFAULT, HexOption.parse("--data", data, DpeProfileCommands.TCI, "a measurement"),
                flags(), tciType == null ? 0 : tciType, changeLocality == null ? 0 : changeLocality, svn == null ? 0 : svn);
        var derivations = measurements.parse();
        if (exportCdi) {
            if (output.out == null) {
                throw new UsageException("--export-cdi writes the exported CDI's certificate: give --out FILE");
            }
        } else if (output.out != null || output.der) {
            throw new UsageException("--out and --der are for the exported CDI's certificate: they need --export-cdi");
        }
        output.check();
        FieldReport report;
        byte[] certificate = null;
        try (var booted = device.boot()) {
            var dpe = booted.dpe();
            DpeMeasurements.derive(dpe, derivations);
            if (exportCdi) {
                var exported = dpe.deriveExportedCdi(request);
                report = handles(exported.handle(), exported.parentHandle()).put("exported_cdi_handle", exported.exportedCdi());
                certificate = exported.certificate().toByteArray();
            } else {
                var derived = dpe.deriveContext(request);
                report = handles(derived.handle(), derived.parentHandle());
            }
        }
        if (certificate != null) {
            output.write(spec.commandLine().getOut(), "CERTIFICATE", List.of(certificate));
        }
        report.print(spec.commandLine().getOut(), format.json());
        return ExitCodes.OK;
    }

    private static FieldReport handles(ContextHandle handle, ContextHandle parent) {
        return new FieldReport().put("handle", handle.bytes()).put("parent_handle", parent.bytes());
    }

    /** The flags the options name; a flag of the other generation's DPE is exit 2. */
    private int flags() {
        only(allowCa, "--allow-ca", Generation.V1, "INPUT_ALLOW_CA is 1.x's bit 26; 2.x's is --allow-export");
        only(allowExport, "--allow-export", Generation.V2, "ALLOW_NEW_CONTEXT_TO_EXPORT is 2.x's bit 26; 1.x's is --allow-ca");
        only(allowRecursive, "--allow-recursive", Generation.V2, "1.x's DPE has no ALLOW_RECURSIVE");
        only(svn != null, "--svn", Generation.V2, "1.x's DERIVE_CONTEXT has no SVN");
        int flags = 0;
        flags |= retainParent ? DeriveContextRequest.RETAIN_PARENT_CONTEXT : 0;
        flags |= makeDefault ? DeriveContextRequest.MAKE_DEFAULT : 0;
        flags |= changeLocality != null ? DeriveContextRequest.CHANGE_LOCALITY : 0;
        flags |= allowX509 ? DeriveContextRequest.INPUT_ALLOW_X509 : 0;
        flags |= recursive ? DeriveContextRequest.RECURSIVE : 0;
        flags |= exportCdi ? DeriveContextRequest.EXPORT_CDI | DeriveContextRequest.CREATE_CERTIFICATE : 0;
        flags |= internalInfo ? DeriveContextRequest.INTERNAL_INPUT_INFO : 0;
        flags |= internalDice ? DeriveContextRequest.INTERNAL_INPUT_DICE : 0;
        flags |= allowCa || allowExport ? DeriveContextRequest.BIT_26 : 0;
        flags |= allowRecursive ? DeriveContextRequest.ALLOW_RECURSIVE : 0;
        return flags;
    }

    private void only(boolean given, String option, Generation generation, String why) {
        if (given && device.generation() != generation) {
            throw new UsageException(option + ": a Caliptra " + (generation == Generation.V1 ? "1.x" : "2.x") + " option, and this part is "
                    + (device.generation() == Generation.V1 ? "1.x" : "2.x") + " (profile " + device.setup().config().profile().id()
                    + "): " + why);
        }
    }
}
