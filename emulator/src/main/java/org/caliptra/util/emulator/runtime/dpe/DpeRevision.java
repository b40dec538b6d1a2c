package org.caliptra.util.emulator.runtime.dpe;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyResponse;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextResponse;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DpeCommand;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ExportedCdiResponse;

/**
 * What differs between the DPE of caliptra-sw 1.2 (its caliptra-dpe submodule) and of main (the
 * caliptra-dpe revision its Cargo.lock pins): the profile's minor version, the number of contexts,
 * the runtime's per-level context limits, the flags the runtime derives its own contexts with, and
 * the few rules that changed.
 */
enum DpeRevision {
    V1(Generation.V1, 12, 24, 16, 16, 0x1E00_0000),
    V2(Generation.V2, 13, 64, 32, 32, 0x1E20_0000);

    /** MAKE_DEFAULT | CHANGE_LOCALITY | bit 26 | INPUT_ALLOW_X509, and 2.x's ALLOW_RECURSIVE. */
    final int runtimeDeriveFlags;
    final Generation generation;
    final int minorVersion;
    final int maxHandles;
    final int pl0Limit;
    final int pl1Limit;

    DpeRevision(Generation generation, int minorVersion, int maxHandles, int pl0Limit, int pl1Limit, int runtimeDeriveFlags) {
        this.generation = generation;
        this.minorVersion = minorVersion;
        this.maxHandles = maxHandles;
        this.pl0Limit = pl0Limit;
        this.pl1Limit = pl1Limit;
        this.runtimeDeriveFlags = runtimeDeriveFlags;
    }

    static DpeRevision of(Generation generation) {
        return generation == Generation.V1 ? V1 : V2;
    }

    boolean v1() {
        return this == V1;
    }

    DpeCommand<DeriveContextRequest, DeriveContextResponse> deriveContext() {
        return DpeProfileCommands.deriveContext(generation);
    }

    DpeCommand<CertifyKeyRequest, CertifyKeyResponse> certifyKey() {
        return DpeProfileCommands.certifyKey(generation);
    }

    Codec<ExportedCdiResponse> exportedCdiResponse() {
        return DpeProfileCommands.exportedCdiResponse(generation);
    }
}
