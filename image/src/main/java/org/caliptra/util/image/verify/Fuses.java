package org.caliptra.util.image.verify;

import org.caliptra.util.protocol.regs.Lifecycle;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.bundle.PqcKeyType;

/**
 * The fuse values and lifecycle that decide whether the boot ROM accepts an image
 * (spec/formats.md §2). SVNs are given as numbers; on silicon they are thermometer bitmaps.
 *
 * @param vendorPkHash FUSE_KEY_MANIFEST_PK_HASH (1.x) / FUSE_VENDOR_PK_HASH (2.x), standard byte order
 * @param ownerPkHash FUSE_OWNER_PK_HASH (1.x) / CPTRA_OWNER_PK_HASH (2.x); zero accepts any owner key
 * @param eccRevocation 4 bits: bit i revokes vendor ECC key i (the last key is never revocable)
 * @param lmsRevocation 32 bits for vendor LMS keys
 * @param mldsaRevocation 4 bits for vendor ML-DSA keys (2.x)
 * @param lmsVerify FUSE_LMS_VERIFY (1.x): also check LMS signatures
 * @param pqcKeyType FUSE_PQC_KEY_TYPE value (2.x): 1 ML-DSA, 3 LMS, anything else is invalid
 * @param fmcSvn the FMC SVN the fuses hold (1.x)
 * @param runtimeSvn the runtime (1.x) / firmware (2.x) SVN the fuses hold
 */
public record Fuses(Lifecycle lifecycle, Octets vendorPkHash, Octets ownerPkHash, int eccRevocation, int lmsRevocation,
        int mldsaRevocation, boolean lmsVerify, int pqcKeyType, int fmcSvn, int runtimeSvn, boolean antiRollbackDisable) {

    public Fuses {
        Objects.requireNonNull(lifecycle, "lifecycle");
        if (vendorPkHash.length() != 48 || ownerPkHash.length() != 48) {
            throw new IllegalArgumentException("key hash fuses are 48 bytes (SHA-384)");
        }
        if (fmcSvn < 0 || fmcSvn > 32) {
            throw new IllegalArgumentException("FMC SVN fuse must be 0..32, got " + fmcSvn);
        }
        if (runtimeSvn < 0 || runtimeSvn > 128) {
            throw new IllegalArgumentException("runtime/firmware SVN fuse must be 0..128, got " + runtimeSvn);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().lifecycle(lifecycle).vendorPkHash(vendorPkHash).ownerPkHash(ownerPkHash)
                .eccRevocation(eccRevocation).lmsRevocation(lmsRevocation).mldsaRevocation(mldsaRevocation)
                .lmsVerify(lmsVerify).pqcKeyType(pqcKeyType).fmcSvn(fmcSvn).runtimeSvn(runtimeSvn)
                .antiRollbackDisable(antiRollbackDisable);
    }

    /** Defaults: production lifecycle, every fuse zero, PQC type fuse ML-DSA (libcaliptra's default 1). */
    public static final class Builder {
        private Lifecycle lifecycle = Lifecycle.PRODUCTION;
        private Octets vendorPkHash = Octets.zeros(48);
        private Octets ownerPkHash = Octets.zeros(48);
        private int eccRevocation;
        private int lmsRevocation;
        private int mldsaRevocation;
        private boolean lmsVerify;
        private int pqcKeyType = PqcKeyType.MLDSA.value();
        private int fmcSvn;
        private int runtimeSvn;
        private boolean antiRollbackDisable;

        public Builder lifecycle(Lifecycle v) { lifecycle = v; return this; }
        public Builder vendorPkHash(Octets v) { vendorPkHash = v; return this; }
        public Builder ownerPkHash(Octets v) { ownerPkHash = v; return this; }
        public Builder eccRevocation(int v) { eccRevocation = v; return this; }
        public Builder lmsRevocation(int v) { lmsRevocation = v; return this; }
        public Builder mldsaRevocation(int v) { mldsaRevocation = v; return this; }
        public Builder lmsVerify(boolean v) { lmsVerify = v; return this; }
        public Builder pqcKeyType(int v) { pqcKeyType = v; return this; }
        public Builder pqcKeyType(PqcKeyType v) { pqcKeyType = v.value(); return this; }
        public Builder fmcSvn(int v) { fmcSvn = v; return this; }
        public Builder runtimeSvn(int v) { runtimeSvn = v; return this; }
        public Builder antiRollbackDisable(boolean v) { antiRollbackDisable = v; return this; }

        public Fuses build() {
            return new Fuses(lifecycle, vendorPkHash, ownerPkHash, eccRevocation, lmsRevocation, mldsaRevocation,
                    lmsVerify, pqcKeyType, fmcSvn, runtimeSvn, antiRollbackDisable);
        }
    }
}
