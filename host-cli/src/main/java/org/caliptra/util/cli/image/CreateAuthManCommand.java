package org.caliptra.util.cli.image;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.image.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image create-auth-man}: cptra_imgtool's manifest command, same configuration, same bytes layout. */
@Command(name = "create-auth-man", mixinStandardHelpOptions = true,
        description = {"Build the SoC manifest of a cptra_imgtool configuration (ASPEED layout).",
            "Default output: out/<prj_name>-auth-manifest.bin; also writes svn_sig.bin beside it."})
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
        AtomicFiles.write(out, bytes);
        byte[] svnSig = ByteBuffer.allocate(96 + 1620).put(manifest.svnEccSignature() == null ? new byte[96]
                : hw(manifest)).put(manifest.svnPqcSignature().toByteArray()).array();
        AtomicFiles.write(out.toAbsolutePath().resolveSibling("svn_sig.bin"), svnSig);
        var stdout = spec.commandLine().getOut();
        stdout.printf("wrote %s: %s, %d bytes, %d images%n", out, manifest.kind(), bytes.length, manifest.imc().entryCount());
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
