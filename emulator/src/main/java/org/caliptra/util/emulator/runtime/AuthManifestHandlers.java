package org.caliptra.util.emulator.runtime;

import org.caliptra.util.protocol.core.AuthResult;

import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.image.soc.FirmwareTrust;
import org.caliptra.util.image.soc.ManifestAuthorization;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.AuthManifestCommands;
import org.caliptra.util.protocol.core.AuthManifestCommands.AuthorizeAndStashRequest;
import org.caliptra.util.protocol.core.AuthManifestCommands.AuthorizeAndStashResponse;
import org.caliptra.util.protocol.core.AuthManifestCommands.ImageSource;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_AUTH_AND_STASH_UNSUPPORTED_IMAGE_SOURCE;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INSUFFICIENT_MEMORY;

/**
 * SET_AUTH_MANIFEST and AUTHORIZE_AND_STASH (spec/formats.md §3.4), judged by the image module's
 * {@link ManifestAuthorization} against the keys of the firmware the ROM accepted. The loaded
 * image-metadata collection lasts until the next firmware load.
 */
final class AuthManifestHandlers implements CommandTable.CommandFamily {
    private final CaliptraFirmware firmware;
    private ManifestAuthorization authorization;
    private org.caliptra.util.protocol.Octets digest = org.caliptra.util.protocol.Octets.zeros(48);

    AuthManifestHandlers(CaliptraFirmware firmware) {
        this.firmware = firmware;
    }

    void reset() {
        authorization = null;
        digest = org.caliptra.util.protocol.Octets.zeros(48);
    }

    /** SHA-384 of the SET_AUTH_MANIFEST buffer in force, or zeros. */
    org.caliptra.util.protocol.Octets digest() {
        return digest;
    }

    private ManifestAuthorization current() {
        return authorization == null ? ManifestAuthorization.empty(firmware.generation()) : authorization;
    }

    @Override
    public void register(CommandTable.Builder table) {
        Generation generation = firmware.generation();
        table.add(AuthManifestCommands.setAuthManifest(generation), (request, requester) -> {
            var loaded = firmware.loaded();
            var trust = FirmwareTrust.of(loaded.bundle(), loaded.accepted(), loaded.fuses());
            var load = current().apply(request.manifest().toByteArray(), trust);
            if (load instanceof ManifestAuthorization.Load.Refused refused) {
                throw new CommandFailure(refused.error().code(), false, refused.error().detail());
            }
            authorization = ((ManifestAuthorization.Load.Loaded) load).authorization();
            digest = org.caliptra.util.image.Sha384.of(request.manifest());
            return NoFields.INSTANCE;
        });
        table.add(AuthManifestCommands.authorizeAndStash(generation), RUNTIME_INSUFFICIENT_MEMORY,
                (request, requester) -> authorize(request, requester.user()));
    }

    private AuthorizeAndStashResponse authorize(AuthorizeAndStashRequest request, int user) {
        Generation generation = firmware.generation();
        var source = ImageSource.fromValue(request.source());
        boolean supported = generation == Generation.V1 ? source.filter(s -> s == ImageSource.IN_REQUEST).isPresent() : source.isPresent();
        if (!supported) {
            throw CommandFailure.of(RUNTIME_AUTH_AND_STASH_UNSUPPORTED_IMAGE_SOURCE, "image source " + request.source());
        }
        if (generation == Generation.V2 && !request.skipStash() && !firmware.loaded().isPl0(user)) {
            throw CommandFailure.of(RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL, "stashing a measurement needs PL0");
        }
        AuthResult result = current().authorize(request.fwId(), request.measurement());
        if (result.authorized() && !request.skipStash()) {
            // The stash is STASH_MEASUREMENT's: the measurement goes into PCR31.
            firmware.pcrs().stash(request.measurement().toByteArray());
        }
        return AuthorizeAndStashResponse.of(result);
    }
}
