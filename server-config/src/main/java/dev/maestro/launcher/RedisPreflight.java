package dev.maestro.launcher;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** Redis before Payara Micro starts: it answers PING, or the start is refused saying where it was looked for. */
final class RedisPreflight {
    private static final int TIMEOUT_MILLIS = 3000;

    private RedisPreflight() {
    }

    /** @param hostSetting {@code REDIS_HOST} (host or host:port); {@code defaultPort} when it has no port */
    static void check(String hostSetting, int defaultPort) throws StartRefused {
        int colon = hostSetting.lastIndexOf(':');
        String host = colon > 0 ? hostSetting.substring(0, colon) : hostSetting;
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(hostSetting.substring(colon + 1)) : defaultPort;
        } catch (NumberFormatException e) {
            throw new StartRefused("REDIS_HOST '" + hostSetting + "' has no valid port; it is host or host:port.");
        }
        try (Jedis jedis = new Jedis(host, port, TIMEOUT_MILLIS)) {
            jedis.ping();
        } catch (JedisException e) {
            throw new StartRefused("Redis at " + host + ":" + port + " (REDIS_HOST) cannot be reached: " + e.getMessage()
                    + ". Check that it runs and that REDIS_HOST names it (unset REDIS_HOST to use the embedded one).", e);
        }
    }
}
