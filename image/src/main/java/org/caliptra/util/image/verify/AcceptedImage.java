package org.caliptra.util.image.verify;

import org.caliptra.util.protocol.Generation;

import java.util.List;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.bundle.PqcKeyType;

/**
 * What the ROM takes forward from an accepted image: the key hashes and indices it used, the
 * signatures it checked, the image digests (the FMC/RT TCIs), SVNs and where to load and jump.
 *
 * @param pqcKeyType the PQC algorithm checked: LMS or ML-DSA, or null when a 1.x ROM had LMS off
 * @param ownerPkHashInFuses whether the owner key hash was fused (false: any owner key accepted)
 * @param signaturesVerified e.g. "vendor ECC", "vendor LMS", "owner ECC", "owner LMS"
 * @param fuseSvn the effective firmware/runtime SVN fuse (0 when anti-rollback is disabled)
 */
public record AcceptedImage(Generation generation, Octets vendorPkHash, Octets ownerPkHash, boolean ownerPkHashInFuses,
        int vendorEccKeyIndex, int vendorPqcKeyIndex, PqcKeyType pqcKeyType, List<String> signaturesVerified,
        Octets fmcDigest, Octets runtimeDigest, int fmcSvn, int runtimeSvn, int fuseSvn, int fmcLoadAddress,
        int fmcEntryPoint, int fmcSize, int runtimeLoadAddress, int runtimeEntryPoint, int runtimeSize) {
    public AcceptedImage {
        signaturesVerified = List.copyOf(signaturesVerified);
    }
}
