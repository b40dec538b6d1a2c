package org.caliptra.util.image.build;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;

/**
 * One executable of a bundle (FMC or runtime) and its TOC fields.
 *
 * @param svn the per-image SVN (1.x only; 2.x takes the firmware SVN from {@link BundleOptions})
 * @param revision 20 bytes, conventionally the git commit of the build
 */
public record FirmwareImage(Octets code, int loadAddress, int entryPoint, int version, int svn, Octets revision) {
    public FirmwareImage {
        Objects.requireNonNull(code, "code");
        if (code.length() == 0) {
            throw new IllegalArgumentException("an FMC or runtime image cannot be empty");
        }
        if (revision.length() != 20) {
            throw new IllegalArgumentException("image revision is 20 bytes, got " + revision.length());
        }
    }

    public static FirmwareImage of(byte[] code, int loadAddress, int entryPoint) {
        return new FirmwareImage(Octets.of(code), loadAddress, entryPoint, 0, 0, Octets.zeros(20));
    }

    public FirmwareImage withVersion(int newVersion) {
        return new FirmwareImage(code, loadAddress, entryPoint, newVersion, svn, revision);
    }

    public FirmwareImage withSvn(int newSvn) {
        return new FirmwareImage(code, loadAddress, entryPoint, version, newSvn, revision);
    }

    public FirmwareImage withRevision(Octets newRevision) {
        return new FirmwareImage(code, loadAddress, entryPoint, version, svn, newRevision);
    }
}
