package dev.maestro.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void port465IsTlsFromTheFirstByte() {
        Properties p = new MailSettings("smtp.example.org", 465, "ci@example.org", Optional.of("pw")).sessionProperties();
        assertThat(p).containsEntry("mail.smtp.ssl.enable", "true").containsEntry("mail.smtp.port", "465")
                .doesNotContainKey("mail.smtp.starttls.enable");
    }

    @Test
    void otherPortsUpgradeWithStartTlsWhenOffered() {
        Properties p = new MailSettings("smtp.example.org", 587, "ci@example.org", Optional.of("pw")).sessionProperties();
        assertThat(p).containsEntry("mail.smtp.starttls.enable", "true").containsEntry("mail.smtp.starttls.required", "false")
                .doesNotContainKey("mail.smtp.ssl.enable");
    }

    @Test
    void theSenderIsTheFromAddressAndLogsInOnlyWithAPassword() {
        Properties with = new MailSettings("h", 25, "ci@example.org", Optional.of("pw")).sessionProperties();
        Properties without = new MailSettings("h", 25, "ci@example.org", Optional.empty()).sessionProperties();
        Properties empty = new MailSettings("h", 25, "ci@example.org", Optional.of("")).sessionProperties();
        assertThat(with).containsEntry("mail.smtp.auth", "true").containsEntry("mail.smtp.from", "ci@example.org");
        assertThat(without).containsEntry("mail.smtp.auth", "false");
        assertThat(empty).containsEntry("mail.smtp.auth", "false");
    }

    @Test
    void everySmtpStepHasATimeout() {
        Properties p = new MailSettings("h", 25, "s@example.org", Optional.empty()).sessionProperties();
        assertThat(p).containsKeys("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");
    }
}
