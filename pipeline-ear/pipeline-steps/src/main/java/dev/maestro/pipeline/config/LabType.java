package dev.maestro.pipeline.config;

/** The kinds of runtime KernelCI knows, and which of them this pipeline runs. */
public enum LabType implements WireNamed {
    SHELL(true),
    DOCKER(true),
    KUBERNETES(false),
    LAVA(true),
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
