package dev.maestro.node;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.bson.types.ObjectId;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;

/**
 * Node writes as every instance sees them, in one Redis hash ({@value #KEY}): for each of
 * {@value #BUCKETS} buckets of node ids, how many writes started ({@code s<bucket>}) and how many
 * finished ({@code f<bucket>}), and an {@code epoch} that names this incarnation of the hash. A
 * writer counts a start before it changes a node in MongoDB and a finish after (also when the
 * change failed: MongoDB may have applied it), so a bucket whose counts differ has a write in
 * flight, and a bucket's finished count changes with every write of its nodes.
 *
 * <p>The first reader that finds no epoch sets a random one, and the hash expires
 * {@link #LIFETIME} after: a bucket left started by a writer that died mid-write is uncached
 * only until then, and counts that start again from nothing (a new hash, or a Redis that
 * restarted empty) never match an older epoch's.
 */
final class NodeWriteMarks {
    static final String KEY = "maestro:node-writes";
    static final int BUCKETS = 1024;
    static final Duration LIFETIME = Duration.ofHours(6);
    private static final String EPOCH = "epoch";
    /** Sets the epoch only if there is none, and only then the hash's lifetime: one round trip, atomic. */
    private static final String NEW_EPOCH = "if redis.call('HSETNX', KEYS[1], 'epoch', ARGV[1]) == 1 then "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

    /** What a reader saw of a node's bucket: its copy is current if a later look is equal and quiet. */
    record Look(String epoch, long started, long finished) {
        /** An epoch, and no write of the bucket in flight. */
        boolean quiet() {
            return epoch != null && started == finished;
        }
    }

    private final JedisPool redis;

    NodeWriteMarks(JedisPool redis) {
        this.redis = redis;
    }

    /** The bucket of {@code id} as it is now; starts a new epoch when there is none (the look then is not quiet). */
    Look look(ObjectId id) {
        int bucket = bucket(id);
        try (Jedis jedis = redis.getResource()) {
            List<String> values = jedis.hmget(KEY, EPOCH, "s" + bucket, "f" + bucket);
            String epoch = values.get(0);
            if (epoch == null) {
                jedis.eval(NEW_EPOCH, List.of(KEY), List.of(UUID.randomUUID().toString(), Long.toString(LIFETIME.toMillis())));
            }
            return new Look(epoch, count(values.get(1)), count(values.get(2)));
        }
    }

    /** Counts a start in each of {@code buckets}, in one round trip. */
    void started(Set<Integer> buckets) {
        count(buckets, "s");
    }

    /** Counts a finish in each of {@code buckets}, in one round trip. */
    void finished(Set<Integer> buckets) {
        count(buckets, "f");
    }

    static int bucket(ObjectId id) {
        return Math.floorMod(Objects.hashCode(id), BUCKETS);
    }

    private void count(Set<Integer> buckets, String prefix) {
        try (Jedis jedis = redis.getResource(); Pipeline all = jedis.pipelined()) {
            buckets.forEach(b -> all.hincrBy(KEY, prefix + b, 1));
            all.sync();
        }
    }

    private static long count(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
