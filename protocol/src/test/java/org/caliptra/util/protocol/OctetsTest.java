package org.caliptra.util.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OctetsTest {
    @Test
    void equalContentIsEqualWithEqualHashCodes() {
        var a = Octets.fromHex("00112233445566778899aabbccddeeff");
        var b = Octets.of(a.toByteArray());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(Set.of(a), new HashSet<>(Set.of(b)));
    }

    @Test
    void anyDifferingByteOrLengthIsUnequal() {
        byte[] base = new byte[48];
        var reference = Octets.of(base);
        for (int i = 0; i < base.length; i++) {
            byte[] changed = base.clone();
            changed[i] = 1;
            assertNotEquals(reference, Octets.of(changed), "byte " + i);
        }
        assertNotEquals(reference, Octets.zeros(47));
        assertNotEquals(reference, Octets.zeros(49));
        assertNotEquals(Octets.zeros(0), reference);
        assertEquals(Octets.zeros(0), Octets.of(new byte[0]));
        assertNotEquals(reference, (Object) base);
        assertNotEquals(reference, null);
    }
}
