package dev.maestro.pipeline.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of runtime KernelCI knows. Only {@link #SHELL} is implemented so far. */
public enum LabType {
    SHELL(true),
    DOCKER(false),
    KUBERNETES(false),
    LAVA(false),
    PULL_LABS(false);

    private final boolean implemented;

    LabType(boolean implemented) {
        this.implemented = implemented;
    }

    public boolean implemented() {
        return implemented;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LabType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
