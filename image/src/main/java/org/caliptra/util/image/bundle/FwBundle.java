package org.caliptra.util.image.bundle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.image.ImageFormatException;
import java.util.Optional;
import org.caliptra.util.image.io.InputLimit;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;

/**
 * A Caliptra firmware image bundle: manifest, then everything after it (FMC, runtime, padding)
 * kept byte for byte, so {@code parse(b).toBytes()} equals {@code b} for any well-formed file.
 */
public sealed interface FwBundle permits FwBundle.V1, FwBundle.V2 {

    /** "fw-bundle-1.x" or "fw-bundle-2.x", as the CLI reports it. */
    String kind();

    Manifest manifest();

    /** The bytes after the manifest. */
    Octets body();

    default int manifestSize() {
        return manifest().encodedSize();
    }

    default TocEntry fmc() {
        return manifest().fmc();
    }

    default TocEntry runtime() {
        return manifest().runtime();
    }

    /** Manifest header flags bit 0: honour pl0_pauser; without it every requester is PL1. */
    int FLAG_PL0_PAUSER = 1;

    /**
     * Whether the runtime grants {@code user} PL0, as it decides for every PL0-only command
     * (SET_AUTH_MANIFEST among them): flags bit 0 set and the requester equal to pl0_pauser
     * (spec/device.md §3.7). The emulated runtime and {@code image verify} both ask this.
     */
    default boolean isPl0(int user) {
        return (manifest().headerFlags() & FLAG_PL0_PAUSER) != 0 && manifest().pl0Pauser() == user;
    }

    /**
     * The requester (APB PAUSER / AXI USER) a SoC's boot agent presents when it boots this bundle:
     * the manifest's pl0_pauser, as the AST2700 BootMCU and libcaliptra's test model do. {@code boot}
     * presents it and {@code image verify} assumes it, so whether it is PL0 comes down to flags bit 0.
     */
    default int bootRequester() {
        return manifest().pl0Pauser();
    }

    default byte[] toBytes() {
        byte[] out = new byte[manifest().encodedSize() + body().length()];
        manifest().write(out);
        body().copyTo(out, manifest().encodedSize());
        return out;
    }

    record V1(ManifestV1 manifest, Octets body) implements FwBundle {
        @Override
        public String kind() {
            return "fw-bundle-1.x";
        }
    }

    record V2(ManifestV2 manifest, Octets body) implements FwBundle {
        @Override
        public String kind() {
            return "fw-bundle-2.x";
        }
    }

    /**
     * The largest file a bundle of {@code generation} can be: its manifest, then an FMC and a
     * runtime that together fit the ICCM they are loaded into (spec/formats.md §1, §2.1 step 11,
     * §2.2 step 7); a 2.x file is zero-padded to 256 bytes. Past this no well-formed bundle exists,
     * so a reader refuses it by size instead of reading it (between the ROM's IMAGE_BYTE_SIZE and
     * this, a bundle is still judged: FW_PROC_INVALID_IMAGE_SIZE).
     */
    static InputLimit fileLimit(Generation generation) {
        return generation == Generation.V1
                ? new InputLimit("a 1.x firmware bundle", ManifestV1.SIZE + (long) Generation.V1.iccmSize(),
                        "a " + ManifestV1.SIZE + "-byte manifest and an FMC and runtime within the 128 KiB ICCM")
                : new InputLimit("a 2.x firmware bundle", (ManifestV2.SIZE + (long) Generation.V2.iccmSize() + 255) & ~255L,
                        "a " + ManifestV2.SIZE + "-byte manifest and an FMC and runtime within the 256 KiB ICCM, padded to 256 bytes");
    }

    /** The limit of a bundle of either generation, before its marker is known. */
    static InputLimit fileLimit() {
        var v2 = fileLimit(Generation.V2);
        return new InputLimit("a firmware bundle", v2.maxBytes(), "2.x: " + v2.why() + "; 1.x is smaller");
    }

    /** Refuses a bundle larger than its generation's {@link #fileLimit(Generation)}, naming the limit. */
    static void requireWithinLimit(byte[] bytes, String name) {
        int m = marker(bytes);
        if (m != ManifestV1.MARKER && m != ManifestV2.MARKER) {
            return;
        }
        var limit = fileLimit(m == ManifestV1.MARKER ? Generation.V1 : Generation.V2);
        if (bytes.length > limit.maxBytes()) {
            throw new ImageFormatException(name + ": too large (" + bytes.length + " bytes): " + limit.describe());
        }
    }

    /** The marker of a file, if it is long enough to have one. */
    static int marker(byte[] bytes) {
        return bytes.length < 4 ? 0 : ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    }

    /** The generation a file's marker names (CMAN → 1.x, CMN2 → 2.x), if it has one. */
    static Optional<Generation> generationOf(byte[] bytes) {
        int m = marker(bytes);
        return m == ManifestV1.MARKER ? Optional.of(Generation.V1) : m == ManifestV2.MARKER ? Optional.of(Generation.V2)
                : Optional.empty();
    }

    static boolean isBundle(byte[] bytes) {
        int m = marker(bytes);
        return m == ManifestV1.MARKER || m == ManifestV2.MARKER;
    }

    /**
     * Parses a 1.x or 2.x bundle by its marker.
     *
     * @param name names the input in errors (a file name)
     */
    static FwBundle parse(byte[] bytes, String name) {
        if (bytes.length < 4) {
            throw new ImageFormatException(String.format("%s: %d bytes is too short for a Caliptra firmware bundle, whose "
                    + "marker alone is 4 bytes", name, bytes.length));
        }
        int marker = marker(bytes);
        if (marker == ManifestV1.MARKER) {
            requireLength(bytes, ManifestV1.SIZE, name, "1.x");
            return new V1(ManifestV1.read(bytes), Octets.of(bytes, ManifestV1.SIZE, bytes.length - ManifestV1.SIZE));
        }
        if (marker == ManifestV2.MARKER) {
            requireLength(bytes, ManifestV2.SIZE, name, "2.x");
            return new V2(ManifestV2.read(bytes), Octets.of(bytes, ManifestV2.SIZE, bytes.length - ManifestV2.SIZE));
        }
        throw new ImageFormatException(String.format("%s: not a Caliptra firmware bundle: marker at offset 0 is 0x%08X, "
                + "expected 0x%08X (\"CMAN\", 1.x) or 0x%08X (\"CMN2\", 2.x)", name, marker, ManifestV1.MARKER, ManifestV2.MARKER));
    }

    private static void requireLength(byte[] bytes, int manifestSize, String name, String generation) {
        if (bytes.length < manifestSize) {
            throw new ImageFormatException(String.format("%s: %d bytes is shorter than a %s manifest (%d bytes)",
                    name, bytes.length, generation, manifestSize));
        }
    }
}
