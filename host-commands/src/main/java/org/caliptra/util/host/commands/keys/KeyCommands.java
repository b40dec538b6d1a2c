package org.caliptra.util.host.commands.keys;

import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.host.commands.KeyResponse;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.Codec;

/**
 * Importing a raw key as a device key (CMK) and deleting one (spec/hostlib.md §2.3), and how much of
 * the device's key usage storage is taken (CmStatus, this library's extension id 0x2032).
 */
public final class KeyCommands {
    /** The largest raw key Import takes. */
    public static final int MAX_KEY = CmKeyCommands.MAX_IMPORT_KEY;

    private KeyCommands() {}

    /** The key-management commands. */
    public sealed interface KeyCommand<R> extends CatalogCommand<R> permits Import, Delete, CmStatus {}

    /**
     * Import (0x2015): a raw key of at most 64 bytes becomes a CMK tagged with {@code usage}.
     *
     * <pre>
     * internal request:  key_usage u32, input_size u32, input u8[64]           (72)
     * internal response: fips_status, cmk u8[128]                              (132)
     * </pre>
     */
    public record Import(KeyUsage usage, Octets key) implements KeyCommand<KeyResponse> {
        public static final CommandType<Import, KeyResponse> TYPE = CommandType.of(CommandId.IMPORT, Import.class, false,
                "Import a raw key (up to 64 bytes) as a device key of a given usage",
                Codec.fixed(8 + MAX_KEY, (v, out) -> InternalFields.sized(out.u32(v.usage().value()), v.key(), MAX_KEY),
                        in -> new Import(InternalFields.keyUsage(in, "key_usage"), InternalFields.sized(in, "input_size", "input", MAX_KEY))),
                KeyResponse.codec("cmk"), () -> new Import(KeyUsage.HMAC, Octets.fromHex("0b".repeat(48))));

        public Import {
            InternalFields.present("Import", "key_usage", usage);
            InternalFields.atMost("Import", "input", key, MAX_KEY);
        }

        @Override
        public CommandType<Import, KeyResponse> type() {
            return TYPE;
        }
    }

    /**
     * Delete (0x2016): forget a CMK.
     *
     * <pre>
     * internal request:  cmk u8[128]                                           (128)
     * internal response: fips_status                                           (4)
     * </pre>
     */
    public record Delete(Cmk cmk) implements KeyCommand<StatusResponse> {
        public static final CommandType<Delete, StatusResponse> TYPE = CommandType.of(CommandId.DELETE, Delete.class, false,
                "Delete a device key", Codec.fixed(Cmk.SIZE, (v, out) -> out.bytes(v.cmk().bytes()),
                        in -> new Delete(InternalFields.cmk(in, "cmk"))),
                StatusResponse.CODEC, () -> new Delete(new Cmk(Octets.zeros(Cmk.SIZE))));

        public Delete {
            InternalFields.present("Delete", "cmk", cmk);
        }

        @Override
        public CommandType<Delete, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * CmStatus's answer: how many entries of the device's key usage storage are taken and how many
     * it has. The device keeps one per AES key (the GCM usage counter), so importing an AES key
     * takes one and deleting it frees it.
     */
    public record StorageStatus(int fipsStatus, int usedUsageStorage, int totalUsageStorage) {}

    /**
     * CmStatus (0x2032, extension): the cryptographic mailbox's key usage storage. Idempotent: it reads.
     *
     * <pre>
     * internal request:  (empty)                                               (0)
     * internal response: fips_status, used_usage_storage u32, total_usage_storage u32   (12)
     * </pre>
     */
    public record CmStatus() implements KeyCommand<StorageStatus> {
        public static final CommandType<CmStatus, StorageStatus> TYPE = CommandType.of(CommandId.CM_STATUS, CmStatus.class, true,
                "How many entries of the device's key usage storage are taken, of how many",
                Codec.fixed(0, (v, out) -> { }, in -> new CmStatus()),
                Codec.fixed(12, (v, out) -> out.u32(v.fipsStatus()).u32(v.usedUsageStorage()).u32(v.totalUsageStorage()),
                        in -> new StorageStatus(in.u32("fips_status"), in.u32("used_usage_storage"), in.u32("total_usage_storage"))),
                CmStatus::new);

        @Override
        public CommandType<CmStatus, StorageStatus> type() {
            return TYPE;
        }
    }
}
