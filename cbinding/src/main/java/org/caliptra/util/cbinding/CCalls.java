package org.caliptra.util.cbinding;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** Calling the caller's C function pointers through JNA, and the C types that differ by platform. */
final class CCalls {
    private CCalls() {}

    /** A C function at {@code p} (cdecl); {@code what} names the field for the error when it is NULL. */
    static Function function(Pointer p, String what) {
        if (p == null) {
            throw new IllegalArgumentException(what + " is NULL");
        }
        return Function.getFunction(p, Function.C_CONVENTION);
    }

    /** A {@code uintptr_t} / {@code size_t} argument. */
    static Object size(long value) {
        return Native.SIZE_T_SIZE == 8 ? (Object) value : (Object) (int) value;
    }

    /** A {@code uintptr_t} the C code wrote at {@code offset}. */
    static long readSize(Pointer p, long offset) {
        return Native.SIZE_T_SIZE == 8 ? p.getLong(offset) : Integer.toUnsignedLong(p.getInt(offset));
    }

    static void writeSize(Pointer p, long offset, long value) {
        if (Native.SIZE_T_SIZE == 8) {
            p.setLong(offset, value);
        } else {
            p.setInt(offset, (int) value);
        }
    }

    /**
     * A C {@code bool} return: only its low byte is defined by the ABI (x86-64 returns it in AL), so
     * the rest of the register must not be read as part of it.
     */
    static boolean bool(Function f, Object... args) {
        return (f.invokeInt(args) & 0xFF) != 0;
    }
}
