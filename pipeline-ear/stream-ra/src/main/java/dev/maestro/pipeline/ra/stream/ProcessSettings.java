package dev.maestro.pipeline.ra.stream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The adapter's settings that hold for the whole process, read where the rest of Maestro reads
 * its configuration: system properties first, then environment variables (the order of
 * MicroProfile Config's sources, which the adapter cannot use since activation happens outside
 * any application). Activation properties of an MDB override the defaults.
 *
 * <ul>
 *   <li>{@code REDIS_HOST}, {@code MAESTRO_REDIS_PORT}: the Redis to consume from;</li>
 *   <li>{@code MAESTRO_INSTANCE_ID}: this instance's consumer name (default {@code <host>-<pid>}),
 *       unique per running instance so that others can reclaim its entries when it dies;</li>
 *   <li>{@code MAESTRO_CLAIM_IDLE_SECONDS}: how long the entries of a consumer that stopped its
 *       heartbeat (it died) stay unacknowledged before another consumer reclaims them (default 60);</li>
 *   <li>{@code MAESTRO_MAX_DELIVERIES}: deliveries before an entry goes to the dead-letter stream
 *       (default 5);</li>
 *   <li>{@code MONGO_SERVICE}: the MongoDB holding the event history, from which a re-created
 *       group catches up, and the groups' checkpoints (unset: no checkpoints).</li>
 * </ul>
 */
public record ProcessSettings(RedisAddress redis, String instanceId, long claimIdleMillis, int maxDeliveries,
                              Optional<String> mongoService) {

    /** Looks a name up in the system properties, then in the environment. */
    public static ProcessSettings fromSystem() {
        return from(name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name);
        });
    }

    static ProcessSettings from(UnaryOperator<String> config) {
        String instance = config.apply("MAESTRO_INSTANCE_ID");
        return new ProcessSettings(
                RedisAddress.of(config.apply("REDIS_HOST"), config.apply("MAESTRO_REDIS_PORT")),
                instance == null || instance.isBlank() ? defaultInstanceId() : instance.trim(),
                1000L * positive(config, "MAESTRO_CLAIM_IDLE_SECONDS", 60),
                (int) positive(config, "MAESTRO_MAX_DELIVERIES", 5),
                Optional.ofNullable(config.apply("MONGO_SERVICE")).filter(m -> !m.isBlank()).map(String::trim));
    }

    private static long positive(UnaryOperator<String> config, String name, long defaultValue) {
        String text = config.apply(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        long value = Long.parseLong(text.trim());
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
