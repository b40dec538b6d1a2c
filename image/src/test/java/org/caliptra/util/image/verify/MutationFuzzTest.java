package org.caliptra.util.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.testsupport.SharedTestData;
import org.caliptra.util.image.build.BundleLab;
import org.caliptra.util.image.bundle.FwBundle;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation testing: thousands of truncated, extended and byte-flipped bundles. The
 * verifier must always answer with a verdict and the parser with a bundle or a typed format
 * error; nothing else may escape.
 */
class MutationFuzzTest {
    private static final long SEED = 0xCA11_7A5EL;

    enum Kind { TRUNCATED, EXTENDED, FLIPPED }

    /** Byte ranges [from, to) that no check covers for a given bundle mode: flips there may pass. */
    static int[][] unverified(BundleLab.Mode mode, int length) {
        return switch (mode) {
            case V1_ECC_LMS -> new int[][] {{0x1588, 0x1590}};
            case V1_ECC_ONLY -> new int[][] {{0x07F0, 0x0E44}, {0x0F34, 0x1590}};
            case V2_LMS -> new int[][] {{0x0009, 0x000C}, {0x073C + 48, 0x115C}, {0x11BC + 1620, 0x23D0},
                {0x2EB0 + 1620, 0x40CC}, {16956 + 4000 + 9000, length}};
            case V2_MLDSA -> new int[][] {{0x0009, 0x000C}, {0x11BC + 4627, 0x11BC + 4628}, {0x2EB0 + 4627, 0x40CC},
                {16956 + 4000 + 9000, length}};
        };
    }

    record Outcome(int[] seen, int[] rejected) {
        double rejectedShare(Kind k) {
            return seen[k.ordinal()] == 0 ? 1.0 : (double) rejected[k.ordinal()] / seen[k.ordinal()];
        }
    }

    static Outcome exercise(byte[] original, int imageEnd, Fuses fuses, int rounds, long seed, int[][] unverified) {
        var r = new Random(seed);
        int[] seen = new int[3];
        int[] rejected = new int[3];
        for (int i = 0; i < rounds; i++) {
            Kind kind = Kind.values()[Math.min(2, r.nextInt(4))];
            byte[] input = switch (kind) {
                case TRUNCATED -> Arrays.copyOf(original, r.nextInt(imageEnd)); // cut into the images
                case EXTENDED -> {
                    byte[] longer = Arrays.copyOf(original, original.length + 1 + r.nextInt(4096));
                    for (int j = original.length; j < longer.length; j++) {
                        longer[j] = (byte) r.nextInt();
                    }
                    yield longer;
                }
                case FLIPPED -> {
                    byte[] flipped = original.clone();
                    int flips = 1 + r.nextInt(8);
                    for (int j = 0; j < flips; j++) {
                        // bias towards the manifest, where the interesting fields are
                        int at = r.nextInt(4) == 0 ? r.nextInt(flipped.length) : r.nextInt(Math.min(flipped.length, 17000));
                        flipped[at] ^= (byte) (1 + r.nextInt(255));
                    }
                    yield flipped;
                }
            };
            boolean onlyUnverified = kind == Kind.FLIPPED && differsOnlyWithin(original, input, unverified);
            seen[kind.ordinal()]++;
            try {
                boolean accepted = RomVerifier.verify(input, fuses).accepted();
                if (!accepted) {
                    rejected[kind.ordinal()]++;
                } else if (kind == Kind.FLIPPED && !onlyUnverified) {
                    fail("round " + i + " (seed " + seed + "): a flip in a verified byte was accepted");
                }
                FwBundle.parse(input, "fuzz");
            } catch (ImageFormatException expected) {
                // the one failure the parser may report
            } catch (RuntimeException | Error e) {
                fail("round " + i + " (seed " + seed + ", " + kind + ") escaped with " + e, e);
            }
        }
        return new Outcome(seen, rejected);
    }

    static boolean differsOnlyWithin(byte[] a, byte[] b, int[][] ranges) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                boolean inside = false;
                for (int[] range : ranges) {
                    inside |= i >= range[0] && i < range[1];
                }
                if (!inside) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Trailing bytes are outside every digest, so the ROM accepts them; a truncation always loses
     * image bytes; a flip is accepted only where no check looks (asserted per round above).
     */
    static void assertOutcome(String what, Outcome o) {
        assertEquals(1.0, o.rejectedShare(Kind.TRUNCATED), what + ": every truncation loses image bytes");
        assertEquals(0.0, o.rejectedShare(Kind.EXTENDED), what + ": trailing bytes are not covered by any check");
    }

    @Test
    void realBundleMutations() {
        byte[] real = SharedTestData.read(SharedTestData.prebuilt("caliptra-fw.bin"));
        var fuses = Fuses.builder().lmsVerify(true)
                .vendorPkHash(org.caliptra.util.protocol.Octets.fromHex(
                        "428d18b0b49192c0163b4e0b2e231d20eef3ae37f8046c09a31911e3f6875a9a287342c58c7f8d68b69fafe1dd27b2dc"))
                .build();
        assertOutcome("caliptra-fw.bin", exercise(real, real.length, fuses, 2000, SEED, new int[][] {{0x1588, 0x1590}}));
    }

    @Test
    void builtBundleMutationsInEveryMode() {
        for (var mode : BundleLab.Mode.values()) {
            var lab = new BundleLab(mode);
            byte[] b = lab.build();
            assertOutcome(mode.toString(), exercise(b, lab.manifestSize() + lab.fmc.length + lab.runtime.length, lab.fusesFor(b), 1000, SEED + mode.ordinal(),
                    unverified(mode, b.length)));
        }
    }

    @Test
    void garbageOfEverySmallLengthIsHandled() {
        var r = new Random(SEED);
        for (int len = 0; len < 64; len++) {
            byte[] junk = new byte[len];
            r.nextBytes(junk);
            var result = RomVerifier.verify(junk, Fuses.builder().build());
            assertEquals(false, result.accepted());
        }
    }
}
