package org.caliptra.util.cli.image;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.image.soc.SocManifestVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image create-auth-man}: cptra_imgtool's manifest command, same configuration, same bytes layout. */
@Command(name = "create-auth-man", mixinStandardHelpOptions = true,
        description = {"Build the SoC manifest of a cptra_imgtool configuration (ASPEED layout).",
            "Default output: out/<prj_name>-auth-manifest.bin; for the ASPEED layout also svn_sig.bin beside it."})
public final class CreateAuthManCommand implements Callable<Integer> {
    @Mixin
    ImgtoolOptions imgtool;

    @Option(names = "--man", paramLabel = "FILE", description = "Output manifest (default out/<prj_name>-auth-manifest.bin).")
    Path man;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var project = imgtool.open(spec.commandLine().getErr());
        Path out = man != null ? man : project.defaultManifestPath();
        var manifest = project.buildManifest();
        byte[] bytes = manifest.toBytes();
        var outputs = new ArrayList<AtomicFiles.Output>();
        outputs.add(AtomicFiles.Output.replacing(out, bytes));
        // Only ASPEED's layout carries owner SVN signatures (spec/formats.md §3.2); ATM2 has none to write.
        Path svnSigOut = null;
        if (manifest.variant() == SocManifestVariant.ASPEED) {
            svnSigOut = out.toAbsolutePath().resolveSibling("svn_sig.bin");
            byte[] svnSig = ByteBuffer.allocate(96 + LmsSignature.SIZE)
                    .put(manifest.svnEccSignature() == null ? new byte[96] : hw(manifest))
                    .put(manifest.svnPqcSignature() == null ? new byte[LmsSignature.SIZE]
                            : manifest.svnPqcSignature().toByteArray(), 0, LmsSignature.SIZE).array();
            outputs.add(AtomicFiles.Output.replacing(svnSigOut, svnSig));
        }
        // Both files or neither: a manifest without its svn_sig.bin (or beside a stale one) is a trap.
        AtomicFiles.writeAll(outputs);
        var stdout = spec.commandLine().getOut();
        stdout.printf("wrote %s: %s, %d bytes, %d images%s%n", out, manifest.kind(), bytes.length, manifest.imc().entryCount(),
                svnSigOut == null ? "" : "; and " + svnSigOut);
        stdout.flush();
        // cptra_imgtool's own configurations include unsigned ones (secure boot off), so such a manifest
        // is written, as there, but never without saying that a device checking signatures refuses it.
        project.manifestRejection(bytes).ifPresent(why -> warn(out, why));
        return ExitCodes.OK;
    }

    private void warn(Path out, String why) {
        var err = spec.commandLine().getErr();
        err.println("warning: " + out + " is written, but a device would refuse it: " + why);
        err.flush();
    }

    private static byte[] hw(org.caliptra.util.image.soc.SocManifest m) {
        byte[] out = new byte[96];
        m.svnEccSignature().writeHw(out, 0);
        return out;
    }
}
