package org.caliptra.util.image.sign;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The few read-only PKCS#11 calls that SunPKCS11 offers no public API for: listing the slots that
 * hold a token with their labels, and finding certificates by CKA_LABEL / CKA_ID. No login, so no
 * PIN, passes through here; signing stays with SunPKCS11.
 *
 * <p>If the module is already initialised in this process (SunPKCS11 opened it for an earlier
 * key), this neither initialises nor finalises it, so the provider's sessions are left alone.
 */
final class Cryptoki implements AutoCloseable {
    private static final long CKR_OK = 0;
    private static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    private static final long CKF_SERIAL_SESSION = 0x4;
    private static final long CKA_CLASS = 0x0;
    private static final long CKA_TOKEN = 0x1;
    private static final long CKA_LABEL = 0x3;
    private static final long CKA_VALUE = 0x11;
    private static final long CKA_ID = 0x102;
    private static final long CKO_CERTIFICATE = 0x1;
    private static final int TOKEN_LABEL_SIZE = 32;
    /** CK_TOKEN_INFO.flags follows label[32], manufacturerID[32], model[16], serialNumber[16]. */
    private static final int TOKEN_FLAGS_OFFSET = 96;
    private static final long CKF_TOKEN_INITIALIZED = 0x400;
    /** Larger than CK_TOKEN_INFO on every ABI (about 208 bytes on LP64); only the label at offset 0 is read. */
    private static final int TOKEN_INFO_BUFFER = 1024;

    private static final Map<Long, String> ERRORS = Map.ofEntries(
            Map.entry(0x3L, "CKR_SLOT_ID_INVALID"), Map.entry(0x5L, "CKR_GENERAL_ERROR"),
            Map.entry(0x6L, "CKR_FUNCTION_FAILED"), Map.entry(0x30L, "CKR_DEVICE_ERROR"),
            Map.entry(0x32L, "CKR_DEVICE_REMOVED"), Map.entry(0xE0L, "CKR_TOKEN_NOT_PRESENT"),
            Map.entry(0xE1L, "CKR_TOKEN_NOT_RECOGNIZED"), Map.entry(0x190L, "CKR_CRYPTOKI_NOT_INITIALIZED"),
            Map.entry(0x150L, "CKR_BUFFER_TOO_SMALL"), Map.entry(0x12L, "CKR_ATTRIBUTE_TYPE_INVALID"),
            Map.entry(0x11L, "CKR_ATTRIBUTE_SENSITIVE"));

    /** The C entry points every PKCS#11 module exports by name. CK_ULONG is C {@code unsigned long}: NativeLong. */
    public interface Module extends Library {
        NativeLong C_Initialize(Pointer initArgs);

        NativeLong C_Finalize(Pointer reserved);

        NativeLong C_GetSlotList(byte tokenPresent, NativeLong[] slots, NativeLongByReference count);

        NativeLong C_GetTokenInfo(NativeLong slot, Pointer info);

        NativeLong C_OpenSession(NativeLong slot, NativeLong flags, Pointer application, Pointer notify,
                NativeLongByReference session);

        NativeLong C_CloseSession(NativeLong session);

        NativeLong C_FindObjectsInit(NativeLong session, Pointer template, NativeLong count);

        NativeLong C_FindObjects(NativeLong session, NativeLong[] objects, NativeLong max, NativeLongByReference count);

        NativeLong C_FindObjectsFinal(NativeLong session);

        NativeLong C_GetAttributeValue(NativeLong session, NativeLong object, Pointer template, NativeLong count);
    }

    /** A slot holding a token, with the token's label (blank padding removed). */
    record Slot(long id, String label) {}

    private final Path library;
    private final Module module;
    private final boolean finalizeOnClose;

    private Cryptoki(Path library, Module module, boolean finalizeOnClose) {
        this.library = library;
        this.module = module;
        this.finalizeOnClose = finalizeOnClose;
    }

    static Cryptoki open(Path library) {
        Module module;
        try {
            module = Native.load(library.toString(), Module.class);
        } catch (UnsatisfiedLinkError e) {
            throw new SigningException("PKCS#11 library " + library + " cannot be loaded: " + e.getMessage());
        }
        long rv = module.C_Initialize(null).longValue();
        if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
            throw new SigningException("PKCS#11 library " + library + ": C_Initialize failed with " + name(rv));
        }
        return new Cryptoki(library, module, rv == CKR_OK);
    }

    /** The slots that hold an initialised token, in the module's order. */
    List<Slot> slotsWithTokens() {
        var count = new NativeLongByReference(new NativeLong(0));
        check(module.C_GetSlotList((byte) 1, null, count), "C_GetSlotList");
        var ids = new NativeLong[(int) count.getValue().longValue()];
        if (ids.length == 0) {
            return List.of();
        }
        check(module.C_GetSlotList((byte) 1, ids, count), "C_GetSlotList");
        var slots = new ArrayList<Slot>();
        try (var info = new Memory(TOKEN_INFO_BUFFER)) {
            for (int i = 0; i < count.getValue().longValue(); i++) {
                info.clear();
                long rv = module.C_GetTokenInfo(ids[i], info).longValue();
                if (rv != CKR_OK) {
                    // A token pulled between the two calls is simply not there.
                    continue;
                }
                if ((info.getNativeLong(TOKEN_FLAGS_OFFSET).longValue() & CKF_TOKEN_INITIALIZED) == 0) {
                    continue;
                }
                String label = new String(info.getByteArray(0, TOKEN_LABEL_SIZE), StandardCharsets.UTF_8);
                slots.add(new Slot(ids[i].longValue(), label.stripTrailing()));
            }
        }
        return slots;
    }

    /** The DER of every token certificate on {@code slot} whose CKA_LABEL and CKA_ID match the given ones (null: any). */
    List<byte[]> certificates(long slot, String label, byte[] id) {
        var session = new NativeLongByReference(new NativeLong(0));
        check(module.C_OpenSession(new NativeLong(slot), new NativeLong(CKF_SERIAL_SESSION), null, null, session),
                "C_OpenSession on slot " + slot);
        NativeLong s = session.getValue();
        try {
            var attrs = new ArrayList<Attribute>();
            attrs.add(Attribute.ulong(CKA_CLASS, CKO_CERTIFICATE));
            attrs.add(Attribute.bytes(CKA_TOKEN, new byte[] {1}));
            if (label != null) {
                attrs.add(Attribute.bytes(CKA_LABEL, label.getBytes(StandardCharsets.UTF_8)));
            }
            if (id != null) {
                attrs.add(Attribute.bytes(CKA_ID, id));
            }
            List<NativeLong> handles = new ArrayList<>();
            try (var template = Attribute.template(attrs)) {
                check(module.C_FindObjectsInit(s, template, new NativeLong(attrs.size())), "C_FindObjectsInit");
                try {
                    var batch = new NativeLong[32];
                    var found = new NativeLongByReference(new NativeLong(0));
                    do {
                        check(module.C_FindObjects(s, batch, new NativeLong(batch.length), found), "C_FindObjects");
                        handles.addAll(Arrays.asList(batch).subList(0, (int) found.getValue().longValue()));
                    } while (found.getValue().longValue() == batch.length);
                } finally {
                    module.C_FindObjectsFinal(s);
                }
            }
            var ders = new ArrayList<byte[]>();
            for (NativeLong h : handles) {
                ders.add(value(s, h));
            }
            return ders;
        } finally {
            module.C_CloseSession(s);
        }
    }

    private byte[] value(NativeLong session, NativeLong object) {
        var probe = Attribute.bytes(CKA_VALUE, null);
        try (var template = Attribute.template(List.of(probe))) {
            check(module.C_GetAttributeValue(session, object, template, new NativeLong(1)), "C_GetAttributeValue");
            long length = Attribute.length(template, 0);
            if (length <= 0 || length > 1 << 20) {
                throw new SigningException("PKCS#11 library " + library + ": a certificate has no usable CKA_VALUE");
            }
            try (var buffer = new Memory(length)) {
                Attribute.point(template, 0, buffer, length);
                check(module.C_GetAttributeValue(session, object, template, new NativeLong(1)), "C_GetAttributeValue");
                return buffer.getByteArray(0, (int) Attribute.length(template, 0));
            }
        }
    }

    @Override
    public void close() {
        if (finalizeOnClose) {
            module.C_Finalize(null);
        }
    }

    private void check(NativeLong rv, String call) {
        if (rv.longValue() != CKR_OK) {
            throw new SigningException("PKCS#11 library " + library + ": " + call + " failed with " + name(rv.longValue()));
        }
    }

    static String name(long rv) {
        return ERRORS.getOrDefault(rv, String.format("CKR 0x%X", rv));
    }

    /**
     * CK_ATTRIBUTE {type, pValue, ulValueLen} laid out by hand: natural alignment, except on
     * Windows, where PKCS#11 headers pack structures to one byte.
     */
    private record Attribute(long type, byte[] value, boolean isUlong, long ulong) {
        private static final int UL = NativeLong.SIZE;
        private static final int PTR = Native.POINTER_SIZE;
        private static final boolean PACKED = Platform.isWindows();
        private static final int OFF_VALUE = PACKED ? UL : align(UL, PTR);
        private static final int OFF_LEN = OFF_VALUE + PTR;
        private static final int SIZE = PACKED ? OFF_LEN + UL : align(OFF_LEN + UL, Math.max(UL, PTR));

        static Attribute bytes(long type, byte[] value) {
            return new Attribute(type, value, false, 0);
        }

        static Attribute ulong(long type, long value) {
            return new Attribute(type, null, true, value);
        }

        /** One block: the attribute array followed by the values it points to. */
        static Memory template(List<Attribute> attrs) {
            long data = 0;
            for (Attribute a : attrs) {
                data += a.isUlong ? UL : a.value == null ? 0 : a.value.length;
            }
            var mem = new Memory((long) SIZE * attrs.size() + Math.max(1, data));
            long at = (long) SIZE * attrs.size();
            for (int i = 0; i < attrs.size(); i++) {
                Attribute a = attrs.get(i);
                long base = (long) SIZE * i;
                mem.setNativeLong(base, new NativeLong(a.type));
                if (a.isUlong) {
                    mem.setNativeLong(at, new NativeLong(a.ulong));
                    mem.setPointer(base + OFF_VALUE, mem.share(at));
                    mem.setNativeLong(base + OFF_LEN, new NativeLong(UL));
                    at += UL;
                } else if (a.value == null) {
                    mem.setPointer(base + OFF_VALUE, null);
                    mem.setNativeLong(base + OFF_LEN, new NativeLong(0));
                } else {
                    mem.write(at, a.value, 0, a.value.length);
                    mem.setPointer(base + OFF_VALUE, mem.share(at));
                    mem.setNativeLong(base + OFF_LEN, new NativeLong(a.value.length));
                    at += a.value.length;
                }
            }
            return mem;
        }

        static long length(Memory template, int index) {
            return template.getNativeLong((long) SIZE * index + OFF_LEN).longValue();
        }

        static void point(Memory template, int index, Memory buffer, long length) {
            template.setPointer((long) SIZE * index + OFF_VALUE, buffer);
            template.setNativeLong((long) SIZE * index + OFF_LEN, new NativeLong(length));
        }

        private static int align(int offset, int to) {
            return (offset + to - 1) / to * to;
        }
    }
}
