package dev.maestro.store;

import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * The Redis pool of one process. {@code REDIS_HOST} is a host name as in KernelCI, optionally
 * with {@code :port}; the port otherwise comes from {@code MAESTRO_REDIS_PORT} (default 6379).
 */
public final class RedisConnection implements AutoCloseable {
    private final String host;
    private final int port;
    private final JedisPool pool;

    public RedisConnection(String hostSetting, int defaultPort) {
        int colon = hostSetting.lastIndexOf(':');
        if (colon > 0) {
            this.host = hostSetting.substring(0, colon);
            this.port = Integer.parseInt(hostSetting.substring(colon + 1));
        } else {
            this.host = hostSetting;
            this.port = defaultPort;
        }
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(64);
        config.setMaxIdle(16);
        config.setTestOnBorrow(true);
        this.pool = new JedisPool(config, host, port, 5000);
    }

    public JedisPool pool() {
        return pool;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        pool.close();
    }
}
