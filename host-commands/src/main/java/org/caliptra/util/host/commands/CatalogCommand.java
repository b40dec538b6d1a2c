package org.caliptra.util.host.commands;

import org.caliptra.util.host.session.Command;

/**
 * A request record of the catalogue: everything the session needs comes from its
 * {@link CommandType}, so a record only declares its fields and its type.
 *
 * @param <R> the typed response
 */
public interface CatalogCommand<R> extends Command<R> {
    CommandType<?, R> type();

    @Override
    default int commandId() {
        return type().id();
    }

    @Override
    default String name() {
        return type().name();
    }

    @Override
    default byte[] encodeRequest() {
        return type().encodeAny(this);
    }

    @Override
    default R decodeResponse(byte[] internalResponse) {
        return type().decodeResponse(internalResponse);
    }

    @Override
    default boolean idempotent() {
        return type().idempotent();
    }
}
