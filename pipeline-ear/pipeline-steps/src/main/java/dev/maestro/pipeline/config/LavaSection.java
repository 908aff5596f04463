package dev.maestro.pipeline.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the keys of a {@code lab_type: lava} runtime entry (KernelCI's names where it has them:
 * {@code url}, {@code priority}, {@code priority_min}/{@code priority_max}, {@code queue_timeout},
 * {@code notify.callback.token}); KernelCI keeps the two tokens in its TOML settings, here they
 * are {@code token} and {@code callback_token}, normally {@code ${VAR}} references.
 */
final class LavaSection {
    static final List<String> KEYS = List.of("url", "token", "callback_token", "callback_url", "notify", "priority",
            "priority_min", "priority_max", "queue_timeout");

    private LavaSection() {
    }

    /** Reports the lava keys of a runtime entry of another lab type. */
    static void rejectIn(YamlMapping m, LabType type) {
        m.entries().forEach((key, value) -> {
            if (KEYS.contains(key)) {
                value.problemAtKey("'" + key + "' is a key of lab_type lava, not of " + type.wireName());
            }
        });
    }

    static Optional<LavaConfig> read(YamlMapping m) {
        Optional<URI> url = m.required("url").flatMap(ConfigSections::httpUrl)
                .map(u -> URI.create(u.toString().replaceAll("/+$", "")));
        Optional<String> token = m.required("token").flatMap(YamlValue::string);
        Optional<String> callbackToken = m.required("callback_token").flatMap(YamlValue::string);
        Optional<String> tokenName = m.required("notify")
                .flatMap(n -> YamlMapping.of(n, List.of("callback")))
                .flatMap(n -> n.required("callback"))
                .flatMap(c -> YamlMapping.of(c, List.of("token")))
                .flatMap(c -> c.required("token"))
                .flatMap(YamlValue::string);
        Optional<URI> callbackUrl = m.optional("callback_url").flatMap(ConfigSections::httpUrl);
        Optional<Integer> priority = m.optional("priority").flatMap(LavaSection::priority);
        Optional<Integer> min = m.optional("priority_min").flatMap(LavaSection::priority);
        Optional<Integer> max = m.optional("priority_max").flatMap(LavaSection::priority);
        Optional<LavaConfig.PriorityRange> range = Optional.empty();
        if (min.isPresent() != max.isPresent()) {
            m.owner().problem("priority_min and priority_max go together");
        } else if (min.isPresent()) {
            if (min.get() > max.get()) {
                m.owner().problem("priority_min " + min.get() + " is above priority_max " + max.get());
            }
            range = Optional.of(new LavaConfig.PriorityRange(min.get(), max.get()));
        }
        Optional<Duration> queueTimeout = m.optional("queue_timeout").flatMap(YamlValue::duration);
        if (url.isEmpty() || token.isEmpty() || callbackToken.isEmpty() || tokenName.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LavaConfig(url.get(), token.get(), tokenName.get(), callbackToken.get(), callbackUrl,
                priority, range, queueTimeout));
    }

    private static Optional<Integer> priority(YamlValue value) {
        if (value.plain() instanceof Integer n && n >= 0 && n <= 100) {
            return Optional.of(n);
        }
        value.problem("expected a whole number from 0 to 100, found " + YamlValue.describe(value.node()));
        return Optional.empty();
    }
}
