package org.caliptra.util.cli.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image template aspeed|caliptra-2x}: a commented starter configuration on stdout. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Print a commented starter configuration for create-auth-man / create-auth-flash.")
public final class TemplateCommand implements Callable<Integer> {
    enum Kind { aspeed, caliptra_2x }

    @Parameters(paramLabel = "KIND", description = "aspeed (cptra_imgtool, AST2700) or caliptra-2x (ATM2 + v3 flash).",
            converter = KindConverter.class)
    Kind kind;

    @Spec
    CommandSpec spec;

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return switch (value) {
                case "aspeed" -> Kind.aspeed;
                case "caliptra-2x" -> Kind.caliptra_2x;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a template; choose aspeed or caliptra-2x");
            };
        }
    }

    @Override
    public Integer call() throws IOException {
        String name = kind == Kind.aspeed ? "aspeed" : "caliptra-2x";
        try (InputStream in = TemplateCommand.class.getResourceAsStream("/templates/" + name + ".toml")) {
            var out = spec.commandLine().getOut();
            out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            out.flush();
        }
        return ExitCodes.OK;
    }
}
