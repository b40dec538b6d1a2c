package org.caliptra.util.protocol.core;

import java.util.Optional;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

/**
 * SoC manifest authorization (spec/device.md §4.2, spec/formats.md §3.4): SET_AUTH_MANIFEST,
 * VERIFY_AUTH_MANIFEST, SET_OWNER_AUTH_MANIFEST, AUTHORIZE_AND_STASH, GET_IMAGE_INFO and
 * INSTALL_OWNER_PK_HASH.
 */
public final class AuthManifestCommands {
    /** Largest SoC manifest the upstream 1.x runtime takes (14 KiB). */
    public static final int MAX_MANIFEST_V1 = 14 * 1024;
    /**
     * Largest SoC manifest ASPEED's AST2700 1.x runtime takes (16 KiB): its manifest is 16004 bytes.
     * The 1.x codec accepts this much; which limit applies is the runtime's check, by manifest kind.
     */
    public static final int MAX_MANIFEST_ASPEED = 16 * 1024;
    /** Largest SoC manifest SET_AUTH_MANIFEST takes on 2.x (34 KiB). */
    public static final int MAX_MANIFEST_V2 = 34 * 1024;
    /** Largest owner-only manifest SET_OWNER_AUTH_MANIFEST takes (24 KiB). */
    public static final int MAX_OWNER_MANIFEST = 24 * 1024;

    private AuthManifestCommands() {}

    /** The largest manifest any runtime of {@code generation} takes through SET_AUTH_MANIFEST. */
    public static int maxManifestSize(Generation generation) {
        return generation == Generation.V1 ? MAX_MANIFEST_ASPEED : MAX_MANIFEST_V2;
    }

    /**
     * {@code manifest_size:u32, manifest[manifest_size]}. A requester may send the whole
     * fixed-size buffer; bytes after {@code manifest_size} are padding and are not part of the
     * manifest.
     */
    public record ManifestRequest(Octets manifest) {}

    private static Codec<ManifestRequest> manifestCodec(int max) {
        return Codec.variable(4, 4 + max, (v, out) -> out.sized(v.manifest()), in -> {
            int at = in.position();
            long size = Integer.toUnsignedLong(in.u32("manifest_size"));
            if (size > max) {
                throw in.error("manifest_size", at, "is " + size + ", at most " + max);
            }
            if (size > in.remaining()) {
                throw in.error("manifest_size", at, "is " + size + " but only " + in.remaining() + " bytes follow");
            }
            Octets manifest = in.bytes("manifest", (int) size);
            in.skip("padding", in.remaining());
            return new ManifestRequest(manifest);
        });
    }

    public static final CommandCodec<ManifestRequest, NoFields> SET_AUTH_MANIFEST_V1 =
            CommandCodec.of(CaliptraCommand.SET_AUTH_MANIFEST, manifestCodec(MAX_MANIFEST_ASPEED), NoFields.CODEC);
    public static final CommandCodec<ManifestRequest, NoFields> SET_AUTH_MANIFEST_V2 =
            CommandCodec.of(CaliptraCommand.SET_AUTH_MANIFEST, manifestCodec(MAX_MANIFEST_V2), NoFields.CODEC);
    public static final CommandCodec<ManifestRequest, NoFields> VERIFY_AUTH_MANIFEST =
            CommandCodec.of(CaliptraCommand.VERIFY_AUTH_MANIFEST, manifestCodec(MAX_MANIFEST_V2), NoFields.CODEC);
    public static final CommandCodec<ManifestRequest, NoFields> SET_OWNER_AUTH_MANIFEST =
            CommandCodec.of(CaliptraCommand.SET_OWNER_AUTH_MANIFEST, manifestCodec(MAX_MANIFEST_V2), NoFields.CODEC);

    public static CommandCodec<ManifestRequest, NoFields> setAuthManifest(Generation generation) {
        return generation == Generation.V1 ? SET_AUTH_MANIFEST_V1 : SET_AUTH_MANIFEST_V2;
    }

    /** Where AUTHORIZE_AND_STASH finds the image to measure. */
    public enum ImageSource {
        IN_REQUEST(1), LOAD_ADDRESS(2), STAGING_ADDRESS(3);

        private final int value;

        ImageSource(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }

        public static Optional<ImageSource> fromValue(int value) {
            for (ImageSource s : values()) {
                if (s.value == value) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * AUTHORIZE_AND_STASH's request. {@code source} stays a raw u32 because the device answers an
     * unsupported value with its own error (RUNTIME_AUTH_AND_STASH_UNSUPPORTED_IMAGE_SOURCE);
     * {@code imageSize} exists on 2.x only (0 on 1.x).
     */
    public record AuthorizeAndStashRequest(int fwId, Octets measurement, Octets context, int svn, int flags, int source,
            int imageSize) {
        /** flags bit 0: authorize without stashing the measurement. */
        public static final int SKIP_STASH = 1;

        public AuthorizeAndStashRequest {
            Fields.exactly("measurement", measurement, 48);
            Fields.exactly("context", context, 48);
        }

        /** Authorize an image whose digest the requester computed, and stash it. */
        public static AuthorizeAndStashRequest inRequest(int fwId, Octets digest) {
            return new AuthorizeAndStashRequest(fwId, digest, Octets.zeros(48), 0, 0, ImageSource.IN_REQUEST.value(), 0);
        }

        public boolean skipStash() {
            return (flags & SKIP_STASH) != 0;
        }
    }

    /** {@code auth_req_result}: one of {@link AuthResult}'s codes on a conforming device. */
    public record AuthorizeAndStashResponse(int authReqResult) {
        public static AuthorizeAndStashResponse of(AuthResult result) {
            return new AuthorizeAndStashResponse(result.code());
        }

        public Optional<AuthResult> result() {
            return AuthResult.fromCode(authReqResult);
        }
    }

    private static AuthorizeAndStashRequest readAuthorize(FieldReader in, boolean v2) {
        return new AuthorizeAndStashRequest(in.u32("fw_id"), in.bytes("measurement", 48), in.bytes("context", 48),
                in.u32("svn"), in.u32("flags"), in.u32("source"), v2 ? in.u32("image_size") : 0);
    }

    private static final Codec<AuthorizeAndStashResponse> AUTHORIZE_RESPONSE = Codec.fixed(4,
            (v, out) -> out.u32(v.authReqResult()), in -> new AuthorizeAndStashResponse(in.u32("auth_req_result")));

    public static final CommandCodec<AuthorizeAndStashRequest, AuthorizeAndStashResponse> AUTHORIZE_AND_STASH_V1 =
            CommandCodec.of(CaliptraCommand.AUTHORIZE_AND_STASH, Codec.fixed(112, (v, out) -> out.u32(v.fwId())
                    .bytes(v.measurement()).bytes(v.context()).u32(v.svn()).u32(v.flags()).u32(v.source()),
                    in -> readAuthorize(in, false)), AUTHORIZE_RESPONSE);
    public static final CommandCodec<AuthorizeAndStashRequest, AuthorizeAndStashResponse> AUTHORIZE_AND_STASH_V2 =
            CommandCodec.of(CaliptraCommand.AUTHORIZE_AND_STASH, Codec.fixed(116, (v, out) -> out.u32(v.fwId())
                    .bytes(v.measurement()).bytes(v.context()).u32(v.svn()).u32(v.flags()).u32(v.source()).u32(v.imageSize()),
                    in -> readAuthorize(in, true)), AUTHORIZE_RESPONSE);

    public static CommandCodec<AuthorizeAndStashRequest, AuthorizeAndStashResponse> authorizeAndStash(Generation generation) {
        return generation == Generation.V1 ? AUTHORIZE_AND_STASH_V1 : AUTHORIZE_AND_STASH_V2;
    }

    public record FwIdRequest(int fwId) {}

    /** GET_IMAGE_INFO: an image's metadata entry as the loaded SoC manifest lists it. */
    public record ImageInfo(int componentId, int flags, int loadAddressHigh, int loadAddressLow, int stagingAddressHigh,
            int stagingAddressLow, Octets digest) {
        public ImageInfo {
            Fields.exactly("digest", digest, 48);
        }
    }

    public static final CommandCodec<FwIdRequest, ImageInfo> GET_IMAGE_INFO = CommandCodec.of(CaliptraCommand.GET_IMAGE_INFO,
            Codec.fixed(4, (v, out) -> out.u32(v.fwId()), in -> new FwIdRequest(in.u32("fw_id"))),
            Codec.fixed(72, (v, out) -> out.u32(v.componentId()).u32(v.flags()).u32(v.loadAddressHigh()).u32(v.loadAddressLow())
                    .u32(v.stagingAddressHigh()).u32(v.stagingAddressLow()).bytes(v.digest()),
                    in -> new ImageInfo(in.u32("component_id"), in.u32("flags"), in.u32("image_load_address_high"),
                            in.u32("image_load_address_low"), in.u32("image_staging_address_high"),
                            in.u32("image_staging_address_low"), in.bytes("digest", 48))));

    /** INSTALL_OWNER_PK_HASH: the owner key hash (standard byte order; u32[12] on the wire). */
    public record OwnerPkHash(Octets digest) {
        public OwnerPkHash {
            Fields.exactly("digest", digest, 48);
        }
    }

    public record DpeResult(int dpeResult) {}

    public static final CommandCodec<OwnerPkHash, DpeResult> INSTALL_OWNER_PK_HASH = CommandCodec.of(
            CaliptraCommand.INSTALL_OWNER_PK_HASH,
            Codec.fixed(48, (v, out) -> out.hwWords(v.digest()), in -> new OwnerPkHash(in.hwWords("digest", 48))),
            Codec.fixed(4, (v, out) -> out.u32(v.dpeResult()), in -> new DpeResult(in.u32("dpe_result"))));
}
