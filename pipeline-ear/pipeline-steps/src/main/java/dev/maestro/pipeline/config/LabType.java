package dev.maestro.pipeline.config;

/** The kinds of runtime KernelCI knows; the loader refuses the ones not implemented yet. */
public enum LabType implements WireNamed {
    SHELL(true),
    DOCKER(true),
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
