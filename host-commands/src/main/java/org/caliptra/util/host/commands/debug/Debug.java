package org.caliptra.util.host.commands.debug;

import java.io.ByteArrayOutputStream;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugClearLog;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugGetLog;
import org.caliptra.util.host.commands.debug.DebugCommands.LogPage;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;

/** High-level debug-log API (the reference's device_log module). */
public final class Debug {
    /** Pages {@link #drainLog} reads at most: a device that always says "more" must not hold the caller forever. */
    public static final int MAX_PAGES = 4096;

    private Debug() {}

    /** {@code caliptra_cmd_get_debug_log_page}: the next page; reading drains it. */
    public static LogPage getLogPage(CaliptraSession session) {
        return Commands.execute(session, new DebugGetLog());
    }

    /**
     * Every page until the device says no more remain, concatenated.
     *
     * @throws ProtocolException when the device still has more after {@link #MAX_PAGES} pages
     */
    public static Octets drainLog(CaliptraSession session) {
        var all = new ByteArrayOutputStream();
        for (int page = 0; page < MAX_PAGES; page++) {
            LogPage p = getLogPage(session);
            all.writeBytes(p.data().toByteArray());
            if (!p.moreData()) {
                return Octets.of(all.toByteArray());
            }
        }
        throw new ProtocolException("DebugGetLog: the device still reports more data after " + MAX_PAGES + " pages ("
                + all.size() + " bytes)");
    }

    /** {@code caliptra_cmd_clear_debug_log}. */
    public static void clearLog(CaliptraSession session) {
        Commands.execute(session, new DebugClearLog());
    }
}
