package org.caliptra.util.cli;

import java.nio.file.Path;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.flash.FlashImage;
import org.caliptra.util.image.io.InputLimit;
import org.caliptra.util.image.io.RegularFiles;
import org.caliptra.util.image.soc.SocManifest;
import org.caliptra.util.protocol.Generation;

/**
 * Reading inputs the way every command should: only regular files, never more than their kind can
 * hold, and errors that name the file (see {@link RegularFiles}). Outputs go through {@code AtomicFiles}.
 */
public final class InputFiles {
    private InputFiles() {}

    /** What a command expects a file to be, and so the most bytes it reads of it. */
    public enum Kind {
        /** {@code image inspect}/{@code verify}: any image, told apart by its content; the largest is a flash image. */
        ANY_IMAGE(new InputLimit("an image (firmware bundle, SoC manifest or flash image)", FlashImage.MAX_FILE_SIZE,
                "the largest of them, a flash image, is bounded at 32 MiB")),
        FIRMWARE_BUNDLE(FwBundle.fileLimit()),
        SOC_MANIFEST(SocManifest.FILE_LIMIT),
        FLASH_IMAGE(FlashImage.FILE_LIMIT),
        /** A SoC image, MCU runtime or other prebuilt file placed in (or authorized as part of) a flash image. */
        SOC_IMAGE(FlashImage.IMAGE_LIMIT),
        /** An FMC or runtime to bundle: the ROM loads it into ICCM. */
        FIRMWARE_CODE(new InputLimit("an FMC or runtime", Generation.V2.iccmSize(),
                "it is loaded into ICCM: 128 KiB on 1.x, 256 KiB on 2.x")),
        /** ASPEED's prebuilt vendor endorsement: a DER ECDSA signature or a 1620-byte LMS signature. */
        SIGNATURE(new InputLimit("a signature file", 64 * 1024, "a DER ECDSA signature is about 104 bytes, an LMS one 1620")),
        /** An X.509 certificate, PEM or DER. */
        CERTIFICATE(new InputLimit("an X.509 certificate", 64 * 1024, "a CA certificate is a few KB; ML-DSA ones about 8 KB")),
        CONFIGURATION(new InputLimit("a TOML configuration", 1 << 20,
                "configurations are a few KB of text; 1 MiB leaves room for any comments")),
        /** {@code dpe sign --digest-file}: the digest DPE signs as given. */
        SHA384_DIGEST(new InputLimit("a SHA-384 digest", Sha384.SIZE, "DPE's SIGN signs exactly 48 bytes, the digest as given")),
        /** {@code dpe sign --data-file}: read whole to be hashed. */
        DATA_TO_SIGN(new InputLimit("data to sign", 64L << 20,
                "it is read whole to be hashed; hash a larger file yourself and give --digest-file")),
        /** What a device signs, MACs or verifies in one command (MAX_CMB_DATA_SIZE). */
        DEVICE_MESSAGE(new InputLimit("a message for the device", 4096,
                "the device takes at most 4096 bytes in one signing, MAC or verify command")),
        /** A CMK as {@code import} writes it. */
        CMK(new InputLimit("a CMK (device key) file", 128, "a CMK is exactly 128 bytes, as import writes it")),
        /** A raw key to import for one call. */
        RAW_KEY(new InputLimit("a raw key", 64, "the device imports keys of at most 64 bytes")),
        /** AES-GCM additional authenticated data: it travels whole in the init command. */
        AAD(new InputLimit("AES-GCM additional authenticated data", 4096, "the AAD travels whole in the init command")),
        /** A ciphertext to decrypt with AES-GCM: held until the device has verified the tag. */
        GCM_CIPHERTEXT(new InputLimit("an AES-GCM ciphertext", 64L << 20,
                "the plaintext is held until the device verifies the tag, so the ciphertext is read whole")),
        /** A DOT backup blob, as {@code dot backup-blob} writes it. */
        DOT_BLOB(new InputLimit("a DOT backup blob", 168, "a DOT backup blob is exactly 168 bytes"));

        private final InputLimit limit;

        Kind(InputLimit limit) {
            this.limit = limit;
        }

        public InputLimit limit() {
            return limit;
        }
    }

    /** The file's bytes, or an error that names it (exit 2). */
    public static byte[] read(Path file, Kind kind) {
        return RegularFiles.read(file, kind.limit());
    }

    /**
     * A firmware bundle: bounded first by the larger 2.x limit, then by its own generation's, so a
     * 1.x file cannot pass as large as a 2.x one.
     */
    public static byte[] readBundle(Path file) {
        byte[] bytes = read(file, Kind.FIRMWARE_BUNDLE);
        FwBundle.requireWithinLimit(bytes, file.toString());
        return bytes;
    }
}
