package org.caliptra.util.cli;

import picocli.CommandLine;

/** Public: picocli's factory first tries Class.newInstance(), which throws for a class it cannot access. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CaliptraUtil.class.getPackage().getImplementationVersion();
        return new String[] {"caliptra-util " + (v == null ? "(development build)" : v)};
    }
}
