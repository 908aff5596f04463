package dev.maestro.pipeline.config;

/** The kinds of runtime KernelCI knows; {@link #implemented()} says which ones run jobs here. */
public enum LabType implements WireNamed {
    SHELL(true),
    DOCKER(false),
    KUBERNETES(true),
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
