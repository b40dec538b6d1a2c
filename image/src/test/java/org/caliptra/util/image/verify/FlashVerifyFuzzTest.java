package org.caliptra.util.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Map;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.fuzz.ImageFuzz;
import org.caliptra.util.image.fuzz.ImageFuzz.FuseChoice;
import org.caliptra.util.fuzzsupport.FuzzContract;

/**
 * {@link FlashVerification#verify}, the whole chain of {@code image verify FLASH} (checksums, the
 * ROM's verdict on the bundle, SET_AUTH_MANIFEST, AUTHORIZE_AND_STASH), on any bytes. The first byte
 * chooses the fuses ({@link FuseChoice}) with key hashes taken from the flash image's own bundle,
 * so a mutated image reaches the manifest and image checks. A report that passes has no failure
 * anywhere in it.
 */
class FlashVerifyFuzzTest {
    private static final FuzzContract CONTRACT = ImageFuzz.contract("FlashVerification.verify", 16, 64 << 20);

    @FuzzTest
    void verify(byte[] input) {
        CONTRACT.check(input, () -> {
            var choice = FuseChoice.of(input);
            byte[] flash = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
            byte[] bundle = FlashVerification.contents(flash).caliptra();
            var report = FlashVerification.verify(flash, choice.fuses(bundle), choice.generation(bundle), Map.of());
            assertNotNull(report.kind());
            if (report.passed()) {
                assertEquals(true, report.bundle().accepted(), "passed with a rejected bundle");
                FwBundle.parse(bundle, "caliptra-fw");
            } else {
                String problem = FuzzContract.messageProblem(report.firstFailure().detail());
                if (problem != null) {
                    throw new AssertionError("failure detail " + problem);
                }
            }
        });
    }
}
