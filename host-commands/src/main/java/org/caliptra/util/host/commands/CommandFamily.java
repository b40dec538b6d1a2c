package org.caliptra.util.host.commands;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.host.transport.mctp.VdmCommandMapping;
import org.caliptra.util.protocol.Generation;

/**
 * A family of commands (device info, hashing, fuses, …): the commands it defines and how each
 * travels over each kind of target. Plugin families are found with {@link java.util.ServiceLoader}
 * ({@link CommandCatalog#standard()}, {@link CommandCatalog#withPlugins(ClassLoader)}), so a plugin
 * jar can add commands without touching this module: it lists the class of its implementation in
 * {@code META-INF/services/org.caliptra.util.host.commands.CommandFamily}.
 *
 * <p>A family may map only commands some family of the catalogue defines, and no id may be
 * defined or mapped (for one route) twice.
 */
public interface CommandFamily {
    /** A short name for messages and listings, e.g. "hash". */
    String name();

    /** Every command the family defines. */
    List<CommandType<?, ?>> commands();

    /** How the family's commands travel through a mailbox of {@code kind} on a 2.x device; empty when none does. */
    List<MailboxCommandMapping> mailboxMappings(DeviceKind kind);

    /**
     * How the family's commands travel through a mailbox of {@code kind} on a {@code generation}
     * device. By default the same as {@link #mailboxMappings(DeviceKind)} on every generation: a
     * family that does not say otherwise is sent the same way to a 1.x core as to a 2.x one. Every
     * built-in family says; only the core mailbox has a 1.x (an MCU is 2.x).
     */
    default List<MailboxCommandMapping> mailboxMappings(DeviceKind kind, Generation generation) {
        return mailboxMappings(kind);
    }

    /** How the family's commands travel as Caliptra MCTP vendor-defined messages; none by default. */
    default List<VdmCommandMapping> vdmMappings() {
        return List.of();
    }

    /**
     * Optional: which ids the family defines and which each route carries, said without building a
     * command or a mapping. A catalogue then builds the family's commands and mappings only when
     * one of them is first used, so a caller that sends one command loads one family's codecs. It
     * must agree with {@link #commands()} and the mappings; empty (the default) makes the catalogue
     * build everything up front.
     */
    default Optional<Outline> outline() {
        return Optional.empty();
    }

    /**
     * The ids a family defines and, per route, carries. An outline that names {@link Route#CORE_MAILBOX}
     * but not {@link Route#CORE_MAILBOX_1X} carries the same ids on both, as the default
     * {@link #mailboxMappings(DeviceKind, Generation)} maps them.
     */
    record Outline(Set<Integer> commands, Map<Route, Set<Integer>> carried) {
        public Outline {
            commands = Set.copyOf(commands);
            if (carried.containsKey(Route.CORE_MAILBOX) && !carried.containsKey(Route.CORE_MAILBOX_1X)) {
                var filled = new java.util.EnumMap<Route, Set<Integer>>(Route.class);
                filled.putAll(carried);
                filled.put(Route.CORE_MAILBOX_1X, carried.get(Route.CORE_MAILBOX));
                carried = filled;
            }
            carried = Map.copyOf(carried);
            for (var e : carried.entrySet()) {
                if (!commands.containsAll(e.getValue())) {
                    throw new IllegalArgumentException("an outline carries over " + e.getKey() + " ids it does not define");
                }
            }
        }

        /**
         * Built-in ids: {@code commands}, and those of them each mailbox kind and MCTP-VDM carry; a
         * 1.x core the same as a 2.x one.
         */
        public static Outline of(Set<CommandId> commands, Set<CommandId> mcuMailbox, Set<CommandId> coreMailbox, Set<CommandId> mctpVdm) {
            return of(commands, mcuMailbox, coreMailbox, coreMailbox, mctpVdm);
        }

        /** Built-in ids: {@code commands}, and those of them each route carries. */
        public static Outline of(Set<CommandId> commands, Set<CommandId> mcuMailbox, Set<CommandId> coreMailbox,
                Set<CommandId> coreMailbox1x, Set<CommandId> mctpVdm) {
            return new Outline(values(commands), Map.of(Route.MCU_MAILBOX, values(mcuMailbox), Route.CORE_MAILBOX, values(coreMailbox),
                    Route.CORE_MAILBOX_1X, values(coreMailbox1x), Route.MCTP_VDM, values(mctpVdm)));
        }

        private static Set<Integer> values(Set<CommandId> ids) {
            return ids.stream().map(CommandId::value).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        public Set<Integer> carried(Route route) {
            return Objects.requireNonNullElse(carried.get(route), Set.of());
        }
    }
}
