package org.caliptra.util.host.commands.hmac;

import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.DigestResponse;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.host.commands.KeyResponse;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.Codec;

/** HMAC and the SP 800-108 counter-mode KDF over a device key (spec/hostlib.md §2.3). */
public final class HmacCommands {
    /** The most data (HMAC) or label (KDF) bytes one command carries. */
    public static final int MAX_DATA = 4096;

    private HmacCommands() {}

    /** The HMAC commands. */
    public sealed interface HmacCommand<R> extends CatalogCommand<R> permits Hmac, HmacKdfCounter {}

    /**
     * Hmac (0x2013): a MAC of at most 4096 bytes in one command (the device has no streaming HMAC).
     *
     * <pre>
     * internal request:  cmk u8[128], hash_algorithm u32, data_size u32, data u8[4096]   (4232)
     * internal response: fips_status, mac_size u32, mac u8[64]                           (72)
     * </pre>
     */
    public record Hmac(Cmk cmk, HashAlgorithm algorithm, Octets data) implements HmacCommand<DigestResponse> {
        public static final CommandType<Hmac, DigestResponse> TYPE = CommandType.of(CommandId.HMAC, Hmac.class, true,
                "HMAC-SHA-384/512 of up to 4096 bytes with an HMAC key",
                Codec.fixed(Cmk.SIZE + 8 + MAX_DATA,
                        (v, out) -> InternalFields.sized(out.bytes(v.cmk().bytes()).u32(v.algorithm().value()), v.data(), MAX_DATA),
                        in -> new Hmac(InternalFields.cmk(in, "cmk"), InternalFields.hashAlgorithm(in, "hash_algorithm"),
                                InternalFields.sized(in, "data_size", "data", MAX_DATA))),
                DigestResponse.codec("mac_size", "mac"),
                () -> new Hmac(new Cmk(Octets.zeros(Cmk.SIZE)), HashAlgorithm.SHA384,
                        Octets.of("Test message for HMAC-SHA384 validation".getBytes())));

        public Hmac {
            InternalFields.present("Hmac", "cmk", cmk);
            InternalFields.present("Hmac", "hash_algorithm", algorithm);
            InternalFields.atMost("Hmac", "data", data, MAX_DATA);
        }

        @Override
        public CommandType<Hmac, DigestResponse> type() {
            return TYPE;
        }
    }

    /**
     * HmacKdfCounter (0x2014): a new key of {@code usage} and {@code keySize} bytes derived from
     * {@code kin} over {@code label}.
     *
     * <pre>
     * internal request:  kin u8[128], hash_algorithm u32, key_usage u32, key_size u32,
     *                    label_size u32, label u8[4096]                                   (4240)
     * internal response: fips_status, kout u8[128]                                        (132)
     * </pre>
     */
    public record HmacKdfCounter(Cmk kin, HashAlgorithm algorithm, KeyUsage usage, int keySize, Octets label)
            implements HmacCommand<KeyResponse> {
        public static final CommandType<HmacKdfCounter, KeyResponse> TYPE = CommandType.of(CommandId.HMAC_KDF_COUNTER,
                HmacKdfCounter.class, false, "Derive a new key from an HMAC key (SP 800-108 counter mode)",
                Codec.fixed(Cmk.SIZE + 16 + MAX_DATA,
                        (v, out) -> InternalFields.sized(out.bytes(v.kin().bytes()).u32(v.algorithm().value()).u32(v.usage().value())
                                .u32(v.keySize()), v.label(), MAX_DATA),
                        in -> new HmacKdfCounter(InternalFields.cmk(in, "kin"), InternalFields.hashAlgorithm(in, "hash_algorithm"),
                                InternalFields.keyUsage(in, "key_usage"), in.u32("key_size"),
                                InternalFields.sized(in, "label_size", "label", MAX_DATA))),
                KeyResponse.codec("kout"),
                () -> new HmacKdfCounter(new Cmk(Octets.zeros(Cmk.SIZE)), HashAlgorithm.SHA384, KeyUsage.AES, 32,
                        Octets.of("key derivation test label".getBytes())));

        public HmacKdfCounter {
            InternalFields.present("HmacKdfCounter", "kin", kin);
            InternalFields.present("HmacKdfCounter", "hash_algorithm", algorithm);
            InternalFields.present("HmacKdfCounter", "key_usage", usage);
            InternalFields.atMost("HmacKdfCounter", "label", label, MAX_DATA);
        }

        @Override
        public CommandType<HmacKdfCounter, KeyResponse> type() {
            return TYPE;
        }
    }
}
