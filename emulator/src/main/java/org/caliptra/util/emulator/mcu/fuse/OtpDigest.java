package org.caliptra.util.emulator.mcu.fuse;

/**
 * The OTP partition digest of the OpenTitan fuse controller that Caliptra subsystem uses
 * (caliptra-mcu-sw common/otp-digest): a Merkle–Damgård chain with a Davies–Meyer compression
 * over the PRESENT block cipher (64-bit block, 128-bit key), keyed by pairs of 64-bit data blocks,
 * finalised with a constant. A partition whose digest is non-zero is locked.
 */
public final class OtpDigest {
    /** caliptra-ss otp_ctrl_part_pkg.sv defaults, as the reference emulator uses them. */
    static final long IV = 0x90C7_F21F_6224_F027L;
    static final long CONST_HI = 0xF98C_48B1_F937_7284L;
    static final long CONST_LO = 0x4A22_D4B7_8FE0_266FL;

    private static final int ROUNDS = 32;
    private static final int[] S_BOX = {0xC, 0x5, 0x6, 0xB, 0x9, 0x0, 0xA, 0xD, 0x3, 0xE, 0xF, 0x8, 0x4, 0x7, 0x1, 0x2};

    private OtpDigest() {}

    /** The digest of {@code length} bytes (a multiple of 8) read as little-endian 64-bit blocks. */
    public static long of(byte[] data, int offset, int length) {
        if (length % 8 != 0) {
            throw new IllegalArgumentException("the OTP digest takes whole 64-bit blocks, got " + length + " bytes");
        }
        long state = IV;
        int blocks = length / 8;
        for (int b = 0; b < blocks; b += 2) {
            long first = block(data, offset + 8 * b);
            // An odd last block is paired with itself.
            long second = b + 1 < blocks ? block(data, offset + 8 * (b + 1)) : first;
            state ^= encrypt(state, second, first);
        }
        return state ^ encrypt(state, CONST_HI, CONST_LO);
    }

    /** PRESENT-128: {@code plain} under the key whose 128-bit value is {@code keyHi:keyLo}. */
    static long encrypt(long plain, long keyHi, long keyLo) {
        long hi = keyHi;
        long lo = keyLo;
        long state = plain;
        for (int round = 0; round < ROUNDS; round++) {
            state ^= hi; // round key = the key register's top 64 bits
            if (round == ROUNDS - 1) {
                break;
            }
            state = permute(substitute(state));
            // Key schedule: rotate left by 61, S-box the top two nibbles, salt with the round counter.
            long rotatedHi = hi << 61 | lo >>> 3;
            long rotatedLo = lo << 61 | hi >>> 3;
            hi = rotatedHi;
            lo = rotatedLo;
            long top = S_BOX[(int) (hi >>> 60) & 0xF];
            long next = S_BOX[(int) (hi >>> 56) & 0xF];
            hi = hi & 0x00FF_FFFF_FFFF_FFFFL | top << 60 | next << 56;
            long salt = round + 1;
            lo ^= salt << 62;
            hi ^= salt >>> 2;
        }
        return state;
    }

    private static long substitute(long state) {
        long out = 0;
        for (int i = 0; i < 64; i += 4) {
            out |= (long) S_BOX[(int) (state >>> i) & 0xF] << i;
        }
        return out;
    }

    private static long permute(long state) {
        long out = 0;
        for (int i = 0; i < 64; i++) {
            out |= (state >>> i & 1) << ((i >>> 2) + 16 * (i & 3));
        }
        return out;
    }

    private static long block(byte[] data, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (data[at + i] & 0xFF);
        }
        return v;
    }
}
