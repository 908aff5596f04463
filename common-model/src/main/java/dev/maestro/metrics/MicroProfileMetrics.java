package dev.maestro.metrics;

import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** {@link Metrics} on the server's MicroProfile Metrics application registry. Loaded only where that API exists. */
final class MicroProfileMetrics implements Metrics {
    private final MetricRegistry registry;
    /**
     * The counters and timers by name and tags. The registry's own look-up builds and checks the
     * metadata on every call, which was a measurable part of a request's CPU on the API's hot
     * paths; a series, once made, is the same object for the life of the registry.
     */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    private MicroProfileMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * The application registry, asked for as an injection into {@link RegistryField} would: the
     * server's producer reads the injection point (a programmatic {@code select} has none, and
     * Payara's producer fails on that).
     */
    static Metrics fromServer() {
        BeanManager beans = CDI.current().getBeanManager();
        AnnotatedField<? super RegistryField> field = beans.createAnnotatedType(RegistryField.class).getFields().iterator().next();
        InjectionPoint point = beans.createInjectionPoint(field);
        return new MicroProfileMetrics((MetricRegistry) beans.getInjectableReference(point, beans.createCreationalContext(null)));
    }

    @Override
    public void count(String name, String description, long amount, String... tags) {
        counters.computeIfAbsent(seriesKey(name, tags),
                k -> registry.counter(Metadata.builder().withName(name).withDescription(description).build(), tags(tags))).inc(amount);
    }

    @Override
    public void time(String name, String description, Duration took, String... tags) {
        timers.computeIfAbsent(seriesKey(name, tags), k -> registry.timer(
                Metadata.builder().withName(name).withDescription(description).withUnit(MetricUnits.SECONDS).build(), tags(tags)))
                .update(took);
    }

    @Override
    public void gauge(String name, String description, Supplier<? extends Number> value, String... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value::get, tags(tags));
    }

    /** Describes the injection point of the registry; never instantiated. */
    private static final class RegistryField {
        @Inject
        MetricRegistry registry;
    }

    private static String seriesKey(String name, String... tags) {
        return tags.length == 0 ? name : name + '\u0000' + String.join("\u0000", tags);
    }

    private static Tag[] tags(String... namesAndValues) {
        Tag[] tags = new Tag[namesAndValues.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
        }
        return tags;
    }
}
