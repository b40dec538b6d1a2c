package org.caliptra.util.image.verify;

import org.caliptra.util.protocol.regs.Lifecycle;

import org.caliptra.util.protocol.Generation;

import static org.caliptra.util.image.build.BundleLab.Mode.V1_ECC_LMS;
import static org.caliptra.util.image.build.BundleLab.Mode.V1_ECC_ONLY;
import static org.caliptra.util.image.build.BundleLab.Mode.V2_LMS;
import static org.caliptra.util.image.build.BundleLab.Mode.V2_MLDSA;
import static org.caliptra.util.image.build.BundleLab.putU32;
import static org.caliptra.util.image.build.BundleLab.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.build.BundleLab;
import org.caliptra.util.image.build.BundleLab.Mode;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every error of spec/formats.md §2.3 that bundle bytes or fuses can trigger, for 1.x (ECC+LMS,
 * ECC only) and 2.x (LMS, ML-DSA-87). Each case mutates a freshly built, accepted bundle at the
 * spec's raw offsets (re-signing where later checks must be reached) and expects the exact error
 * name and code written out here, independently of the verifier's own table.
 */
class RomVerifierErrorCodesTest {
    private static final Set<Mode> ALL = EnumSet.allOf(Mode.class);
    private static final Set<Mode> V1 = EnumSet.of(V1_ECC_LMS, V1_ECC_ONLY);
    private static final Set<Mode> V2 = EnumSet.of(V2_LMS, V2_MLDSA);
    private static final Set<Mode> LMS = EnumSet.of(V1_ECC_LMS, V2_LMS);
    private static final Set<Mode> PQC = EnumSet.of(V1_ECC_LMS, V2_LMS, V2_MLDSA);
    private static final Map<Mode, BundleLab> LABS = new EnumMap<>(Mode.class);
    private static final Map<Mode, byte[]> BASELINE = new EnumMap<>(Mode.class);

    private static synchronized BundleLab lab(Mode mode) {
        return LABS.computeIfAbsent(mode, BundleLab::new);
    }

    private static synchronized byte[] baseline(Mode mode) {
        return BASELINE.computeIfAbsent(mode, m -> lab(m).build()).clone();
    }

    record Input(byte[] bytes, Fuses fuses) {}

    interface Mutation {
        Input apply(BundleLab lab, byte[] bundle, Fuses fuses);
    }

    record Case(String v1Name, int v1Code, String v2Name, int v2Code, Set<Mode> modes, Mutation mutation) {}

    private static final List<Case> CASES = new ArrayList<>();

    private static void add(String name, int code, Set<Mode> modes, Mutation m) {
        CASES.add(new Case(name, code, name, code, modes, m));
    }

    private static void add(String v1Name, int v1Code, String v2Name, int v2Code, Set<Mode> modes, Mutation m) {
        CASES.add(new Case(v1Name, v1Code, v2Name, v2Code, modes, m));
    }

    // ---- offsets of spec/formats.md §1.1 / §1.2 ----------------------------------------------
    static int vendorEccKey(BundleLab l) { return l.v2() ? 0x06D8 : 0x0008 + BundleLab.VENDOR_ECC_INDEX * 96; }
    static int vendorEccIdx(BundleLab l) { return l.v2() ? 0x06D4 : 0x0788; }
    static int vendorPqcIdx(BundleLab l) { return l.v2() ? 0x0738 : 0x078C; }
    static int vendorEccSig(BundleLab l) { return l.v2() ? 0x115C : 0x0790; }
    static int vendorPqcSig(BundleLab l) { return l.v2() ? 0x11BC : 0x07F0; }
    static int vendorPqcKey(BundleLab l) { return l.v2() ? 0x073C : 0x0188 + BundleLab.VENDOR_PQC_INDEX * 48; }
    static int ownerEccKey(BundleLab l) { return l.v2() ? 0x23D0 : 0x0E44; }
    static int ownerEccSig(BundleLab l) { return l.v2() ? 0x2E50 : 0x0ED4; }
    static int ownerPqcKey(BundleLab l) { return l.v2() ? 0x2430 : 0x0EA4; }
    static int ownerPqcSig(BundleLab l) { return l.v2() ? 0x2EB0 : 0x0F34; }

    static Input resigned(BundleLab l, byte[] b) {
        l.resign(b);
        return new Input(b, l.fusesFor(b));
    }

    static Input tocChange(BundleLab l, byte[] b, int entry, int field, int value) {
        putU32(b, entry + field, value);
        return resigned(l, b);
    }

    static void writeOffCurve(byte[] b, int off) {
        BundleLab.offCurveKey().writeHw(b, off);
    }

    static {
        add("FW_PROC_INVALID_IMAGE_SIZE", 0x01020002, ALL, (l, b, f) -> new Input(new byte[0], f));
        add("FW_PROC_INVALID_IMAGE_SIZE", 0x01020002, ALL,
                (l, b, f) -> new Input(Arrays.copyOf(b, (l.v2() ? 256 : 128) * 1024 + 1), f));
        add("FW_PROC_MANIFEST_READ_FAILURE", 0x01020001, ALL, (l, b, f) -> new Input(Arrays.copyOf(b, 100), f));
        String p = "IMAGE_VERIFIER_ERR_";
        add(p + "MANIFEST_MARKER_MISMATCH", 0x000B0001, ALL, (l, b, f) -> { b[3] ^= 1; return new Input(b, f); });
        add(p + "MANIFEST_SIZE_MISMATCH", 0x000B0002, ALL, (l, b, f) -> { putU32(b, 4, u32(b, 4) + 1); return new Input(b, f); });
        add(p + "PQC_KEY_TYPE_INVALID", 0x000B0049, V2, (l, b, f) -> { b[8] = 2; return new Input(b, f); });
        add(p + "INVALID_PQC_KEY_TYPE_IN_FUSE", 0x000B005B, V2, (l, b, f) -> new Input(b, f.toBuilder().pqcKeyType(2).build()));
        add(p + "PQC_KEY_TYPE_MISMATCH", 0x000B005C, V2, (l, b, f) -> new Input(b, f.toBuilder()
                .pqcKeyType(l.mode == V2_LMS ? PqcKeyType.MLDSA : PqcKeyType.LMS).build()));
        add(p + "VENDOR_PUB_KEY_DIGEST_INVALID", 0x000B0003, ALL,
                (l, b, f) -> new Input(b, f.toBuilder().vendorPkHash(Octets.zeros(48)).build()));
        add(p + "ECC_KEY_DESCRIPTOR_VERSION_MISMATCH", 0x000B0042, V2, (l, b, f) -> { b[0x0C] = 2; return new Input(b, l.fusesFor(b)); });
        add(p + "ECC_KEY_DESCRIPTOR_INVALID_HASH_COUNT", 0x000B0047, V2, (l, b, f) -> { b[0x0F] = 0; return new Input(b, l.fusesFor(b)); });
        add(p + "ECC_KEY_DESCRIPTOR_HASH_COUNT_GT_MAX", 0x000B0043, V2, (l, b, f) -> { b[0x0F] = 5; return new Input(b, l.fusesFor(b)); });
        add(p + "PQC_KEY_DESCRIPTOR_VERSION_MISMATCH", 0x000B0044, V2, (l, b, f) -> { b[0xD0] = 3; return new Input(b, l.fusesFor(b)); });
        add(p + "PQC_KEY_DESCRIPTOR_TYPE_MISMATCH", 0x000B0045, V2, (l, b, f) -> { b[0xD2] ^= 2; return new Input(b, l.fusesFor(b)); });
        add(p + "PQC_KEY_DESCRIPTOR_INVALID_HASH_COUNT", 0x000B0048, V2, (l, b, f) -> { b[0xD3] = 0; return new Input(b, l.fusesFor(b)); });
        add(p + "PQC_KEY_DESCRIPTOR_HASH_COUNT_GT_MAX", 0x000B0046, V2,
                (l, b, f) -> { b[0xD3] = (byte) (l.mode == V2_LMS ? 33 : 5); return new Input(b, l.fusesFor(b)); });
        add(p + "VENDOR_PUB_KEY_DIGEST_MISMATCH", 0x000B0005, ALL, (l, b, f) -> {
            b[l.v2() ? 0x0C + 4 + 3 * 48 : 0x0008 + 3 * 96] ^= 1; // an inactive key slot
            return new Input(b, f);
        });
        add(p + "VENDOR_ECC_PUB_KEY_DIGEST_MISMATCH", 0x000B0059, V2, (l, b, f) -> {
            b[vendorEccKey(l) + 10] ^= 1;
            return new Input(b, l.fusesFor(b));
        });
        add(p + "VENDOR_PQC_PUB_KEY_DIGEST_MISMATCH", 0x000B005A, V2, (l, b, f) -> {
            b[vendorPqcKey(l) + 20] ^= 1;
            return new Input(b, l.fusesFor(b));
        });
        add(p + "OWNER_PUB_KEY_DIGEST_MISMATCH", 0x000B0007, ALL, (l, b, f) -> {
            byte[] wrong = f.ownerPkHash().toByteArray();
            wrong[0] ^= 1;
            return new Input(b, f.toBuilder().ownerPkHash(Octets.of(wrong)).build());
        });
        add(p + "VENDOR_ECC_PUB_KEY_INDEX_OUT_OF_BOUNDS", 0x000B0008, ALL, (l, b, f) -> {
            putU32(b, vendorEccIdx(l), 4);
            return new Input(b, f);
        });
        add(p + "VENDOR_ECC_PUB_KEY_REVOKED", 0x000B0009, ALL,
                (l, b, f) -> new Input(b, f.toBuilder().eccRevocation(1 << BundleLab.VENDOR_ECC_INDEX).build()));
        add(p + "VENDOR_LMS_PUB_KEY_INDEX_OUT_OF_BOUNDS", 0x000B0032, p + "VENDOR_PQC_PUB_KEY_INDEX_OUT_OF_BOUNDS", 0x000B0032, PQC,
                (l, b, f) -> { putU32(b, vendorPqcIdx(l), l.v2() ? l.vendorPqcIndex() + 40 : 32); return new Input(b, f); });
        add(p + "VENDOR_LMS_PUB_KEY_REVOKED", 0x00B0003A, p + "VENDOR_PQC_PUB_KEY_REVOKED", 0x000B003A, PQC, (l, b, f) ->
                new Input(b, l.mode == V2_MLDSA ? f.toBuilder().mldsaRevocation(1).build()
                        : f.toBuilder().lmsRevocation(1 << BundleLab.VENDOR_PQC_INDEX).build()));
        add(p + "VENDOR_PUB_KEY_DIGEST_INVALID_ARG", 0x000B001B, p + "VENDOR_ECC_PUB_KEY_INVALID_ARG", 0x000B001B, ALL, (l, b, f) -> {
            Arrays.fill(b, vendorEccKey(l), vendorEccKey(l) + 48, (byte) 0);
            if (l.v2()) {
                l.refreshActiveKeyHashes(b);
            }
            return new Input(b, l.fusesFor(b));
        });
        add(p + "VENDOR_ECC_SIGNATURE_INVALID_ARG", 0x000B001C, ALL, (l, b, f) -> {
            Arrays.fill(b, vendorEccSig(l), vendorEccSig(l) + 48, (byte) 0);
            return new Input(b, f);
        });
        add(p + "VENDOR_ECC_VERIFY_FAILURE", 0x000B000B, ALL, (l, b, f) -> {
            writeOffCurve(b, vendorEccKey(l));
            if (l.v2()) {
                l.refreshActiveKeyHashes(b);
            }
            return new Input(b, l.fusesFor(b));
        });
        add(p + "VENDOR_ECC_SIGNATURE_INVALID", 0x000B000C, ALL, (l, b, f) -> { b[vendorEccSig(l) + 60] ^= 1; return new Input(b, f); });
        add(p + "LMS_VENDOR_PUB_KEY_INVALID", 0x000B004A, EnumSet.of(V2_LMS), (l, b, f) -> {
            b[vendorPqcKey(l) + 3] = 13;
            return new Input(b, f.toBuilder().lifecycle(Lifecycle.UNPROVISIONED).build());
        });
        add(p + "LMS_VENDOR_SIG_INVALID", 0x000B004B, EnumSet.of(V2_LMS), (l, b, f) -> {
            b[vendorPqcSig(l) + 7] = 8;
            return new Input(b, f);
        });
        add(p + "VENDOR_LMS_VERIFY_FAILURE", 0x000B0031, LMS, (l, b, f) -> { b[vendorPqcSig(l)] = (byte) 0x80; return new Input(b, f); });
        add(p + "VENDOR_LMS_SIGNATURE_INVALID", 0x000B0033, LMS, (l, b, f) -> { b[vendorPqcSig(l) + 1500] ^= 1; return new Input(b, f); });
        add(p + "VENDOR_MLDSA_SIGNATURE_INVALID", 0x000B0055, EnumSet.of(V2_MLDSA),
                (l, b, f) -> { b[vendorPqcSig(l) + 100] ^= 1; return new Input(b, f); });
        add(p + "VENDOR_ECC_PUB_KEY_INDEX_MISMATCH", 0x000B000D, ALL, (l, b, f) -> {
            putU32(b, l.header() + 8, BundleLab.VENDOR_ECC_INDEX + 1);
            return resigned(l, b);
        });
        add(p + "VENDOR_LMS_PUB_KEY_INDEX_MISMATCH", 0x000B0030, p + "VENDOR_PQC_PUB_KEY_INDEX_MISMATCH", 0x000B0030, PQC, (l, b, f) -> {
            putU32(b, l.header() + 12, l.vendorPqcIndex() + 1);
            return resigned(l, b);
        });
        add(p + "OWNER_ECC_PUB_KEY_INVALID_ARG", 0x000B0019, ALL, (l, b, f) -> {
            Arrays.fill(b, ownerEccKey(l) + 48, ownerEccKey(l) + 96, (byte) 0);
            return new Input(b, l.fusesFor(b));
        });
        add(p + "OWNER_ECC_SIGNATURE_INVALID_ARG", 0x000B001A, ALL, (l, b, f) -> {
            Arrays.fill(b, ownerEccSig(l) + 48, ownerEccSig(l) + 96, (byte) 0);
            return new Input(b, f);
        });
        add(p + "OWNER_ECC_VERIFY_FAILURE", 0x000B000E, ALL, (l, b, f) -> {
            writeOffCurve(b, ownerEccKey(l));
            return new Input(b, l.fusesFor(b));
        });
        add(p + "OWNER_ECC_SIGNATURE_INVALID", 0x000B000F, ALL, (l, b, f) -> { b[ownerEccSig(l) + 5] ^= 1; return new Input(b, f); });
        add(p + "LMS_OWNER_PUB_KEY_INVALID", 0x000B004C, EnumSet.of(V2_LMS), (l, b, f) -> {
            b[ownerPqcKey(l) + 7] = 4;
            return new Input(b, l.fusesFor(b));
        });
        add(p + "LMS_OWNER_SIG_INVALID", 0x000B004D, EnumSet.of(V2_LMS), (l, b, f) -> {
            b[ownerPqcSig(l) + 1256 + 3] = 5;
            return new Input(b, f);
        });
        add(p + "OWNER_LMS_VERIFY_FAILURE", 0x000B0036, LMS, (l, b, f) -> { b[ownerPqcSig(l) + 2] = (byte) 0xFF; return new Input(b, f); });
        add(p + "OWNER_LMS_SIGNATURE_INVALID", 0x000B0038, LMS, (l, b, f) -> { b[ownerPqcSig(l) + 40] ^= 1; return new Input(b, f); });
        add(p + "OWNER_MLDSA_SIGNATURE_INVALID", 0x000B0057, EnumSet.of(V2_MLDSA),
                (l, b, f) -> { b[ownerPqcSig(l) + 7] ^= 1; return new Input(b, f); });
        add(p + "TOC_ENTRY_COUNT_INVALID", 0x000B0010, ALL, (l, b, f) -> { putU32(b, l.header() + 20, 3); return resigned(l, b); });
        add(p + "TOC_DIGEST_MISMATCH", 0x000B0012, ALL, (l, b, f) -> { putU32(b, l.fmcToc() + 28, 7); return new Input(b, f); });
        add(p + "FMC_SIZE_ZERO", 0x000B003B, ALL, (l, b, f) -> tocChange(l, b, l.fmcToc(), 52, 0));
        add(p + "RUNTIME_SIZE_ZERO", 0x000B003C, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 52, 0));
        add(p + "IMAGE_LEN_MORE_THAN_BUNDLE_SIZE", 0x000B002F, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 52, u32(b, l.rtToc() + 52) + 300));
        add(p + "TOC_ENTRY_RANGE_ARITHMETIC_OVERFLOW", 0x000B0040, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 48, 0xFFFF_FF00));
        add(p + "FMC_RUNTIME_OVERLAP", 0x000B0017, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 48, u32(b, l.fmcToc() + 48) + 8));
        add(p + "FMC_RUNTIME_INCORRECT_ORDER", 0x000B0018, ALL, (l, b, f) -> {
            putU32(b, l.rtToc() + 52, 100); // runtime [0, 100) lies before the FMC, without overlapping it
            return tocChange(l, b, l.rtToc(), 48, 0);
        });
        add(p + "FMC_LOAD_ADDRESS_IMAGE_SIZE_ARITHMETIC_OVERFLOW", 0x000B003E, ALL, (l, b, f) -> tocChange(l, b, l.fmcToc(), 40, 0xFFFF_FF00));
        add(p + "RUNTIME_LOAD_ADDRESS_IMAGE_SIZE_ARITHMETIC_OVERFLOW", 0x000B003F, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 40, 0xFFFF_FF00));
        add(p + "FMC_RUNTIME_LOAD_ADDR_OVERLAP", 0x000B0034, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 40, BundleLab.FMC_LOAD + 16));
        add(p + "FMC_DIGEST_FAILURE", 0x000B0013, ALL, (l, b, f) -> {
            putU32(b, l.rtToc() + 48, b.length + u32(b, l.fmcToc() + 52) + 64);
            return tocChange(l, b, l.fmcToc(), 48, b.length + 32);
        });
        add(p + "FMC_DIGEST_MISMATCH", 0x000B0014, ALL, (l, b, f) -> { b[l.manifestSize() + 10] ^= 1; return new Input(b, f); });
        add(p + "FMC_LOAD_ADDR_INVALID", 0x000B0021, ALL, (l, b, f) -> tocChange(l, b, l.fmcToc(), 40, 0x3FFF_0000));
        add(p + "FMC_LOAD_ADDR_UNALIGNED", 0x000B0022, ALL, (l, b, f) -> tocChange(l, b, l.fmcToc(), 40, BundleLab.FMC_LOAD + 2));
        add(p + "FMC_ENTRY_POINT_INVALID", 0x000B0023, ALL, (l, b, f) -> tocChange(l, b, l.fmcToc(), 44, 0x5000_0000));
        add(p + "FMC_ENTRY_POINT_UNALIGNED", 0x000B0024, ALL, (l, b, f) -> tocChange(l, b, l.fmcToc(), 44, BundleLab.FMC_LOAD + 0x102));
        add(p + "FMC_SVN_GREATER_THAN_MAX_SUPPORTED", 0x000B0025, V1, (l, b, f) -> tocChange(l, b, l.fmcToc(), 32, 33));
        add(p + "FMC_SVN_LESS_THAN_FUSE", 0x000B0027, V1, (l, b, f) -> new Input(b, f.toBuilder().fmcSvn(1).build()));
        add(p + "RUNTIME_DIGEST_FAILURE", 0x000B0015, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 48, b.length - 8));
        add(p + "RUNTIME_DIGEST_MISMATCH", 0x000B0016, ALL, (l, b, f) -> {
            b[l.manifestSize() + l.fmc.length + 5] ^= 1;
            return new Input(b, f);
        });
        add(p + "RUNTIME_LOAD_ADDR_INVALID", 0x000B0028, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 40, 0x5000_0000));
        add(p + "RUNTIME_LOAD_ADDR_UNALIGNED", 0x000B0029, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 40, BundleLab.RT_LOAD + 1));
        add(p + "RUNTIME_ENTRY_POINT_INVALID", 0x000B002A, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 44, 0x1000));
        add(p + "RUNTIME_ENTRY_POINT_UNALIGNED", 0x000B002B, ALL, (l, b, f) -> tocChange(l, b, l.rtToc(), 44, BundleLab.RT_LOAD + 3));
        add(p + "RUNTIME_SVN_GREATER_THAN_MAX_SUPPORTED", 0x000B002C, p + "FIRMWARE_SVN_GREATER_THAN_MAX_SUPPORTED", 0x000B002C, ALL,
                (l, b, f) -> l.v2() ? headerSvn(l, b, 129) : tocChange(l, b, l.rtToc(), 32, 129));
        add(p + "RUNTIME_SVN_LESS_THAN_FUSE", 0x000B002E, p + "FIRMWARE_SVN_LESS_THAN_FUSE", 0x000B002E, ALL,
                (l, b, f) -> new Input(b, f.toBuilder().runtimeSvn(l.v2() ? 4 : 1).build()));
    }

    static Input headerSvn(BundleLab l, byte[] b, int svn) {
        putU32(b, l.header() + 76, svn);
        return resigned(l, b);
    }

    @TestFactory
    Stream<DynamicTest> everyCodeInEveryMode() {
        var tests = new ArrayList<DynamicTest>();
        for (Case c : CASES) {
            for (Mode mode : c.modes()) {
                boolean v2 = mode == V2_LMS || mode == V2_MLDSA;
                String name = v2 ? c.v2Name() : c.v1Name();
                int code = v2 ? c.v2Code() : c.v1Code();
                tests.add(dynamicTest(mode + " " + name, () -> {
                    var lab = lab(mode);
                    byte[] bytes = baseline(mode);
                    var input = c.mutation().apply(lab, bytes, lab.fusesFor(baseline(mode)));
                    var result = RomVerifier.verify(input.bytes(), input.fuses(),
                            v2 ? Generation.V2 : Generation.V1);
                    var rejected = assertInstanceOf(VerificationResult.Rejected.class, result, () -> "accepted: " + result);
                    assertEquals(name, rejected.rejection().name(), rejected.rejection().toString());
                    assertEquals(code, rejected.rejection().code(), rejected.rejection().toString());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> baselineBundlesAreAccepted() {
        return ALL.stream().map(mode -> dynamicTest(mode.toString(), () -> {
            byte[] b = baseline(mode);
            var result = RomVerifier.verify(b, lab(mode).fusesFor(b));
            var accepted = assertInstanceOf(VerificationResult.Accepted.class, result, result::toString).image();
            int expectedSignatures = mode == V1_ECC_ONLY ? 2 : 4;
            assertEquals(expectedSignatures, accepted.signaturesVerified().size(), accepted.signaturesVerified().toString());
        }));
    }

    @Test
    void unprovisionedSkipsKeyHashesAndSvnButStillChecksSignatures() {
        var lab = lab(V2_LMS);
        byte[] b = baseline(V2_LMS);
        var fuses = Fuses.builder().lifecycle(Lifecycle.UNPROVISIONED).pqcKeyType(7).runtimeSvn(100).build();
        assertInstanceOf(VerificationResult.Accepted.class, RomVerifier.verify(b, fuses));
        b[vendorEccSig(lab) + 60] ^= 1;
        var rejected = assertInstanceOf(VerificationResult.Rejected.class, RomVerifier.verify(b, fuses));
        assertEquals(0x000B000C, rejected.rejection().code());
    }

    @Test
    void theLastKeyIsNeverRevocableAndAntiRollbackDisableSkipsSvn() {
        var lab = lab(V1_ECC_LMS);
        byte[] b = baseline(V1_ECC_LMS);
        var fuses = lab.fusesFor(b).toBuilder().eccRevocation(0b1101).lmsRevocation(~(1 << BundleLab.VENDOR_PQC_INDEX))
                .fmcSvn(32).runtimeSvn(128).antiRollbackDisable(true).build();
        var accepted = assertInstanceOf(VerificationResult.Accepted.class, RomVerifier.verify(b, fuses));
        assertEquals(0, accepted.image().fuseSvn());
    }
}
