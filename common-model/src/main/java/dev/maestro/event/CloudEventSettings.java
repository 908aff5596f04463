package dev.maestro.event;

/** {@code source} and default {@code type} of the CloudEvents envelopes (KernelCI's defaults). */
public record CloudEventSettings(String source, String type) {
    public static final CloudEventSettings KERNELCI = new CloudEventSettings("https://api.kernelci.org/", "api.kernelci.org");
}
