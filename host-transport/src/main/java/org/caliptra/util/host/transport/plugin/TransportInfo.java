package org.caliptra.util.host.transport.plugin;

/**
 * One transport a registry can create.
 *
 * @param origin where its provider was loaded from: a plugin jar's path, or the class-path entry
 *     (jar or directory) that holds the provider class
 */
public record TransportInfo(String name, String description, String providerClass, String origin) {}
