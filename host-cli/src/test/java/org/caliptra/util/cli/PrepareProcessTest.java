package org.caliptra.util.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the CLI's process sets for picocli before it starts, and that a user's own setting wins. */
class PrepareProcessTest {
    @Test
    void setsPicocliPropertiesUnlessTheUserDid() {
        String excludes = System.getProperty(CaliptraUtil.PICOCLI_CONVERTER_EXCLUDES);
        String closures = System.getProperty(CaliptraUtil.PICOCLI_DISABLE_CLOSURES);
        try {
            System.clearProperty(CaliptraUtil.PICOCLI_CONVERTER_EXCLUDES);
            System.setProperty(CaliptraUtil.PICOCLI_DISABLE_CLOSURES, "false");
            CaliptraUtil.prepareProcess();
            assertEquals(CaliptraUtil.EXCLUDED_CONVERTERS, System.getProperty(CaliptraUtil.PICOCLI_CONVERTER_EXCLUDES));
            assertEquals("false", System.getProperty(CaliptraUtil.PICOCLI_DISABLE_CLOSURES));

            System.setProperty(CaliptraUtil.PICOCLI_CONVERTER_EXCLUDES, "java\\.sql\\..*");
            System.clearProperty(CaliptraUtil.PICOCLI_DISABLE_CLOSURES);
            CaliptraUtil.prepareProcess();
            assertEquals("java\\.sql\\..*", System.getProperty(CaliptraUtil.PICOCLI_CONVERTER_EXCLUDES));
            assertEquals("true", System.getProperty(CaliptraUtil.PICOCLI_DISABLE_CLOSURES));
            assertEquals(0, Cli.run("--version").exitCode());
        } finally {
            restore(CaliptraUtil.PICOCLI_CONVERTER_EXCLUDES, excludes);
            restore(CaliptraUtil.PICOCLI_DISABLE_CLOSURES, closures);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
