package org.caliptra.util.emulator.regs;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.caliptra.util.emulator.mailbox.CoreMailbox;

import static org.caliptra.util.protocol.regs.ShaAccRegs.CONTROL;
import static org.caliptra.util.protocol.regs.ShaAccRegs.DATAIN;
import static org.caliptra.util.protocol.regs.ShaAccRegs.DIGEST;
import static org.caliptra.util.protocol.regs.ShaAccRegs.DIGEST_WORDS;
import static org.caliptra.util.protocol.regs.ShaAccRegs.DLEN;
import static org.caliptra.util.protocol.regs.ShaAccRegs.EXECUTE;
import static org.caliptra.util.protocol.regs.ShaAccRegs.LOCK;
import static org.caliptra.util.protocol.regs.ShaAccRegs.MODE;
import static org.caliptra.util.protocol.regs.ShaAccRegs.MODE_ENDIAN_TOGGLE;
import static org.caliptra.util.protocol.regs.ShaAccRegs.MODE_MAILBOX_384;
import static org.caliptra.util.protocol.regs.ShaAccRegs.MODE_MAILBOX_512;
import static org.caliptra.util.protocol.regs.ShaAccRegs.MODE_STREAM_512;
import static org.caliptra.util.protocol.regs.ShaAccRegs.START_ADDRESS;
import static org.caliptra.util.protocol.regs.ShaAccRegs.STATUS;
import static org.caliptra.util.protocol.regs.ShaAccRegs.STATUS_SOC_HAS_LOCK;
import static org.caliptra.util.protocol.regs.ShaAccRegs.STATUS_VALID;
import static org.caliptra.util.protocol.regs.ShaAccRegs.USER;

/**
 * The 1.x SHA-512 accelerator (spec/device.md §1.6): a lock the SoC takes by reading it, a message
 * streamed through DATAIN (four bytes per word, most significant first) or read from mailbox SRAM,
 * and a digest the runtime's verify commands read. Writes by anyone but the lock holder are
 * ignored, as the hardware ignores them; releasing the lock clears everything but the digest. The
 * digest becomes valid only once the engine has all DLEN bytes: EXECUTE before the stream holds
 * them, or a mailbox range past the SRAM, leaves STATUS.valid clear, as the hardware never
 * finishes. Bytes streamed beyond DLEN are not hashed; the stream holds at most the mailbox's size
 * (the most DLEN can name).
 */
public final class ShaAccelerator {
    private final CoreMailbox mailbox;
    private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
    private boolean locked;
    private int user;
    private int mode;
    private int startAddress;
    private int dlen;
    private boolean valid;
    private byte[] digest = new byte[64];

    public ShaAccelerator(CoreMailbox mailbox) {
        this.mailbox = mailbox;
    }

    public int socRead(int offset, int requester) {
        if (offset >= DIGEST && offset < DIGEST + 4 * DIGEST_WORDS && (offset & 3) == 0) {
            int at = offset - DIGEST;
            return ((digest[at] & 0xFF) << 24) | ((digest[at + 1] & 0xFF) << 16) | ((digest[at + 2] & 0xFF) << 8)
                    | (digest[at + 3] & 0xFF);
        }
        return switch (offset) {
            case LOCK -> acquire(requester);
            case USER -> user;
            case MODE -> mode;
            case START_ADDRESS -> startAddress;
            case DLEN -> dlen;
            case STATUS -> (valid ? STATUS_VALID : 0) | (locked && user == requester ? STATUS_SOC_HAS_LOCK : 0);
            default -> 0;
        };
    }

    private int acquire(int requester) {
        if (locked) {
            return 1;
        }
        locked = true;
        user = requester;
        return 0;
    }

    public void socWrite(int offset, int value, int requester) {
        if (!locked || user != requester) {
            return;
        }
        switch (offset) {
            case LOCK -> {
                if ((value & 1) != 0) {
                    release();
                }
            }
            case MODE -> {
                mode = value & 0x7;
                stream.reset();
            }
            case START_ADDRESS -> {
                if ((value & 3) == 0 && Integer.compareUnsigned(value, mailbox.capacity()) < 0) {
                    startAddress = value;
                }
            }
            case DLEN -> {
                if (Integer.compareUnsigned(value, mailbox.capacity()) <= 0) {
                    dlen = value;
                }
            }
            case DATAIN -> {
                if (stream.size() + 4 <= mailbox.capacity()) {
                    stream.write(value >>> 24);
                    stream.write(value >>> 16);
                    stream.write(value >>> 8);
                    stream.write(value);
                }
            }
            case EXECUTE -> {
                if ((value & 1) != 0) {
                    execute();
                }
            }
            case CONTROL -> {
                if ((value & 1) != 0) {
                    Arrays.fill(digest, (byte) 0);
                    valid = false;
                }
            }
            default -> { }
        }
    }

    private void release() {
        locked = false;
        valid = false;
        mode = 0;
        startAddress = 0;
        dlen = 0;
        stream.reset();
    }

    private void execute() {
        int kind = mode & 0x3;
        byte[] message;
        if (kind == MODE_MAILBOX_384 || kind == MODE_MAILBOX_512) {
            if ((long) startAddress + dlen > mailbox.capacity()) {
                return;
            }
            message = mailbox.sramBytes(startAddress, dlen);
            if ((mode & MODE_ENDIAN_TOGGLE) != 0) {
                swapWords(message);
            }
        } else {
            if (stream.size() < dlen) {
                return;
            }
            message = Arrays.copyOf(stream.toByteArray(), dlen);
        }
        boolean sha512 = kind == MODE_STREAM_512 || kind == MODE_MAILBOX_512;
        digest = Arrays.copyOf(hash(sha512 ? "SHA-512" : "SHA-384", message), 64);
        valid = true;
    }

    /** The digest registers as the runtime reads them: 48 bytes after a SHA-384, 64 after a SHA-512. */
    public byte[] digest() {
        return digest.clone();
    }

    private static void swapWords(byte[] b) {
        for (int i = 0; i + 3 < b.length; i += 4) {
            byte t = b[i];
            b[i] = b[i + 3];
            b[i + 3] = t;
            t = b[i + 1];
            b[i + 1] = b[i + 2];
            b[i + 2] = t;
        }
    }

    private static byte[] hash(String algorithm, byte[] message) {
        try {
            return MessageDigest.getInstance(algorithm).digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
