package org.caliptra.util.image.keys;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.caliptra.util.image.fuzz.ImageFuzz;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.fuzzsupport.FuzzContract;
import org.caliptra.util.fuzzsupport.Sandbox;

/**
 * The LMS leaf-state file ({@code <key>.state}) on any content: the next leaf, or a typed error.
 * The state belongs to {@link #KEY_ID}; seeds carry that id so the fuzzer starts past the key check.
 */
class LmsLeafStateFuzzTest {
    static final Octets KEY_ID = Octets.fromHex("00112233445566778899aabbccddeeff");
    private static final FuzzContract CONTRACT = ImageFuzz.contract("LmsLeafState.peek", 64, 4 << 20).namingTheFile();

    @FuzzTest
    void peek(byte[] input) {
        CONTRACT.check(input, () -> {
            var state = new LmsLeafState(Sandbox.file("lms-state", "key.pem.state", input), KEY_ID);
            int leaf = state.peek();
            assertTrue(leaf >= 0 && leaf <= Lms.LEAVES, "next leaf " + leaf + " outside 0.." + Lms.LEAVES);
        });
    }
}
