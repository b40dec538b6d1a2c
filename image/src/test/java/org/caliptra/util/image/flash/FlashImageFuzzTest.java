package org.caliptra.util.image.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.caliptra.util.image.fuzz.ImageFuzz;
import org.caliptra.util.image.verify.FlashVerification;
import org.caliptra.util.fuzzsupport.FuzzContract;

/**
 * Flash images (FLSH v1, v3, and the AST2700-A1 out-bundle around a FLSH image) on any bytes:
 * {@link FlashImage#parse}, and {@link FlashVerification#contents}, which unpacks one the way a
 * device boots it (what {@code boot --flash}, {@code extract} and {@code verify} start from).
 * Both keep the allocation bound: entries are copied out of the file, so a header whose entries
 * overlap must not multiply the file's size.
 */
class FlashImageFuzzTest {
    private static final FuzzContract PARSE = ImageFuzz.contract("FlashImage.parse", 16, 4 << 20)
            .requiring(m -> m.contains("fuzz-flash.bin"), "name the file");
    private static final FuzzContract CONTENTS = ImageFuzz.contract("FlashVerification.contents", 16, 4 << 20);

    @FuzzTest
    void parse(byte[] input) {
        PARSE.check(input, () -> {
            FlashImage flash = FlashImage.parse(input, "fuzz-flash.bin");
            for (FlashEntry e : flash.entries()) {
                assertEquals(Integer.toUnsignedLong(e.size()), e.data().length(), "entry data is not its size");
            }
            flash.kind();
        });
    }

    @FuzzTest
    void contents(byte[] input) {
        CONTENTS.check(input, () -> {
            var contents = FlashVerification.contents(input);
            contents.slots().forEach(s -> s.metadata().fwId());
        });
    }
}
