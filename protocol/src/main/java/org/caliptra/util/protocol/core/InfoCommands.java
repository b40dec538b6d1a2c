package org.caliptra.util.protocol.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

/** CAPABILITIES, VERSION and FW_INFO (spec/device.md §4.2): what a device says about itself. */
public final class InfoCommands {
    private InfoCommands() {}

    /**
     * The capability bits, a u128 sent big-endian: bytes 0–7 runtime, 8–11 FMC, 12–15 ROM. Bit
     * {@code n} of the u128 is bit {@code n % 8} of byte {@code 15 - n / 8}.
     */
    public record Capabilities(Octets bits) {
        public static final int SIZE = 16;
        public static final int ROM_BASE = 0;
        public static final int ROM_OCP_LOCK = 1;
        public static final int ROM_STABLE_OWNER_KEY = 2;
        public static final int RT_BASE = 64;
        public static final int RT_OCP_LOCK = 65;

        public Capabilities {
            Fields.exactly("capabilities", bits, SIZE);
        }

        public static Capabilities of(int... setBits) {
            byte[] b = new byte[SIZE];
            for (int bit : setBits) {
                if (bit < 0 || bit >= 128) {
                    throw new IllegalArgumentException("capability bit " + bit + " is outside the u128");
                }
                b[15 - bit / 8] |= (byte) (1 << (bit % 8));
            }
            return new Capabilities(Octets.of(b));
        }

        public boolean has(int bit) {
            return bit >= 0 && bit < 128 && (bits.get(15 - bit / 8) & (1 << (bit % 8))) != 0;
        }
    }

    public static final CommandCodec<NoFields, Capabilities> CAPABILITIES = CommandCodec.of(CaliptraCommand.CAPABILITIES,
            NoFields.CODEC, Codec.fixed(Capabilities.SIZE, (v, out) -> out.bytes(v.bits()),
                    in -> new Capabilities(in.bytes("capabilities", Capabilities.SIZE))));

    /**
     * VERSION (FIPS_VERSION): {@code mode} is 0x46495053 "FIPS"; the three revisions are
     * CPTRA_HW_REV_ID, CPTRA_FW_REV_ID[0] (ROM [15:0], FMC [31:16]) and CPTRA_FW_REV_ID[1] (runtime).
     */
    public record FipsVersion(int mode, int hwRevId, int romFmcRevision, int runtimeRevision, String name) {
        public static final int MODE_FIPS = 0x4649_5053;
        public static final String NAME = "Caliptra RTM";
        static final int NAME_SIZE = 12;

        public FipsVersion {
            Objects.requireNonNull(name, "name");
            if (Fields.asciiBytes("name", name).length > NAME_SIZE) {
                throw new IllegalArgumentException("name is at most 12 ASCII characters: " + name);
            }
        }

        public int romVersion() {
            return romFmcRevision & 0xFFFF;
        }

        public int fmcVersion() {
            return romFmcRevision >>> 16;
        }
    }

    public static final CommandCodec<NoFields, FipsVersion> VERSION = CommandCodec.of(CaliptraCommand.VERSION,
            NoFields.CODEC, Codec.fixed(28, (v, out) -> out.u32(v.mode()).u32(v.hwRevId()).u32(v.romFmcRevision())
                    .u32(v.runtimeRevision()).padded(Octets.of(v.name().getBytes(StandardCharsets.US_ASCII)), FipsVersion.NAME_SIZE),
                    in -> new FipsVersion(in.u32("mode"), in.u32("fips_rev[0]"), in.u32("fips_rev[1]"), in.u32("fips_rev[2]"),
                            asciiName(in))));

    /**
     * The name as text: ASCII, then NUL padding. A byte beyond ASCII is a malformed response, named
     * as such, rather than text that would encode back as '?' (found by CodecFuzzTest).
     */
    private static String asciiName(FieldReader in) {
        int at = in.position();
        Octets raw = in.bytes("name", FipsVersion.NAME_SIZE);
        for (int i = 0; i < raw.length(); i++) {
            if (raw.get(i) < 0) {
                throw in.error("name", at, String.format("holds byte 0x%02X at index %d, which is not ASCII", raw.get(i) & 0xFF, i));
            }
        }
        return Fields.ascii(raw);
    }

    /** FW_INFO of a 1.x runtime (256 bytes after the header). Digests in standard byte order. */
    public record FwInfoV1(int pl0Pauser, int runtimeSvn, int minRuntimeSvn, int fmcManifestSvn, int attestationDisabled,
            Octets romRevision, Octets fmcRevision, Octets runtimeRevision, Octets romSha256, Octets fmcSha384,
            Octets runtimeSha384, Octets ownerPubKeyHash) implements FwInfo {
        public FwInfoV1 {
            checkCommon(romRevision, fmcRevision, runtimeRevision, romSha256, fmcSha384, runtimeSha384, ownerPubKeyHash);
        }
    }

    /**
     * FW_INFO of a 2.x runtime (384 bytes after the header; the fields after
     * {@code mostRecentFwError} exist from 2.0.2 / 2.1.1). Digests in standard byte order.
     */
    public record FwInfoV2(int pl0Pauser, int fwSvn, int minFwSvn, int coldBootFwSvn, int attestationDisabled,
            Octets romRevision, Octets fmcRevision, Octets runtimeRevision, Octets romSha256, Octets fmcSha384,
            Octets runtimeSha384, Octets ownerPubKeyHash, Octets authmanSha384, int mostRecentFwError, Octets vendorPubKeyHash,
            int imageManifestPqcType, int vendorEcc384PubKeyIndex, int vendorPqcPubKeyIndex, int socManifestCurrentSvn,
            int socManifestMinSvn, int ownerAuthManifestCurrentSvn, int ownerAuthManifestMinSvn) implements FwInfo {
        public FwInfoV2 {
            checkCommon(romRevision, fmcRevision, runtimeRevision, romSha256, fmcSha384, runtimeSha384, ownerPubKeyHash);
            Fields.exactly("authman_sha384_digest", authmanSha384, 48);
            Fields.exactly("vendor_pub_key_hash", vendorPubKeyHash, 48);
        }
    }

    /** Either generation's FW_INFO. */
    public sealed interface FwInfo permits FwInfoV1, FwInfoV2 {
        int pl0Pauser();

        Octets fmcSha384();

        Octets runtimeSha384();
    }

    public static final CommandCodec<NoFields, FwInfoV1> FW_INFO_V1 = CommandCodec.of(CaliptraCommand.FW_INFO, NoFields.CODEC,
            Codec.fixed(256, (v, out) -> {
                out.u32(v.pl0Pauser()).u32(v.runtimeSvn()).u32(v.minRuntimeSvn()).u32(v.fmcManifestSvn()).u32(v.attestationDisabled());
                out.bytes(v.romRevision()).bytes(v.fmcRevision()).bytes(v.runtimeRevision());
                out.hwWords(v.romSha256()).hwWords(v.fmcSha384()).hwWords(v.runtimeSha384()).hwWords(v.ownerPubKeyHash());
            }, in -> new FwInfoV1(in.u32("pl0_pauser"), in.u32("runtime_svn"), in.u32("min_runtime_svn"), in.u32("fmc_manifest_svn"),
                    in.u32("attestation_disabled"), in.bytes("rom_revision", 20), in.bytes("fmc_revision", 20),
                    in.bytes("runtime_revision", 20), in.hwWords("rom_sha256_digest", 32), in.hwWords("fmc_sha384_digest", 48),
                    in.hwWords("runtime_sha384_digest", 48), in.hwWords("owner_pub_key_hash", 48))));

    public static final CommandCodec<NoFields, FwInfoV2> FW_INFO_V2 = CommandCodec.of(CaliptraCommand.FW_INFO, NoFields.CODEC,
            Codec.fixed(384, (v, out) -> {
                out.u32(v.pl0Pauser()).u32(v.fwSvn()).u32(v.minFwSvn()).u32(v.coldBootFwSvn()).u32(v.attestationDisabled());
                out.bytes(v.romRevision()).bytes(v.fmcRevision()).bytes(v.runtimeRevision());
                out.hwWords(v.romSha256()).hwWords(v.fmcSha384()).hwWords(v.runtimeSha384()).hwWords(v.ownerPubKeyHash());
                out.hwWords(v.authmanSha384()).u32(v.mostRecentFwError()).hwWords(v.vendorPubKeyHash());
                out.u32(v.imageManifestPqcType()).u32(v.vendorEcc384PubKeyIndex()).u32(v.vendorPqcPubKeyIndex());
                out.u32(v.socManifestCurrentSvn()).u32(v.socManifestMinSvn()).u32(v.ownerAuthManifestCurrentSvn())
                        .u32(v.ownerAuthManifestMinSvn());
            }, in -> new FwInfoV2(in.u32("pl0_pauser"), in.u32("fw_svn"), in.u32("min_fw_svn"), in.u32("cold_boot_fw_svn"),
                    in.u32("attestation_disabled"), in.bytes("rom_revision", 20), in.bytes("fmc_revision", 20),
                    in.bytes("runtime_revision", 20), in.hwWords("rom_sha256_digest", 32), in.hwWords("fmc_sha384_digest", 48),
                    in.hwWords("runtime_sha384_digest", 48), in.hwWords("owner_pub_key_hash", 48),
                    in.hwWords("authman_sha384_digest", 48), in.u32("most_recent_fw_error"), in.hwWords("vendor_pub_key_hash", 48),
                    in.u32("image_manifest_pqc_type"), in.u32("vendor_ecc384_pub_key_index"), in.u32("vendor_pqc_pub_key_index"),
                    in.u32("soc_manifest_current_svn"), in.u32("soc_manifest_min_svn"),
                    in.u32("owner_auth_manifest_current_svn"), in.u32("owner_auth_manifest_min_svn"))));

    /** FW_INFO as {@code generation}'s runtime answers it. */
    public static CommandCodec<NoFields, ? extends FwInfo> fwInfo(Generation generation) {
        return generation == Generation.V1 ? FW_INFO_V1 : FW_INFO_V2;
    }

    private static void checkCommon(Octets romRevision, Octets fmcRevision, Octets runtimeRevision, Octets romSha256,
            Octets fmcSha384, Octets runtimeSha384, Octets ownerPubKeyHash) {
        Fields.exactly("rom_revision", romRevision, 20);
        Fields.exactly("fmc_revision", fmcRevision, 20);
        Fields.exactly("runtime_revision", runtimeRevision, 20);
        Fields.exactly("rom_sha256_digest", romSha256, 32);
        Fields.exactly("fmc_sha384_digest", fmcSha384, 48);
        Fields.exactly("runtime_sha384_digest", runtimeSha384, 48);
        Fields.exactly("owner_pub_key_hash", ownerPubKeyHash, 48);
    }
}
