package org.caliptra.util.protocol.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;

/**
 * The 2.x InitDevIdCsrEnvelope the ROM hands the SoC in the manufacturing flow (spec/device.md
 * §3.5): marker, size, the ECC CSR's length and its 512-byte slot, the ML-DSA-87 CSR's length and
 * its 8192-byte slot, then an HMAC-SHA512 over everything before it. Little-endian lengths; unused
 * slot bytes are zero.
 *
 * @param mac the 64-byte tag, or empty when the envelope is being built and the tag not yet computed
 */
public record IdevIdCsrEnvelope(Octets eccCsr, Octets mldsaCsr, Octets mac) {
    public static final int MARKER = 0x0043_5352;
    public static final int SIZE = 8784;
    static final int ECC_LEN = 8;
    static final int ECC_CSR = 12;
    public static final int ECC_MAX = 512;
    static final int MLDSA_LEN = 524;
    static final int MLDSA_CSR = 528;
    public static final int MLDSA_MAX = 8192;
    /** Where the tag starts: it covers bytes [0, MAC_OFFSET). */
    public static final int MAC_OFFSET = 8720;
    public static final int MAC_SIZE = 64;

    public IdevIdCsrEnvelope {
        if (eccCsr.length() == 0 || eccCsr.length() > ECC_MAX || mldsaCsr.length() == 0 || mldsaCsr.length() > MLDSA_MAX) {
            throw new IllegalArgumentException("CSRs of " + eccCsr.length() + " and " + mldsaCsr.length()
                    + " bytes; the slots hold 1.." + ECC_MAX + " and 1.." + MLDSA_MAX);
        }
        if (mac.length() != 0 && mac.length() != MAC_SIZE) {
            throw new IllegalArgumentException("the envelope MAC is " + MAC_SIZE + " bytes, got " + mac.length());
        }
    }

    /** Every byte up to the tag: what the MAC covers. */
    public byte[] macInput() {
        var b = ByteBuffer.allocate(MAC_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, MARKER).putInt(4, SIZE);
        b.putInt(ECC_LEN, eccCsr.length()).put(ECC_CSR, eccCsr.toByteArray());
        b.putInt(MLDSA_LEN, mldsaCsr.length()).put(MLDSA_CSR, mldsaCsr.toByteArray());
        return b.array();
    }

    /** The whole envelope as the ROM hands it over. */
    public byte[] encode() {
        byte[] out = Arrays.copyOf(macInput(), SIZE);
        mac.copyTo(out, MAC_OFFSET);
        return out;
    }

    /**
     * An envelope as a SoC received it: the marker, size and both lengths checked against their
     * slots.
     *
     * @throws ProtocolException naming the field that is wrong
     */
    public static IdevIdCsrEnvelope decode(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new ProtocolException("IDevID CSR envelope: " + bytes.length + " bytes, expected " + SIZE);
        }
        var b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != MARKER) {
            throw new ProtocolException(String.format("IDevID CSR envelope: marker 0x%08X, expected 0x%08X", b.getInt(0), MARKER));
        }
        return new IdevIdCsrEnvelope(slot(bytes, ECC_LEN, ECC_CSR, ECC_MAX, "ECC"), slot(bytes, MLDSA_LEN, MLDSA_CSR, MLDSA_MAX,
                "ML-DSA"), Octets.of(bytes, MAC_OFFSET, MAC_SIZE));
    }

    private static Octets slot(byte[] bytes, int lengthAt, int csrAt, int max, String which) {
        int length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(lengthAt);
        if (length <= 0 || length > max) {
            throw new ProtocolException("IDevID CSR envelope: the " + which + " CSR length at offset " + lengthAt + " is "
                    + Integer.toUnsignedString(length) + ", its slot holds 1.." + max);
        }
        return Octets.of(bytes, csrAt, length);
    }
}
