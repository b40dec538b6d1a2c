package org.caliptra.util.protocol.cm;

import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.core.CaliptraCommand;

import static org.caliptra.util.protocol.cm.CmFields.MAX_DATA;
import static org.caliptra.util.protocol.cm.CmFields.requestTail;
import static org.caliptra.util.protocol.codec.Fields.atMost;
import static org.caliptra.util.protocol.codec.Fields.exactly;

/**
 * Hashing through the cryptographic mailbox (spec/device.md §4.4): the ROM's one-shot CM_SHA, the
 * runtime's CM_SHA_INIT/UPDATE/FINAL and CM_SHAKE256_INIT/UPDATE/FINAL, and CM_HMAC.
 *
 * <p>Digests and MACs are byte strings in standard order (the firmware converts them out of the
 * hardware's word order before answering).
 */
public final class CmHashCommands {
    public static final int SHA_CONTEXT_SIZE = 200;
    public static final int SHAKE256_CONTEXT_SIZE = 44;
    public static final int SHAKE256_DIGEST_SIZE = 64;
    /** The passive-mode mailbox (spec/device.md §2.5), which bounds CM_SHA's input. */
    public static final int PASSIVE_MAILBOX_SIZE = 256 * 1024;
    /** The subsystem-mode mailbox (spec/device.md §2.5). */
    public static final int SUBSYSTEM_MAILBOX_SIZE = 16 * 1024;

    private CmHashCommands() {}

    /**
     * The most CM_SHA can hash in one request: the mailbox less chksum, hash_algorithm and
     * input_size (MAX_CM_SHA_INPUT_SIZE: 16 372 in subsystem mode, 262 132 in passive mode).
     */
    public static int maxShaInput(int mailboxSize) {
        return mailboxSize - 12;
    }

    /** A SHA-384 or SHA-512 digest, or an HMAC of either, in standard byte order. */
    public record Digest(Octets value) {
        public Digest {
            Objects.requireNonNull(value, "digest");
            if (value.length() != 48 && value.length() != 64) {
                throw new IllegalArgumentException("digest is 48 or 64 bytes, got " + value.length());
            }
        }

        /** SHA-384 for 48 bytes, SHA-512 for 64. */
        public HashAlgorithm algorithm() {
            return value.length() == 48 ? HashAlgorithm.SHA384 : HashAlgorithm.SHA512;
        }
    }

    /**
     * {@code data_len:u32} then {@code data_len} bytes of {@code field}: 52 or 68 bytes. The device
     * sends only the used part of its 64-byte buffer (spec/device.md §2.6).
     */
    private static Codec<Digest> digestCodec(String field) {
        return Codec.variable(4 + 48, 4 + 64, (v, out) -> out.sized(v.value()), in -> {
            int at = in.position();
            int length = in.u32("data_len");
            if (length != 48 && length != 64) {
                throw in.error("data_len", at, "is " + Integer.toUnsignedString(length) + ", expected 48 or 64");
            }
            if (length > in.remaining()) {
                throw in.error("data_len", at, "is " + length + " but only " + in.remaining() + " bytes follow");
            }
            return new Digest(in.bytes(field, length));
        });
    }

    /** CM_SHA's request: a whole message to hash in one go (ROM only). */
    public record ShaRequest(int hashAlgorithm, Octets input) {
        public ShaRequest {
            atMost("input", input, maxShaInput(PASSIVE_MAILBOX_SIZE));
        }

        public static ShaRequest of(HashAlgorithm algorithm, Octets input) {
            return new ShaRequest(algorithm.value(), input);
        }

        public Optional<HashAlgorithm> algorithm() {
            return HashAlgorithm.fromValue(hashAlgorithm);
        }
    }

    /**
     * CM_SHA for a mailbox of {@code mailboxSize} bytes: hash_algorithm, input_size, input, 8 to
     * {@code mailboxSize - 4} bytes. The ROM reads the header and the declared input and ignores
     * anything after it, so trailing bytes within the mailbox are accepted.
     */
    public static CommandCodec<ShaRequest, Digest> cmSha(int mailboxSize) {
        int maxInput = maxShaInput(mailboxSize);
        if (maxInput < 0 || maxInput > maxShaInput(PASSIVE_MAILBOX_SIZE)) {
            throw new IllegalArgumentException("mailbox size " + mailboxSize);
        }
        return CommandCodec.of(CaliptraCommand.CM_SHA, Codec.variable(8, 8 + maxInput, (v, out) -> {
            if (v.input().length() > maxInput) {
                throw new IllegalArgumentException("input is at most " + maxInput + " bytes in a " + mailboxSize
                        + "-byte mailbox, got " + v.input().length());
            }
            out.u32(v.hashAlgorithm()).sized(v.input());
        }, in -> new ShaRequest(in.u32("hash_algorithm"), requestTail(in, "input_size", "input", maxInput))),
                digestCodec("hash"));
    }

    /** CM_SHA in the passive-mode mailbox, the largest it can be: 8 to 262 140 bytes. */
    public static final CommandCodec<ShaRequest, Digest> CM_SHA = cmSha(PASSIVE_MAILBOX_SIZE);

    /** The opaque, device-encrypted state of a SHA computation between commands. */
    public record ShaContext(Octets bytes) {
        public ShaContext {
            exactly("context", bytes, SHA_CONTEXT_SIZE);
        }

        static ShaContext read(FieldReader in) {
            return new ShaContext(in.bytes("context", SHA_CONTEXT_SIZE));
        }
    }

    private static final Codec<ShaContext> SHA_CONTEXT =
            Codec.fixed(SHA_CONTEXT_SIZE, (v, out) -> out.bytes(v.bytes()), ShaContext::read);

    /** CM_SHA_INIT's request: the algorithm and the first (possibly empty) part of the message. */
    public record ShaInitRequest(int hashAlgorithm, Octets input) {
        public ShaInitRequest {
            atMost("input", input, MAX_DATA);
        }

        public static ShaInitRequest of(HashAlgorithm algorithm, Octets input) {
            return new ShaInitRequest(algorithm.value(), input);
        }

        public Optional<HashAlgorithm> algorithm() {
            return HashAlgorithm.fromValue(hashAlgorithm);
        }
    }

    /** hash_algorithm, input_size, input[≤4096]: 8 to 4104 bytes. */
    public static final CommandCodec<ShaInitRequest, ShaContext> CM_SHA_INIT = CommandCodec.of(CaliptraCommand.CM_SHA_INIT,
            Codec.variable(8, 8 + MAX_DATA, (v, out) -> out.u32(v.hashAlgorithm()).sized(v.input()),
                    in -> new ShaInitRequest(in.u32("hash_algorithm"), requestTail(in, "input_size", "input", MAX_DATA))),
            SHA_CONTEXT);

    /** CM_SHA_UPDATE's and CM_SHA_FINAL's request: the previous context and the next part of the message. */
    public record ShaUpdateRequest(ShaContext context, Octets input) {
        public ShaUpdateRequest {
            Objects.requireNonNull(context, "context");
            atMost("input", input, MAX_DATA);
        }
    }

    /** context[200], input_size, input[≤4096]: 204 to 4300 bytes. */
    private static final Codec<ShaUpdateRequest> SHA_UPDATE_REQUEST = Codec.variable(SHA_CONTEXT_SIZE + 4,
            SHA_CONTEXT_SIZE + 4 + MAX_DATA, (v, out) -> out.bytes(v.context().bytes()).sized(v.input()),
            in -> new ShaUpdateRequest(ShaContext.read(in), requestTail(in, "input_size", "input", MAX_DATA)));

    public static final CommandCodec<ShaUpdateRequest, ShaContext> CM_SHA_UPDATE =
            CommandCodec.of(CaliptraCommand.CM_SHA_UPDATE, SHA_UPDATE_REQUEST, SHA_CONTEXT);

    public static final CommandCodec<ShaUpdateRequest, Digest> CM_SHA_FINAL =
            CommandCodec.of(CaliptraCommand.CM_SHA_FINAL, SHA_UPDATE_REQUEST, digestCodec("hash"));

    /** The opaque, device-encrypted session token of a SHAKE256 computation between commands. */
    public record Shake256Context(Octets bytes) {
        public Shake256Context {
            exactly("context", bytes, SHAKE256_CONTEXT_SIZE);
        }

        static Shake256Context read(FieldReader in) {
            return new Shake256Context(in.bytes("context", SHAKE256_CONTEXT_SIZE));
        }
    }

    private static final Codec<Shake256Context> SHAKE256_CONTEXT =
            Codec.fixed(SHAKE256_CONTEXT_SIZE, (v, out) -> out.bytes(v.bytes()), Shake256Context::read);

    /** CM_SHAKE256_INIT's request: the first (possibly empty) part of the message. */
    public record Shake256InitRequest(Octets input) {
        public Shake256InitRequest {
            atMost("input", input, MAX_DATA);
        }
    }

    /** input_size, input[≤4096]: 4 to 4100 bytes. */
    public static final CommandCodec<Shake256InitRequest, Shake256Context> CM_SHAKE256_INIT = CommandCodec.of(
            CaliptraCommand.CM_SHAKE256_INIT,
            Codec.variable(4, 4 + MAX_DATA, (v, out) -> out.sized(v.input()),
                    in -> new Shake256InitRequest(requestTail(in, "input_size", "input", MAX_DATA))),
            SHAKE256_CONTEXT);

    /** CM_SHAKE256_UPDATE's and CM_SHAKE256_FINAL's request: the previous context and the next part of the message. */
    public record Shake256UpdateRequest(Shake256Context context, Octets input) {
        public Shake256UpdateRequest {
            Objects.requireNonNull(context, "context");
            atMost("input", input, MAX_DATA);
        }
    }

    /** context[44], input_size, input[≤4096]: 48 to 4144 bytes. */
    private static final Codec<Shake256UpdateRequest> SHAKE256_UPDATE_REQUEST = Codec.variable(SHAKE256_CONTEXT_SIZE + 4,
            SHAKE256_CONTEXT_SIZE + 4 + MAX_DATA, (v, out) -> out.bytes(v.context().bytes()).sized(v.input()),
            in -> new Shake256UpdateRequest(Shake256Context.read(in), requestTail(in, "input_size", "input", MAX_DATA)));

    public static final CommandCodec<Shake256UpdateRequest, Shake256Context> CM_SHAKE256_UPDATE =
            CommandCodec.of(CaliptraCommand.CM_SHAKE256_UPDATE, SHAKE256_UPDATE_REQUEST, SHAKE256_CONTEXT);

    /** The 64-byte SHAKE256 output CM_SHAKE256_FINAL always returns. */
    public record Shake256Digest(Octets hash) {
        public Shake256Digest {
            exactly("hash", hash, SHAKE256_DIGEST_SIZE);
        }
    }

    public static final CommandCodec<Shake256UpdateRequest, Shake256Digest> CM_SHAKE256_FINAL = CommandCodec.of(
            CaliptraCommand.CM_SHAKE256_FINAL, SHAKE256_UPDATE_REQUEST,
            Codec.fixed(SHAKE256_DIGEST_SIZE, (v, out) -> out.bytes(v.hash()),
                    in -> new Shake256Digest(in.bytes("hash", SHAKE256_DIGEST_SIZE))));

    /** CM_HMAC's request: the HMAC key, the algorithm and the data to authenticate. */
    public record HmacRequest(Cmk cmk, int hashAlgorithm, Octets data) {
        public HmacRequest {
            Objects.requireNonNull(cmk, "cmk");
            atMost("data", data, MAX_DATA);
        }

        public static HmacRequest of(Cmk cmk, HashAlgorithm algorithm, Octets data) {
            return new HmacRequest(cmk, algorithm.value(), data);
        }

        public Optional<HashAlgorithm> algorithm() {
            return HashAlgorithm.fromValue(hashAlgorithm);
        }
    }

    /** cmk, hash_algorithm, data_size, data[≤4096]: 136 to 4232 bytes; answers data_len and mac. */
    public static final CommandCodec<HmacRequest, Digest> CM_HMAC = CommandCodec.of(CaliptraCommand.CM_HMAC,
            Codec.variable(Cmk.SIZE + 8, Cmk.SIZE + 8 + MAX_DATA,
                    (v, out) -> out.bytes(v.cmk().bytes()).u32(v.hashAlgorithm()).sized(v.data()),
                    in -> new HmacRequest(Cmk.read(in, "cmk"), in.u32("hash_algorithm"),
                            requestTail(in, "data_size", "data", MAX_DATA))),
            digestCodec("mac"));
}
