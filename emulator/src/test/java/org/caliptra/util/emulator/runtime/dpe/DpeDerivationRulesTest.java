package org.caliptra.util.emulator.runtime.dpe;

import static org.caliptra.util.emulator.runtime.dpe.DpeSessionTest.derive;
import static org.caliptra.util.emulator.runtime.dpe.DpeSessionTest.sha384;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.InitializeContextRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.SignRequest;
import org.caliptra.util.protocol.dpe.DpeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DERIVE_CONTEXT's flags and the other context rules, read back through tags and derived keys. */
class DpeDerivationRulesTest {
    private static final int TYPE = 0x5245_4355;

    private static Octets certifiedX(DpeClient dpe, Generation g) {
        return dpe.call(DpeProfileCommands.certifyKey(g), new CertifyKeyRequest(ContextHandle.DEFAULT, 0,
                CertifyKeyRequest.FORMAT_CSR, Octets.of(DpeSessionTest.LABEL))).derivedPubkeyX();
    }

    private static MeasurementCommands.TaggedTci tagged(CaliptraDevice d, int tag) {
        return d.asUser(1).coreMailbox().call(MeasurementCommands.dpeGetTaggedTci(d.config().profile().generation()),
                new MeasurementCommands.GetTaggedTciRequest(tag));
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void recursiveExtendsTheContextInPlace(Profile profile) throws Exception {
        var g = profile.generation();
        try (var d = DpeSessionTest.boot(profile)) {
            var dpe = DpeSessionTest.client(d, 1);
            var gen = DpeRevision.of(g).deriveContext();
            byte[] a = sha384("a".getBytes());
            byte[] b = sha384("b".getBytes());
            int allowRecursive = g == Generation.V1 ? 0 : DeriveContextRequest.ALLOW_RECURSIVE;
            dpe.call(gen, derive(ContextHandle.DEFAULT, a, DeriveContextRequest.MAKE_DEFAULT | allowRecursive, TYPE, 0));
            d.asUser(1).coreMailbox().call(MeasurementCommands.DPE_TAG_TCI, new MeasurementCommands.TagTciRequest(Octets.zeros(16), 1));
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(gen, derive(ContextHandle.DEFAULT, b,
                    DeriveContextRequest.RECURSIVE, TYPE + 1, 0)), "RECURSIVE keeps the TCI type");
            var r = dpe.call(gen, derive(ContextHandle.DEFAULT, b, DeriveContextRequest.RECURSIVE, TYPE, 0));
            assertEquals(ContextHandle.DEFAULT, r.handle());
            assertEquals(ContextHandle.DEFAULT, r.parentHandle(), "no parent: the context itself was extended");
            var tci = tagged(d, 1);
            assertArrayEquals(b, tci.tciCurrent().toByteArray());
            assertArrayEquals(sha384(sha384(new byte[48], a), b), tci.tciCumulative().toByteArray());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void internalInputsAndFlagsEnterTheKey(Profile profile) throws Exception {
        var g = profile.generation();
        var gen = DpeRevision.of(g).deriveContext();
        byte[] m = sha384("m".getBytes());
        Octets plain;
        Octets withInfo;
        Octets withDice;
        try (var d = DpeSessionTest.boot(profile)) {
            var dpe = DpeSessionTest.client(d, 1);
            dpe.call(gen, derive(ContextHandle.DEFAULT, m, DeriveContextRequest.MAKE_DEFAULT, TYPE, 0));
            plain = certifiedX(dpe, g);
        }
        try (var d = DpeSessionTest.boot(profile)) {
            var dpe = DpeSessionTest.client(d, 1);
            dpe.call(gen, derive(ContextHandle.DEFAULT, m, DeriveContextRequest.MAKE_DEFAULT | DeriveContextRequest.INTERNAL_INPUT_INFO,
                    TYPE, 0));
            withInfo = certifiedX(dpe, g);
        }
        try (var d = DpeSessionTest.boot(profile)) {
            var dpe = DpeSessionTest.client(d, 1);
            dpe.call(gen, derive(ContextHandle.DEFAULT, m, DeriveContextRequest.MAKE_DEFAULT | DeriveContextRequest.INTERNAL_INPUT_DICE,
                    TYPE, 0));
            withDice = certifiedX(dpe, g);
        }
        assertNotEquals(plain, withInfo, "the profile enters the CDI");
        assertNotEquals(plain, withDice, "the certificate chain enters the CDI");
        assertNotEquals(withInfo, withDice);
        try (var d = DpeSessionTest.boot(profile)) {
            var dpe = DpeSessionTest.client(d, 1);
            dpe.call(gen, derive(ContextHandle.DEFAULT, m, DeriveContextRequest.MAKE_DEFAULT | DeriveContextRequest.INPUT_ALLOW_X509,
                    TYPE, 0));
            assertNotEquals(plain, certifiedX(dpe, g), "the allow flags are part of each node's measurement");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void aSimulationContextNeitherSignsNorExports(Profile profile) throws Exception {
        var g = profile.generation();
        try (var d = DpeSessionTest.boot(profile)) {
            var pl1 = DpeSessionTest.client(d, 3);
            var handle = pl1.call(DpeProfileCommands.INITIALIZE_CONTEXT, new InitializeContextRequest(InitializeContextRequest.SIMULATION));
            assertNotEquals(ContextHandle.DEFAULT, handle);
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), pl1.status(DpeProfileCommands.SIGN,
                    new SignRequest(handle, Octets.of(DpeSessionTest.LABEL), 0, Octets.of(DpeSessionTest.DIGEST))));
            // A CSR for it is fine, and a child derived from it is a simulation context too.
            var rotated = pl1.call(DpeProfileCommands.certifyKey(g), new CertifyKeyRequest(handle, 0, CertifyKeyRequest.FORMAT_CSR,
                    Octets.of(DpeSessionTest.LABEL))).newContextHandle();
            assertNotEquals(handle, rotated, "a non-default handle rotates with each use");
            var child = pl1.call(DpeRevision.of(g).deriveContext(), derive(rotated, new byte[48], 0, TYPE, 0));
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), pl1.status(DpeProfileCommands.SIGN,
                    new SignRequest(child.handle(), Octets.of(DpeSessionTest.LABEL), 0, Octets.of(DpeSessionTest.DIGEST))));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CALIPTRA_1_2", "CALIPTRA_2_1"})
    void theDefaultContextRulesOfTheReference(Profile profile) throws Exception {
        var g = profile.generation();
        var gen = DpeRevision.of(g).deriveContext();
        try (var d = DpeSessionTest.boot(profile)) {
            var pl1 = DpeSessionTest.client(d, 3);
            var simulation = pl1.call(DpeProfileCommands.INITIALIZE_CONTEXT, new InitializeContextRequest(InitializeContextRequest.SIMULATION));
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), pl1.status(gen, derive(simulation, new byte[48],
                    DeriveContextRequest.MAKE_DEFAULT, TYPE, 0)), "a default child beside a non-default parent, even a retiring one");
            var dpe = DpeSessionTest.client(d, 1);
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(DpeProfileCommands.ROTATE_CONTEXT_HANDLE,
                    new DpeProfileCommands.RotateContextHandleRequest(ContextHandle.DEFAULT,
                            DpeProfileCommands.RotateContextHandleRequest.TARGET_IS_DEFAULT)), "the locality has a default context: itself");
            var moved = pl1.call(DpeProfileCommands.ROTATE_CONTEXT_HANDLE, new DpeProfileCommands.RotateContextHandleRequest(simulation,
                    DpeProfileCommands.RotateContextHandleRequest.TARGET_IS_DEFAULT));
            assertEquals(ContextHandle.DEFAULT, moved, "the locality's only context may take the default handle");
            pl1.call(gen, derive(ContextHandle.DEFAULT, new byte[48], DeriveContextRequest.MAKE_DEFAULT, TYPE, 0));
        }
    }

    @Test
    void updateContextMeasurementRemeasuresAChild() throws Exception {
        try (var d = DpeSessionTest.boot(Profile.CALIPTRA_2_1)) {
            var dpe = DpeSessionTest.client(d, 1);
            var port = d.asUser(1).coreMailbox();
            // A parent kept under a non-default handle: rotate the default context away first.
            var parent = dpe.call(DpeProfileCommands.ROTATE_CONTEXT_HANDLE,
                    new DpeProfileCommands.RotateContextHandleRequest(ContextHandle.DEFAULT, 0));
            var child = dpe.call(DpeProfileCommands.DERIVE_CONTEXT_V2, derive(parent, sha384("old".getBytes()),
                    DeriveContextRequest.RETAIN_PARENT_CONTEXT, TYPE, 0));
            port.call(MeasurementCommands.DPE_TAG_TCI, new MeasurementCommands.TagTciRequest(child.handle().bytes(), 5));
            byte[] fresh = sha384("new".getBytes());
            var updated = dpe.call(DpeProfileCommands.UPDATE_CONTEXT_MEASUREMENT,
                    new DpeProfileCommands.UpdateContextMeasurementRequest(child.parentHandle(), Octets.of(fresh), TYPE));
            assertNotEquals(child.handle(), updated.newContextHandle());
            assertNotEquals(child.parentHandle(), updated.newParentContextHandle());
            var tci = tagged(d, 5);
            assertArrayEquals(fresh, tci.tciCurrent().toByteArray());
            assertArrayEquals(sha384(sha384(new byte[48], sha384("old".getBytes())), fresh), tci.tciCumulative().toByteArray());
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(DpeProfileCommands.UPDATE_CONTEXT_MEASUREMENT,
                    new DpeProfileCommands.UpdateContextMeasurementRequest(updated.newParentContextHandle(), Octets.of(fresh), TYPE + 1)));
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(DpeProfileCommands.UPDATE_CONTEXT_MEASUREMENT,
                    new DpeProfileCommands.UpdateContextMeasurementRequest(ContextHandle.DEFAULT, Octets.of(fresh), TYPE)));
            assertEquals(DpeStatus.INVALID_PARENT_LOCALITY.code(), DpeSessionTest.client(d, 2).status(
                    DpeProfileCommands.UPDATE_CONTEXT_MEASUREMENT,
                    new DpeProfileCommands.UpdateContextMeasurementRequest(updated.newParentContextHandle(), Octets.of(fresh), TYPE)));
            assertEquals(DpeStatus.INVALID_ARGUMENT.code(), dpe.status(DpeProfileCommands.DERIVE_CONTEXT_V2,
                    derive(updated.newParentContextHandle(), new byte[48], DeriveContextRequest.RETAIN_PARENT_CONTEXT, TYPE, 0)),
                    "2.x: a parent's children have distinct TCI types");
        }
    }

    @Test
    void oneTwoDoesNotKnowUpdateContextMeasurement() throws Exception {
        try (var d = DpeSessionTest.boot(Profile.CALIPTRA_1_2)) {
            var dpe = DpeSessionTest.client(d, 1);
            assertEquals(0x000E_0027, dpe.mailboxError(DpeClient.frame(DpeProfileCommands.UPDATE_CONTEXT_MEASUREMENT,
                    new DpeProfileCommands.UpdateContextMeasurementRequest(ContextHandle.INVALID, Octets.zeros(48), TYPE))));
        }
    }
}
