package org.caliptra.util.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.fuzz.Catalogue;
import org.caliptra.util.fuzzsupport.FuzzContract;

/**
 * {@link Codec#decode} of every request and response codec of the command catalogues, on any
 * fields: the device decodes whatever a SoC agent sends, the host whatever a device answers. An
 * input is {@code <codec key>\n<fields>} ({@link Catalogue}; an unknown key picks a codec by its
 * hash). A message that decodes must encode again, and decode to the same value: what the
 * emulator accepts, it can also answer with.
 */
class CodecFuzzTest {
    private static final FuzzContract CONTRACT = FuzzContract.of("Codec.decode", 16, 1 << 20, CaliptraException.class);

    @FuzzTest
    void decode(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        String key = newline < 0 ? "" : new String(input, 0, newline, StandardCharsets.ISO_8859_1);
        byte[] fields = newline < 0 ? input : Arrays.copyOfRange(input, newline + 1, input.length);
        Codec<?> codec = Catalogue.CODECS.get(key);
        if (codec == null) {
            codec = Catalogue.CODECS.get(Catalogue.KEYS.get(Math.floorMod(key.hashCode(), Catalogue.KEYS.size())));
            key = "codec of hash " + key.hashCode();
        }
        Codec<?> chosen = codec;
        String what = key;
        CONTRACT.check(input, () -> roundTrip(chosen, fields, what));
    }

    private static <T> void roundTrip(Codec<T> codec, byte[] fields, String what) {
        T value = codec.decode(fields, what);
        byte[] again = codec.encode(value);
        assertEquals(value, codec.decode(again, what), what + ": decode(encode(decode(b))) differs from decode(b)");
    }

    private static int indexOf(byte[] b, byte value) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
