package org.caliptra.util.cli.image;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.build.OwnerKeys;
import org.caliptra.util.image.build.PqcSigning;
import org.caliptra.util.image.build.VendorKeys;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.keys.LmsLeafState;
import org.caliptra.util.image.keys.LmsSigners;
import org.caliptra.util.image.keys.LmsTreeCache;
import org.caliptra.util.image.keys.MldsaPublicKey;
import org.caliptra.util.image.sign.LmsSigner;

/**
 * A directory of signing keys, named as {@code image keygen --out DIR/NAME} writes them:
 * {@code vnd-ecc-<i>-pubk.pem}, {@code vnd-lms-<i>-pubk.pem}, {@code vnd-mldsa-<i>-pubk.pem}
 * (slots 0, 1, … without gaps) with {@code -prvk.pem} private keys for the active slot, and
 * {@code own-ecc-prvk.pem}, {@code own-lms-{prvk,pubk}.pem}, {@code own-mldsa-prvk.pem}.
 */
public final class KeyDirectory {
    private final Path dir;
    private final PrintWriter err;

    KeyDirectory(Path dir, PrintWriter err) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + ": key directory not found");
        }
        this.dir = dir;
        this.err = err;
    }

    private Path required(String name) {
        Path p = dir.resolve(name);
        if (!Files.exists(p)) {
            throw new UsageException(p + ": no such file (needed for signing)");
        }
        return p;
    }

    private List<Path> slots(String kind, int max) {
        var out = new ArrayList<Path>();
        for (int i = 0; i < max && Files.exists(dir.resolve("vnd-" + kind + "-" + i + "-pubk.pem")); i++) {
            out.add(dir.resolve("vnd-" + kind + "-" + i + "-pubk.pem"));
        }
        return out;
    }

    private static void checkIndex(List<Path> slots, int index, String kind, Path dir) {
        if (index < 0 || index >= slots.size()) {
            throw new UsageException(dir.resolve("vnd-" + kind + "-" + index + "-pubk.pem") + ": no such file; the active "
                    + kind + " key index " + index + " needs it (" + slots.size() + " " + kind + " public keys found)");
        }
    }

    /** @param pqc null for a 1.x ECC-only bundle */
    VendorKeys vendor(PqcKeyType pqc, int eccIndex, int pqcIndex, int maxEcc, int maxPqc) {
        var eccSlots = slots("ecc", maxEcc);
        checkIndex(eccSlots, eccIndex, "ecc", dir);
        List<EccPublicKey> ecc = eccSlots.stream().map(KeyFiles::readEccPublic).toList();
        var eccSigner = KeyFiles.readEccPrivate(required("vnd-ecc-" + eccIndex + "-prvk.pem")).signer();
        if (pqc == null) {
            return new VendorKeys(ecc, eccIndex, eccSigner, List.of(), 0, null);
        }
        String kind = pqc == PqcKeyType.LMS ? "lms" : "mldsa";
        var pqcSlots = slots(kind, maxPqc);
        checkIndex(pqcSlots, pqcIndex, kind, dir);
        List<Octets> keys = pqcSlots.stream().map(p -> pqc == PqcKeyType.LMS
                ? Octets.of(KeyFiles.readLmsPublic(p).toBytes()) : KeyFiles.readMldsaPublic(p).bytes()).toList();
        Path priv = required("vnd-" + kind + "-" + pqcIndex + "-prvk.pem");
        PqcSigning signing = pqc == PqcKeyType.LMS
                ? new PqcSigning.Lms(lmsSigner(priv, pqcSlots.get(pqcIndex)))
                : new PqcSigning.Mldsa(KeyFiles.readMldsaPrivate(priv).signer());
        return new VendorKeys(ecc, eccIndex, eccSigner, keys, pqcIndex, signing);
    }

    OwnerKeys owner(PqcKeyType pqc) {
        var ecc = KeyFiles.readEccPrivate(required("own-ecc-prvk.pem"));
        Path eccPub = dir.resolve("own-ecc-pubk.pem");
        if (Files.exists(eccPub) && !KeyFiles.readEccPublic(eccPub).equals(ecc.publicKey())) {
            throw new UsageException(eccPub + ": does not match own-ecc-prvk.pem");
        }
        if (pqc == null) {
            return new OwnerKeys(ecc.signer(), null);
        }
        if (pqc == PqcKeyType.LMS) {
            return new OwnerKeys(ecc.signer(), new PqcSigning.Lms(lmsSigner(required("own-lms-prvk.pem"),
                    required("own-lms-pubk.pem"))));
        }
        var mldsa = KeyFiles.readMldsaPrivate(required("own-mldsa-prvk.pem"));
        Path mldsaPub = dir.resolve("own-mldsa-pubk.pem");
        if (Files.exists(mldsaPub)) {
            MldsaPublicKey expected = KeyFiles.readMldsaPublic(mldsaPub);
            if (!expected.equals(mldsa.publicKey())) {
                throw new UsageException(mldsaPub + ": does not match own-mldsa-prvk.pem");
            }
        }
        return new OwnerKeys(ecc.signer(), new PqcSigning.Mldsa(mldsa.signer()));
    }

    private LmsSigner lmsSigner(Path priv, Path pub) {
        noteTreeRebuild(priv, err);
        var signer = LmsSigners.forKey(KeyFiles.readLmsPrivate(priv), KeyFiles.readLmsPublic(pub), priv);
        if (signer instanceof LmsSigners.ModeSigner m && m.mode() == LmsSigners.Mode.ZERO_LEAF_COMPAT) {
            err.println("warning: " + priv + " is a zero-leaf (reference-tool compatible) LMS key: every signature "
                    + "reuses leaf 5, which weakens LMS; use a full-tree key (image keygen --type lms) for production");
            err.flush();
        }
        return signer;
    }

    /**
     * A full-tree key (it has a leaf state) whose tree file is missing, e.g. one made before tree
     * files existed, is rebuilt from its seed once: seconds, not milliseconds, so it is said first.
     */
    public static void noteTreeRebuild(Path priv, PrintWriter err) {
        if (Files.exists(LmsLeafState.beside(priv)) && !Files.exists(LmsTreeCache.beside(priv))) {
            err.println("note: " + LmsTreeCache.beside(priv) + " is missing: building the LMS tree from the key once "
                    + "(later signatures read it from that file)");
            err.flush();
        }
    }
}
