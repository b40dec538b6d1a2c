package org.caliptra.util.cli.device.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.cli.image.ImageJson;
import org.caliptra.util.cli.target.OpenTarget;
import org.caliptra.util.cli.target.TargetOptions;
import org.caliptra.util.cli.target.Targets;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.commands.CommandInfo;
import org.caliptra.util.host.commands.Route;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caliptra-util commands}: the command catalogue, and what a target carries of it. */
@Command(name = "commands", mixinStandardHelpOptions = true,
        description = {"List the command catalogue: each command's id, name, family, description, the device command it "
                + "travels as on each route (MCU mailbox, Caliptra 2.x core mailbox, Caliptra 1.x core mailbox, MCTP-VDM) and "
                + "the caliptra-util command that runs it.",
            "With --target, each command is marked carried or not by that target, with the reason when it is not; "
                + "--plugin-dir adds plugin command families."})
public final class CommandsCommand implements Callable<Integer> {
    /** The caliptra-util command that runs each catalogue id, where one does. */
    static final Map<Integer, String> CLI = cli();

    @Option(names = {"-t", "--target"}, paramLabel = "URI",
            description = "Mark what this target carries (its route decides); nothing is sent to it.")
    String target;

    @Option(names = "--plugin-dir", paramLabel = "DIR",
            description = "A directory of plugin jars, or one jar; repeatable. $CALIPTRA_PLUGIN_PATH adds more.")
    List<Path> pluginDirs = new ArrayList<>();

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    private static Map<Integer, String> cli() {
        var m = new LinkedHashMap<Integer, String>();
        m.put(0x0001, "get-firmware-version");
        m.put(0x0002, "get-capabilities");
        m.put(0x0003, "get-device-id");
        m.put(0x0004, "get-device-info");
        m.put(0x1005, "export-attested-csr");
        m.put(0x1007, "get-attestation");
        for (int id : new int[] {0x2001, 0x2002, 0x2003}) {
            m.put(id, "sha");
        }
        m.put(0x2013, "hmac");
        m.put(0x2014, "hmac-kdf-counter");
        m.put(0x2015, "import");
        m.put(0x2016, "delete");
        m.put(0x2030, "random");
        m.put(0x2031, "random-stir");
        m.put(0x2032, "cm-status");
        m.put(0x3001, "aes-encrypt");
        m.put(0x3002, "aes-encrypt");
        m.put(0x3003, "aes-decrypt");
        m.put(0x3004, "aes-decrypt");
        for (int id : new int[] {0x3010, 0x3011, 0x3012}) {
            m.put(id, "aes-gcm-encrypt");
        }
        for (int id : new int[] {0x3013, 0x3014, 0x3015}) {
            m.put(id, "aes-gcm-decrypt");
        }
        m.put(0x4001, "ecdsa-sign");
        m.put(0x4002, "ecdsa-verify");
        m.put(0x4003, "ecdh-generate");
        m.put(0x4004, "ecdsa-public-key");
        m.put(0x4005, "ecdh-finish");
        m.put(0x4012, "lms-verify");
        m.put(0x4020, "mldsa-public-key");
        m.put(0x4021, "mldsa-sign");
        m.put(0x4022, "mldsa-verify");
        m.put(0x7005, "get-log");
        m.put(0x7008, "clear-log");
        m.put(0x7010, "debug-unlock");
        m.put(0x7011, "debug-unlock");
        m.put(0x8001, "fuse-read");
        m.put(0x8002, "fuse-write");
        m.put(0x8003, "fuse-lock");
        m.put(0x8010, "get-auth-challenge");
        m.put(0x8011, "fe-prog");
        m.put(0x8012, "provision-vendor-pk-hash");
        m.put(0x8013, "increase-min-svn");
        m.put(0x8014, "revoke-vendor-pub-key");
        m.put(0x8015, "revoke-vendor-pk-hash");
        m.put(0x8016, "fuse-lock");
        m.put(0x8017, "provision-owner-pk-hash");
        m.put(0x8020, "dot lock");
        m.put(0x8021, "dot disable");
        m.put(0x8022, "dot unlock-challenge");
        m.put(0x8023, "dot unlock");
        m.put(0x8024, "dot rotate");
        m.put(0x8025, "dot backup-blob");
        m.put(0x8026, "dot status");
        m.put(0x8027, "dot recovery");
        m.put(0x8028, "dot override-challenge");
        m.put(0x8029, "dot override");
        return m;
    }

    @Override
    public Integer call() {
        var options = new TargetOptions(Optional.empty(), Optional.empty(), Optional.empty(), TargetOptions.pluginPath(pluginDirs));
        List<Map<String, Object>> rows;
        String described = null;
        if (target != null) {
            try (OpenTarget open = Targets.open(target, options)) {
                described = open.description();
                rows = rows(open.catalog(), open);
            }
        } else {
            rows = rows(Targets.catalog(options.pluginPath()), null);
        }
        var out = spec.commandLine().getOut();
        if (format.json()) {
            var doc = new LinkedHashMap<String, Object>();
            if (target != null) {
                doc.put("target", target);
                doc.put("target_description", described);
            }
            doc.put("commands", rows);
            ImageJson.print(out, doc);
            return ExitCodes.OK;
        }
        if (target != null) {
            out.println("target " + target + ": " + described);
        }
        for (var row : rows) {
            out.printf("0x%04X %-26s %-12s %s%n", row.get("id"), row.get("name"), row.get("family"), row.get("description"));
            @SuppressWarnings("unchecked")
            var carriers = (Map<String, String>) row.get("carriers");
            carriers.forEach((route, how) -> out.println("       " + route + ": " + how));
            if (row.get("cli") != null) {
                out.println("       caliptra-util " + row.get("cli"));
            }
            if (row.containsKey("carried")) {
                out.println("       " + (Boolean.TRUE.equals(row.get("carried")) ? "carried by the target"
                        : "not carried by the target: " + row.get("reason")));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static List<Map<String, Object>> rows(CommandCatalog catalog, OpenTarget target) {
        var rows = new ArrayList<Map<String, Object>>();
        for (CommandInfo info : catalog.listCommands()) {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", info.id());
            row.put("name", info.name());
            row.put("family", info.family());
            row.put("description", info.description());
            var carriers = new LinkedHashMap<String, String>();
            for (Route r : Route.values()) {
                String how = info.carriers().get(r);
                if (how != null) {
                    carriers.put(routeName(r), how);
                }
            }
            row.put("carriers", carriers);
            row.put("cli", CLI.get(info.id()));
            if (target != null) {
                Optional<Route> route = target.route();
                if (route.isEmpty()) {
                    row.put("carried", null);
                    row.put("reason", "a transport plugin's tables decide what it carries");
                } else {
                    boolean carried = info.carriers().containsKey(route.get());
                    row.put("carried", carried);
                    if (!carried) {
                        row.put("reason", reason(catalog, route.get(), info.id()));
                    }
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static String reason(CommandCatalog catalog, Route route, int id) {
        Optional<String> reason = route == Route.MCTP_VDM ? catalog.vdmTable().unsupportedReason(id)
                : catalog.mailboxTable(route).unsupportedReason(id);
        return reason.orElse("the route has no mapping for it");
    }

    static String routeName(Route route) {
        return switch (route) {
            case MCU_MAILBOX -> "mcu-mailbox";
            case CORE_MAILBOX -> "core-mailbox";
            case CORE_MAILBOX_1X -> "core-mailbox-1.x";
            case MCTP_VDM -> "mctp-vdm";
        };
    }
}
