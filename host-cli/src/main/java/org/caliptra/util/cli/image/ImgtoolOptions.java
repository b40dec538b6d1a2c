package org.caliptra.util.cli.image;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.caliptra.util.cli.imgtool.ImgtoolConfig;
import org.caliptra.util.cli.imgtool.ImgtoolProject;
import picocli.CommandLine.Option;

/** cptra_imgtool's options, unchanged, plus where ASPEED's prebuilt vendor endorsement lives. */
public final class ImgtoolOptions {
    @Option(names = "--cfg", required = true, paramLabel = "FILE", description = "cptra_imgtool configuration (TOML).")
    Path cfg;

    @Option(names = "--key-dir", paramLabel = "DIR", description = "Key directory (default key/<prj_name>/).")
    Path keyDir;

    @Option(names = "--prebuilt-dir", paramLabel = "DIR", description = "Prebuilt images (default prebuilt/<prj_name>/).")
    Path prebuiltDir;

    @Option(names = "--vendor-sig-dir", paramLabel = "DIR",
            description = "ASPEED's prebuilt vendor endorsement (vnd_ecc_sig.der, vnd_lms_sig.der); default src/vnd_sig/ or vnd_sig/.")
    Path vendorSigDir;

    @Option(names = "--no-prebuilt-vendor-sig",
            description = "Keep the vendor signatures made with [vendor_fw_key_config] instead of ASPEED's prebuilt ones.")
    boolean noPrebuiltVendorSig;

    ImgtoolProject open(PrintWriter err) {
        return new ImgtoolProject(ImgtoolConfig.read(cfg), keyDir, prebuiltDir, vendorSigDir, !noPrebuiltVendorSig, err);
    }
}
