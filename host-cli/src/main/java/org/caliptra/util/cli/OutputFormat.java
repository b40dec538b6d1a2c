package org.caliptra.util.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Option;

/** {@code --format text|json}, shared by every command that reports something. */
public final class OutputFormat {
    public enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format = Format.text;

    public boolean json() {
        return format == Format.json;
    }

    /** Something that writes itself as one JSON document. */
    @FunctionalInterface
    public interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    /** Jackson is loaded only by a command that writes JSON, not by every command that could. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** Writes one pretty-printed JSON document followed by a newline. */
    public static void writeJson(PrintWriter out, JsonBody body) {
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.useDefaultPrettyPrinter();
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}
