package org.caliptra.util.protocol.cm;

import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CaliptraCommand;

import static org.caliptra.util.protocol.cm.CmFields.MAX_DATA;
import static org.caliptra.util.protocol.cm.CmFields.requestTail;
import static org.caliptra.util.protocol.codec.Fields.atMost;
import static org.caliptra.util.protocol.codec.Fields.exactly;

/**
 * Key management of the cryptographic mailbox (spec/device.md §4.4): CM_IMPORT, CM_DELETE,
 * CM_CLEAR, CM_STATUS, CM_DERIVE_STABLE_KEY and the key derivations CM_HMAC_KDF_COUNTER,
 * CM_HKDF_EXTRACT and CM_HKDF_EXPAND.
 *
 * <p>Enumerated request fields stay raw u32s: the device answers a reserved or unknown value with
 * its own error code, so the codec must carry it to the device unchanged.
 */
public final class CmKeyCommands {
    /** CMK_MAX_KEY_SIZE_BITS / 8: the largest raw key CM_IMPORT takes. */
    public static final int MAX_IMPORT_KEY = 64;
    public static final int STABLE_KEY_INFO_SIZE = 32;

    private CmKeyCommands() {}

    /** CM_IMPORT's request: a raw key and the usage it is to be tagged with. */
    public record ImportRequest(int keyUsage, Octets input) {
        public ImportRequest {
            atMost("input", input, MAX_IMPORT_KEY);
        }

        public static ImportRequest of(KeyUsage usage, Octets key) {
            return new ImportRequest(usage.value(), key);
        }

        public Optional<KeyUsage> usage() {
            return KeyUsage.fromValue(keyUsage);
        }
    }

    /** key_usage, input_size, input[≤64]: 8 to 72 bytes. */
    public static final CommandCodec<ImportRequest, Cmk> CM_IMPORT = CommandCodec.of(CaliptraCommand.CM_IMPORT,
            Codec.variable(8, 8 + MAX_IMPORT_KEY, (v, out) -> out.u32(v.keyUsage()).sized(v.input()),
                    in -> new ImportRequest(in.u32("key_usage"), requestTail(in, "input_size", "input", MAX_IMPORT_KEY))),
            Cmk.CODEC);

    public static final CommandCodec<Cmk, NoFields> CM_DELETE =
            CommandCodec.of(CaliptraCommand.CM_DELETE, Cmk.CODEC, NoFields.CODEC);

    public static final CommandCodec<NoFields, NoFields> CM_CLEAR =
            CommandCodec.of(CaliptraCommand.CM_CLEAR, NoFields.CODEC, NoFields.CODEC);

    /** CM_STATUS's answer: how many usage-tracking entries (one per AES key) are taken, of how many. */
    public record Status(int usedUsageStorage, int totalUsageStorage) {}

    public static final CommandCodec<NoFields, Status> CM_STATUS = CommandCodec.of(CaliptraCommand.CM_STATUS, NoFields.CODEC,
            Codec.fixed(8, (v, out) -> out.u32(v.usedUsageStorage()).u32(v.totalUsageStorage()),
                    in -> new Status(in.u32("used_usage_storage"), in.u32("total_usage_storage"))));

    /** CM_DERIVE_STABLE_KEY's request: the source key and 32 bytes of derivation info. */
    public record DeriveStableKeyRequest(int keyType, Octets info) {
        public DeriveStableKeyRequest {
            exactly("info", info, STABLE_KEY_INFO_SIZE);
        }

        public static DeriveStableKeyRequest of(StableKeyType type, Octets info) {
            return new DeriveStableKeyRequest(type.value(), info);
        }

        public Optional<StableKeyType> stableKeyType() {
            return StableKeyType.fromValue(keyType);
        }
    }

    public static final CommandCodec<DeriveStableKeyRequest, Cmk> CM_DERIVE_STABLE_KEY = CommandCodec.of(
            CaliptraCommand.CM_DERIVE_STABLE_KEY,
            Codec.fixed(4 + STABLE_KEY_INFO_SIZE, (v, out) -> out.u32(v.keyType()).bytes(v.info()),
                    in -> new DeriveStableKeyRequest(in.u32("key_type"), in.bytes("info", STABLE_KEY_INFO_SIZE))),
            Cmk.CODEC);

    /** CM_HMAC_KDF_COUNTER's request: SP 800-108 counter-mode KDF of {@code kin} over {@code label}. */
    public record HmacKdfCounterRequest(Cmk kin, int hashAlgorithm, int keyUsage, int keySize, Octets label) {
        public HmacKdfCounterRequest {
            Objects.requireNonNull(kin, "kin");
            atMost("label", label, MAX_DATA);
        }

        public Optional<HashAlgorithm> algorithm() {
            return HashAlgorithm.fromValue(hashAlgorithm);
        }

        public Optional<KeyUsage> usage() {
            return KeyUsage.fromValue(keyUsage);
        }
    }

    /** kin, hash_algorithm, key_usage, key_size, label_size, label[≤4096]: 144 to 4240 bytes. */
    public static final CommandCodec<HmacKdfCounterRequest, Cmk> CM_HMAC_KDF_COUNTER = CommandCodec.of(
            CaliptraCommand.CM_HMAC_KDF_COUNTER,
            Codec.variable(Cmk.SIZE + 16, Cmk.SIZE + 16 + MAX_DATA, (v, out) -> out.bytes(v.kin().bytes()).u32(v.hashAlgorithm())
                    .u32(v.keyUsage()).u32(v.keySize()).sized(v.label()),
                    in -> new HmacKdfCounterRequest(Cmk.read(in, "kin"), in.u32("hash_algorithm"), in.u32("key_usage"),
                            in.u32("key_size"), requestTail(in, "label_size", "label", MAX_DATA))),
            Cmk.codec("kout"));

    /** CM_HKDF_EXTRACT's request: RFC 5869 extract of {@code ikm} with {@code salt}, both HMAC CMKs. */
    public record HkdfExtractRequest(int hashAlgorithm, Cmk salt, Cmk ikm) {
        public HkdfExtractRequest {
            Objects.requireNonNull(salt, "salt");
            Objects.requireNonNull(ikm, "ikm");
        }

        public Optional<HashAlgorithm> algorithm() {
            return HashAlgorithm.fromValue(hashAlgorithm);
        }
    }

    /** hash_algorithm, salt, ikm: 4 + 128 + 128 = 260 bytes. */
    public static final CommandCodec<HkdfExtractRequest, Cmk> CM_HKDF_EXTRACT = CommandCodec.of(
            CaliptraCommand.CM_HKDF_EXTRACT,
            Codec.fixed(4 + 2 * Cmk.SIZE, (v, out) -> out.u32(v.hashAlgorithm()).bytes(v.salt().bytes()).bytes(v.ikm().bytes()),
                    in -> new HkdfExtractRequest(in.u32("hash_algorithm"), Cmk.read(in, "salt"), Cmk.read(in, "ikm"))),
            Cmk.codec("prk"));

    /** CM_HKDF_EXPAND's request: RFC 5869 expand of {@code prk} over {@code info} into a key of the given usage. */
    public record HkdfExpandRequest(Cmk prk, int hashAlgorithm, int keyUsage, int keySize, Octets info) {
        public HkdfExpandRequest {
            Objects.requireNonNull(prk, "prk");
            atMost("info", info, MAX_DATA);
        }

        public Optional<HashAlgorithm> algorithm() {
            return HashAlgorithm.fromValue(hashAlgorithm);
        }

        public Optional<KeyUsage> usage() {
            return KeyUsage.fromValue(keyUsage);
        }
    }

    /** prk, hash_algorithm, key_usage, key_size, info_size, info[≤4096]: 144 to 4240 bytes. */
    public static final CommandCodec<HkdfExpandRequest, Cmk> CM_HKDF_EXPAND = CommandCodec.of(
            CaliptraCommand.CM_HKDF_EXPAND,
            Codec.variable(Cmk.SIZE + 16, Cmk.SIZE + 16 + MAX_DATA, (v, out) -> out.bytes(v.prk().bytes()).u32(v.hashAlgorithm())
                    .u32(v.keyUsage()).u32(v.keySize()).sized(v.info()),
                    in -> new HkdfExpandRequest(Cmk.read(in, "prk"), in.u32("hash_algorithm"), in.u32("key_usage"),
                            in.u32("key_size"), requestTail(in, "info_size", "info", MAX_DATA))),
            Cmk.codec("okm"));
}
