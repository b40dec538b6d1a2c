package org.caliptra.util.fuzzsupport;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The contract every parser and decoder keeps for any input, checked by the fuzz targets: it
 * returns, or it throws one of the project's typed errors whose message is one clear line; nothing
 * else escapes (no {@code IndexOutOfBounds}, {@code NumberFormatException}, {@code StackOverflowError},
 * {@code OutOfMemoryError}, …), and what it allocates is bounded by the input's size.
 *
 * <p>The allocation bound is measured, not left to the heap: the bytes the calling thread allocated
 * while the body ran (HotSpot's per-thread counter) must stay within {@code perInputByte × input
 * length + fixed}. A parser that trusts a length field and allocates what it says fails here long
 * before it would exhaust any heap, and the verdict does not depend on {@code -Xmx}.
 *
 * <p>A broken contract is an {@link AssertionError} that names the target and the input (length,
 * SHA-256 prefix, first bytes), with the escaped throwable as its cause, so Jazzer reports it as a
 * finding and JUnit as a failure.
 */
public final class FuzzContract {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Class names in a message mean an exception's own text reached the user (issue 9 item 3). */
    private static final Pattern JAVA_TEXT = Pattern.compile(
            "\\b(?:java|javax|sun|jdk|org\\.bouncycastle|org\\.tomlj|picocli)\\.[a-z]|\\b[A-Z][a-z]+(?:[A-Z][a-z]*)*(?:Exception|Error)\\b");
    /** A message is read on one terminal line; longer means an input was echoed without bound. */
    static final int MAX_MESSAGE = 1000;

    /** What a target runs on one input. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final String target;
    private final long perInputByte;
    private final long fixed;
    private final List<Class<? extends Throwable>> typed;
    private final Predicate<String> messageOk;
    private final String messageRule;

    private FuzzContract(String target, long perInputByte, long fixed, List<Class<? extends Throwable>> typed,
            Predicate<String> messageOk, String messageRule) {
        this.target = target;
        this.perInputByte = perInputByte;
        this.fixed = fixed;
        this.typed = List.copyOf(typed);
        this.messageOk = messageOk;
        this.messageRule = messageRule;
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread allocation, which the fuzz contract needs");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    /**
     * @param target names the target in failures, e.g. "FwBundle.parse"
     * @param perInputByte with {@code fixed}, the allocation budget for one input
     * @param typed the error types this target may throw (e.g. CaliptraException, ImageException)
     */
    @SafeVarargs
    public static FuzzContract of(String target, long perInputByte, long fixed, Class<? extends Throwable>... typed) {
        return new FuzzContract(target, perInputByte, fixed, List.of(typed), m -> true, null);
    }

    /** This contract, and typed errors' messages must also pass {@code ok}; {@code rule} says what it asks. */
    public FuzzContract requiring(Predicate<String> ok, String rule) {
        return new FuzzContract(target, perInputByte, fixed, typed, ok, rule);
    }

    /** Error messages name the file (every file a fuzz target reads is under a {@link Sandbox} directory). */
    public FuzzContract namingTheFile() {
        return requiring(m -> m.contains(Sandbox.PREFIX), "name the file it is about");
    }

    public long budget(int inputLength) {
        return perInputByte * inputLength + fixed;
    }

    /** Runs {@code body} on {@code input} and checks the contract. */
    public void check(byte[] input, Body body) {
        var run = Run.of(body);
        Throwable thrown = run.thrown;
        if (thrown instanceof AssertionError check && !isTyped(thrown)) {
            // the target's own checks (round trips, invariants), written as assertions
            throw broken(input, "its check failed: " + check.getMessage(), thrown);
        }
        if (thrown != null) {
            if (!isTyped(thrown)) {
                throw broken(input, "threw " + thrown.getClass().getName() + " (not a typed error)", thrown);
            }
            String problem = messageProblem(thrown.getMessage());
            if (problem == null && !messageOk.test(thrown.getMessage())) {
                problem = "message does not " + messageRule + ": " + quote(thrown.getMessage());
            }
            if (problem != null) {
                throw broken(input, thrown.getClass().getSimpleName() + " " + problem, thrown);
            }
        }
        if (run.allocated > budget(input.length)) {
            // The first run of a code path also loads and initialises classes, which allocates more
            // than any input; only what a second run allocates is the input's doing.
            long again = Run.of(body).allocated;
            if (again > budget(input.length)) {
                throw broken(input, String.format("allocated %,d bytes, over its budget of %,d (%d per input byte + %,d)",
                        again, budget(input.length), perInputByte, fixed), thrown);
            }
        }
    }

    /** One run of a body: what it threw, and how many bytes this thread allocated meanwhile. */
    private record Run(Throwable thrown, long allocated) {
        static Run of(Body body) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            Throwable thrown = null;
            try {
                body.run();
            } catch (Throwable t) {
                thrown = t;
            }
            return new Run(thrown, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
    }

    private boolean isTyped(Throwable t) {
        return typed.stream().anyMatch(c -> c.isInstance(t));
    }

    /** Why a message for the user (an error's, a verdict's detail) is not one clear line, or null when it is. */
    public static String messageProblem(String message) {
        if (message == null || message.isBlank()) {
            return "has no message";
        }
        if (message.length() > MAX_MESSAGE) {
            return "message is " + message.length() + " characters, more than one line's " + MAX_MESSAGE + ": "
                    + quote(message.substring(0, 200)) + "…";
        }
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if ((Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029') {
                return String.format("message holds control character U+%04X at %d, so it does not print as one line: %s",
                        (int) c, i, quote(message));
            }
        }
        var java = JAVA_TEXT.matcher(message);
        if (java.find()) {
            return "message quotes Java exception text (\"" + java.group() + "\"): " + quote(message);
        }
        return null;
    }

    private AssertionError broken(byte[] input, String what, Throwable cause) {
        var e = new AssertionError(target + " broke the fuzz contract on " + describe(input) + ": " + what);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** Length, SHA-256 prefix and the first bytes (as text when they are text): enough to find the seed again. */
    public static String describe(byte[] input) {
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int n = Math.min(input.length, 48);
        boolean text = true;
        for (int i = 0; i < n; i++) {
            text &= input[i] >= 0x20 && input[i] < 0x7F || input[i] == '\n' || input[i] == '\t';
        }
        String head = text ? quote(new String(input, 0, n, StandardCharsets.US_ASCII))
                : HexFormat.of().formatHex(input, 0, n);
        return String.format("an input of %d bytes (sha256 %s…, starting %s%s)", input.length, sha, head,
                input.length > n ? "…" : "");
    }

    private static String quote(String s) {
        var b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
