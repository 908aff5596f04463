package dev.maestro.pipeline.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum written by its lower-case name in the configuration and in nodes ({@code pull_labs},
 * {@code kbuild}). Some constants name things KernelCI has that Maestro does not implement yet;
 * the loader refuses those with a message that says so.
 */
public interface WireNamed {

    /** The enum constant's own name (every enum has it). */
    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    default boolean implemented() {
        return true;
    }

    static <E extends Enum<E> & WireNamed> Optional<E> fromWireName(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(text)).findFirst();
    }
}
