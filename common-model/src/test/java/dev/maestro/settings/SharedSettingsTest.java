package dev.maestro.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.mail.MailSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedSettingsTest {
    private static final Map<String, String> REQUIRED = Map.of("MAESTRO_JWT_KEY_DIR", "data/keys", "MAESTRO_JWT_ISSUER", "maestro");

    private static SharedSettings read(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(REQUIRED);
        all.putAll(values);
        return SharedSettings.from(name -> Optional.ofNullable(all.get(name)));
    }

    @Test
    void unsetKeysTakeTheDocumentedDefaults() {
        SharedSettings s = read(Map.of());
        assertThat(s.mongoService()).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(s.redisHost()).isEqualTo("127.0.0.1");
        assertThat(s.redisPort()).isEqualTo(6379);
        assertThat(s.cloudEvents()).isEqualTo(new CloudEventSettings("https://api.kernelci.org/", "api.kernelci.org"));
        assertThat(s.jwtKeyDirectory()).isEqualTo(Path.of("data/keys"));
        assertThat(s.jwtIssuer()).isEqualTo("maestro");
        assertThat(s.mail()).isEmpty();
    }

    @Test
    void setKeysWinAndBlankOnesCountAsUnset() {
        SharedSettings s = read(Map.of("MONGO_SERVICE", "mongodb://db:27017/other", "REDIS_HOST", "cache:6380",
                "MAESTRO_REDIS_PORT", " ", "CLOUD_EVENTS_SOURCE", "https://maestro.example.org/",
                "MAESTRO_CLOUD_EVENTS_TYPE", "maestro.example.org"));
        assertThat(s.mongoService()).isEqualTo("mongodb://db:27017/other");
        assertThat(s.redisHost()).isEqualTo("cache:6380");
        assertThat(s.redisPort()).isEqualTo(6379);
        assertThat(s.cloudEvents()).isEqualTo(new CloudEventSettings("https://maestro.example.org/", "maestro.example.org"));
    }

    @Test
    void mailNeedsBothTheHostAndTheSender() {
        assertThat(read(Map.of("SMTP_HOST", "smtp.example.org")).mail()).isEmpty();
        assertThat(read(Map.of("EMAIL_SENDER", "bot@example.org")).mail()).isEmpty();
        assertThat(read(Map.of("SMTP_HOST", "smtp.example.org", "EMAIL_SENDER", "bot@example.org")).mail())
                .contains(new MailSettings("smtp.example.org", 587, "bot@example.org", Optional.empty()));
        assertThat(read(Map.of("SMTP_HOST", "smtp.example.org", "SMTP_PORT", "465", "EMAIL_SENDER", "bot@example.org",
                "EMAIL_PASSWORD", " secret ")).mail())
                .contains(new MailSettings("smtp.example.org", 465, "bot@example.org", Optional.of(" secret ")));
    }

    @Test
    void theTokenKeyDirectoryAndIssuerAreRequired() {
        assertThatThrownBy(() -> SharedSettings.from(name -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessage("MAESTRO_JWT_KEY_DIR is not set");
    }
}
