package dev.maestro.system.it;

import dev.maestro.system.it.support.SystemBackends;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.OpenApiConformance;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The system suite: one managed Payara Micro with, in this order, the RAR and api.war at
 * {@code /} (post-boot commands) and the plain pipeline.war at {@code /pipeline} (this
 * deployment, named after the archive); every feature contract runs against it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SystemIT implements SystemBootContract, PipelineTraceContract, PipelineTriggerContract, PipelineConfigReloadContract,
        StorageContract, CheckoutFailureContract, RetryContract, JobRetryContract, ResultsContract, LavaContract,
        DockerRuntimeContract, ServiceApiContract, PatchsetContract, PatchworkContract {
    private static ApiClient api;
    private static ApiClient pipeline;
    private static String adminToken;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, SystemBackends.itDir().resolve("pipeline.war").toFile());
    }

    @BeforeEach
    void connect() {
        if (api == null) {
            // The port is the reserved one; the host stays loopback (Micro reports its first non-loopback address).
            String root = "http://127.0.0.1:" + SystemBackends.httpPort();
            api = new ApiClient(root, null);
            pipeline = new ApiClient(root + "/pipeline", null, OpenApiConformance.of(root + "/pipeline/openapi?format=json"));
            adminToken = api.login("admin", System.getProperty("it.admin.password"));
        }
    }

    @Override
    public ApiClient api() {
        return api;
    }

    @Override
    public String adminToken() {
        return adminToken;
    }

    @Override
    public ApiClient pipeline() {
        return pipeline;
    }

    @Override
    public int deployedPort() {
        return base.getPort();
    }
}
