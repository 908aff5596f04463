package dev.maestro.pipeline.it;

import dev.maestro.pipeline.it.deployed.Deliveries;
import dev.maestro.pipeline.it.support.PipelineClient;
import dev.maestro.pipeline.it.support.TestEvents;
import dev.maestro.pipeline.it.support.TestNodes;
import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipeline integration suite: the RAR (post-boot) and the built {@code pipeline.war} with the
 * test beans of {@code dev.maestro.pipeline.it.deployed}, deployed once to a managed Payara Micro
 * whose consumer name is {@code it-main}; every feature contract runs against it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PipelineIT implements LifecycleTimerContract, LifecycleContract, LifecycleTwoInstancesContract, AtLeastOnceContract, DeadLetterContract, RedisRestartContract,
        InstanceKillContract, MonitorContract, HealthAndMetricsContract {
    private static final Path DEPLOYED_WAR = Path.of(System.getProperty("it.dir"), "pipeline-with-test-beans.war");
    private static PipelineClient client;
    private static TestEvents events;
    private static TestNodes nodes;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.dir"), "pipeline.war"))
                .addPackage(Deliveries.class.getPackage());
        war.as(ZipExporter.class).exportTo(DEPLOYED_WAR.toFile(), true);
        return war;
    }

    @BeforeEach
    void connect() {
        if (client == null) {
            // Micro reports its first non-loopback address; the tests stay on loopback.
            client = new PipelineClient("http://127.0.0.1:" + base.getPort() + base.getPath());
            events = new TestEvents();
            nodes = new TestNodes();
        }
    }

    @AfterAll
    static void disconnect() {
        if (events != null) {
            events.close();
            nodes.close();
        }
    }

    @Override
    public PipelineClient pipeline() {
        return client;
    }

    @Override
    public TestNodes nodes() {
        return nodes;
    }

    @Override
    public TestEvents events() {
        return events;
    }

    @Override
    public Path deployedWar() {
        return DEPLOYED_WAR;
    }
}
