package org.caliptra.util.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CaliptraUtil.class.getPackage().getImplementationVersion();
        return new String[] {"caliptra-util " + (v == null ? "(development build)" : v)};
    }
}
