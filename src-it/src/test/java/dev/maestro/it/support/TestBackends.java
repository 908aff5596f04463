package dev.maestro.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.maestro.security.KeyFiles;
import dev.maestro.testsupport.SuiteBackends;
import java.nio.file.Path;

/**
 * The API suite's backing services: test-support's MongoDB-wire server and Redis, plus
 * GreenMail's SMTP server (every mail from the API arrives there) and the token key pair.
 */
public class TestBackends extends SuiteBackends {
    private static volatile GreenMail mail;

    @Override
    protected void started() {
        KeyFiles.ensure(Path.of(System.getProperty("it.data.dir"), "keys"));
        mail = new GreenMail(new ServerSetup(Integer.parseInt(System.getProperty("it.smtp.port")), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    /** The SMTP server every mail from the API arrives at. */
    public static GreenMail mail() {
        return mail;
    }

    @Override
    protected void stopping() {
        mail.stop();
    }
}
