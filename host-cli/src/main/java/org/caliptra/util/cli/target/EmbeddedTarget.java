package org.caliptra.util.cli.target;

import java.util.function.Supplier;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.caliptra.util.cli.boot.EmbeddedBoot;
import org.caliptra.util.cli.booted.DeviceFailureException;
import org.caliptra.util.cli.config.DeviceFile;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.commands.Route;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.host.transport.mailbox.RegisterBusMailboxDriver;
import org.caliptra.util.host.transport.mctp.InProcessMctpVdmDriver;
import org.caliptra.util.host.transport.mctp.MctpVdmTransport;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.soc.boot.BootImages;
import org.caliptra.util.soc.boot.BootReport;
import org.caliptra.util.soc.fuses.FuseSet;

/**
 * The embedded emulator target: {@code emulator[?profile=…&driver=…&transport=…&mailbox=…]}.
 *
 * <ul>
 *   <li>{@code profile}: caliptra-1.2, caliptra-2.0 or caliptra-2.1 (default: the device file's,
 *       else that of the firmware given, else caliptra-2.1). 1.2 and 2.0 have no MCU: commands go to
 *       the Caliptra core mailbox.
 *   <li>{@code driver}: {@code in-process} (default: the mailbox as a {@code MailboxPort}) or
 *       {@code registers} (the SoC mailbox protocol performed register by register over the
 *       device's register bus).
 *   <li>{@code transport}: {@code mailbox} (default) or {@code mctp} (MCTP-VDM to the MCU's
 *       responder; caliptra-2.1 only).
 *   <li>{@code mailbox}: on caliptra-2.1, {@code mcu} (default: MCI mailbox 0, the MC_* commands)
 *       or {@code core} (the Caliptra core mailbox directly).
 * </ul>
 * The device boots to runtime when the first session is connected: with {@code --fw}/{@code --flash}
 * when given, else with the development bundle ({@link DevelopmentFirmware}), as the bundle's PL0
 * requester — who also sends the commands of a core-mailbox route.
 */
final class EmbeddedTarget {
    /** Each parameter and the values it takes, first the default; the order of messages. */
    static final Map<String, List<String>> PARAMETERS = parameters();
    /** soc_ifc's SS_DEBUG_INTENT and SS_DBG_SERVICE_REG_REQ (docs/emulator.md, "Production debug unlock"). */
    static final int SS_DEBUG_INTENT = 0x3003_0530;
    static final int SS_DBG_SERVICE_REG_REQ = 0x3003_05C0;
    /** MCI mailbox 0's SRAM (docs/emulator.md, "MCI"). */
    static final int MCU_MAILBOX_SRAM = 16 * 1024;

    private EmbeddedTarget() {}

    private static Map<String, List<String>> parameters() {
        var p = new LinkedHashMap<String, List<String>>();
        p.put("profile", Arrays.stream(Profile.values()).map(Profile::id).toList());
        p.put("driver", List.of("in-process", "registers"));
        p.put("transport", List.of("mailbox", "mctp"));
        p.put("mailbox", List.of("mcu", "core"));
        return p;
    }

    static String allowed() {
        return PARAMETERS.entrySet().stream().map(e -> e.getKey() + "=" + String.join("|", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static OpenTarget open(TargetUri uri, TargetOptions options, CommandCatalog catalog) {
        for (var entry : uri.query().entrySet()) {
            List<String> values = PARAMETERS.get(entry.getKey());
            if (values == null) {
                throw error(uri, "unknown parameter '" + entry.getKey() + "' (allowed: " + allowed() + ")");
            }
            if (!values.contains(entry.getValue())) {
                throw error(uri, "unknown " + entry.getKey() + " '" + entry.getValue() + "' (known: " + String.join(", ", values) + ")");
            }
        }
        Optional<DeviceFile> file = options.deviceFile().map(DeviceFile::read);
        Optional<EmbeddedBoot.Images> firmware = options.flash().map(EmbeddedBoot::flash)
                .or(() -> options.firmware().map(fw -> EmbeddedBoot.bundle(fw, Optional.empty(), List.of())));
        Profile profile = profile(uri, options, file, firmware);
        Generation generation = profile.generation();
        firmware.ifPresent(f -> {
            if (f.generation() != generation) {
                throw new TargetException((options.flash().isPresent() ? "--flash " + options.flash().get() : "--fw "
                        + options.firmware().orElseThrow()) + ": Caliptra " + f.generation().label() + " firmware cannot boot a "
                        + profile.id() + " device (Caliptra " + generation.label() + ")");
            }
        });

        String transportName = uri.query().getOrDefault("transport", "mailbox");
        String driverName = uri.query().getOrDefault("driver", "in-process");
        boolean subsystem = profile.subsystemMode();
        String mailboxName = uri.query().getOrDefault("mailbox", subsystem ? "mcu" : "core");
        if (transportName.equals("mctp")) {
            if (!subsystem) {
                throw error(uri, "transport=mctp needs profile=caliptra-2.1: only its MCU answers MCTP-VDM (" + profile.id()
                        + " has no MCU)");
            }
            if (uri.query().containsKey("driver") || uri.query().containsKey("mailbox")) {
                throw error(uri, "transport=mctp takes neither driver nor mailbox: they choose how mailbox commands travel");
            }
        }
        if (mailboxName.equals("mcu") && !subsystem) {
            throw error(uri, "mailbox=mcu needs profile=caliptra-2.1: " + profile.id() + " has no MCU, only the Caliptra core mailbox");
        }

        DeviceConfig config = config(profile, file, options.deviceFile());
        // The development bundle is built (keys derived, images signed) only when a command boots:
        // get-device-id, answered by the MCU alone, must not pay for it.
        Supplier<BootImages> images = () -> firmware.map(EmbeddedBoot.Images::images)
                .orElseGet(() -> BootImages.firmwareOnly(DevelopmentFirmware.bundle(generation)));
        int requester = firmware.map(f -> f.images().bootRequester().orElse(DevelopmentFirmware.PL0_REQUESTER))
                .orElse(DevelopmentFirmware.PL0_REQUESTER);

        CaliptraDevice device;
        try {
            // One caller drives an embedded target: its calls run on that thread, with no hand-off to a device thread.
            device = CaliptraDevice.createOnCallerThread(config);
        } catch (UncheckedIOException e) {
            // A fuse store that is not one (another magic, a failing hash): the file is the user's to fix.
            throw new TargetException(e.getMessage());
        }
        try {
            Route route;
            Transport transport;
            String how;
            if (transportName.equals("mctp")) {
                route = Route.MCTP_VDM;
                transport = new MctpVdmTransport(InProcessMctpVdmDriver.selfBounded(device), catalog.vdmTable());
                how = "MCTP-VDM, in-process";
            } else {
                DeviceKind kind = mailboxName.equals("mcu") ? DeviceKind.MCU : DeviceKind.CALIPTRA_CORE;
                // A 1.x core gets the 1.x table: what its runtime lacks is refused before anything is sent.
                route = Route.of(kind, generation);
                transport = new MailboxTransport(driver(device, kind, driverName, requester, config), catalog.mailboxTable(route));
                how = kind.description() + ", " + driverName + " driver";
            }
            String description = "embedded " + profile.id() + " (" + how + ")";
            Runnable boot = () -> {
                BootReport report = EmbeddedBoot.run(device, new EmbeddedBoot.Setup(config, images.get()), false);
                if (!report.booted()) {
                    // The development bundle is signed by development keys: only an unprovisioned part takes it.
                    String hint = firmware.isEmpty() && file.isPresent() ? " (the development bundle boots an unprovisioned part: "
                            + "set lifecycle = \"unprovisioned\" and no vendor_pk_hash in the device file, or give --fw/--flash)" : "";
                    throw new DeviceFailureException("the embedded " + profile.id() + " device did not boot"
                            + (firmware.isPresent() ? "" : " the development firmware") + ": " + EmbeddedBoot.failure(report) + hint);
                }
                file.map(DeviceFile::soc).ifPresent(soc -> {
                    // What the SoC asserts after boot: the debug intent strap and a debug unlock request.
                    if (soc.debugIntent()) {
                        device.write32(SS_DEBUG_INTENT, 1);
                    }
                    soc.debugUnlockRequest().ifPresent(r -> device.write32(SS_DBG_SERVICE_REG_REQ, r.equals("production") ? 1 << 1 : 1));
                });
            };
            return new OpenTarget(uri.text(), description, transport, catalog, Optional.of(route), List.of(device), boot);
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    /** The URI's profile, else the device file's, else the firmware's generation's, else caliptra-2.1; they must agree. */
    private static Profile profile(TargetUri uri, TargetOptions options, Optional<DeviceFile> file,
            Optional<EmbeddedBoot.Images> firmware) {
        Optional<Profile> fromUri = Optional.ofNullable(uri.query().get("profile")).flatMap(Profile::fromId);
        Optional<Profile> fromFile = file.flatMap(DeviceFile::profile).flatMap(Profile::fromId);
        if (fromUri.isPresent() && fromFile.isPresent() && fromUri.get() != fromFile.get()) {
            throw error(uri, "profile=" + fromUri.get().id() + ", but --device " + options.deviceFile().orElseThrow()
                    + " describes a " + fromFile.get().id() + " part; drop one of them");
        }
        return fromUri.or(() -> fromFile)
                .or(() -> firmware.map(f -> f.generation() == Generation.V1 ? Profile.CALIPTRA_1_2 : Profile.CALIPTRA_2_1))
                .orElse(Profile.CALIPTRA_2_1);
    }

    /** The device file's part (fuses, secrets, identity, MCU settings), else the profile's defaults. */
    private static DeviceConfig config(Profile profile, Optional<DeviceFile> file, Optional<Path> path) {
        Generation generation = profile.generation();
        if (file.isEmpty()) {
            return DeviceConfig.builder().profile(profile).fuses(FuseSet.defaults(generation)).build();
        }
        DeviceFile f = file.get();
        try {
            return f.deviceConfig(profile).toBuilder().fuses(f.fuseSet(f.fuses(), generation, path.orElseThrow())).build();
        } catch (IllegalArgumentException e) {
            throw new TargetException("--device " + path.orElseThrow() + ": " + e.getMessage());
        }
    }

    /**
     * The driver of the {@code kind} mailbox: in process as a port, or the SoC protocol over the
     * register bus. The embedded device gives up after a fixed number of polls, so its in-process
     * drivers are self-bounded: sessions call them on the caller's thread.
     */
    private static MailboxDriver driver(CaliptraDevice device, DeviceKind kind, String driverName, int requester, DeviceConfig config) {
        boolean registers = driverName.equals("registers");
        if (kind == DeviceKind.MCU) {
            // The MCU mailbox is the SoC's; the MCU presents its own USER to the core when it relays.
            return registers ? RegisterBusMailboxDriver.mcu(device, config.mciBase(), MCU_MAILBOX_SRAM) : InProcessMailboxDriver.selfBounded(device);
        }
        // The core mailbox as the bundle's PL0 requester, who booted the device and may run PL0-only commands.
        CaliptraDevice.BusMaster agent = device.asUser(requester);
        if (registers) {
            RegisterBus bus = agent;
            return RegisterBusMailboxDriver.core(bus, config.profile().generation());
        }
        MailboxPort port = config.profile().subsystemMode() ? agent.coreMailbox() : agent;
        return InProcessMailboxDriver.selfBounded(port);
    }

    private static TargetException error(TargetUri uri, String problem) {
        return new TargetException("target '" + uri.text() + "': " + problem);
    }
}
