package org.caliptra.util.cli.image;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.keys.LmsLeafState;
import org.caliptra.util.image.keys.LmsPrivateKey;
import org.caliptra.util.image.keys.LmsTree;
import org.caliptra.util.image.keys.LmsTreeCache;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image keygen}: a new signing key pair in the file formats Caliptra tools read. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generate a key pair: PREFIX-prvk.pem and PREFIX-pubk.pem.",
            "ecc: P-384, SEC1 private + SPKI public PEM. mldsa: ML-DSA-87, PKCS#8 + SPKI PEM.",
            "lms: LMS_SHA256_M24_H15 raw 48-byte files (as Caliptra tools read them) and, for a full "
                    + "tree, PREFIX-prvk.pem.state holding the next unused leaf and PREFIX-prvk.pem.tree holding "
                    + "the tree's public leaf nodes (so signing need not rebuild the tree).",
            "Existing files are never overwritten. Private keys and LMS state are written mode 0600, public "
                    + "keys and trees 0644."})
public final class KeygenCommand implements Callable<Integer> {
    enum Type { ecc, lms, mldsa }

    enum Tree { full, zero_leaf }

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "ecc, lms or mldsa.")
    Type type;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Output path prefix, e.g. keys/vnd-ecc-0.")
    String prefix;

    @Option(names = "--lms-tree", paramLabel = "TREE",
            description = "With --type lms: full (RFC 8554, a fresh leaf per signature; default) or zero_leaf "
                    + "(reference-tool compatible: every signature reuses leaf 5; for test keys only).")
    Tree tree;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (tree != null && type != Type.lms) {
            throw new UsageException("--lms-tree applies to --type lms only, not " + type);
        }
        if (tree == null) {
            tree = Tree.full;
        }
        // A prefix naming a directory ("keys/") would make hidden files named "-prvk.pem" in it.
        if (prefix.isEmpty() || prefix.endsWith("/") || prefix.endsWith(java.io.File.separator)
                || Path.of(prefix).getFileName() == null || Path.of(prefix).getFileName().toString().equals(".")
                || Path.of(prefix).getFileName().toString().equals("..")) {
            throw new UsageException("--out '" + prefix + "': expected a path prefix ending in a name, e.g. keys/vnd-ecc-0");
        }
        Path priv = Path.of(prefix + "-prvk.pem");
        Path pub = Path.of(prefix + "-pubk.pem");
        Path state = LmsLeafState.beside(priv);
        Path treeFile = LmsTreeCache.beside(priv);
        for (Path p : new Path[] {priv, pub, state, treeFile}) {
            if (Files.exists(p)) {
                // Answers before an LMS tree is built; the writes themselves refuse atomically (KeyFiles, LmsLeafState).
                throw new UsageException(p + ": already exists; keygen never overwrites keys or LMS state");
            }
        }
        Path dir = priv.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new UsageException(priv + ": the directory " + dir + " does not exist");
        }
        var random = new SecureRandom();
        PrintWriter out = spec.commandLine().getOut();
        var written = new ArrayList<Path>();
        Octets slotHash;
        try {
            slotHash = generate(priv, pub, state, treeFile, random, written);
        } catch (RuntimeException e) {
            // A half-made key pair is useless and would block the next run; only files this run created go.
            for (Path p : written) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // the error being reported matters more
                }
            }
            throw e;
        }
        out.println("wrote " + priv + " and " + pub + (type == Type.lms && tree == Tree.full ? ", " + state + " and " + treeFile : ""));
        out.println("public key hash (manifest key slot): " + slotHash.hex());
        out.flush();
        return ExitCodes.OK;
    }

    /** Writes the key files, adding each to {@code written} once it exists. */
    private Octets generate(Path priv, Path pub, Path state, Path treeFile, SecureRandom random, List<Path> written) {
        Octets slotHash;
        switch (type) {
            case ecc -> {
                var key = EccPrivateKey.generate(random);
                KeyFiles.writeEccPrivate(key, priv);
                written.add(priv);
                KeyFiles.writeEccPublic(key.publicKey(), pub);
                written.add(pub);
                slotHash = Sha384.of(key.publicKey().toHw());
            }
            case mldsa -> {
                var key = MldsaPrivateKey.generate(random);
                KeyFiles.writeMldsaPrivate(key, priv);
                written.add(priv);
                KeyFiles.writeMldsaPublic(key.publicKey(), pub);
                written.add(pub);
                slotHash = Sha384.of(key.publicKey().bytes());
            }
            case lms -> {
                var key = LmsPrivateKey.generate(random);
                var progress = new Progress(spec.commandLine().getErr());
                LmsTree full = tree == Tree.full ? key.buildFullTree(progress::leaves) : null;
                progress.done();
                var publicKey = full != null ? full.publicKey() : key.zeroLeafPublicKey();
                KeyFiles.writeLmsPrivate(key, priv);
                written.add(priv);
                KeyFiles.writeLmsPublic(publicKey, pub);
                written.add(pub);
                if (full != null) {
                    new LmsLeafState(state, key.id()).initialise();
                    written.add(state);
                    LmsTreeCache.create(priv, full);
                    written.add(treeFile);
                }
                slotHash = Sha384.of(publicKey.toBytes());
            }
            default -> throw new IllegalStateException();
        }
        return slotHash;
    }

    /** Leaf progress when stderr is a terminal; silent in scripts, CI and when stderr is redirected. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean terminal = stderrIsTerminal();
        private long last;

        Progress(PrintWriter err) {
            this.err = err;
        }

        synchronized void leaves(int done) {
            long now = System.nanoTime();
            if (terminal && (now - last > 100_000_000L || done == Lms.LEAVES)) {
                last = now;
                err.printf("\rbuilding LMS tree: %5d / %d leaves", done, Lms.LEAVES);
                err.flush();
            }
        }

        void done() {
            if (terminal) {
                err.println();
                err.flush();
            }
        }

        /**
         * The progress line goes to stderr, so that is the stream to ask about; System.console()
         * answers for stdin and stdout, and so hid the progress of {@code keygen … | tee log}.
         * Linux names a terminal under /dev/pts or /dev/tty*; elsewhere System.console() decides.
         */
        private static boolean stderrIsTerminal() {
            try {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return System.console() != null;
            }
        }
    }
}
