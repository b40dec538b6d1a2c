package org.caliptra.util.emulator.runtime.cm;

import java.util.Arrays;
import java.util.Optional;
import org.caliptra.util.protocol.cm.KeyUsage;

/**
 * A CMK's plaintext (caliptra-sw common/src/crypto.rs UnencryptedCmk, 80 bytes): version u16 (1),
 * length u16 (key bytes), key_usage u8, id[3] (little-endian 24-bit usage-table id, AES keys only),
 * usage_counter u64 (always 0: the live counter is in the runtime's table), key_material[64] (the
 * key, zero-padded). It exists only inside the device, so its layout lives here and not in
 * {@code protocol}, whose {@link org.caliptra.util.protocol.cm.Cmk} is the 128 opaque bytes a host sees.
 */
record CmKey(int length, int usage, int id, byte[] material) {
    static final int SIZE = 80;
    static final int MATERIAL_SIZE = 64;
    private static final int VERSION = 1;

    CmKey {
        material = Arrays.copyOf(material, MATERIAL_SIZE);
    }

    static CmKey of(KeyUsage usage, int id, byte[] key) {
        return new CmKey(key.length, usage.value(), id, key);
    }

    Optional<KeyUsage> keyUsage() {
        return KeyUsage.fromValue(usage);
    }

    boolean is(KeyUsage u) {
        return usage == u.value();
    }

    /** The first {@code n} bytes of the key material, as the engines take them. */
    byte[] material(int n) {
        return Arrays.copyOf(material, n);
    }

    byte[] encode() {
        byte[] b = new byte[SIZE];
        b[0] = VERSION;
        b[2] = (byte) length;
        b[3] = (byte) (length >>> 8);
        b[4] = (byte) usage;
        b[5] = (byte) id;
        b[6] = (byte) (id >>> 8);
        b[7] = (byte) (id >>> 16);
        System.arraycopy(material, 0, b, 16, MATERIAL_SIZE);
        return b;
    }

    /** No version check, as the reference has none. */
    static CmKey decode(byte[] b) {
        int length = (b[2] & 0xFF) | (b[3] & 0xFF) << 8;
        int id = (b[5] & 0xFF) | (b[6] & 0xFF) << 8 | (b[7] & 0xFF) << 16;
        return new CmKey(length, b[4] & 0xFF, id, Arrays.copyOfRange(b, 16, 16 + MATERIAL_SIZE));
    }

    @Override
    public String toString() {
        return "CmKey[usage=" + usage + ", length=" + length + ", id=" + id + ", material redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CmKey k && k.length == length && k.usage == usage && k.id == id && Arrays.equals(k.material, material);
    }

    @Override
    public int hashCode() {
        return 31 * usage + id;
    }
}
