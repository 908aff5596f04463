package dev.maestro.launcher.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of a unique index's map: keys ordered by their values as MongoDB compares them,
 * stored exactly as H2's default type stores them. H2's default orders a key it does not know
 * ({@link KeyValue} is not {@link Comparable}) by serializing both keys with Java serialization at
 * each comparison: under the event path's load that was 38 % of the embedded database's CPU, every
 * lookup by {@code _id} or by (channel, sequence) paying a dozen serializations.
 *
 * <p>Two keys are the same key when MongoDB's order says they are equal, as in MongoDB's own
 * unique indexes (mongo-java-server normalizes numbers in keys before they get here). A pair of
 * values that order cannot compare (a type mongo-java-server's comparator does not know) is
 * ordered by its serialized form, as before.
 */
final class KeyValueType extends BasicDataType<KeyValue> {
    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private final ObjectDataType stored = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private int compareValues(Object a, Object b) {
        try {
            return VALUES.compare(a, b);
        } catch (UnsupportedOperationException unknownType) {
            return stored.compare(a, b);
        }
    }

    @Override
    public int getMemory(KeyValue key) {
        return stored.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        stored.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) stored.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
