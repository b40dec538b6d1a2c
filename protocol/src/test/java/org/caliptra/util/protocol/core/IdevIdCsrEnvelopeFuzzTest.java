package org.caliptra.util.protocol.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.caliptra.util.fuzzsupport.FuzzContract;
import org.caliptra.util.protocol.CaliptraException;

/**
 * Decoding 2.x IDevID CSR envelopes ({@link IdevIdCsrEnvelope#decode}) on any bytes, as a SoC does
 * with what the ROM hands over: an envelope that decodes encodes back to itself apart from slot
 * bytes past each CSR, which the encoding zeroes.
 */
class IdevIdCsrEnvelopeFuzzTest {
    private static final FuzzContract CONTRACT = FuzzContract.of("IdevIdCsrEnvelope.decode", 16, 1 << 20, CaliptraException.class);

    @FuzzTest
    void decode(byte[] input) {
        CONTRACT.check(input, () -> {
            var envelope = IdevIdCsrEnvelope.decode(input);
            assertArrayEquals(envelope.encode(), IdevIdCsrEnvelope.decode(envelope.encode()).encode(),
                    "decode(encode(e)) differs from e");
        });
    }
}
