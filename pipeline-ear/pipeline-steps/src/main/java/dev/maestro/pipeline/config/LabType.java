package dev.maestro.pipeline.config;

/** The kinds of runtime KernelCI knows. Only {@link #SHELL} is implemented so far. */
public enum LabType implements WireNamed {
    SHELL(true),
    DOCKER(false),
    KUBERNETES(false),
    LAVA(false),
    PULL_LABS(false);

    private final boolean implemented;

    LabType(boolean implemented) {
        this.implemented = implemented;
    }

    @Override
    public boolean implemented() {
        return implemented;
    }
}
