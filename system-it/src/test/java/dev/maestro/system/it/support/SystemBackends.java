package dev.maestro.system.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.maestro.security.KeyFiles;
import dev.maestro.testsupport.SuiteBackends;
import dev.maestro.testsupport.FakeLavaServer;
import dev.maestro.testsupport.FixtureRepo;
import dev.maestro.files.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Everything the system under test needs before Arquillian boots Payara Micro: test-support's
 * MongoDB-wire server and Redis, GreenMail's SMTP server on {@code it.smtp.port} (the report
 * mails arrive there), the token key pair (made here, so that the API and the pipeline never
 * race to create it), the fixture tree, a fake LAVA lab, the pipeline configuration and an empty
 * data directory.
 */
public class SystemBackends extends SuiteBackends {
    /** The REST API token of the {@code lava-lab} runtime (written literally in the test's configuration). */
    public static final String LAVA_TOKEN = "lava-rest-t0ken";
    private static volatile GreenMail mail;
    private static volatile FakeLavaServer lava;

    @Override
    protected void started() {
        Path dir = itDir();
        KeyFiles.ensure(dir.resolve("keys"));
        // What an earlier run stored (mirrors of an older fixture, artifacts) must not leak into this one.
        Directories.fresh(dir.resolve("system-data"));
        FixtureRepo fixture = FixtureRepo.createPublished(fixtureDir());
        try {
            lava = FakeLavaServer.start(LAVA_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake LAVA lab", e);
        }
        PipelineConfigFile.write(dir, httpPort(), fixture.bare(), lava.url());
        mail = new GreenMail(new ServerSetup(Integer.parseInt(System.getProperty("it.smtp.port")), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @Override
    protected void stopping() {
        mail.stop();
        lava.close();
    }

    /** The LAVA lab the {@code lava-lab} runtime submits to (a real HTTP server answering LAVA's REST API). */
    public static FakeLavaServer lava() {
        return lava;
    }

    /**
     * The SMTP server the pipeline sends to; tests stop it (the mail server is down: mails are
     * refused) and start it again, keeping what it received.
     */
    public static GreenMail mail() {
        return mail;
    }

    /** The module's build directory, where the archives, the configuration and the data live. */
    public static Path itDir() {
        return Path.of(System.getProperty("it.dir"));
    }

    public static Path fixtureDir() {
        return itDir().resolve("fixture");
    }

    /** The port Micro listens on, reserved by the build so that it can be written into the configuration. */
    public static int httpPort() {
        return Integer.parseInt(System.getProperty("it.http.port"));
    }
}
