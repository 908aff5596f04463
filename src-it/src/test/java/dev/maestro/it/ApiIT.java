package dev.maestro.it;

import dev.maestro.it.support.Browser;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.OpenApiConformance;
import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API integration suite: deploys the built {@code api.war} once to a managed Payara Micro
 * and runs every feature contract against it over real HTTP on loopback. Only the fuzz test
 * has an order: last (the others keep JUnit's default order, the sort being stable).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RunAsClient
class ApiIT implements RootContract, LoginContract,
        UsersContract, UserAdminContract, GroupsContract, MailFlowsContract,
        NodesContract, NodeQueryContract, NodePermissionsContract, MalformedRequestsContract, HttpEdgeContract,
        TokenSecurityContract, AccountPermissionsContract, OpenApiContract, OpenApiFuzzContract,
        EventContract, EventDeliveryContract, NodeEventDeliveryContract, EventInstancesContract, QueueContract,
        KeyValueContract, DashboardContract, HealthAndMetricsContract, TelemetryContract, InvitationContract,
        DirectRoutesContract {
    private static ApiClient client;
    private static String adminToken;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @BeforeEach
    void connect() {
        if (client == null) {
            // Micro reports its first non-loopback address; the tests stay on loopback.
            String url = "http://127.0.0.1:" + base.getPort() + base.getPath();
            client = new ApiClient(url, null, OpenApiConformance.servedAt(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
            adminToken = client.login("admin", System.getProperty("it.admin.password"));
        }
    }

    @AfterAll
    static void quitBrowser() {
        Browser.quitShared();
    }

    @Override
    public ApiClient api() {
        return client;
    }

    @Override
    public String adminToken() {
        return adminToken;
    }
}
