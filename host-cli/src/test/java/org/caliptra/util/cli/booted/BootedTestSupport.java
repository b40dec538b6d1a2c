package org.caliptra.util.cli.booted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.caliptra.util.cli.Cli;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What the booted-device command tests share: running them, reading their PEM, checking chains. */
final class BootedTestSupport {
    private BootedTestSupport() {}

    /** A command whose only options are the booted-device ones: the device the CLI commands boot, for the test to ask directly. */
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        BootedDeviceOptions device;
    }

    /** The same device the commands boot with {@code args}, booted, for commands the CLI has no subcommand for. */
    static BootedDevice boot(List<String> args) {
        var probe = new Probe();
        new CommandLine(probe).parseArgs(args.toArray(String[]::new));
        return probe.device.boot();
    }

    /** The IDevID ECC P-384 public key (GET_IDEV_ECC384_INFO), in the curve of {@code like}. */
    static ECPublicKey idevEccKey(List<String> bootArgs, ECPublicKey like) throws Exception {
        try (var booted = boot(bootArgs)) {
            var info = booted.call(CertificateCommands.GET_IDEV_ECC384_INFO, NoFields.INSTANCE);
            var point = new ECPoint(new BigInteger(1, info.idevPubX().toByteArray()), new BigInteger(1, info.idevPubY().toByteArray()));
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, like.getParams()));
        }
    }

    static Cli.Result run(String command, List<String> bootArgs, String... extra) {
        var args = new ArrayList<String>();
        args.add(command);
        args.addAll(bootArgs);
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    static Cli.Result ok(String command, List<String> bootArgs, String... extra) {
        var r = run(command, bootArgs, extra);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        return r;
    }

    static List<X509Certificate> certificates(String pem) throws Exception {
        var list = new ArrayList<X509Certificate>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem.getBytes()))) {
            list.add((X509Certificate) c);
        }
        return list;
    }

    static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /**
     * The JDK's PKIX validation of {@code chain} (issuer first, leaf last, as get-cert-chain writes
     * it) from the IDevID key as trust anchor; returns the leaf's key as validated.
     */
    static PKIXCertPathValidatorResult validate(List<X509Certificate> chain, ECPublicKey idevKey) throws Exception {
        var leafFirst = new ArrayList<>(chain);
        Collections.reverse(leafFirst);
        var path = CertificateFactory.getInstance("X.509").generateCertPath(leafFirst);
        var params = new PKIXParameters(Set.of(new TrustAnchor(chain.get(0).getIssuerX500Principal(), idevKey, null)));
        params.setRevocationEnabled(false);
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(path, params);
    }

    /** The first FWID digest of a certificate's tcg-dice-TcbInfo extension (2.23.133.5.4.1, fwids [6]). */
    static byte[] tcbInfoFwid(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue("2.23.133.5.4.1");
        var tcb = ASN1Sequence.getInstance(ASN1OctetString.getInstance(ext).getOctets());
        for (var element : tcb) {
            if (element instanceof ASN1TaggedObject t && t.getTagNo() == 6) {
                var fwid = ASN1Sequence.getInstance(ASN1Sequence.getInstance(t, false).getObjectAt(0));
                return ASN1OctetString.getInstance(fwid.getObjectAt(1)).getOctets();
            }
        }
        throw new AssertionError("no fwids in the TcbInfo of " + cert.getSubjectX500Principal());
    }

    /**
     * Builds in {@code dir} a 2.x bundle (ECC + ML-DSA-87 keys, PL0 requester 1, SVN 3) and returns
     * the options that boot it: {@code --fw BUNDLE --vendor-pk-hash HEX --owner-pk-hash HEX --pqc-key-type mldsa}.
     */
    static List<String> bootV2(Path dir) throws Exception {
        for (String[] key : new String[][] {{"ecc", "vnd-ecc-0"}, {"ecc", "own-ecc"}, {"mldsa", "vnd-mldsa-0"}, {"mldsa", "own-mldsa"}}) {
            var r = Cli.run("image", "keygen", "--type", key[0], "--out", dir.resolve(key[1]).toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        byte[] fmc = new byte[6000];
        byte[] rt = new byte[14000];
        new Random(1).nextBytes(fmc);
        new Random(2).nextBytes(rt);
        Files.write(dir.resolve("fmc.bin"), fmc);
        Files.write(dir.resolve("rt.bin"), rt);
        Path bundle = dir.resolve("fw-2x.bin");
        var build = Cli.run("image", "create-fw-bundle", "--fmc", dir.resolve("fmc.bin").toString(), "--runtime",
                dir.resolve("rt.bin").toString(), "--keys", dir.toString(), "--out", bundle.toString(), "--generation", "2.x",
                "--pqc-key-type", "mldsa", "--pl0-pauser", "1", "--svn", "3");
        assertEquals(0, build.exitCode(), build.err());
        var fuses = Cli.run("image", "fuses", bundle.toString(), "--format", "json").json();
        return List.of("--fw", bundle.toString(), "--vendor-pk-hash", fuses.get("vendor_pk_hash").asText(), "--owner-pk-hash",
                fuses.get("owner_pk_hash").asText(), "--pqc-key-type", "mldsa");
    }

    static Path fw() {
        return Cli.testdata().resolve("prebuilt/ast2700-default/caliptra-fw.bin");
    }
}
