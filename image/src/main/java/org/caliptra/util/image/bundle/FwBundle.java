package org.caliptra.util.image.bundle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.image.ImageFormatException;
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

    /** The marker of a file, if it is long enough to have one. */
    static int marker(byte[] bytes) {
        return bytes.length < 4 ? 0 : ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
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
