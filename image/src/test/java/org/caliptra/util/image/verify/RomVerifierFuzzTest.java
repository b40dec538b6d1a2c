package org.caliptra.util.image.verify;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.caliptra.util.image.fuzz.ImageFuzz;
import org.caliptra.util.image.fuzz.ImageFuzz.FuseChoice;
import org.caliptra.util.fuzzsupport.FuzzContract;

/**
 * {@link RomVerifier#verify} is documented never to throw: any bytes, any fuses, a verdict. The first
 * input byte chooses the fuses ({@link FuseChoice}), the rest is the bundle; the key-hash fuses can
 * come from the bundle itself so mutations reach the signature and TOC checks.
 */
class RomVerifierFuzzTest {
    // Signature checks allocate a few MB whatever the size (ML-DSA-87 most).
    private static final FuzzContract CONTRACT = ImageFuzz.contract("RomVerifier.verify", 16, 64 << 20);

    @FuzzTest
    void verify(byte[] input) {
        CONTRACT.check(input, () -> {
            var choice = FuseChoice.of(input);
            byte[] bundle = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
            Fuses fuses = choice.fuses(bundle);
            VerificationResult result = RomVerifier.verify(bundle, fuses, choice.generation(bundle));
            assertNotNull(result, "no verdict");
            if (result instanceof VerificationResult.Rejected r) {
                assertNotNull(r.rejection().name(), "a rejection without an error name");
                String problem = FuzzContract.messageProblem(r.rejection().detail());
                if (problem != null) {
                    throw new AssertionError("rejection detail " + problem);
                }
            }
        });
    }
}
