package org.caliptra.util.soc.fuses;

import java.util.Objects;
import java.util.function.IntUnaryOperator;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.regs.FuseRegisters;
import org.caliptra.util.protocol.regs.FuseRegisters.Name;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.regs.SocIfcRegs;

/**
 * Every fuse a SoC writes into one Caliptra before CPTRA_FUSE_WR_DONE (spec/device.md §1.5): the
 * typed counterpart of libcaliptra's {@code caliptra_fuses}, for one generation. Values are in their
 * natural form — hashes in standard byte order, SVNs as numbers — and {@link #writeTo} and
 * {@link #read} hold the one register encoding (hash words big-endian, SVNs as thermometer bitmaps).
 *
 * <p>The 2.x owner key hash is not a fuse but the CPTRA_OWNER_PK_HASH register; it is carried here
 * because the SoC writes it in the same step. Secrets (UDS seed, field entropy, HEK seed) never
 * appear in {@link #toString()}.
 */
public final class FuseSet {
    private final Generation generation;
    private final Octets udsSeed;
    private final Octets fieldEntropy;
    private final Octets vendorPkHash;
    private final int eccRevocation;
    private final Octets ownerPkHash;
    private final int fmcSvn;
    private final int runtimeSvn;
    private final boolean antiRollbackDisable;
    private final Octets idevidCertAttr;
    private final Octets idevidManufHsmId;
    private final int lifeCycle;
    private final boolean lmsVerify;
    private final int lmsRevocation;
    private final int mldsaRevocation;
    private final int socSteppingId;
    private final Octets manufDebugUnlockToken;
    private final int pqcKeyType;
    private final int socManifestSvn;
    private final int socManifestMaxSvn;
    private final Octets hekSeed;

    private FuseSet(Builder b) {
        this.generation = Objects.requireNonNull(b.generation, "generation");
        boolean v1 = generation == Generation.V1;
        this.udsSeed = Fields.exactly("uds_seed", b.udsSeed, v1 ? 48 : 64);
        this.fieldEntropy = Fields.exactly("field_entropy", b.fieldEntropy, 32);
        this.vendorPkHash = Fields.exactly("vendor_pk_hash", b.vendorPkHash, 48);
        this.ownerPkHash = Fields.exactly("owner_pk_hash", b.ownerPkHash, 48);
        this.idevidCertAttr = Fields.exactly("idevid_cert_attr", b.idevidCertAttr, 96);
        this.idevidManufHsmId = Fields.exactly("idevid_manuf_hsm_id", b.idevidManufHsmId, 16);
        this.manufDebugUnlockToken = Fields.exactly("manuf_dbg_unlock_token", b.manufDebugUnlockToken, 64);
        this.hekSeed = Fields.exactly("hek_seed", b.hekSeed, 32);
        this.eccRevocation = bits("ecc_revocation", b.eccRevocation, 4);
        this.fmcSvn = range("fmc_svn", b.fmcSvn, 32);
        this.runtimeSvn = range("runtime_svn", b.runtimeSvn, 128);
        this.antiRollbackDisable = b.antiRollbackDisable;
        this.lifeCycle = bits("life_cycle", b.lifeCycle, 2);
        this.lmsVerify = b.lmsVerify;
        this.lmsRevocation = b.lmsRevocation;
        this.mldsaRevocation = bits("mldsa_revocation", b.mldsaRevocation, 4);
        this.socSteppingId = bits("soc_stepping_id", b.socSteppingId, 16);
        this.pqcKeyType = bits("pqc_key_type", b.pqcKeyType, 2);
        this.socManifestSvn = range("soc_manifest_svn", b.socManifestSvn, 128);
        this.socManifestMaxSvn = bits("soc_manifest_max_svn", b.socManifestMaxSvn, 8);
        if (v1 && (mldsaRevocation != 0 || pqcKeyType != Builder.DEFAULT_PQC_KEY_TYPE || socManifestSvn != 0
                || socManifestMaxSvn != 0 || !manufDebugUnlockToken.isZero() || !hekSeed.isZero())) {
            throw new IllegalArgumentException("Caliptra 1.x has no ML-DSA revocation, PQC key type, SoC manifest SVN, "
                    + "debug unlock token or HEK seed fuses");
        }
        if (!v1 && (lmsVerify || lifeCycle != 0)) {
            throw new IllegalArgumentException("Caliptra 2.x has no LMS verify or life-cycle fuse");
        }
    }

    public static Builder builder(Generation generation) {
        return new Builder(generation);
    }

    /**
     * The reference hw-model's default fuses: its UDS seed and field entropy (so that a device with
     * these fuses derives the reference's DICE identity), the PQC key type at ML-DSA, the rest zero.
     */
    public static FuseSet defaults(Generation generation) {
        return builder(generation).build();
    }

    /** The fuses that decide an image's fate, as {@code image}'s verifier takes them; the rest at {@link #defaults}. */
    public static FuseSet of(Generation generation, Fuses fuses) {
        var b = builder(generation).vendorPkHash(fuses.vendorPkHash()).ownerPkHash(fuses.ownerPkHash())
                .eccRevocation(fuses.eccRevocation()).lmsRevocation(fuses.lmsRevocation())
                .runtimeSvn(fuses.runtimeSvn()).antiRollbackDisable(fuses.antiRollbackDisable());
        if (generation == Generation.V1) {
            b.lmsVerify(fuses.lmsVerify()).fmcSvn(fuses.fmcSvn());
        } else {
            b.mldsaRevocation(fuses.mldsaRevocation()).pqcKeyType(fuses.pqcKeyType());
        }
        return b.build();
    }

    /** What the boot ROM reads of these fuses, for a part in {@code lifecycle}. */
    public Fuses verifierFuses(Lifecycle lifecycle) {
        return Fuses.builder().lifecycle(lifecycle).vendorPkHash(vendorPkHash).ownerPkHash(ownerPkHash)
                .eccRevocation(eccRevocation).lmsRevocation(lmsRevocation).mldsaRevocation(mldsaRevocation)
                .lmsVerify(lmsVerify).pqcKeyType(pqcKeyType).fmcSvn(fmcSvn).runtimeSvn(runtimeSvn)
                .antiRollbackDisable(antiRollbackDisable).build();
    }

    /**
     * Writes every fuse register (and the 2.x owner key hash register) as caliptra_init_fuses does;
     * not CPTRA_FUSE_WR_DONE, which is the caller's next step.
     */
    public void writeTo(RegisterBus bus) {
        encode((offset, value) -> bus.write32(SocIfcRegs.BASE + offset, value));
    }

    /** Reads the fuses back from register values ({@code offset -> value}, offsets from soc_ifc). */
    public static FuseSet read(Generation generation, IntUnaryOperator register) {
        var r = new Decoder(generation, register);
        boolean v1 = generation == Generation.V1;
        var b = builder(generation)
                .udsSeed(r.bytes(Name.FUSE_UDS_SEED))
                .fieldEntropy(r.bytes(Name.FUSE_FIELD_ENTROPY))
                .vendorPkHash(r.bytes(Name.FUSE_VENDOR_PK_HASH))
                .eccRevocation(r.word(Name.FUSE_ECC_REVOCATION) & 0xF)
                .ownerPkHash(v1 ? r.bytes(Name.FUSE_OWNER_PK_HASH) : r.words(SocIfcRegs.OWNER_PK_HASH, 12))
                .fmcSvn(thermometer(new int[] {r.word(Name.FUSE_FMC_KEY_MANIFEST_SVN)}))
                .runtimeSvn(thermometer(r.wordArray(Name.FUSE_RUNTIME_SVN)))
                .antiRollbackDisable((r.word(Name.FUSE_ANTI_ROLLBACK_DISABLE) & 1) != 0)
                .idevidCertAttr(r.bytes(Name.FUSE_IDEVID_CERT_ATTR))
                .idevidManufHsmId(r.bytes(Name.FUSE_IDEVID_MANUF_HSM_ID))
                .lmsRevocation(r.word(Name.FUSE_LMS_REVOCATION))
                .socSteppingId(r.word(Name.FUSE_SOC_STEPPING_ID) & 0xFFFF);
        if (v1) {
            b.lifeCycle(r.word(Name.FUSE_LIFE_CYCLE) & 3).lmsVerify((r.word(Name.FUSE_LMS_VERIFY) & 1) != 0);
        } else {
            b.mldsaRevocation(r.word(Name.FUSE_MLDSA_REVOCATION) & 0xF)
                    .manufDebugUnlockToken(r.bytes(Name.FUSE_MANUF_DBG_UNLOCK_TOKEN))
                    .pqcKeyType(r.word(Name.FUSE_PQC_KEY_TYPE) & 3)
                    .socManifestSvn(thermometer(r.wordArray(Name.FUSE_SOC_MANIFEST_SVN)))
                    .socManifestMaxSvn(r.word(Name.FUSE_SOC_MANIFEST_MAX_SVN) & 0xFF)
                    .hekSeed(r.bytes(Name.FUSE_HEK_SEED));
        }
        return b.build();
    }

    /** Register writes as {@code (offset from soc_ifc, value)}. */
    @FunctionalInterface
    interface RegisterSink {
        void write(int offset, int value);
    }

    void encode(RegisterSink out) {
        boolean v1 = generation == Generation.V1;
        bytes(out, Name.FUSE_UDS_SEED, udsSeed);
        bytes(out, Name.FUSE_FIELD_ENTROPY, fieldEntropy);
        bytes(out, Name.FUSE_VENDOR_PK_HASH, vendorPkHash);
        word(out, Name.FUSE_ECC_REVOCATION, eccRevocation);
        if (v1) {
            bytes(out, Name.FUSE_OWNER_PK_HASH, ownerPkHash);
        } else {
            words(out, SocIfcRegs.OWNER_PK_HASH, ownerPkHash);
        }
        word(out, Name.FUSE_FMC_KEY_MANIFEST_SVN, thermometerWords(fmcSvn, 1)[0]);
        wordArray(out, Name.FUSE_RUNTIME_SVN, thermometerWords(runtimeSvn, 4));
        word(out, Name.FUSE_ANTI_ROLLBACK_DISABLE, antiRollbackDisable ? 1 : 0);
        bytes(out, Name.FUSE_IDEVID_CERT_ATTR, idevidCertAttr);
        bytes(out, Name.FUSE_IDEVID_MANUF_HSM_ID, idevidManufHsmId);
        word(out, Name.FUSE_LMS_REVOCATION, lmsRevocation);
        word(out, Name.FUSE_SOC_STEPPING_ID, socSteppingId);
        if (v1) {
            word(out, Name.FUSE_LIFE_CYCLE, lifeCycle);
            word(out, Name.FUSE_LMS_VERIFY, lmsVerify ? 1 : 0);
        } else {
            word(out, Name.FUSE_MLDSA_REVOCATION, mldsaRevocation);
            bytes(out, Name.FUSE_MANUF_DBG_UNLOCK_TOKEN, manufDebugUnlockToken);
            word(out, Name.FUSE_PQC_KEY_TYPE, pqcKeyType);
            wordArray(out, Name.FUSE_SOC_MANIFEST_SVN, thermometerWords(socManifestSvn, 4));
            word(out, Name.FUSE_SOC_MANIFEST_MAX_SVN, socManifestMaxSvn);
            bytes(out, Name.FUSE_HEK_SEED, hekSeed);
        }
    }

    private void bytes(RegisterSink out, Name name, Octets value) {
        words(out, FuseRegisters.get(generation, name).offset(), value);
    }

    /** Byte strings are big-endian words: word i = bytes 4i..4i+3 (spec/device.md §1.5). */
    private static void words(RegisterSink out, int offset, Octets value) {
        for (int w = 0; w < value.length() / 4; w++) {
            int v = (value.get(4 * w) & 0xFF) << 24 | (value.get(4 * w + 1) & 0xFF) << 16
                    | (value.get(4 * w + 2) & 0xFF) << 8 | (value.get(4 * w + 3) & 0xFF);
            out.write(offset + 4 * w, v);
        }
    }

    private void word(RegisterSink out, Name name, int value) {
        out.write(FuseRegisters.get(generation, name).offset(), value);
    }

    private void wordArray(RegisterSink out, Name name, int[] values) {
        var fuse = FuseRegisters.get(generation, name);
        for (int i = 0; i < values.length; i++) {
            out.write(fuse.word(i), values[i]);
        }
    }

    /** An SVN as a little-endian bitmap of {@code words} words with its low {@code svn} bits set. */
    static int[] thermometerWords(int svn, int words) {
        int[] out = new int[words];
        for (int w = 0; w < words; w++) {
            int bits = Math.max(0, Math.min(32, svn - 32 * w));
            out[w] = bits == 32 ? -1 : (1 << bits) - 1;
        }
        return out;
    }

    /** The SVN a bitmap encodes: the position of its highest set bit, as the ROM counts it. */
    static int thermometer(int[] words) {
        for (int w = words.length - 1; w >= 0; w--) {
            if (words[w] != 0) {
                return 32 * w + 32 - Integer.numberOfLeadingZeros(words[w]);
            }
        }
        return 0;
    }

    private static final class Decoder {
        private final Generation generation;
        private final IntUnaryOperator register;

        Decoder(Generation generation, IntUnaryOperator register) {
            this.generation = generation;
            this.register = register;
        }

        int word(Name name) {
            return register.applyAsInt(FuseRegisters.get(generation, name).offset());
        }

        int[] wordArray(Name name) {
            var fuse = FuseRegisters.get(generation, name);
            int[] out = new int[fuse.words()];
            for (int i = 0; i < out.length; i++) {
                out[i] = register.applyAsInt(fuse.word(i));
            }
            return out;
        }

        Octets bytes(Name name) {
            var fuse = FuseRegisters.get(generation, name);
            return words(fuse.offset(), fuse.words());
        }

        Octets words(int offset, int count) {
            byte[] out = new byte[4 * count];
            for (int w = 0; w < count; w++) {
                int v = register.applyAsInt(offset + 4 * w);
                out[4 * w] = (byte) (v >>> 24);
                out[4 * w + 1] = (byte) (v >>> 16);
                out[4 * w + 2] = (byte) (v >>> 8);
                out[4 * w + 3] = (byte) v;
            }
            return Octets.of(out);
        }
    }

    public Generation generation() { return generation; }
    public Octets udsSeed() { return udsSeed; }
    public Octets fieldEntropy() { return fieldEntropy; }
    public Octets vendorPkHash() { return vendorPkHash; }
    public int eccRevocation() { return eccRevocation; }
    public Octets ownerPkHash() { return ownerPkHash; }
    public int fmcSvn() { return fmcSvn; }
    public int runtimeSvn() { return runtimeSvn; }
    public boolean antiRollbackDisable() { return antiRollbackDisable; }
    public Octets idevidCertAttr() { return idevidCertAttr; }
    public Octets idevidManufHsmId() { return idevidManufHsmId; }
    public int lifeCycle() { return lifeCycle; }
    public boolean lmsVerify() { return lmsVerify; }
    public int lmsRevocation() { return lmsRevocation; }
    public int mldsaRevocation() { return mldsaRevocation; }
    public int socSteppingId() { return socSteppingId; }
    public Octets manufDebugUnlockToken() { return manufDebugUnlockToken; }
    public int pqcKeyType() { return pqcKeyType; }
    public int socManifestSvn() { return socManifestSvn; }
    public int socManifestMaxSvn() { return socManifestMaxSvn; }
    public Octets hekSeed() { return hekSeed; }

    public Builder toBuilder() {
        return builder(generation).udsSeed(udsSeed).fieldEntropy(fieldEntropy).vendorPkHash(vendorPkHash)
                .eccRevocation(eccRevocation).ownerPkHash(ownerPkHash).fmcSvn(fmcSvn).runtimeSvn(runtimeSvn)
                .antiRollbackDisable(antiRollbackDisable).idevidCertAttr(idevidCertAttr).idevidManufHsmId(idevidManufHsmId)
                .lifeCycle(lifeCycle).lmsVerify(lmsVerify).lmsRevocation(lmsRevocation).mldsaRevocation(mldsaRevocation)
                .socSteppingId(socSteppingId).manufDebugUnlockToken(manufDebugUnlockToken).pqcKeyType(pqcKeyType)
                .socManifestSvn(socManifestSvn).socManifestMaxSvn(socManifestMaxSvn).hekSeed(hekSeed);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FuseSet f)) {
            return false;
        }
        return generation == f.generation && udsSeed.equals(f.udsSeed) && fieldEntropy.equals(f.fieldEntropy)
                && vendorPkHash.equals(f.vendorPkHash) && eccRevocation == f.eccRevocation && ownerPkHash.equals(f.ownerPkHash)
                && fmcSvn == f.fmcSvn && runtimeSvn == f.runtimeSvn && antiRollbackDisable == f.antiRollbackDisable
                && idevidCertAttr.equals(f.idevidCertAttr) && idevidManufHsmId.equals(f.idevidManufHsmId)
                && lifeCycle == f.lifeCycle && lmsVerify == f.lmsVerify && lmsRevocation == f.lmsRevocation
                && mldsaRevocation == f.mldsaRevocation && socSteppingId == f.socSteppingId
                && manufDebugUnlockToken.equals(f.manufDebugUnlockToken) && pqcKeyType == f.pqcKeyType
                && socManifestSvn == f.socManifestSvn && socManifestMaxSvn == f.socManifestMaxSvn && hekSeed.equals(f.hekSeed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(generation, vendorPkHash, ownerPkHash, eccRevocation, runtimeSvn, fmcSvn, lmsRevocation);
    }

    /** The public fuses; the secret seeds are left out. */
    @Override
    public String toString() {
        return "FuseSet[" + generation.label() + ", vendor_pk_hash=" + vendorPkHash.hex() + ", owner_pk_hash=" + ownerPkHash.hex()
                + ", ecc_revocation=" + eccRevocation + ", lms_revocation=" + lmsRevocation + ", mldsa_revocation=" + mldsaRevocation
                + ", lms_verify=" + lmsVerify + ", pqc_key_type=" + pqcKeyType + ", fmc_svn=" + fmcSvn + ", runtime_svn=" + runtimeSvn
                + ", anti_rollback_disable=" + antiRollbackDisable + ", uds_seed/field_entropy/hek_seed=(secret)]";
    }

    private static int bits(String field, int value, int width) {
        if (width < 32 && (value >>> width) != 0) {
            throw new IllegalArgumentException(field + " is a " + width + "-bit fuse, got 0x" + Integer.toHexString(value));
        }
        return value;
    }

    private static int range(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be 0.." + max + ", got " + value);
        }
        return value;
    }

    /**
     * Builds a {@link FuseSet}; every fuse starts as in {@link #defaults}: the UDS seed bytes
     * 0x00, 0x01, … and the field entropy bytes 0x80, 0x81, … of the reference hw-model, the PQC key
     * type at ML-DSA (1), on 2.x the SoC manifest max SVN at 128, everything else zero.
     */
    public static final class Builder {
        static final int DEFAULT_PQC_KEY_TYPE = 1;
        /** The hw-model's default for 2.x (the fuse does not exist on 1.x). */
        static final int DEFAULT_SOC_MANIFEST_MAX_SVN = 128;

        private final Generation generation;
        private Octets udsSeed;
        private Octets fieldEntropy = counting(32, 0x80);
        private Octets vendorPkHash = Octets.zeros(48);
        private int eccRevocation;
        private Octets ownerPkHash = Octets.zeros(48);
        private int fmcSvn;
        private int runtimeSvn;
        private boolean antiRollbackDisable;
        private Octets idevidCertAttr = Octets.zeros(96);
        private Octets idevidManufHsmId = Octets.zeros(16);
        private int lifeCycle;
        private boolean lmsVerify;
        private int lmsRevocation;
        private int mldsaRevocation;
        private int socSteppingId;
        private Octets manufDebugUnlockToken = Octets.zeros(64);
        private int pqcKeyType = DEFAULT_PQC_KEY_TYPE;
        private int socManifestSvn;
        private int socManifestMaxSvn;
        private Octets hekSeed = Octets.zeros(32);

        private Builder(Generation generation) {
            this.generation = Objects.requireNonNull(generation, "generation");
            this.udsSeed = counting(generation == Generation.V1 ? 48 : 64, 0);
            this.socManifestMaxSvn = generation == Generation.V1 ? 0 : DEFAULT_SOC_MANIFEST_MAX_SVN;
        }

        public Builder udsSeed(Octets v) { udsSeed = v; return this; }
        public Builder fieldEntropy(Octets v) { fieldEntropy = v; return this; }
        public Builder vendorPkHash(Octets v) { vendorPkHash = v; return this; }
        public Builder eccRevocation(int v) { eccRevocation = v; return this; }
        public Builder ownerPkHash(Octets v) { ownerPkHash = v; return this; }
        public Builder fmcSvn(int v) { fmcSvn = v; return this; }
        public Builder runtimeSvn(int v) { runtimeSvn = v; return this; }
        public Builder antiRollbackDisable(boolean v) { antiRollbackDisable = v; return this; }
        public Builder idevidCertAttr(Octets v) { idevidCertAttr = v; return this; }
        public Builder idevidManufHsmId(Octets v) { idevidManufHsmId = v; return this; }
        public Builder lifeCycle(int v) { lifeCycle = v; return this; }
        public Builder lmsVerify(boolean v) { lmsVerify = v; return this; }
        public Builder lmsRevocation(int v) { lmsRevocation = v; return this; }
        public Builder mldsaRevocation(int v) { mldsaRevocation = v; return this; }
        public Builder socSteppingId(int v) { socSteppingId = v; return this; }
        public Builder manufDebugUnlockToken(Octets v) { manufDebugUnlockToken = v; return this; }
        public Builder pqcKeyType(int v) { pqcKeyType = v; return this; }
        public Builder socManifestSvn(int v) { socManifestSvn = v; return this; }
        public Builder socManifestMaxSvn(int v) { socManifestMaxSvn = v; return this; }
        public Builder hekSeed(Octets v) { hekSeed = v; return this; }

        private static Octets counting(int length, int first) {
            byte[] b = new byte[length];
            for (int i = 0; i < length; i++) {
                b[i] = (byte) (first + i);
            }
            return Octets.of(b);
        }

        public FuseSet build() {
            return new FuseSet(this);
        }
    }
}
