/** {@code /telemetry}: KernelCI's telemetry API over common-model's {@code telemetry} package. */
package dev.maestro.api.telemetry;
