package org.caliptra.util.image.bundle;

import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;

/**
 * A 2.x vendor key descriptor: {@code version u16, reserved-or-key_type u8, key_hash_count u8,
 * key_hash[slots][48]}. The ECC descriptor has 4 slots and a reserved byte; the PQC descriptor has
 * 32 slots and the key type. Hashes are held in standard byte order (the file holds hw format).
 */
public record KeyDescriptor(int version, int typeByte, int hashCount, List<Octets> hashes) {
    public static final int ECC_SLOTS = 4;
    public static final int PQC_SLOTS = 32;

    public KeyDescriptor {
        hashes = List.copyOf(hashes);
    }

    public int size() {
        return 4 + hashes.size() * 48;
    }

    static KeyDescriptor read(LeReader r, int base, int slots) {
        var hashes = new ArrayList<Octets>(slots);
        for (int i = 0; i < slots; i++) {
            hashes.add(HwFormat.read(r.bytes(), base + 4 + i * 48, 48));
        }
        return new KeyDescriptor(r.u16(base), r.u8(base + 2), r.u8(base + 3), hashes);
    }

    void write(LeWriter w, int base) {
        w.u16(base, version);
        w.u8(base + 2, typeByte);
        w.u8(base + 3, hashCount);
        for (int i = 0; i < hashes.size(); i++) {
            HwFormat.write(hashes.get(i), w.bytes(), base + 4 + i * 48);
        }
    }
}
