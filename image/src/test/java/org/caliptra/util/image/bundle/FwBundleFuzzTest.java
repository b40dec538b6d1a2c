package org.caliptra.util.image.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.caliptra.util.image.fuzz.ImageFuzz;
import org.caliptra.util.fuzzsupport.FuzzContract;

/**
 * {@link FwBundle#parse} on any bytes: a 1.x or 2.x bundle, or a typed format error. A bundle that
 * parses must write back to the very same bytes (the class promises it), so no field is dropped or
 * normalised between what the ROM verifier reads and what {@code inspect} shows. Seeds: bundles
 * of every mode built by {@code FuzzSeedWriter} (docs/fuzzing.md).
 */
class FwBundleFuzzTest {
    private static final FuzzContract CONTRACT = ImageFuzz.contract("FwBundle.parse", 16, 4 << 20)
            .requiring(m -> m.contains("fuzz.bin"), "name the file");

    @FuzzTest
    void parse(byte[] input) {
        CONTRACT.check(input, () -> {
            FwBundle bundle = FwBundle.parse(input, "fuzz.bin");
            assertArrayEquals(input, bundle.toBytes(), "parse(b).toBytes() differs from b");
            bundle.fmc();
            bundle.runtime();
        });
    }
}
