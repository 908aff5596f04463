package dev.maestro.settings;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.mail.MailSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The settings the API and the pipeline share, so that a key means one thing and has one default
 * whichever deployable reads it. Each deployable makes one from its configuration ({@link #from})
 * and builds its connections and services from it; nothing else reads these keys.
 *
 * @param mongoService {@code MONGO_SERVICE}, the MongoDB connection string (default {@code mongodb://127.0.0.1:27017})
 * @param redisHost    {@code REDIS_HOST}, a host, optionally with {@code :port} (default {@code 127.0.0.1})
 * @param redisPort    {@code MAESTRO_REDIS_PORT}, the port when {@code REDIS_HOST} has none (default 6379)
 * @param cloudEvents  {@code CLOUD_EVENTS_SOURCE} and {@code MAESTRO_CLOUD_EVENTS_TYPE} (default KernelCI's)
 * @param jwtKeyDirectory {@code MAESTRO_JWT_KEY_DIR}, the token key pair's directory (required: the
 *                        deployables' {@code microprofile-config.properties} default it to {@code $MAESTRO_DATA_DIR/keys})
 * @param jwtIssuer    {@code MAESTRO_JWT_ISSUER}, the tokens' {@code iss} (required, defaulted the same way)
 * @param mail         {@code SMTP_HOST}, {@code SMTP_PORT} (default 587), {@code EMAIL_SENDER},
 *                     {@code EMAIL_PASSWORD}: present when both the host and the sender are set
 */
public record SharedSettings(String mongoService, String redisHost, int redisPort, CloudEventSettings cloudEvents,
                             Path jwtKeyDirectory, String jwtIssuer, Optional<MailSettings> mail) {
    private static final Logger LOG = Logger.getLogger(SharedSettings.class.getName());

    /** Reads every shared key from {@code config} (a key's value, empty when unset or blank). */
    public static SharedSettings from(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> lookup = name -> config.apply(name).map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> smtpHost = lookup.apply("SMTP_HOST");
        Optional<String> sender = lookup.apply("EMAIL_SENDER");
        if (smtpHost.isPresent() && sender.isEmpty()) {
            LOG.warning("SMTP_HOST is set but EMAIL_SENDER is not: e-mail is off");
        }
        int smtpPort = lookup.apply("SMTP_PORT").map(Integer::parseInt).orElse(587);
        // The password is taken as it is written: spaces may belong to it.
        Optional<String> password = config.apply("EMAIL_PASSWORD");
        return new SharedSettings(
                lookup.apply("MONGO_SERVICE").orElse("mongodb://127.0.0.1:27017"),
                lookup.apply("REDIS_HOST").orElse("127.0.0.1"),
                lookup.apply("MAESTRO_REDIS_PORT").map(Integer::parseInt).orElse(6379),
                new CloudEventSettings(lookup.apply("CLOUD_EVENTS_SOURCE").orElse(CloudEventSettings.KERNELCI.source()),
                        lookup.apply("MAESTRO_CLOUD_EVENTS_TYPE").orElse(CloudEventSettings.KERNELCI.type())),
                Path.of(required(lookup, "MAESTRO_JWT_KEY_DIR")),
                required(lookup, "MAESTRO_JWT_ISSUER"),
                smtpHost.flatMap(host -> sender.map(from -> new MailSettings(host, smtpPort, from, password))));
    }

    private static String required(Function<String, Optional<String>> lookup, String name) {
        return lookup.apply(name).orElseThrow(() -> new IllegalStateException(name + " is not set"));
    }
}
