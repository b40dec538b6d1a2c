package org.caliptra.util.image.soc;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.bundle.ManifestV1;
import org.caliptra.util.image.bundle.ManifestV2;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.verify.AcceptedImage;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;

/**
 * What the runtime trusts after the ROM accepted a firmware bundle: the bundle's active vendor keys
 * and its owner keys (the next links of the chain fuse → FW keys → manifest keys → images), its
 * PQC algorithm, and the fuses.
 *
 * @param pqcKeyType LMS or ML-DSA; null when a 1.x part verifies ECDSA only (LMS fuse off)
 */
public record FirmwareTrust(Generation generation, PqcKeyType pqcKeyType, Fuses fuses, EccPublicKey vendorEccKey,
        Octets vendorPqcKey, EccPublicKey ownerEccKey, Octets ownerPqcKey) {

    /** The trust an accepted bundle establishes. */
    public static FirmwareTrust of(FwBundle bundle, AcceptedImage accepted, Fuses fuses) {
        if (bundle instanceof FwBundle.V1 v1) {
            ManifestV1 m = v1.manifest();
            return new FirmwareTrust(Generation.V1, fuses.lmsVerify() ? PqcKeyType.LMS : null, fuses,
                    m.vendorEccKeys().get(accepted.vendorEccKeyIndex()),
                    Octets.of(m.vendorLmsKeys().get(Math.max(0, m.vendorLmsKeyIndex()) & 31).toBytes()),
                    m.ownerEccKey(), Octets.of(m.ownerLmsKey().toBytes()));
        }
        ManifestV2 m = ((FwBundle.V2) bundle).manifest();
        PqcKeyType type = accepted.pqcKeyType();
        return new FirmwareTrust(Generation.V2, type, fuses, m.vendorEccKey(), m.vendorPqcKey().slice(0, type.publicKeySize()),
                m.ownerEccKey(), m.ownerPqcKey().slice(0, type.publicKeySize()));
    }
}
