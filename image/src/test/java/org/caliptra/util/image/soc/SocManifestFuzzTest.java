package org.caliptra.util.image.soc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.caliptra.util.image.fuzz.ImageFuzz;
import org.caliptra.util.fuzzsupport.FuzzContract;

/**
 * {@link SocManifest#parse} on any bytes, in all four layouts (ATMN, ASPEED's, ATM2, OWOM). A
 * manifest that parses writes back to the same bytes, and the spans its signatures cover can be
 * formed: the verifier checks signatures over those reconstructed spans, so a byte the parser
 * drops would be a byte no signature protects.
 */
class SocManifestFuzzTest {
    private static final FuzzContract CONTRACT = ImageFuzz.contract("SocManifest.parse", 16, 4 << 20)
            .requiring(m -> m.contains("fuzz-manifest.bin"), "name the file");

    @FuzzTest
    void parse(byte[] input) {
        CONTRACT.check(input, () -> {
            SocManifest m = SocManifest.parse(input, "fuzz-manifest.bin");
            assertArrayEquals(input, m.toBytes(), "parse(b).toBytes() differs from b");
            if (m.variant().hasVendor()) {
                m.vendorKeysSignedBytes();
            }
            m.ownerKeysSignedBytes();
            if (m.variant() == SocManifestVariant.ASPEED) {
                m.svnSignedBytes();
            }
            m.imc().used();
            m.imcBytes();
        });
    }
}
