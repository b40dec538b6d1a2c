package org.caliptra.util.cli.library;

import static org.caliptra.util.cli.library.Checks.refused;
import static org.caliptra.util.cli.library.Checks.refusedVdm;
import static org.caliptra.util.host.commands.CommandId.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.cli.library.Rig.Driver;
import org.caliptra.util.cli.library.Rig.Setup;
import org.caliptra.util.cli.target.Targets;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.mcu.fuse.FuseMap;
import org.caliptra.util.emulator.mcu.fuse.FuseStore;
import org.caliptra.util.emulator.mcu.fuse.OtpPartition;
import org.caliptra.util.host.commands.AsymAlgorithm;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandInfo;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.DeviceErrorException;
import org.caliptra.util.host.commands.Route;
import org.caliptra.util.host.commands.aes.Ciphers;
import org.caliptra.util.host.commands.aes.GcmTagMismatchException;
import org.caliptra.util.host.commands.asymmetric.Asymmetric;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsPublicKey;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.LmsSignature;
import org.caliptra.util.host.commands.attestation.Attestation;
import org.caliptra.util.host.commands.attestation.AttestationCommands.EvidenceFormat;
import org.caliptra.util.host.commands.attestation.AttestationCommands.GetAttestation;
import org.caliptra.util.host.commands.attestation.AttestationCommands.PkiEntitySlot;
import org.caliptra.util.host.commands.certificate.CertificateCommands.DeviceKey;
import org.caliptra.util.host.commands.certificate.Certificates;
import org.caliptra.util.host.commands.debug.Debug;
import org.caliptra.util.host.commands.debug.DebugCommands.LogPage;
import org.caliptra.util.host.commands.debugunlock.DebugUnlock;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.ProdDebugUnlockToken;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.UnlockChallenge;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.FirmwareVersion;
import org.caliptra.util.host.commands.fuse.FuseCommands;
import org.caliptra.util.host.commands.fuse.Fuses;
import org.caliptra.util.host.commands.hash.Hashing;
import org.caliptra.util.host.commands.hmac.Macs;
import org.caliptra.util.host.commands.keys.Keys;
import org.caliptra.util.host.commands.random.RandomNumbers;
import org.caliptra.util.host.commands.ownership.Ownership;
import org.caliptra.util.host.commands.ownership.OwnershipCommands;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.session.Command;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.plugin.TransportInfo;
import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.image.keys.LmsPrivateKey;
import org.caliptra.util.image.keys.LmsSigners;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.AesMode;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeSession;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import org.caliptra.util.protocol.mcu.McFuseCommands.KeyType;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue command a route carries, run end to end through {@link CaliptraSession} over
 * every driver of that route against the emulator, each result checked against an independent
 * expectation: a JCA or BouncyCastle recomputation, a round trip, a read-back, a parsed and
 * verified certificate or token, or a value of the spec. The drivers: the MCU (MCI) mailbox in
 * process and register by register, MCTP-VDM in process, and the Caliptra core mailbox of a 2.1
 * part and of a 1.2 part (the 1.x core route, which refuses what a 1.x runtime lacks before sending);
 * then the same routes through an emulator server the run starts in front of the part (ephemeral
 * ports, sockets in the run's temporary directory), opened by target URI — every socket scheme:
 * {@code udp://} and {@code mbox://}, {@code mbox+unix:} and {@code apb://} (register by register)
 * to the MCU mailbox, {@code mctp-i3c://} to the MCU's responder, {@code apb+unix:} to the 2.1 core
 * mailbox, and {@code apb+unix:}, {@code mbox://} and {@code udp://} with {@code generation=1} to
 * the 1.2 core ({@link Rig.Driver}). A case runs on every driver of the routes it is for; none needs
 * to leave a socket out. Checks of device-internal effects read the same device in process.
 *
 * <p>Each case names the command ids it covers; a run asserts that each of them really reached the
 * device (a {@link RecordingTransport} watches), and {@link #everyCarriedCommandHasAnEndToEndCaseOnEveryDriverThatCarriesIt}
 * fails the build when a route carries an id no case covers on one of its drivers.
 */
class CatalogOverEveryDriverTest {
    private static final Random RANDOM = new Random(0xCA11_7A);
    /** A case runs on every driver of the routes it is for: in process, and through each socket endpoint that reaches them. */
    private static final Set<Driver> MCU = Driver.on(Route.MCU_MAILBOX);
    private static final Set<Driver> CM_DRIVERS = Driver.on(Route.MCU_MAILBOX, Route.CORE_MAILBOX);
    private static final Set<Driver> CORE = Driver.on(Route.CORE_MAILBOX, Route.CORE_MAILBOX_1X);
    private static final Set<Driver> ALL = EnumSet.allOf(Driver.class);

    /** What a case runs on; {@code opened} collects the further sessions the case opens, closed after it. */
    record Target(Driver driver, Rig.Part part, CaliptraSession session, Path dir, List<CaliptraSession> opened) {
        CaliptraDevice device() {
            return part.device();
        }

        Route route() {
            return driver.route();
        }

        /** Another host-library session on the same part, through {@code other}. */
        CaliptraSession over(Driver other) {
            var session = other.open(part);
            opened.add(session);
            return session;
        }
    }

    @FunctionalInterface
    interface Body {
        void run(Target target) throws Exception;
    }

    /** One end-to-end scenario: the ids it sends, the drivers it runs on, the part it needs. */
    record Case(String name, Set<CommandId> covers, Set<Driver> drivers, Setup setup, Body body) {
        Case {
            covers = Collections.unmodifiableSet(EnumSet.copyOf(covers));
            drivers = Collections.unmodifiableSet(EnumSet.copyOf(drivers));
        }

        /** The ids this case sends over {@code driver}'s route. */
        Set<Integer> coveredOn(Driver driver) {
            var carried = carried(driver.route());
            return covers.stream().map(CommandId::value).filter(carried::contains).collect(Collectors.toCollection(TreeSet::new));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case of(String name, Setup setup, Set<Driver> drivers, Set<CommandId> covers, Body body) {
        return new Case(name, covers, drivers, setup, body);
    }

    static final List<Case> CASES = List.of(
            of("firmware versions: index 0 the core's runtime, 1 the MCU's, a bad index the device's refusal", Setup.BOOTED, ALL,
                    EnumSet.of(GET_FIRMWARE_VERSION), CatalogOverEveryDriverTest::firmwareVersions),
            of("capabilities agree with what the route serves", Setup.BOOTED, ALL, EnumSet.of(GET_DEVICE_CAPABILITIES),
                    CatalogOverEveryDriverTest::capabilities),
            of("device id and unique chip id (the UEID of the fuses and the certificates)", Setup.BOOTED, MCU,
                    EnumSet.of(GET_DEVICE_ID, GET_DEVICE_INFO), CatalogOverEveryDriverTest::deviceIdentity),
            of("SHA-384/512 streamed over 0, 1, 4096, 4097, 100000 bytes equal the JCA's", Setup.BOOTED, CM_DRIVERS,
                    EnumSet.of(HASH_INIT, HASH_UPDATE, HASH_FINALIZE), CatalogOverEveryDriverTest::hashing),
            of("random bytes: as many as asked for, never the same twice, not all equal; the reference's bounds",
                    Setup.BOOTED, CM_DRIVERS, EnumSet.of(RANDOM_GENERATE), CatalogOverEveryDriverTest::randomBytes),
            of("random stir: twin parts draw alike, alike again after the same input, apart after different inputs",
                    Setup.BOOTED, CM_DRIVERS, EnumSet.of(RANDOM_GENERATE, RANDOM_STIR), CatalogOverEveryDriverTest::randomStir),
            of("CM status: 256 usage entries (the reference runtime's KEY_USAGE_MAX); an AES import takes one, delete frees it, "
                    + "other keys take none; full is RUNTIME_CMB_KEY_USAGE_STORAGE_FULL", Setup.BOOTED, CM_DRIVERS,
                    EnumSet.of(CM_STATUS, IMPORT, DELETE), CatalogOverEveryDriverTest::cmStatus),
            of("HMAC-384/512 of imported keys equal the JCA's; a deleted key is refused", Setup.BOOTED, CM_DRIVERS,
                    EnumSet.of(IMPORT, DELETE, HMAC), CatalogOverEveryDriverTest::hmacAndKeys),
            of("HMAC-KDF-counter keys are HMAC(kin, 1 ‖ label): the JCA decrypts what they encrypt", Setup.BOOTED, CM_DRIVERS,
                    EnumSet.of(IMPORT, HMAC_KDF_COUNTER, HMAC, AES_ENCRYPT_INIT, AES_DECRYPT_INIT), CatalogOverEveryDriverTest::kdfCounter),
            of("AES-CBC/CTR streamed equal the JCA's with the device's IV, and decrypt back", Setup.BOOTED, CM_DRIVERS,
                    EnumSet.of(IMPORT, AES_ENCRYPT_INIT, AES_ENCRYPT_UPDATE, AES_DECRYPT_INIT, AES_DECRYPT_UPDATE),
                    CatalogOverEveryDriverTest::aesCbcCtr),
            of("AES-GCM equals the JCA's (key, IV, AAD), decrypts back, refuses a tampered tag", Setup.BOOTED, CM_DRIVERS,
                    EnumSet.of(IMPORT, AES_GCM_ENCRYPT_INIT, AES_GCM_ENCRYPT_UPDATE, AES_GCM_ENCRYPT_FINAL, AES_GCM_DECRYPT_INIT,
                            AES_GCM_DECRYPT_UPDATE, AES_GCM_DECRYPT_FINAL),
                    CatalogOverEveryDriverTest::aesGcm),
            of("ECDSA P-384: the JCA verifies the device's signatures; the device refuses a tampered one", Setup.BOOTED,
                    CM_DRIVERS, EnumSet.of(IMPORT, ECDSA_PUBLIC_KEY, ECDSA_SIGN, ECDSA_VERIFY), CatalogOverEveryDriverTest::ecdsa),
            of("ECDH: two device exchanges agree (spec §6.2 #12) and agree with the JCA's", Setup.BOOTED, CM_DRIVERS,
                    EnumSet.of(ECDH_GENERATE, ECDH_FINISH, AES_GCM_ENCRYPT_INIT, AES_GCM_DECRYPT_INIT, HMAC),
                    CatalogOverEveryDriverTest::ecdh),
            of("ML-DSA-87: the public key is BouncyCastle's from the seed, signatures verify both ways", Setup.BOOTED, CM_DRIVERS,
                    EnumSet.of(IMPORT, MLDSA_KEYGEN, MLDSA_SIGN, MLDSA_VERIFY), CatalogOverEveryDriverTest::mldsa),
            of("LMS verify of a real LMS signature (image module's signer): true, and false when tampered", Setup.BOOTED,
                    CM_DRIVERS, EnumSet.of(LMS_VERIFY), CatalogOverEveryDriverTest::lms),
            of("debug log: drained pages name the commands, clear empties it", Setup.BOOTED,
                    Driver.on(Route.MCU_MAILBOX, Route.MCTP_VDM), EnumSet.of(DEBUG_GET_LOG, DEBUG_CLEAR_LOG),
                    CatalogOverEveryDriverTest::debugLog),
            of("FuseRead/FuseWrite/FuseLock, the MCU ROM's bare forms, are refused by the MCU runtime and change nothing",
                    Setup.BOOTED, MCU, EnumSet.of(FUSE_READ, FUSE_WRITE, FUSE_LOCK), CatalogOverEveryDriverTest::bareFuseCommands),
            of("authorized provisioning: signed with the anchored keys it burns and reads back (OR semantics), a lock refuses "
                    + "further writes, bad signatures and stale challenges are refused", Setup.BOOTED, MCU,
                    EnumSet.of(GET_AUTH_CMD_CHALLENGE, PROVISION_VENDOR_PK_HASH, PROVISION_OWNER_PK_HASH, FUSE_LOCK_PARTITION),
                    CatalogOverEveryDriverTest::authorizedProvisioning),
            of("minimum SVN and vendor key / key-hash revocation, read back", Setup.BOOTED, MCU,
                    EnumSet.of(GET_AUTH_CMD_CHALLENGE, FUSE_INCREASE_CALIPTRA_MIN_SVN, PROVISION_VENDOR_PK_HASH, FUSE_REVOKE_VENDOR_PUB_KEY,
                            FUSE_REVOKE_VENDOR_PK_HASH),
                    CatalogOverEveryDriverTest::svnAndRevocation),
            of("FE_PROG burns and locks field entropy on a production part only", Setup.PRODUCTION, MCU,
                    EnumSet.of(GET_AUTH_CMD_CHALLENGE, FE_PROG), CatalogOverEveryDriverTest::feProg),
            of("production debug unlock: the right token unlocks; bad signature, stale challenge, wrong level are refused",
                    Setup.PRODUCTION, MCU, EnumSet.of(PROD_DEBUG_UNLOCK_REQ, PROD_DEBUG_UNLOCK_TOKEN),
                    CatalogOverEveryDriverTest::debugUnlock),
            of("device ownership transfer: the spec §6.2 #18 sequence, recovery and override", Setup.DOT, MCU,
                    EnumSet.of(GET_AUTH_CMD_CHALLENGE, DOT_STATUS, DOT_LOCK, GET_DOT_BACKUP_BLOB, DOT_RECOVERY, DOT_ROTATE,
                            DOT_UNLOCK_CHALLENGE, DOT_UNLOCK, DOT_DISABLE, DOT_OVERRIDE_CHALLENGE, DOT_OVERRIDE),
                    CatalogOverEveryDriverTest::ownershipTransfer),
            of("attested CSRs (key ids 1, 2, 3) are COSE_Sign1 EATs signed by the RT alias key over a CSR of the named key",
                    Setup.BOOTED, CM_DRIVERS, EnumSet.of(EXPORT_ATTESTED_CSR), CatalogOverEveryDriverTest::attestedCsr),
            of("GetAttestation: the query, a PCR quote signed by the FMC alias, an OCP EAT signed by the DPE leaf; others refused",
                    Setup.BOOTED, MCU, EnumSet.of(GET_ATTESTATION), CatalogOverEveryDriverTest::attestation),
            of("DICE certificates parse and chain: CA → IDevID (assembled from our TBS) → LDevID → FMC alias → RT alias",
                    Setup.BOOTED, CORE, EnumSet.of(GET_IDEVID_CERT, GET_LDEVID_CERT, GET_FMC_ALIAS_CERT, GET_RT_ALIAS_CERT),
                    CatalogOverEveryDriverTest::certificates),
            of("the IDevID CSR of a manufacturing part: the boot's CSR, self-signed by the IDevID key", Setup.MANUFACTURING,
                    CORE, EnumSet.of(EXPORT_IDEVID_CSR), CatalogOverEveryDriverTest::idevidCsr),
            of("Caliptra 1.x: every id its runtime lacks is NOT_SUPPORTED before the mailbox sees it, naming a 2.x core or the "
                    + "MCU; the 2.x codes it would have been sent as are RUNTIME_UNIMPLEMENTED_COMMAND on the part",
                    Setup.BOOTED, Driver.on(Route.CORE_MAILBOX_1X), EnumSet.noneOf(CommandId.class),
                    CatalogOverEveryDriverTest::refusedBeforeSendingByCaliptra1),
            of("known emulator gap: the 2.1 core runtime refuses PRODUCTION_AUTH_DEBUG_UNLOCK_REQ/_TOKEN (device.md §4.1 says R,T; "
                    + "the emulated MCU serves them)", Setup.BOOTED, Driver.on(Route.CORE_MAILBOX),
                    EnumSet.of(PROD_DEBUG_UNLOCK_REQ, PROD_DEBUG_UNLOCK_TOKEN), CatalogOverEveryDriverTest::coreDebugUnlockGap),
            of("an id the route does not carry is NOT_SUPPORTED before sending, naming the route that carries it", Setup.BOOTED,
                    ALL, EnumSet.noneOf(CommandId.class), CatalogOverEveryDriverTest::notSupported));

    // ---- the parameterized run and the coverage check -----------------------------------------

    static Stream<Arguments> runs() {
        var runs = new ArrayList<Arguments>();
        for (Driver driver : Driver.values()) {
            for (Case c : CASES) {
                if (c.drivers().contains(driver)) {
                    runs.add(Arguments.of(Named.of(driver.name(), driver), Named.of(c.name(), c)));
                }
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("runs")
    void endToEnd(Driver driver, Case c, @TempDir Path dir) throws Exception {
        try (var part = Rig.make(driver.profile(), c.setup(), dir)) {
            var recording = new RecordingTransport(driver.transport(part));
            var opened = new ArrayList<CaliptraSession>();
            try (var session = Rig.session(recording)) {
                c.body().run(new Target(driver, part, session, dir, opened));
            } finally {
                opened.forEach(CaliptraSession::close);
            }
            var missing = new TreeSet<>(c.coveredOn(driver));
            missing.removeAll(recording.reached());
            assertTrue(missing.isEmpty(), () -> c.name() + " over " + driver + " says it covers " + names(missing)
                    + ", which never reached the device");
        }
        assertEquals(List.of(), socketFiles(dir), "the servers in front of the parts removed their socket files");
    }

    @Test
    @DisplayName("a part closed leaves nothing of the servers in front of it: no thread, no socket file, no listener")
    void socketDriversLeaveNothingBehind(@TempDir Path dir) throws Exception {
        for (Driver driver : Driver.values()) {
            if (driver.endpoint().isEmpty()) {
                continue;
            }
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            String uri;
            try (var part = Rig.make(driver.profile(), Setup.BOOTED, dir); var session = driver.open(part)) {
                uri = part.uris().get(0);
                assertEquals(36, DeviceInfo.getDeviceCapabilities(session).capabilities().caps().length(), driver + " over " + uri);
                if (driver.endpoint().get().unix()) {
                    assertEquals(1, socketFiles(dir).size(), "the server's socket file while it serves");
                }
            }
            // Every thread the part, its server and the session started ends, within a bound.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            var alive = new ArrayList<String>();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                boolean ours = thread.getName().startsWith("caliptra-") || thread instanceof io.netty.util.concurrent.FastThreadLocalThread;
                if (ours && !before.contains(thread)) {
                    thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    if (thread.isAlive()) {
                        alive.add(thread.getName());
                    }
                }
            }
            assertEquals(List.of(), alive, driver + ": threads left running after the part was closed");
            assertEquals(List.of(), socketFiles(dir), driver + ": socket files left behind");
            // Nobody listens where the server did: a new session fails to connect (UDP has no connection to refuse).
            if (driver.endpoint().get() != Rig.Endpoint.UDP) {
                try (var target = org.caliptra.util.cli.target.Targets.open(uri)) {
                    var session = new CaliptraSession(target.transport(), org.caliptra.util.host.session.SessionConfig.builder()
                            .maxRetries(0).build());
                    try (session) {
                        var e = assertThrows(TransportException.class, session::connect, uri);
                        assertEquals(TransportException.Kind.CONNECTION_FAILED, e.kind(), e.getMessage());
                    }
                }
            }
        }
    }

    private static List<Path> socketFiles(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sock")).sorted().toList();
        }
    }

    @Test
    @DisplayName("every id a route carries has an end-to-end case on every driver of that route")
    void everyCarriedCommandHasAnEndToEndCaseOnEveryDriverThatCarriesIt() {
        var gaps = new TreeMap<String, Set<String>>();
        for (Driver driver : Driver.values()) {
            var covered = new TreeSet<Integer>();
            CASES.stream().filter(c -> c.drivers().contains(driver)).forEach(c -> covered.addAll(c.coveredOn(driver)));
            var missing = new TreeSet<>(carried(driver.route()));
            missing.removeAll(covered);
            if (!missing.isEmpty()) {
                gaps.put(driver.name(), names(missing));
            }
        }
        assertTrue(gaps.isEmpty(), "commands carried by a route without an end-to-end case on its driver: " + gaps);
        // The drivers span every route, and every carried id is some route's.
        assertEquals(EnumSet.allOf(Route.class), Arrays.stream(Driver.values()).map(Driver::route)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Route.class))));
        // Every route is reached through a socket server too, and every socket scheme the built-in providers answer
        // (each URI a served device is opened by) is some driver's.
        assertEquals(EnumSet.allOf(Route.class), Arrays.stream(Driver.values()).filter(d -> d.endpoint().isPresent()).map(Driver::route)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Route.class))));
        var schemes = Targets.listTransports(List.of()).stream()
                .filter(i -> i.providerClass().startsWith("org.caliptra.util.host.transport.socket."))
                .map(TransportInfo::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("apb", "apb+unix", "mbox", "mbox+unix", "mctp-i3c", "udp")), schemes);
        assertEquals(schemes, Arrays.stream(Driver.values()).flatMap(d -> d.endpoint().stream()).map(Rig.Endpoint::scheme)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(carried(Route.MCU_MAILBOX).size() > 50 && carried(Route.MCTP_VDM).size() == 4
                && carried(Route.CORE_MAILBOX).size() > 30 && carried(Route.CORE_MAILBOX_1X).size() == 7,
                "the catalogue's routes are as large as expected");
    }

    private static Set<Integer> carried(Route route) {
        return CommandCatalog.builtIn().listCommands().stream().filter(i -> i.carriers().containsKey(route)).map(CommandInfo::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(Set<Integer> ids) {
        return ids.stream().map(id -> CommandId.fromValue(id).map(CommandId::describe).orElse(Integer.toHexString(id)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    // ---- shared helpers ---------------------------------------------------------------------------

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        synchronized (RANDOM) {
            RANDOM.nextBytes(b);
        }
        return b;
    }

    /** {@code message} with its last bit flipped (the empty message becomes one byte). */
    private static byte[] tampered(byte[] message) {
        byte[] t = message.length == 0 ? new byte[1] : message.clone();
        t[t.length - 1] ^= 1;
        return t;
    }

    private static int be32(byte[] b, int offset) {
        return ByteBuffer.wrap(b, offset, 4).getInt();
    }

    private static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] ski(X509Certificate cert) {
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(cert.getExtensionValue(Extension.subjectKeyIdentifier
                .getId())).getOctets()).getKeyIdentifier();
    }

    private static void version(FirmwareVersion v, int packed) {
        assertEquals(List.of(packed >>> 24, (packed >>> 16) & 0xFF, packed & 0xFFFF, 0), List.of(v.major(), v.minor(), v.patch(),
                v.build()), v.text());
        assertEquals("", v.commit());
        assertEquals(0, v.fipsStatus());
    }

    // ---- device information -------------------------------------------------------------------

    static void firmwareVersions(Target t) {
        var s = t.session();
        int coreVersion = t.driver().profile().isV1() ? Rig.V1_RUNTIME_VERSION : Rig.V2_RUNTIME_VERSION;
        // What the ROM and FMC wrote for the loaded runtime: CPTRA_FW_REV_ID[1].
        assertEquals(coreVersion, t.device().read32(SocIfcRegs.BASE + SocIfcRegs.FW_REV_ID + 4), "the part booted our runtime");
        version(DeviceInfo.getFirmwareVersion(s, 0), coreVersion);
        switch (t.route()) {
            case MCU_MAILBOX -> {
                version(DeviceInfo.getFirmwareVersion(s, 1), Rig.MCU_RUNTIME_VERSION);
                // No aggregate SoC version is configured (index 2), and 7 is no index at all.
                refused(CaliptraError.MCU_MBOX_COMMON, () -> DeviceInfo.getFirmwareVersion(s, 2));
                refused(CaliptraError.MCU_MBOX_INVALID_PARAMS, () -> DeviceInfo.getFirmwareVersion(s, 7));
            }
            case MCTP_VDM -> {
                version(DeviceInfo.getFirmwareVersion(s, 1), Rig.MCU_RUNTIME_VERSION);
                refusedVdm(0x07, () -> DeviceInfo.getFirmwareVersion(s, 2)); // UnsupportedOperation
                refusedVdm(0x02, () -> DeviceInfo.getFirmwareVersion(s, 7)); // InvalidParameter
            }
            case CORE_MAILBOX, CORE_MAILBOX_1X -> {
                // The core's VERSION reports its own firmware only: the library refuses index 1 before sending.
                var e = assertThrows(TransportException.class, () -> DeviceInfo.getFirmwareVersion(s, 1));
                assertFalse(e.mayHaveExecuted(), e.getMessage());
                assertTrue(e.getMessage().contains("index 1"), e.getMessage());
            }
        }
    }

    static void capabilities(Target t) {
        byte[] caps = DeviceInfo.getDeviceCapabilities(t.session()).capabilities().caps().toByteArray();
        assertEquals(36, caps.length);
        // caliptra_rt (u64 BE) bit 0 is RT_BASE: the core runs its runtime (device.md §4.2, bit 64 of the u128).
        assertEquals(1, caps[7] & 1, "RT_BASE");
        if (t.route() == Route.CORE_MAILBOX || t.route() == Route.CORE_MAILBOX_1X) {
            // The core answers 16 bytes; the 20 of the MCU's fields are not the core's to fill.
            assertTrue(Octets.of(caps).slice(16, 20).isZero());
            if (t.route() == Route.CORE_MAILBOX) {
                byte[] viaMcu = DeviceInfo.getDeviceCapabilities(t.over(Driver.MCU_IN_PROCESS)).capabilities().caps().toByteArray();
                assertArrayEquals(Arrays.copyOf(viaMcu, 16), Arrays.copyOf(caps, 16), "the MCU copies the core's capabilities");
            }
            return;
        }
        // The same part describes itself the same way over the mailbox and over MCTP-VDM.
        var other = t.over(t.route() == Route.MCTP_VDM ? Driver.MCU_IN_PROCESS : Driver.MCTP_VDM);
        assertArrayEquals(caps, DeviceInfo.getDeviceCapabilities(other).capabilities().caps().toByteArray());
        int mcuRt = be32(caps, 20);
        int external = be32(caps, 24);
        int authorized = be32(caps, 28);
        assertTrue(Octets.of(caps).slice(32, 4).isZero(), "reserved");

        var mailbox = t.route() == Route.MCTP_VDM ? other : t.session();
        var vdm = t.route() == Route.MCTP_VDM ? t.session() : other;
        // mcu_rt: bit 4 MCTP-VDM responder, 5 user-space debug log, 6 MCI mailbox service — each in use right here.
        assertEquals(0b111 << 4, mcuRt & (0b111 << 4), "mcu_rt 0x" + Integer.toHexString(mcuRt));
        DeviceInfo.getFirmwareVersion(vdm, 0);
        Debug.getLogPage(mailbox);

        // external_commands bit N-1 = command code N: 1..4 the VDM commands, 5 GetAttestation, 6/7 debug unlock,
        // 8 ExportAttestedCsr, 17 DOT, 18 AuthorizedCommand — each probed: served means not "unsupported".
        int served = 0;
        if (servedVdm(() -> DeviceInfo.getFirmwareVersion(vdm, 0))) {
            served |= 1;
        }
        if (servedVdm(() -> DeviceInfo.getDeviceCapabilities(vdm))) {
            served |= 1 << 1;
        }
        if (servedVdm(() -> Debug.getLogPage(vdm))) {
            served |= 1 << 2;
        }
        if (servedVdm(() -> Debug.clearLog(vdm))) {
            served |= 1 << 3;
        }
        if (served(() -> Attestation.supportedFormats(mailbox))) {
            served |= 1 << 4;
        }
        if (served(() -> DebugUnlock.request(mailbox, 1))) {
            served |= 1 << 5;
        }
        if (served(() -> DebugUnlock.submitToken(mailbox, exampleToken()))) {
            served |= 1 << 6;
        }
        if (served(() -> Certificates.exportAttestedCsr(mailbox, DeviceKey.RT_ALIAS, AsymAlgorithm.ECC_P384, Octets.zeros(32)))) {
            served |= 1 << 7;
        }
        if (served(() -> Ownership.status(mailbox))) {
            served |= 1 << 16;
        }
        if (served(() -> Fuses.authChallenge(mailbox))) {
            served |= 1 << 17;
        }
        assertEquals(served, external, "external_commands 0x" + Integer.toHexString(external));

        // authorized_subcommands: bit 0 MACC, then each signed command sent with an unanchored signer — served
        // means the device checked the authorization (UNAUTHORIZED), not that it lacks the command.
        var stranger = HybridKeys.generate();
        Octets h = Octets.of(Checks.filled(48, 0x11));
        int auth = served(() -> Fuses.authChallenge(mailbox)) ? 1 : 0;
        List<java.util.function.Function<Trailer, Object>> signed = List.of(
                a -> run(() -> Fuses.provisionVendorPkHash(mailbox, 3, h, a)),
                a -> run(() -> Fuses.increaseCaliptraMinSvn(mailbox, 1, a)),
                a -> run(() -> Fuses.feProg(mailbox, 0, a)),
                a -> run(() -> Fuses.revokeVendorPubKey(mailbox, 1, KeyType.ECDSA_P384, 1, a)),
                a -> run(() -> Fuses.revokeVendorPkHash(mailbox, 1, a)),
                a -> run(() -> Fuses.lockPartition(mailbox, 6, a)),
                a -> run(() -> Fuses.provisionOwnerPkHash(mailbox, h, a)),
                a -> Ownership.lock(mailbox, h, h, a),
                a -> Ownership.disable(mailbox, h, a),
                a -> Ownership.rotate(mailbox, 1, h, h, a),
                a -> Ownership.backupBlob(mailbox, a));
        for (int bit = 0; bit < signed.size(); bit++) {
            var call = signed.get(bit);
            Octets nonce = Fuses.authChallenge(mailbox);
            var trailer = stranger.trailer(nonce, new byte[] {1});
            var e = assertThrows(DeviceErrorException.class, () -> call.apply(trailer), "subcommand bit " + (bit + 1));
            if (e.code() == CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND.code()) {
                auth |= 1 << (bit + 1);
            }
        }
        assertEquals(auth, authorized, "authorized_subcommands 0x" + Integer.toHexString(authorized));
    }

    private static Object run(Runnable r) {
        r.run();
        return null;
    }

    private static ProdDebugUnlockToken exampleToken() {
        return (ProdDebugUnlockToken) CommandCatalog.builtIn().command(PROD_DEBUG_UNLOCK_TOKEN.value()).orElseThrow().example();
    }

    /** Whether the MCU mailbox serves a command: it succeeds or fails with anything but "unsupported". */
    private static boolean served(Runnable call) {
        try {
            call.run();
            return true;
        } catch (DeviceErrorException e) {
            return e.code() != CaliptraError.MCU_MBOX_UNSUPPORTED_COMMAND.code();
        } catch (TransportException e) {
            return e.kind() != TransportException.Kind.NOT_SUPPORTED;
        }
    }

    /** Whether the VDM responder serves a command: anything but UnsupportedOperation (0x07). */
    private static boolean servedVdm(Runnable call) {
        try {
            call.run();
            return true;
        } catch (TransportException e) {
            return e.vdmCompletionCode().orElse(-1) != 0x07 && e.kind() != TransportException.Kind.NOT_SUPPORTED;
        }
    }

    static void deviceIdentity(Target t) throws Exception {
        var s = t.session();
        var id = DeviceInfo.getDeviceId(s);
        assertEquals(0, id.fipsStatus());
        assertEquals(Rig.IDENTITY, id.identity());
        var info = DeviceInfo.getDeviceInfo(s, 0);
        assertEquals(Rig.UEID, info.data(), "the UEID from FUSE_IDEVID_CERT_ATTR");
        // Every certificate of the part carries the same UEID (tcg-dice-Ueid, 2.23.133.5.4.4: SEQUENCE { OCTET STRING }).
        var ldev = Certificates.ldevidCertificate(t.over(Driver.CORE_2_1)).certificate();
        var ueid = ASN1Sequence.getInstance(ASN1OctetString.getInstance(ldev.getExtensionValue("2.23.133.5.4.4")).getOctets());
        assertArrayEquals(Rig.UEID.toByteArray(), ASN1OctetString.getInstance(ueid.getObjectAt(0)).getOctets());
        refused(CaliptraError.MCU_MBOX_INVALID_PARAMS, () -> DeviceInfo.getDeviceInfo(s, 1));
    }

    // ---- the cryptographic mailbox ------------------------------------------------------------

    static void hashing(Target t) throws Exception {
        var s = t.session();
        for (int size : new int[] {0, 1, 4096, 4097, 100_000}) {
            byte[] data = random(size);
            assertArrayEquals(Checks.sha("SHA-384", data), Hashing.sha(s, HashAlgorithm.SHA384, Octets.of(data)).value().toByteArray(),
                    "SHA-384 of " + size + " bytes");
            assertArrayEquals(Checks.sha("SHA-512", data), Hashing.sha(s, HashAlgorithm.SHA512, new ByteArrayInputStream(data))
                    .value().toByteArray(), "SHA-512 of " + size + " bytes");
        }
        // Bytes in every command: init, update and final each carry some.
        byte[] data = random(9000);
        var context = Hashing.init(s, HashAlgorithm.SHA384, Octets.of(data, 0, 4000));
        context = Hashing.update(s, context, Octets.of(data, 4000, 4096));
        var digest = Hashing.finish(s, context, Octets.of(data, 8096, 904));
        assertArrayEquals(Checks.sha("SHA-384", data), digest.value().toByteArray());
    }

    static void randomBytes(Target t) {
        var s = t.session();
        for (int n : new int[] {0, 1, 16, 47, 48, 49, 4096}) {
            assertEquals(n, RandomNumbers.generate(s, n).length(), n + " bytes");
        }
        var first = RandomNumbers.generate(s, 32);
        var second = RandomNumbers.generate(s, 32);
        assertNotEquals(first, second, "two draws");
        byte[] many = RandomNumbers.generate(s, 4096).toByteArray();
        var values = new TreeSet<Integer>();
        for (byte b : many) {
            values.add(b & 0xFF);
        }
        // 4096 uniform bytes leave a value out with probability about 256 * e^-16; 200 is far below that.
        assertTrue(values.size() > 200, values.size() + " distinct byte values in 4096 bytes");
        var bad = assertThrows(IllegalArgumentException.class, () -> RandomNumbers.generate(s, 4097));
        assertTrue(bad.getMessage().contains("0 to 4096"), bad.getMessage());
        // Not idempotent: a draw the session lost is not drawn again behind the caller's back.
        assertFalse(new org.caliptra.util.host.commands.random.RandomCommands.RandomGenerate(1).idempotent());
    }

    static void randomStir(Target t) {
        var s = t.session();
        try (var twin = Rig.make(t.driver().profile(), Setup.BOOTED, t.dir()); var u = t.driver().open(twin)) {
            // The emulated TRNG is seeded from the configuration: two parts made alike draw alike until stirred apart.
            assertEquals(RandomNumbers.generate(s, 48), RandomNumbers.generate(u, 48), "twins");
            Octets x = Octets.of(random(100));
            RandomNumbers.stir(s, x);
            RandomNumbers.stir(u, x);
            assertEquals(RandomNumbers.generate(s, 64), RandomNumbers.generate(u, 64), "the same input keeps them alike");
            RandomNumbers.stir(s, x);
            RandomNumbers.stir(u, Octets.of(tampered(x.toByteArray())));
            assertNotEquals(RandomNumbers.generate(s, 64), RandomNumbers.generate(u, 64), "one bit of input sets them apart");
            RandomNumbers.stir(s, Octets.zeros(0));
            RandomNumbers.stir(s, Octets.of(random(4080)));
            // The DRBG takes input in whole 48-byte blocks: 4081 bytes would round up past the 4096-byte buffer, which the
            // library refuses before sending — and the device itself refuses when sent (spec'd in the reference runtime).
            assertThrows(IllegalArgumentException.class, () -> RandomNumbers.stir(s, Octets.of(random(4081))));
            byte[] wire = new byte[4 + 4090];
            ByteBuffer.wrap(wire).order(ByteOrder.LITTLE_ENDIAN).putInt(4090);
            var code = t.route() == Route.CORE_MAILBOX ? 0x434D_5253 : 0x4D43_5253; // CM_RANDOM_STIR / MC_RANDOM_STIR
            var port = t.route() == Route.CORE_MAILBOX ? (MailboxPort) t.device().asUser(Rig.PL0).coreMailbox() : (MailboxPort) t.device();
            assertEquals(new org.caliptra.util.protocol.MailboxReply.Failure(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS.code()),
                    port.execute(code, org.caliptra.util.protocol.mailbox.MailboxFrame.sealRequest(code, wire)));
            assertEquals(16, RandomNumbers.generate(s, 16).length(), "the session is still usable");
        }
    }

    static void cmStatus(Target t) {
        var s = t.session();
        var before = Keys.status(s);
        assertEquals(0, before.fipsStatus());
        assertEquals(256, before.totalUsageStorage());
        assertEquals(before, Keys.status(s), "reading the status changes nothing");
        int used = before.usedUsageStorage();
        Cmk aes = Keys.importKey(s, KeyUsage.AES, Octets.of(random(32)));
        assertEquals(used + 1, Keys.status(s).usedUsageStorage(), "an AES key takes an entry");
        Cmk hmac = Keys.importKey(s, KeyUsage.HMAC, Octets.of(random(48)));
        assertEquals(used + 1, Keys.status(s).usedUsageStorage(), "an HMAC key takes none");
        Keys.delete(s, aes);
        Keys.delete(s, hmac);
        assertEquals(used, Keys.status(s).usedUsageStorage(), "delete frees it");
        var keys = new ArrayList<Cmk>();
        for (int i = used; i < 256; i++) {
            keys.add(Keys.importKey(s, KeyUsage.AES, Octets.of(random(32))));
        }
        assertEquals(new org.caliptra.util.host.commands.keys.KeyCommands.StorageStatus(0, 256, 256), Keys.status(s));
        refused(CaliptraError.RUNTIME_CMB_KEY_USAGE_STORAGE_FULL, () -> Keys.importKey(s, KeyUsage.AES, Octets.of(random(32))));
        Keys.delete(s, keys.get(0));
        assertEquals(255, Keys.status(s).usedUsageStorage());
    }

    static void hmacAndKeys(Target t) throws Exception {
        var s = t.session();
        byte[] k384 = random(48);
        byte[] k512 = random(64);
        Cmk c384 = Keys.importKey(s, KeyUsage.HMAC, Octets.of(k384));
        Cmk c512 = Keys.importKey(s, KeyUsage.HMAC, Octets.of(k512));
        assertNotEquals(c384, c512);
        for (int size : new int[] {0, 1, 100, 4096}) {
            byte[] data = random(size);
            assertArrayEquals(Checks.hmac("HmacSHA384", k384, data), Macs.hmac(s, c384, HashAlgorithm.SHA384, Octets.of(data)).value()
                    .toByteArray(), "HMAC-SHA384 of " + size);
            assertArrayEquals(Checks.hmac("HmacSHA512", k512, data), Macs.hmac(s, c512, HashAlgorithm.SHA512, Octets.of(data)).value()
                    .toByteArray(), "HMAC-SHA512 of " + size);
        }
        assertThrows(IllegalArgumentException.class, () -> Macs.hmac(s, c384, HashAlgorithm.SHA384, Octets.zeros(4097)),
                "the library refuses what one command cannot carry");
        // AES keys hold a usage-counter entry, which Delete frees: the key then no longer encrypts under GCM (which
        // counts), and deleting it again is the runtime's RUNTIME_MAILBOX_INVALID_PARAMS.
        Cmk aes = Keys.importKey(s, KeyUsage.AES, Octets.of(random(32)));
        Ciphers.gcmEncrypt(s, aes, Octets.zeros(0), Octets.zeros(16));
        Keys.delete(s, aes);
        refused(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS, () -> Ciphers.gcmEncrypt(s, aes, Octets.zeros(0), Octets.zeros(16)));
        refused(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS, () -> Keys.delete(s, aes));
        Keys.delete(s, c384);
        assertArrayEquals(Checks.hmac("HmacSHA512", k512, new byte[3]), Macs.hmac(s, c512, HashAlgorithm.SHA512, Octets.zeros(3))
                .value().toByteArray(), "the other keys are untouched");
    }

    static void kdfCounter(Target t) throws Exception {
        var s = t.session();
        byte[] label = "key derivation test label".getBytes(StandardCharsets.US_ASCII);
        byte[] counter1 = {0, 0, 0, 1};
        byte[] plaintext = random(64);
        for (HashAlgorithm a : HashAlgorithm.values()) {
            String jca = a == HashAlgorithm.SHA384 ? "HmacSHA384" : "HmacSHA512";
            byte[] kin = random(a.digestSize());
            Cmk kinCmk = Keys.importKey(s, KeyUsage.HMAC, Octets.of(kin));
            // NIST SP 800-108 counter mode, one block, no context: HMAC(kin, [1]_32 ‖ label).
            byte[] block = Checks.hmac(jca, kin, counter1, label);
            Cmk aes = Macs.kdfCounter(s, kinCmk, a, KeyUsage.AES, 32, Octets.of(label));
            var ct = Ciphers.encrypt(s, aes, AesMode.CBC, Octets.of(plaintext));
            assertArrayEquals(plaintext, Checks.aes(Cipher.DECRYPT_MODE, "AES/CBC/NoPadding", Arrays.copyOf(block, 32),
                    ct.iv().toByteArray(), ct.ciphertext().toByteArray()), a + ": the derived AES key is HMAC(kin, 1 ‖ label)[..32]");
            // The same derivation again gives a key that decrypts what the first encrypted.
            Cmk again = Macs.kdfCounter(s, kinCmk, a, KeyUsage.AES, 32, Octets.of(label));
            assertEquals(Octets.of(plaintext), Ciphers.decrypt(s, again, AesMode.CBC, ct.iv(), ct.ciphertext()));
            // An HMAC key derivation keeps the whole block.
            Cmk mac = Macs.kdfCounter(s, kinCmk, a, KeyUsage.HMAC, a.digestSize(), Octets.of(label));
            assertArrayEquals(Checks.hmac(jca, block, plaintext), Macs.hmac(s, mac, a, Octets.of(plaintext)).value().toByteArray());
            // Another label, another key.
            Cmk other = Macs.kdfCounter(s, kinCmk, a, KeyUsage.AES, 32, Octets.of(new byte[] {1}));
            assertNotEquals(Octets.of(plaintext), Ciphers.decrypt(s, other, AesMode.CBC, ct.iv(), ct.ciphertext()));
        }
    }

    static void aesCbcCtr(Target t) throws Exception {
        var s = t.session();
        byte[] key = random(32);
        Cmk cmk = Keys.importKey(s, KeyUsage.AES, Octets.of(key));
        Object[][] runs = {{AesMode.CBC, "AES/CBC/NoPadding", new int[] {16, 4096, 8224}}, {AesMode.CTR, "AES/CTR/NoPadding",
            new int[] {1, 4097, 10_000}}};
        for (Object[] r : runs) {
            var mode = (AesMode) r[0];
            String jca = (String) r[1];
            for (int size : (int[]) r[2]) {
                byte[] pt = random(size);
                var out = Ciphers.encrypt(s, cmk, mode, Octets.of(pt));
                assertEquals(16, out.iv().length());
                assertArrayEquals(Checks.aes(Cipher.ENCRYPT_MODE, jca, key, out.iv().toByteArray(), pt), out.ciphertext().toByteArray(),
                        mode + " of " + size + " bytes with the device's IV");
                assertEquals(Octets.of(pt), Ciphers.decrypt(s, cmk, mode, out.iv(), out.ciphertext()), mode + " round trip");
                // The other direction: the JCA's ciphertext under an IV of ours, decrypted by the device in 32-byte chunks.
                byte[] iv = random(16);
                byte[] theirs = Checks.aes(Cipher.ENCRYPT_MODE, jca, key, iv, pt);
                assertEquals(Octets.of(pt), Ciphers.decrypt(s, cmk, mode, Octets.of(iv), Octets.of(theirs), size > 5000 ? 4096 : 32));
            }
        }
        // Small chunks: every update path.
        byte[] pt = random(200);
        var out = Ciphers.encrypt(s, cmk, AesMode.CTR, Octets.of(pt), 16);
        assertArrayEquals(Checks.aes(Cipher.ENCRYPT_MODE, "AES/CTR/NoPadding", key, out.iv().toByteArray(), pt),
                out.ciphertext().toByteArray());
        // CBC has no padding: 15 bytes are the device's refusal.
        refused(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS, () -> Ciphers.encrypt(s, cmk, AesMode.CBC, Octets.zeros(15)));
    }

    static void aesGcm(Target t) throws Exception {
        var s = t.session();
        byte[] key = random(32);
        Cmk cmk = Keys.importKey(s, KeyUsage.AES, Octets.of(key));
        int[][] shapes = {{0, 0}, {13, 100}, {4096, 4096}, {64, 8197}};
        for (int[] shape : shapes) {
            byte[] aad = random(shape[0]);
            byte[] pt = random(shape[1]);
            var out = Ciphers.gcmEncrypt(s, cmk, Octets.of(aad), Octets.of(pt));
            assertEquals(12, out.iv().length());
            byte[] jca = Checks.gcm(Cipher.ENCRYPT_MODE, key, out.iv().toByteArray(), aad, pt);
            assertArrayEquals(Arrays.copyOf(jca, pt.length), out.ciphertext().toByteArray(), "GCM ciphertext, " + Arrays.toString(shape));
            assertArrayEquals(Arrays.copyOfRange(jca, pt.length, jca.length), out.tag().toByteArray(), "GCM tag");
            assertEquals(Octets.of(pt), Ciphers.gcmDecrypt(s, cmk, out.iv(), Octets.of(aad), out.ciphertext(), out.tag()));
            // The JCA's encryption under an IV of ours, decrypted by the device.
            byte[] iv = random(12);
            byte[] theirs = Checks.gcm(Cipher.ENCRYPT_MODE, key, iv, aad, pt);
            assertEquals(Octets.of(pt), Ciphers.gcmDecrypt(s, cmk, Octets.of(iv), Octets.of(aad), Octets.of(theirs, 0, pt.length),
                    Octets.of(theirs, pt.length, 16), 16 * 64));
            // Tampered: tag, ciphertext, AAD.
            byte[] tag = out.tag().toByteArray();
            tag[15] ^= 1;
            assertThrows(GcmTagMismatchException.class, () -> Ciphers.gcmDecrypt(s, cmk, out.iv(), Octets.of(aad), out.ciphertext(),
                    Octets.of(tag)));
            if (pt.length > 0) {
                byte[] ct = out.ciphertext().toByteArray();
                ct[ct.length / 2] ^= 0x20;
                assertThrows(GcmTagMismatchException.class, () -> Ciphers.gcmDecrypt(s, cmk, out.iv(), Octets.of(aad), Octets.of(ct),
                        out.tag()));
            }
            byte[] otherAad = aad.length == 0 ? new byte[1] : aad.clone();
            otherAad[0] ^= 1;
            assertThrows(GcmTagMismatchException.class, () -> Ciphers.gcmDecrypt(s, cmk, out.iv(), Octets.of(otherAad),
                    out.ciphertext(), out.tag()));
        }
    }

    static void ecdsa(Target t) throws Exception {
        var s = t.session();
        byte[] seed = random(48);
        Cmk key = Keys.importKey(s, KeyUsage.ECDSA, Octets.of(seed));
        var pub = Asymmetric.ecdsaPublicKey(s, key);
        ECPublicKey jcaKey = Checks.ecPublicKey(pub.x(), pub.y());
        assertEquals(pub, Asymmetric.ecdsaPublicKey(s, Keys.importKey(s, KeyUsage.ECDSA, Octets.of(seed))), "a key follows its seed");
        for (int size : new int[] {0, 30, 4096}) {
            byte[] message = random(size);
            EcdsaSignature sig = Asymmetric.ecdsaSign(s, key, Octets.of(message));
            byte[] rs = HybridKeys.concat(sig.r().toByteArray(), sig.s().toByteArray());
            assertTrue(Checks.verifyEs384(jcaKey, message, rs), "the JCA verifies the device's signature over " + size + " bytes");
            Asymmetric.ecdsaVerify(s, key, Octets.of(message), sig);
            byte[] tampered = tampered(message);
            refused(CaliptraError.RUNTIME_MAILBOX_SIGNATURE_MISMATCH, () -> Asymmetric.ecdsaVerify(s, key, Octets.of(tampered), sig));
            byte[] badS = sig.s().toByteArray();
            badS[47] ^= 1;
            refused(CaliptraError.RUNTIME_MAILBOX_SIGNATURE_MISMATCH, () -> Asymmetric.ecdsaVerify(s, key, Octets.of(message),
                    new EcdsaSignature(sig.r(), Octets.of(badS))));
        }
    }

    static void ecdh(Target t) throws Exception {
        var s = t.session();
        // Spec §6.2 #12: two exchanges on the device, each finished with the other's point.
        var a = Asymmetric.ecdhGenerate(s);
        var b = Asymmetric.ecdhGenerate(s);
        assertNotEquals(a.exchangeData(), b.exchangeData());
        Cmk ka = Asymmetric.ecdhFinish(s, a.context(), KeyUsage.AES, b.exchangeData());
        Cmk kb = Asymmetric.ecdhFinish(s, b.context(), KeyUsage.AES, a.exchangeData());
        byte[] message = "ECDH shared secret verification test data".getBytes(StandardCharsets.US_ASCII);
        byte[] aad = "additional authenticated data".getBytes(StandardCharsets.US_ASCII);
        var sealed = Ciphers.gcmEncrypt(s, ka, Octets.of(aad), Octets.of(message));
        assertEquals(Octets.of(message), Ciphers.gcmDecrypt(s, kb, sealed.iv(), Octets.of(aad), sealed.ciphertext(), sealed.tag()));

        // Against the JCA: our P-384 key and the device's point give the shared X; an AES key is its first 32 bytes,
        // an HMAC key all 48 (the reference's CM_ECDH_FINISH).
        var gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp384r1"));
        var ours = gen.generateKeyPair();
        var w = ((ECPublicKey) ours.getPublic()).getW();
        Octets ourPoint = Octets.of(HybridKeys.concat(HybridKeys.fixed(w.getAffineX()), HybridKeys.fixed(w.getAffineY())));
        var c = Asymmetric.ecdhGenerate(s);
        var agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ours.getPrivate());
        agreement.doPhase(Checks.ecPublicKey(c.exchangeData().slice(0, 48), c.exchangeData().slice(48, 48)), true);
        byte[] secret = agreement.generateSecret();
        Cmk kc = Asymmetric.ecdhFinish(s, c.context(), KeyUsage.AES, ourPoint);
        var sealedC = Ciphers.gcmEncrypt(s, kc, Octets.of(aad), Octets.of(message));
        assertArrayEquals(message, Checks.gcm(Cipher.DECRYPT_MODE, Arrays.copyOf(secret, 32), sealedC.iv().toByteArray(), aad,
                HybridKeys.concat(sealedC.ciphertext().toByteArray(), sealedC.tag().toByteArray())));
        Cmk hc = Asymmetric.ecdhFinish(s, c.context(), KeyUsage.HMAC, ourPoint);
        assertArrayEquals(Checks.hmac("HmacSHA384", secret, message), Macs.hmac(s, hc, HashAlgorithm.SHA384, Octets.of(message))
                .value().toByteArray());
    }

    static void mldsa(Target t) throws Exception {
        var s = t.session();
        byte[] seed = random(32);
        Cmk key = Keys.importKey(s, KeyUsage.MLDSA, Octets.of(seed));
        var bcPrivate = new MLDSAPrivateKeyParameters(MLDSAParameters.ml_dsa_87, seed);
        MLDSAPublicKeyParameters bcPublic = bcPrivate.getPublicKeyParameters();
        assertArrayEquals(bcPublic.getEncoded(), Asymmetric.mldsaPublicKey(s, key).bytes().toByteArray(),
                "FIPS 204 key generation from the 32-byte seed");
        for (int size : new int[] {0, 1, 4096}) {
            byte[] message = random(size);
            MldsaSignature sig = Asymmetric.mldsaSign(s, key, Octets.of(message));
            assertEquals(4628, sig.field().length());
            assertEquals(0, sig.field().get(4627), "the pad byte");
            var verifier = new MLDSASigner();
            verifier.init(false, bcPublic);
            verifier.update(message, 0, message.length);
            assertTrue(verifier.verifySignature(sig.field().slice(0, 4627).toByteArray()), "BouncyCastle verifies " + size + " bytes");
            Asymmetric.mldsaVerify(s, key, Octets.of(message), sig);
            // BouncyCastle's own signature under the same seed, checked by the device.
            var signer = new MLDSASigner();
            signer.init(true, bcPrivate);
            signer.update(message, 0, message.length);
            Asymmetric.mldsaVerify(s, key, Octets.of(message), MldsaSignature.of(Octets.of(signer.generateSignature())));
            byte[] tampered = tampered(message);
            refused(CaliptraError.RUNTIME_MAILBOX_SIGNATURE_MISMATCH, () -> Asymmetric.mldsaVerify(s, key, Octets.of(tampered), sig));
        }
    }

    static void lms(Target t) {
        var s = t.session();
        var signer = LmsSigners.zeroLeaf(LmsPrivateKey.generate(new java.security.SecureRandom()));
        byte[] digest = Checks.sha("SHA-384", random(100));
        var image = signer.sign(digest);
        var pub = signer.publicKey();
        // The image module's RFC 8554 form: q ‖ otstype ‖ C ‖ y[51] ‖ type ‖ path[15]; the command splits it.
        byte[] raw = image.bytes().toByteArray();
        var key = new LmsPublicKey(pub.lmsType(), pub.otsType(), pub.id(), pub.root());
        var signature = new LmsSignature(image.q(), Octets.of(Arrays.copyOfRange(raw, 4, 1256)), image.lmsType(),
                Octets.of(Arrays.copyOfRange(raw, 1260, 1620)));
        Asymmetric.lmsVerify(s, key, signature, Octets.of(digest));
        byte[] other = digest.clone();
        other[0] ^= 1;
        refused(CaliptraError.RUNTIME_LMS_VERIFY_FAILED, () -> Asymmetric.lmsVerify(s, key, signature, Octets.of(other)));
        byte[] path = signature.path().toByteArray();
        path[100] ^= 1;
        refused(CaliptraError.RUNTIME_LMS_VERIFY_FAILED, () -> Asymmetric.lmsVerify(s, key, new LmsSignature(signature.q(),
                signature.ots(), signature.lmsType(), Octets.of(path)), Octets.of(digest)));
    }

    // ---- the debug log --------------------------------------------------------------------------

    /** Every page until the device says no more, as the pages it took. */
    private static List<LogPage> drainPages(CaliptraSession s) {
        var pages = new ArrayList<LogPage>();
        for (int i = 0; i < 1000; i++) {
            var page = Debug.getLogPage(s);
            pages.add(page);
            if (!page.moreData()) {
                return pages;
            }
        }
        throw new AssertionError("the log never ran dry");
    }

    private static String text(List<LogPage> pages) {
        var out = new StringBuilder();
        pages.forEach(p -> out.append(new String(p.data().toByteArray(), StandardCharsets.US_ASCII)));
        return out.toString();
    }

    static void debugLog(Target t) {
        var s = t.session();
        boolean vdm = t.route() == Route.MCTP_VDM;
        var mailbox = vdm ? t.over(Driver.MCU_IN_PROCESS) : s;
        // Some commands over this session and one over the mailbox, one of them refused.
        DeviceInfo.getFirmwareVersion(s, 1);
        DeviceInfo.getDeviceCapabilities(s);
        DeviceInfo.getDeviceId(mailbox);
        if (vdm) {
            assertThrows(TransportException.class, () -> DeviceInfo.getFirmwareVersion(s, 7));
        } else {
            assertThrows(DeviceErrorException.class, () -> DeviceInfo.getDeviceInfo(s, 5));
        }
        var pages = drainPages(s);
        String log = text(pages);
        int pageLimit = vdm ? 900 : 4096;
        if (vdm) {
            assertTrue(pages.size() > 1, "the boot's records alone fill more than one 900-byte VDM page: " + pages.size());
        }
        pages.forEach(p -> assertTrue(p.data().length() <= pageLimit, "a page of " + p.data().length() + " bytes"));
        assertTrue(log.contains("BOOT core runtime ready"), log);
        assertTrue(log.contains("CMD MC_DEVICE_ID ok"), log);
        if (vdm) {
            assertTrue(log.contains("VDM command 0x01 ok") && log.contains("VDM command 0x02 ok"), log);
            assertTrue(log.contains("VDM command 0x01 failed"), log);
        } else {
            assertTrue(log.contains("CMD MC_FIRMWARE_VERSION ok") && log.contains("CMD MC_DEVICE_CAPABILITIES ok"), log);
            assertTrue(log.contains("CMD MC_DEVICE_INFO failed: MCU_MBOX_INVALID_PARAMS"), log);
        }
        // Records are whole lines numbered in order.
        long last = 0;
        for (String line : log.split("\n")) {
            assertTrue(line.startsWith("#"), line);
            long seq = Long.parseLong(line.substring(1, line.indexOf(' ')));
            assertTrue(seq > last, line);
            last = seq;
        }
        // A drained log is empty; a new command is its only record; clear empties it, whichever route asks next.
        assertTrue(text(drainPages(s)).isEmpty());
        DeviceInfo.getDeviceCapabilities(s);
        String one = text(drainPages(s));
        assertEquals(1, one.split("\n").length, one);
        DeviceInfo.getDeviceCapabilities(s);
        DeviceInfo.getDeviceId(mailbox);
        Debug.clearLog(s);
        var after = drainPages(vdm ? mailbox : t.over(Driver.MCTP_VDM));
        assertEquals(1, after.size());
        assertFalse(after.get(0).moreData());
        assertEquals(0, after.get(0).data().length());
    }

    // ---- fuses ------------------------------------------------------------------------------------

    /** CPTRA_CORE_SOC_STEPPING_ID: SW_MANUF partition 6 at 0x0D0, entry 0x78 (word 0x148 / 4) in the reference fuse map. */
    private static final int SW_MANUF = 6;
    private static final int STEPPING_ENTRY = 0x78;
    private static final int STEPPING_WORD = 0x148 / 4;
    /** Vendor hashes partition 11 (0x438): owner PK hash at entry 0, vendor PK hash slot 1 at 0x38, slot 2 at 0x68. */
    private static final int VENDOR_HASHES = 11;

    static void bareFuseCommands(Target t) {
        var s = t.session();
        var d = t.device();
        refused(CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND, () -> Fuses.read(s, SW_MANUF, STEPPING_ENTRY));
        refused(CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND, () -> Fuses.write(s, STEPPING_WORD, 0xA0, -1));
        refused(CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND, () -> Fuses.lock(s, SW_MANUF));
        assertEquals(0, Checks.fuseWord(d, SW_MANUF, STEPPING_ENTRY), "nothing was burnt");
        // The partition is not locked: signed writes still land, and only set bits (OR).
        Checks.assertOk(Checks.fuseWrite(d, STEPPING_WORD, 0xA0, -1));
        Checks.assertOk(Checks.fuseWrite(d, STEPPING_WORD, 0x0F, 0x0F));
        assertEquals(0xAF, Checks.fuseWord(d, SW_MANUF, STEPPING_ENTRY));
    }

    private static Octets hash(int tag) {
        return Octets.of(Checks.sha("SHA-384", new byte[] {(byte) tag}));
    }

    /** PVPK signed by the reference keys over a pre-image built here, which must equal the library's. */
    private static void provisionVendor(CaliptraSession s, int slot, Octets hash) {
        Octets nonce = Fuses.authChallenge(s);
        byte[] pre = Checks.preImage(0x5056_504B, HybridKeys.concat(Checks.le(slot), hash.toByteArray()), nonce);
        assertArrayEquals(pre, FuseCommands.ProvisionVendorPkHash.preImage(slot, hash, nonce));
        Fuses.provisionVendorPkHash(s, slot, hash, HybridKeys.REFERENCE.trailer(nonce, pre));
    }

    static void authorizedProvisioning(Target t) {
        var s = t.session();
        var d = t.device();
        var keys = HybridKeys.REFERENCE;
        assertEquals(org.caliptra.util.emulator.DeviceConfig.DEFAULT_AUTHORIZATION_PK_HASH, keys.anchor(),
                "the default part anchors the reference key pair");
        Octets h1 = hash(1);
        provisionVendor(s, 1, h1);
        assertEquals(h1, Checks.fuseBytes(d, VENDOR_HASHES, 0x38).slice(0, 48), "slot 1 reads back");
        provisionVendor(s, 1, h1); // the same bits again: nothing to burn
        refused(CaliptraError.MCU_MBOX_INVALID_PARAMS, () -> provisionVendor(s, 1, hash(2))); // fuses only ever gain bits
        assertEquals(h1, Checks.fuseBytes(d, VENDOR_HASHES, 0x38).slice(0, 48));

        // Owner PK hash, and its valid marker (CPTRA_SS_OWNER_PK_HASH_VALID at 0x46C: entry 0x34).
        Octets owner = hash(3);
        Octets nonce = Fuses.authChallenge(s);
        byte[] pre = Checks.preImage(0x504F_504B, owner.toByteArray(), nonce);
        assertArrayEquals(pre, FuseCommands.ProvisionOwnerPkHash.preImage(owner, nonce));
        Fuses.provisionOwnerPkHash(s, owner, keys.trailer(nonce, pre));
        Octets read = Checks.fuseBytes(d, VENDOR_HASHES, 0);
        assertEquals(owner, read.slice(0, 48));
        assertEquals(1, read.get(0x34));

        // Refused authorizations, none of which burns slot 2.
        Octets h2 = hash(4);
        Octets n1 = Fuses.authChallenge(s);
        byte[] p1 = Checks.preImage(0x5056_504B, HybridKeys.concat(Checks.le(2), h2.toByteArray()), n1);
        HybridSignature good = keys.signAuthorized(p1);
        byte[] badS = good.eccSigS().toByteArray();
        badS[47] ^= 1;
        refused(CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND, () -> Fuses.provisionVendorPkHash(s, 2, h2, new Trailer(n1, keys.x(),
                keys.y(), keys.mldsaPublic(), new HybridSignature(good.eccSigR(), Octets.of(badS), good.mldsaSig()))));
        Octets n2 = Fuses.authChallenge(s);
        byte[] p2 = Checks.preImage(0x5056_504B, HybridKeys.concat(Checks.le(2), h2.toByteArray()), n2);
        byte[] badMldsa = keys.signAuthorized(p2).mldsaSig().toByteArray();
        badMldsa[1000] ^= 1;
        HybridSignature g2 = keys.signAuthorized(p2);
        refused(CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND, () -> Fuses.provisionVendorPkHash(s, 2, h2, new Trailer(n2, keys.x(),
                keys.y(), keys.mldsaPublic(), new HybridSignature(g2.eccSigR(), g2.eccSigS(), Octets.of(badMldsa)))));
        // Keys the part does not anchor.
        Octets n3 = Fuses.authChallenge(s);
        refused(CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND, () -> Fuses.provisionVendorPkHash(s, 2, h2, HybridKeys.generate()
                .trailer(n3, Checks.preImage(0x5056_504B, HybridKeys.concat(Checks.le(2), h2.toByteArray()), n3))));
        // A stale challenge: a newer one was issued since.
        Octets stale = Fuses.authChallenge(s);
        Fuses.authChallenge(s);
        refused(CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND, () -> Fuses.provisionVendorPkHash(s, 2, h2, keys.trailer(stale,
                Checks.preImage(0x5056_504B, HybridKeys.concat(Checks.le(2), h2.toByteArray()), stale))));
        // A challenge is good once.
        Octets once = Fuses.authChallenge(s);
        byte[] onceImage = Checks.preImage(0x4946_504B, Checks.le(SW_MANUF), once);
        Fuses.lockPartition(s, SW_MANUF, keys.trailer(once, onceImage));
        refused(CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND, () -> Fuses.lockPartition(s, SW_MANUF, keys.trailer(once, onceImage)));
        assertTrue(Checks.fuseBytes(d, VENDOR_HASHES, 0x68).slice(0, 48).isZero(), "slot 2 is untouched");

        // Locked: SW_MANUF (just now) refuses a signed write; locking vendor hashes stops provisioning.
        assertEquals(CaliptraError.MCU_MBOX_COMMON.code(), assertInstanceOf(org.caliptra.util.protocol.MailboxReply.Failure.class,
                Checks.fuseWrite(d, STEPPING_WORD, 1, 1)).errorCode());
        assertEquals(0, Checks.fuseWord(d, SW_MANUF, STEPPING_ENTRY));
        Octets nl = Fuses.authChallenge(s);
        byte[] lockImage = Checks.preImage(0x4946_504B, Checks.le(VENDOR_HASHES), nl);
        assertArrayEquals(lockImage, FuseCommands.FuseLockPartition.preImage(VENDOR_HASHES, nl));
        Fuses.lockPartition(s, VENDOR_HASHES, keys.trailer(nl, lockImage));
        refused(CaliptraError.MCU_MBOX_COMMON, () -> provisionVendor(s, 2, h2));
        assertTrue(Checks.fuseBytes(d, VENDOR_HASHES, 0x68).slice(0, 48).isZero());
        assertEquals(h1, Checks.fuseBytes(d, VENDOR_HASHES, 0x38).slice(0, 48));
    }

    static void svnAndRevocation(Target t) {
        var s = t.session();
        var d = t.device();
        var keys = HybridKeys.REFERENCE;
        // The running firmware's SVN is 7: the minimum may rise to it (a thermometer code), not beyond, never fall.
        for (int[] step : new int[][] {{3, 0b111}, {7, 0b111_1111}}) {
            Octets nonce = Fuses.authChallenge(s);
            byte[] pre = Checks.preImage(0x4D43_4D53, Checks.le(0, step[0]), nonce);
            assertArrayEquals(pre, FuseCommands.FuseIncreaseCaliptraMinSvn.preImage(0, step[0], nonce));
            Fuses.increaseCaliptraMinSvn(s, step[0], keys.trailer(nonce, pre));
            // CPTRA_CORE_RUNTIME_SVN: SVN partition 8, entry 4.
            assertEquals(step[1], Checks.fuseWord(d, 8, 4));
        }
        for (int svn : new int[] {8, 4}) {
            Octets nonce = Fuses.authChallenge(s);
            refused(CaliptraError.MCU_MBOX_INVALID_PARAMS, () -> Fuses.increaseCaliptraMinSvn(s, svn, keys.trailer(nonce,
                    Checks.preImage(0x4D43_4D53, Checks.le(0, svn), nonce))));
        }
        assertEquals(0b111_1111, Checks.fuseWord(d, 8, 4));

        provisionVendor(s, 1, hash(9));
        Octets n1 = Fuses.authChallenge(s);
        byte[] p1 = Checks.preImage(0x4D52_564B, Checks.le(0, 1, 2, 2), n1);
        assertArrayEquals(p1, FuseCommands.FuseRevokeVendorPubKey.preImage(1, KeyType.MLDSA87, 2, n1));
        Fuses.revokeVendorPubKey(s, 1, KeyType.MLDSA87, 2, keys.trailer(n1, p1));
        // CPTRA_CORE_MLDSA_REVOCATION_1 at 0x7B8 (partition 12, entry 0x20): key 2 is bits 6..8.
        assertEquals(0b111 << 6, Checks.fuseWord(d, 12, 0x20));
        Octets n2 = Fuses.authChallenge(s);
        refused(CaliptraError.MCU_MBOX_INVALID_PARAMS, () -> Fuses.revokeVendorPubKey(s, 2, KeyType.ECDSA_P384, 0, keys.trailer(n2,
                Checks.preImage(0x4D52_564B, Checks.le(0, 2, 0, 0), n2))), "slot 2 holds no hash");

        Octets n3 = Fuses.authChallenge(s);
        byte[] p3 = Checks.preImage(0x5256_4B48, Checks.le(0, 1), n3);
        assertArrayEquals(p3, FuseCommands.FuseRevokeVendorPkHash.preImage(1, n3));
        Fuses.revokeVendorPkHash(s, 1, keys.trailer(n3, p3));
        // CPTRA_CORE_VENDOR_PK_HASH_VALID: partition 11, entry 0x344; slot 1 is bits 3..5.
        assertEquals(0b111_000, Checks.fuseWord(d, VENDOR_HASHES, 0x344));
    }

    static void feProg(Target t) throws Exception {
        var s = t.session();
        var keys = HybridKeys.REFERENCE;
        Path store = t.dir().resolve("production.otp");
        assertTrue(Octets.of(stored(store).readBytes(FuseMap.fieldEntropy(2))).isZero(), "no field entropy yet");
        Octets nonce = Fuses.authChallenge(s);
        byte[] pre = Checks.preImage(0x4D43_4650, Checks.le(2), nonce);
        assertArrayEquals(pre, FuseCommands.FeProg.preImage(2, nonce));
        Fuses.feProg(s, 2, keys.trailer(nonce, pre));
        var otp = stored(store);
        byte[] programmed = otp.readBytes(FuseMap.fieldEntropy(2));
        assertFalse(Octets.of(programmed).isZero(), "field entropy burnt");
        assertTrue(otp.locked(OtpPartition.SECRET_PROD_2));
        assertFalse(otp.locked(OtpPartition.SECRET_PROD_1));
        Octets n4 = Fuses.authChallenge(s);
        refused(CaliptraError.RUNTIME_FE_PROG_INVALID_PARTITION, () -> Fuses.feProg(s, 4, keys.trailer(n4, Checks.preImage(0x4D43_4650,
                Checks.le(4), n4))));
        Octets n0 = Fuses.authChallenge(s);
        refused(CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND, () -> Fuses.feProg(s, 0, keys.trailer(n0, Checks.preImage(0x4D43_4650,
                Checks.le(1), n0))), "signed for another partition");
        assertTrue(Octets.of(stored(store).readBytes(FuseMap.fieldEntropy(0))).isZero());
        // An unprovisioned part has no field to program.
        try (var unprovisioned = Rig.make(t.driver().profile(), Setup.BOOTED, t.dir()); var other = t.driver().open(unprovisioned)) {
            Octets n = Fuses.authChallenge(other);
            refused(CaliptraError.RUNTIME_FE_PROG_ILLEGAL_LIFECYCLE_STATE, () -> Fuses.feProg(other, 0, keys.trailer(n,
                    Checks.preImage(0x4D43_4650, Checks.le(0), n))));
        }
    }

    private static org.caliptra.util.emulator.mcu.fuse.Otp stored(Path file) {
        return FuseStore.open(file, () -> {
            throw new AssertionError("the device wrote its fuse store");
        }).otp();
    }

    // ---- production debug unlock --------------------------------------------------------------

    private static final int SS_DEBUG_INTENT = SocIfcRegs.BASE + 0x530;
    private static final int SS_DBG_SERVICE_REG_REQ = SocIfcRegs.BASE + 0x5C0;
    private static final int SS_DBG_SERVICE_REG_RSP = SocIfcRegs.BASE + 0x5C4;
    private static final int SS_SOC_DBG_UNLOCK_LEVEL = SocIfcRegs.BASE + 0x5C8;
    private static final int PROD_REQ = 1 << 1;
    private static final int RSP_SUCCESS = 1 << 3;
    private static final int RSP_FAIL = 1 << 4;

    /** The token: ECDSA over SHA-384 and ML-DSA over SHA-512 of udi ‖ level ‖ reserved ‖ challenge. */
    private static ProdDebugUnlockToken token(HybridKeys keys, int level, UnlockChallenge c) {
        byte[] signed = HybridKeys.concat(c.uniqueDeviceIdentifier().toByteArray(), new byte[] {(byte) level, 0, 0, 0},
                c.challenge().toByteArray());
        return tokenWith(keys, level, c, keys.sign(Checks.sha("SHA-384", signed), Checks.sha("SHA-512", signed)));
    }

    private static ProdDebugUnlockToken tokenWith(HybridKeys keys, int level, UnlockChallenge c, HybridSignature sig) {
        return ProdDebugUnlockToken.of(c.uniqueDeviceIdentifier(), level, c.challenge(), keys.xy(), keys.mldsaPublic(),
                Octets.of(HybridKeys.concat(sig.eccSigR().toByteArray(), sig.eccSigS().toByteArray())), new MldsaSignature(sig.mldsaSig()));
    }

    static void debugUnlock(Target t) {
        var s = t.session();
        var d = t.device();
        var keys = Rig.DEBUG_UNLOCK_KEYS;
        refused(CaliptraError.SS_DBG_UNLOCK_REQ_BIT_NOT_SET, () -> DebugUnlock.request(s, 2), "the SoC has not asked for debug");
        d.write32(SS_DEBUG_INTENT, 1);
        d.write32(SS_DBG_SERVICE_REG_REQ, PROD_REQ);
        for (int level : new int[] {0, 9}) {
            refused(CaliptraError.SS_DBG_UNLOCK_PROD_INVALID_REQ, () -> DebugUnlock.request(s, level));
        }
        refused(CaliptraError.SS_DBG_UNLOCK_PROD_DISABLED, () -> DebugUnlock.request(s, 3), "level 3 has no key hash fused");

        var c = DebugUnlock.request(s, 2);
        assertEquals(21, c.length(), "the response's length in dwords");
        assertEquals(Rig.UEID, c.uniqueDeviceIdentifier().slice(0, 17), "the UEID, padded");
        assertTrue(c.uniqueDeviceIdentifier().slice(17, 15).isZero());
        // Wrong signatures.
        var good = token(keys, 2, c);
        byte[] ecc = good.token().eccSignature().toByteArray();
        ecc[20] ^= 4;
        var sigOf = keys.sign(new byte[48], new byte[0]);
        refused(CaliptraError.SS_DBG_UNLOCK_PROD_INVALID_TOKEN_INVALID_SIGNATURE, () -> DebugUnlock.submitToken(s,
                ProdDebugUnlockToken.of(c.uniqueDeviceIdentifier(), 2, c.challenge(), keys.xy(), keys.mldsaPublic(), Octets.of(ecc),
                        new MldsaSignature(good.token().mldsaSignature()))));
        assertEquals(RSP_FAIL, d.read32(SS_DBG_SERVICE_REG_RSP) & (RSP_FAIL | RSP_SUCCESS));
        var c2 = DebugUnlock.request(s, 2);
        refused(CaliptraError.SS_DBG_UNLOCK_PROD_INVALID_TOKEN_INVALID_SIGNATURE, () -> DebugUnlock.submitToken(s,
                tokenWith(keys, 2, c2, sigOf)));
        // Keys that do not hash to the level's fuse.
        var c3 = DebugUnlock.request(s, 2);
        refused(CaliptraError.SS_DBG_UNLOCK_PROD_INVALID_TOKEN_WRONG_PUBLIC_KEYS, () -> DebugUnlock.submitToken(s,
                token(HybridKeys.generate(), 2, c3)));
        // A stale challenge: another request came since.
        var stale = DebugUnlock.request(s, 2);
        DebugUnlock.request(s, 2);
        refused(CaliptraError.SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE, () -> DebugUnlock.submitToken(s, token(keys, 2, stale)));
        // The wrong level: asked for 2, answered for 3.
        var c4 = DebugUnlock.request(s, 2);
        refused(CaliptraError.SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE, () -> DebugUnlock.submitToken(s, token(keys, 3, c4)));
        assertEquals(0, d.read32(SS_SOC_DBG_UNLOCK_LEVEL), "still locked");

        var c5 = DebugUnlock.request(s, 2);
        assertNotEquals(c4.challenge(), c5.challenge(), "each request draws a new challenge");
        DebugUnlock.submitToken(s, token(keys, 2, c5));
        assertEquals(0b10, d.read32(SS_SOC_DBG_UNLOCK_LEVEL), "SS_SOC_DBG_UNLOCK_LEVEL[0] = 1 << (level - 1)");
        assertEquals(RSP_SUCCESS, d.read32(SS_DBG_SERVICE_REG_RSP) & RSP_SUCCESS, "PROD_DBG_UNLOCK_SUCCESS");
        refused(CaliptraError.RUNTIME_DEBUG_UNLOCK_NO_CHALLENGE, () -> DebugUnlock.submitToken(s, token(keys, 2, c5)),
                "a token is good once");
    }

    // ---- device ownership transfer ------------------------------------------------------------

    /** An authorized DOT subcommand's pre-image (spec §6.2 #18): BE(0x11) ‖ LE(FourCC) ‖ payload ‖ challenge. */
    private static byte[] dotPreImage(int fourCc, byte[] payload, Octets challenge) {
        return Checks.preImage(0x11, HybridKeys.concat(Checks.le(fourCc), payload), challenge);
    }

    static void ownershipTransfer(Target t) {
        var s = t.session();
        var keys = HybridKeys.REFERENCE;
        var lak1 = HybridKeys.generate();
        var lak2 = HybridKeys.generate();
        Octets cak = Octets.of(Checks.filled(48, 0xA5));
        Octets cak2 = Octets.of(Checks.filled(48, 0x5A));
        assertStatus(s, 1, 0, 0);

        Octets n1 = Fuses.authChallenge(s);
        byte[] lockImage = dotPreImage(0x4D44_4C4B, HybridKeys.concat(cak.toByteArray(), lak1.dotHash().toByteArray()), n1);
        assertArrayEquals(lockImage, OwnershipCommands.DotLock.preImage(cak, lak1.dotHash(), n1));
        assertTrue(Ownership.lock(s, cak, lak1.dotHash(), keys.trailer(n1, lockImage)).resetRequired());
        assertStatus(s, 1, 1, 1);

        Octets n2 = Fuses.authChallenge(s);
        byte[] blobImage = dotPreImage(0x4D44_4242, new byte[0], n2);
        assertArrayEquals(blobImage, OwnershipCommands.GetDotBackupBlob.preImage(n2));
        byte[] blob = Ownership.backupBlob(s, keys.trailer(n2, blobImage)).blob().toByteArray();
        assertEquals(168, blob.length);
        assertEquals(1, ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getInt(), "blob version");
        assertArrayEquals(cak.toByteArray(), Arrays.copyOfRange(blob, 4, 52), "the CAK");
        assertArrayEquals(lak1.dotHash().toByteArray(), Arrays.copyOfRange(blob, 52, 100), "the LAK hash");
        assertFalse(Octets.of(Arrays.copyOfRange(blob, 104, 168)).isZero(), "its MAC");
        // Recovery takes the current state's blob, and no tampered one.
        assertTrue(Ownership.recover(s, Octets.of(blob)).resetRequired());
        byte[] tampered = blob.clone();
        tampered[10] ^= 1;
        refused(CaliptraError.MCU_MBOX_COMMON, () -> Ownership.recover(s, Octets.of(tampered)));

        Octets n3 = Fuses.authChallenge(s);
        byte[] rotateImage = dotPreImage(0x4D44_5254, HybridKeys.concat(Checks.le(3), cak2.toByteArray(), lak2.dotHash().toByteArray()),
                n3);
        assertArrayEquals(rotateImage, OwnershipCommands.DotRotate.preImage(3, cak2, lak2.dotHash(), n3));
        assertTrue(Ownership.rotate(s, 3, cak2, lak2.dotHash(), keys.trailer(n3, rotateImage)).resetRequired());
        assertStatus(s, 1, 1, 3);
        refused(CaliptraError.MCU_MBOX_COMMON, () -> Ownership.recover(s, Octets.of(blob)), "the blob of an older epoch");

        Octets challenge = Ownership.unlockChallenge(s);
        assertEquals(48, challenge.length());
        byte[] transcript = HybridKeys.concat("MDUL".getBytes(StandardCharsets.US_ASCII), challenge.toByteArray());
        refused(CaliptraError.MCU_MBOX_COMMON, () -> Ownership.unlock(s, lak1.x(), lak1.y(), lak1.mldsaPublic(),
                lak1.signMessage(transcript)), "the rotated-out LAK");
        assertTrue(Ownership.unlock(s, lak2.x(), lak2.y(), lak2.mldsaPublic(), lak2.signMessage(transcript)).resetRequired());
        assertStatus(s, 1, 0, 4);

        Octets n4 = Fuses.authChallenge(s);
        byte[] disableImage = dotPreImage(0x4D44_4453, lak2.dotHash().toByteArray(), n4);
        assertArrayEquals(disableImage, OwnershipCommands.DotDisable.preImage(lak2.dotHash(), n4));
        assertTrue(Ownership.disable(s, lak2.dotHash(), keys.trailer(n4, disableImage)).resetRequired());
        assertStatus(s, 1, 1, 5);

        // The vendor's recovery key overrides a locked part: its challenge, signed bare.
        var recovery = Rig.DOT_RECOVERY_KEYS;
        refused(CaliptraError.MCU_MBOX_COMMON, () -> Ownership.overrideChallenge(s, lak2.x(), lak2.y(), lak2.mldsaPublic()),
                "not the fused recovery key");
        Octets oc = Ownership.overrideChallenge(s, recovery.x(), recovery.y(), recovery.mldsaPublic());
        refused(CaliptraError.MCU_MBOX_COMMON, () -> Ownership.override(s, recovery.x(), recovery.y(), recovery.mldsaPublic(),
                recovery.signMessage(HybridKeys.concat("MDUL".getBytes(StandardCharsets.US_ASCII), oc.toByteArray()))));
        assertTrue(Ownership.override(s, recovery.x(), recovery.y(), recovery.mldsaPublic(), recovery.signMessage(oc.toByteArray()))
                .resetRequired());
        assertStatus(s, 1, 0, 6);
    }

    private static void assertStatus(CaliptraSession s, int enabled, int locked, int burned) {
        var status = Ownership.status(s);
        assertEquals(List.of(0, enabled, locked, burned), List.of(status.fipsStatus(), status.enabled(), status.locked(),
                status.burned()), status.toString());
    }

    // ---- attestation ----------------------------------------------------------------------------

    static void attestedCsr(Target t) throws Exception {
        var s = t.session();
        var core = t.route() == Route.CORE_MAILBOX ? s : t.over(Driver.CORE_2_1);
        X509Certificate rtAlias = Certificates.rtAliasCertificate(core).certificate();
        X509Certificate[] named = {Certificates.ldevidCertificate(core).certificate(),
            Certificates.fmcAliasCertificate(core).certificate(), rtAlias};
        for (DeviceKey key : DeviceKey.values()) {
            Octets nonce = Octets.of(random(32));
            byte[] token = Certificates.exportAttestedCsr(s, key, AsymAlgorithm.ECC_P384, nonce).toByteArray();
            List<Object> sign1 = MiniCbor.array(MiniCbor.untag(MiniCbor.decode(token), 61, 18));
            assertEquals(4, sign1.size());
            byte[] protectedHeader = MiniCbor.bytes(sign1.get(0));
            Map<Object, Object> header = MiniCbor.map(MiniCbor.decode(protectedHeader));
            assertEquals(-51L, MiniCbor.get(header, 1), "ESP384");
            assertEquals(263L, MiniCbor.get(header, 3), "application/eat+cwt");
            assertArrayEquals(ski(rtAlias), MiniCbor.bytes(MiniCbor.get(header, 4)), "kid: the RT alias certificate's key id");
            assertTrue(MiniCbor.map(sign1.get(1)).isEmpty());
            byte[] payload = MiniCbor.bytes(sign1.get(2));
            assertTrue(Checks.verifyEs384(rtAlias.getPublicKey(), MiniCbor.sigStructure(protectedHeader, payload),
                    MiniCbor.bytes(sign1.get(3))), "signed by the RT alias key");
            Map<Object, Object> claims = MiniCbor.map(MiniCbor.decode(payload));
            assertArrayEquals(nonce.toByteArray(), MiniCbor.bytes(MiniCbor.get(claims, 10)));
            var oid = MiniCbor.untag(MiniCbor.array(MiniCbor.get(claims, -70002)).get(0), 111);
            assertArrayEquals(HexFormat.of().parseHex("2b0601040182cd1f01020" + key.value()), MiniCbor.bytes(oid),
                    "OCP key derivation attribute 1.3.6.1.4.1.42623.1.2." + key.value());
            var csr = new PKCS10CertificationRequest(MiniCbor.bytes(MiniCbor.get(claims, -70001)));
            X509Certificate cert = named[key.value() - 1];
            assertEquals(SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded()), csr.getSubjectPublicKeyInfo(),
                    "a CSR for the " + key + " key");
            assertEquals(cert.getSubjectX500Principal(), new X500Principal(csr.getSubject().getEncoded()));
            if (key != DeviceKey.LDEVID) { // the runtime holds no LDevID private key to sign with
                assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(cert.getPublicKey())));
            }
        }
        if (t.route() == Route.MCU_MAILBOX) {
            // The ML-DSA-87 token exceeds the MCU's 4 KiB buffer, as in the reference.
            refused(CaliptraError.MCU_MBOX_BUFFER_TOO_SMALL, () -> Certificates.exportAttestedCsr(s, DeviceKey.RT_ALIAS,
                    AsymAlgorithm.MLDSA87, Octets.zeros(32)));
        }
    }

    static void attestation(Target t) throws Exception {
        var s = t.session();
        var core = t.over(Driver.CORE_2_1);
        var query = Commands.execute(s, GetAttestation.query());
        assertEquals(0, query.evidenceFormat());
        assertEquals(0b110, query.formatBitmap().orElseThrow(), "OCP EAT (bit 1) and PCR quote (bit 2)");
        assertEquals(EnumSet.of(EvidenceFormat.OCP_EAT, EvidenceFormat.PCR_QUOTE), Attestation.supportedFormats(s));

        // PCR quote: 32 PCRs, the nonce, reset counters, the digest SHA-512(PCRs ‖ nonce)[..48], r, s by the FMC alias key.
        Octets nonce = Octets.of(random(32));
        var quote = Attestation.getAttestation(s, EvidenceFormat.PCR_QUOTE, AsymAlgorithm.ECC_P384, PkiEntitySlot.VENDOR, nonce);
        assertEquals(EvidenceFormat.PCR_QUOTE.value(), quote.evidenceFormat());
        byte[] q = quote.evidence().toByteArray();
        assertEquals(1840, q.length);
        assertArrayEquals(nonce.toByteArray(), Arrays.copyOfRange(q, 1536, 1568));
        byte[] digest = Arrays.copyOf(Checks.sha("SHA-512", Arrays.copyOf(q, 1568)), 48);
        assertArrayEquals(digest, Arrays.copyOfRange(q, 1696, 1744));
        var fmcAlias = Certificates.fmcAliasCertificate(core).certificate();
        assertTrue(Checks.verifyPrehashed(fmcAlias.getPublicKey(), digest, Arrays.copyOfRange(q, 1744, 1792),
                Arrays.copyOfRange(q, 1792, 1840)), "the quote is signed by the FMC alias key");

        // OCP EAT: 55799(61(18([{1: -35}, {4: kid}, claims, signature]))), signed by the DPE leaf key of the
        // MCU's label 0..47, whose certificate chains to the RT alias.
        Octets eatNonce = Octets.of(random(32));
        var eat = Attestation.getAttestation(s, EvidenceFormat.OCP_EAT, AsymAlgorithm.ECC_P384, PkiEntitySlot.VENDOR, eatNonce);
        assertEquals(EvidenceFormat.OCP_EAT.value(), eat.evidenceFormat());
        assertTrue(eat.evidence().length() <= 7168);
        List<Object> sign1 = MiniCbor.array(MiniCbor.untag(MiniCbor.decode(eat.evidence().toByteArray()), 55799, 61, 18));
        byte[] protectedHeader = MiniCbor.bytes(sign1.get(0));
        assertEquals(-35L, MiniCbor.get(MiniCbor.map(MiniCbor.decode(protectedHeader)), 1), "ES384");
        byte[] kid = MiniCbor.bytes(MiniCbor.get(MiniCbor.map(sign1.get(1)), 4));
        byte[] label = new byte[48];
        for (int i = 0; i < 48; i++) {
            label[i] = (byte) i;
        }
        var leaf = new DpeSession(t.device().asUser(Rig.PL0).coreMailbox(), Generation.V2).certifyKey(new CertifyKeyRequest(
                ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(label)));
        assertArrayEquals(Checks.sha("SHA-384", HybridKeys.concat(leaf.derivedPubkeyX().toByteArray(),
                leaf.derivedPubkeyY().toByteArray())), kid, "kid = SHA-384(x ‖ y) of the leaf key");
        var leafCert = x509(leaf.cert().toByteArray());
        leafCert.verify(Certificates.rtAliasCertificate(core).certificate().getPublicKey());
        byte[] payload = MiniCbor.bytes(sign1.get(2));
        assertTrue(Checks.verifyEs384(leafCert.getPublicKey(), MiniCbor.sigStructure(protectedHeader, payload),
                MiniCbor.bytes(sign1.get(3))), "the EAT's signature");
        Map<Object, Object> claims = MiniCbor.map(MiniCbor.decode(payload));
        assertArrayEquals(eatNonce.toByteArray(), MiniCbor.bytes(MiniCbor.get(claims, 10)));
        assertEquals("1.3.6.1.4.1.42623.1.3", new String(MiniCbor.bytes(MiniCbor.untag(MiniCbor.get(claims, 265), 111)),
                StandardCharsets.US_ASCII), "the OCP EAT profile");
        assertEquals(0L, MiniCbor.get(claims, 263), "dbgstat: this part's debug is not locked");

        // Refusals: a format the query did not offer, an ML-DSA-87 EAT, the owner slot.
        refused(CaliptraError.MCU_MBOX_INVALID_PARAMS, () -> Commands.execute(s, new GetAttestation(3, AsymAlgorithm.ECC_P384,
                PkiEntitySlot.VENDOR, nonce)));
        refused(CaliptraError.MCU_MBOX_UNSUPPORTED_COMMAND, () -> Attestation.getAttestation(s, EvidenceFormat.OCP_EAT,
                AsymAlgorithm.MLDSA87, PkiEntitySlot.VENDOR, nonce));
        refused(CaliptraError.MCU_MBOX_COMMON, () -> Attestation.getAttestation(s, EvidenceFormat.PCR_QUOTE, AsymAlgorithm.ECC_P384,
                PkiEntitySlot.OWNER, nonce));
    }

    // ---- certificates on the core mailbox -------------------------------------------------------

    static void certificates(Target t) throws Exception {
        var s = t.session();
        var ldev = Certificates.ldevidCertificate(s);
        var fmc = Certificates.fmcAliasCertificate(s);
        var rt = Certificates.rtAliasCertificate(s);
        assertArrayEquals(ldev.der().toByteArray(), ldev.certificate().getEncoded(), "the DER as sent is the certificate parsed");
        ECPublicKey idevKey = Checks.idevidKey(t.device());

        // A vendor CA of ours certifies the IDevID key; the device wraps our TBS and signature into the certificate.
        var gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp384r1"));
        var ca = gen.generateKeyPair();
        var caName = new X500Name("CN=Test Vendor IDevID CA");
        var caCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.ONE,
                new Date(0), new Date(4_102_444_800_000L), caName, ca.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .build(new JcaContentSignerBuilder("SHA384withECDSA").build(ca.getPrivate())));
        var idevName = X500Name.getInstance(ldev.certificate().getIssuerX500Principal().getEncoded());
        var issued = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(7), new Date(0), new Date(4_102_444_800_000L), idevName,
                idevKey).addExtension(Extension.basicConstraints, true, new BasicConstraints(5))
                .build(new JcaContentSignerBuilder("SHA384withECDSA").build(ca.getPrivate()));
        byte[] tbs = issued.toASN1Structure().getTBSCertificate().getEncoded();
        var rs = ASN1Sequence.getInstance(issued.getSignature());
        byte[] r = HybridKeys.fixed(((org.bouncycastle.asn1.ASN1Integer) rs.getObjectAt(0)).getValue());
        byte[] sv = HybridKeys.fixed(((org.bouncycastle.asn1.ASN1Integer) rs.getObjectAt(1)).getValue());
        var idev = Certificates.idevidCertificate(s, Octets.of(tbs), Octets.of(r), Octets.of(sv));
        assertArrayEquals(issued.getEncoded(), idev.der().toByteArray(), "exactly the certificate our CA would have issued");
        idev.certificate().verify(caCert.getPublicKey());
        assertTrue(Checks.sameKey(idevKey, idev.certificate().getPublicKey()));

        // The chain, each certificate verified with its issuer's key, then as a whole by the JDK's PKIX.
        PublicKey[] issuers = {idevKey, ldev.certificate().getPublicKey(), fmc.certificate().getPublicKey()};
        X509Certificate[] chain = {ldev.certificate(), fmc.certificate(), rt.certificate()};
        X509Certificate issuer = idev.certificate();
        for (int i = 0; i < chain.length; i++) {
            chain[i].verify(issuers[i]);
            assertEquals(issuer.getSubjectX500Principal(), chain[i].getIssuerX500Principal());
            issuer = chain[i];
        }
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(rt.certificate(), fmc.certificate(),
                ldev.certificate(), idev.certificate()));
        var params = new PKIXParameters(Set.of(new TrustAnchor(caCert, null)));
        params.setRevocationEnabled(false);
        params.setDate(rt.certificate().getNotBefore());
        CertPathValidator.getInstance("PKIX").validate(path, params);
    }

    static void idevidCsr(Target t) throws Exception {
        var csr = Certificates.exportIdevidCsr(t.session(), AsymAlgorithm.ECC_P384);
        var request = csr.request();
        ECPublicKey idevKey = Checks.idevidKey(t.device());
        assertTrue(request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(idevKey)), "signed by the IDevID key");
        assertEquals(SubjectPublicKeyInfo.getInstance(idevKey.getEncoded()), request.getSubjectPublicKeyInfo(), "for the IDevID key");
        // The ROM handed the same CSR to the SoC during the boot (2.x: inside its MAC'd envelope).
        byte[] fromBoot = t.part().boot().idevidCsr().orElseThrow().toByteArray();
        byte[] der = csr.der().toByteArray();
        assertTrue(indexOf(fromBoot, der) >= 0, "the runtime's CSR is the one the ROM produced");
        if (t.driver().profile().isV1()) {
            assertArrayEquals(fromBoot, der);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---- what a route's device refuses --------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static <R> R example(CaliptraSession s, CommandId id) {
        var command = (Command<R>) CommandCatalog.builtIn().command(id.value()).orElseThrow().example();
        return Commands.execute(s, command);
    }

    static void refusedBeforeSendingByCaliptra1(Target t) {
        var catalog = CommandCatalog.builtIn();
        // The mailbox as the route's session reaches it, counting what gets there.
        var core = t.device().asUser(Rig.PL0).coreMailbox();
        var commands = new ArrayList<Integer>();
        MailboxPort counting = (command, request) -> {
            commands.add(command);
            return core.execute(command, request);
        };
        var s = Rig.session(new MailboxTransport(new InProcessMailboxDriver(counting), catalog.mailboxTable(Route.CORE_MAILBOX_1X)));
        t.opened().add(s);
        int refused = refuseUncarried(s);
        assertEquals(List.of(), commands, "nothing reached the mailbox");
        assertEquals(CommandId.values().length - 7, refused);
        // The route's own session refuses the same before sending, whatever carries it (a socket target opened with
        // generation=1 among them).
        assertEquals(refused, refuseUncarried(t.session()));
        // The counter sees what does travel, and what the 2.x route would have sent the part refuses on its own.
        DeviceInfo.getDeviceCapabilities(s);
        assertEquals(List.of(0x4341_5053), commands, "CAPABILITIES reached the mailbox");
        var v2 = catalog.mailboxTable(Route.CORE_MAILBOX);
        for (CommandId id : EnumSet.of(RANDOM_GENERATE, CM_STATUS, HASH_INIT, LMS_VERIFY, EXPORT_ATTESTED_CSR, PROD_DEBUG_UNLOCK_REQ)) {
            int code = v2.lookup(id.value()).orElseThrow().externalCommand();
            var reply = core.execute(code, org.caliptra.util.protocol.mailbox.MailboxFrame.sealRequest(code, new byte[0]));
            assertEquals(new org.caliptra.util.protocol.MailboxReply.Failure(CaliptraError.RUNTIME_UNIMPLEMENTED_COMMAND.code()), reply,
                    id.describe() + " as " + Integer.toHexString(code));
        }
    }

    /** Sends every id the 1.x core route does not carry over {@code s}, each refused before sending; how many. */
    private static int refuseUncarried(CaliptraSession s) {
        var carried1x = carried(Route.CORE_MAILBOX_1X);
        var carried2x = carried(Route.CORE_MAILBOX);
        int refused = 0;
        for (CommandInfo info : CommandCatalog.builtIn().listCommands()) {
            if (carried1x.contains(info.id())) {
                continue;
            }
            CommandId id = CommandId.fromValue(info.id()).orElseThrow();
            var e = assertThrows(TransportException.class, () -> example(s, id), id.describe());
            assertEquals(TransportException.Kind.NOT_SUPPORTED, e.kind(), e.getMessage());
            assertFalse(e.mayHaveExecuted(), e.getMessage());
            assertTrue(e.getMessage().contains(id.describe() + " is not carried by a Caliptra 1.x core mailbox")
                    || e.getMessage().contains("no Caliptra target carries " + id.describe()), e.getMessage());
            if (carried2x.contains(info.id())) {
                assertTrue(e.getMessage().contains("it needs a Caliptra 2.x core"), e.getMessage());
            }
            refused++;
        }
        return refused;
    }

    static void coreDebugUnlockGap(Target t) {
        refused(CaliptraError.RUNTIME_UNIMPLEMENTED_COMMAND, () -> DebugUnlock.request(t.session(), 1));
        refused(CaliptraError.RUNTIME_UNIMPLEMENTED_COMMAND, () -> DebugUnlock.submitToken(t.session(), exampleToken()));
    }

    static void notSupported(Target t) {
        var s = t.session();
        // Per route: an id carried elsewhere (and the routes that carry it), and one no route carries.
        Map<Route, Object[]> probes = Map.of(
                Route.MCU_MAILBOX, new Object[] {GET_LDEVID_CERT, List.of("a Caliptra 2.x core mailbox", "a Caliptra 1.x core mailbox")},
                Route.CORE_MAILBOX, new Object[] {DEBUG_GET_LOG, List.of("an MCU (MCI) mailbox", "MCTP-VDM")},
                Route.CORE_MAILBOX_1X, new Object[] {RANDOM_GENERATE, List.of("an MCU (MCI) mailbox", "a Caliptra 2.x core mailbox")},
                Route.MCTP_VDM, new Object[] {HASH_INIT, List.of("an MCU (MCI) mailbox", "a Caliptra 2.x core mailbox")});
        Object[] probe = probes.get(t.route());
        var id = (CommandId) probe[0];
        var e = assertThrows(TransportException.class, () -> example(s, id));
        assertEquals(TransportException.Kind.NOT_SUPPORTED, e.kind(), e.getMessage());
        assertFalse(e.mayHaveExecuted());
        assertTrue(e.getMessage().contains(id.describe()), e.getMessage());
        for (Object route : (List<?>) probe[1]) {
            assertTrue(e.getMessage().contains("travels over") && e.getMessage().contains((String) route), e.getMessage());
        }
        var none = assertThrows(TransportException.class, () -> example(s, LMS_KEYGEN));
        assertEquals(TransportException.Kind.NOT_SUPPORTED, none.kind());
        assertTrue(none.getMessage().contains("no Caliptra target carries LmsKeygen (0x4010)"), none.getMessage());
        // The session is still usable.
        DeviceInfo.getDeviceCapabilities(s);
    }
}
