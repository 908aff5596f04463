package dev.maestro.pipeline.ra.stream;

/**
 * Where Redis is, from the settings every Maestro process reads: {@code REDIS_HOST} (KernelCI's
 * name; a host, optionally {@code host:port}) and {@code MAESTRO_REDIS_PORT} (default 6379).
 */
public record RedisAddress(String host, int port) {
    static final int DEFAULT_PORT = 6379;

    static RedisAddress of(String hostSetting, String portSetting) {
        String host = hostSetting == null || hostSetting.isBlank() ? "127.0.0.1" : hostSetting.trim();
        int colon = host.lastIndexOf(':');
        if (colon > 0) {
            return new RedisAddress(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)));
        }
        return new RedisAddress(host, portSetting == null || portSetting.isBlank() ? DEFAULT_PORT : Integer.parseInt(portSetting.trim()));
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
