package org.caliptra.util.cli.device.keys;

import java.nio.file.Path;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.host.commands.keys.Keys;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.cm.Cmk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util delete}: forget a device key. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a device key (Delete: MC_DELETE or CM_DELETE): the device frees what it keeps for the CMK.")
public final class DeleteCommand extends DeviceCommand {
    @Option(names = "--cmk", paramLabel = "FILE", required = true, description = "The device key (CMK) as import wrote it.")
    Path cmkFile;

    private Cmk cmk;

    @Override
    protected void prepare() {
        cmk = KeyInput.readCmk("--cmk", cmkFile);
    }

    @Override
    protected int run(CaliptraSession session) {
        Keys.delete(session, cmk);
        return print(new FieldReport().put("deleted", cmkFile.toString()));
    }
}
