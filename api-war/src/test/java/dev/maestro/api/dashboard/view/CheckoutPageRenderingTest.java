package dev.maestro.api.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The checkout page's model and its rendering, without a server: counts, order, escaping, links. */
class CheckoutPageRenderingTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final Templates templates = new Templates();

    @Test
    void failuresComeFirstAtEveryLevelAndCountsAreByKind() {
        Node checkout = checkout(NodeState.RUNNING);
        Node build = node("kbuild-gcc", "kbuild", checkout, NodeResult.PASS);
        Node job = node("tests", "job", build, NodeResult.PASS);
        List<Node> all = new ArrayList<>(List.of(build, job,
                node("alpha", "test", job, NodeResult.PASS),
                node("beta", "test", job, NodeResult.FAIL),
                node("gamma", "test", job, NodeResult.SKIP),
                node("delta", "test", job, null)));
        CheckoutView view = CheckoutView.of(CheckoutSubtree.of(checkout, all), List.of(), List.of(), List.of(), List.of(), 7);

        assertThat(view.tests().total()).isEqualTo(4);
        assertThat(view.tests().pass()).isEqualTo(1);
        assertThat(view.tests().fail()).isEqualTo(1);
        assertThat(view.tests().running()).isEqualTo(1);
        assertThat(view.builds().total()).isEqualTo(1);
        TreeItem jobItem = view.buildRows().get(0).children().get(0);
        assertThat(jobItem.failing()).as("a job holding a failed test is failing").isTrue();
        assertThat(jobItem.children()).extracting(TreeItem::name).containsExactly("beta", "delta", "alpha", "gamma");
        assertThat(view.live()).isTrue();

        String html = render(view);
        assertThat(html.indexOf(">beta<")).isPositive().isLessThan(html.indexOf(">alpha<"));
        assertThat(html).contains("data-live=\"/dashboard/live/" + checkout.id().toHexString() + "\"").contains("data-since=\"7\"");
    }

    @Test
    void everyValueIsEscapedAndOnlyHttpArtifactsAreLinks() {
        Node checkout = checkout(NodeState.DONE);
        Node build = Node.newNode(T0).id(new ObjectId()).kind("kbuild").name("<script>alert(1)</script>").parent(checkout.id())
                .state(NodeState.DONE).result(NodeResult.FAIL)
                .artifacts(Map.of("log", "https://example.org/log?a=1&b=\"2\"", "evil", "javascript:alert(1)"))
                .data(Map.of("arch", "x86<b>64</b>")).build();
        String html = render(CheckoutView.of(CheckoutSubtree.of(checkout, List.of(build)), List.of(), List.of(), List.of(), List.of(), 0));

        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("x86<b>").doesNotContain("href=\"javascript:")
                .contains("href=\"https://example.org/log?a&#61;1&amp;b&#61;&quot;2&quot;\"")
                .doesNotContain("data-live=");
    }

    @Test
    void barSegmentsAddUpToTheWholeBar() {
        ResultCounts counts = new ResultCounts();
        Node checkout = checkout(NodeState.DONE);
        counts.add(node("a", "test", checkout, NodeResult.PASS));
        counts.add(node("b", "test", checkout, NodeResult.PASS));
        counts.add(node("c", "test", checkout, NodeResult.FAIL));
        assertThat(counts.bar()).extracting(ResultCounts.Segment::kind).containsExactly("pass", "fail");
        assertThat(counts.bar()).extracting(ResultCounts.Segment::x).containsExactly("0.00", "66.67");
        assertThat(counts.bar()).extracting(ResultCounts.Segment::width).containsExactly("66.67", "33.33");
    }

    private String render(CheckoutView view) {
        return templates.render("checkout", view, Map.of("base", "/dashboard", "root", "/", "pipeline", "/pipeline",
                "title", "Checkout"));
    }

    private static Node checkout(NodeState state) {
        return Node.newNode(T0).id(new ObjectId()).kind("checkout").name("checkout").state(state)
                .data(Map.of("kernel_revision", Map.of("tree", "toy", "branch", "main", "commit", "abcdef0123456789",
                        "describe", "v1.0"))).build();
    }

    private static Node node(String name, String kind, Node parent, NodeResult result) {
        return Node.newNode(T0).id(new ObjectId()).kind(kind).name(name).parent(parent.id())
                .state(result == null ? NodeState.RUNNING : NodeState.DONE).result(result).build();
    }

    @Test
    void theBaseListsItsPatchsetsAsLinksAndAPatchsetShowsItsSeries() {
        Node checkout = checkout(NodeState.AVAILABLE);
        Node patchset = Node.newNode(T0).id(new ObjectId()).kind("checkout").name("patchset").parent(checkout.id())
                .state(NodeState.AVAILABLE).result(NodeResult.PASS)
                .data(Map.of("kernel_revision", Map.of("tree", "toy", "branch", "main", "commit", "c0ffee",
                        "patchset", "d4502489e9b532c95bb894dface7a4b8"))).build();

        String base = render(CheckoutView.of(CheckoutSubtree.of(checkout, List.of()), List.of(patchset), List.of(), List.of(),
                List.of(), 0));
        String own = render(CheckoutView.of(CheckoutSubtree.of(patchset, List.of()), List.of(), List.of(), List.of(), List.of(), 0));

        assertThat(base).contains("<section id=\"patchsets\">")
                .contains("href=\"/dashboard/checkout/" + patchset.id().toHexString() + "\">patchset d4502489e9b5<");
        assertThat(own).contains("<dd id=\"patchset\"><code>d4502489e9b5</code></dd>").doesNotContain("<section id=\"patchsets\">");
        assertThat(render(CheckoutView.of(CheckoutSubtree.of(checkout, List.of()), List.of(), List.of(), List.of(), List.of(), 0)))
                .doesNotContain("<section id=\"patchsets\">").doesNotContain("id=\"patchset\"");
    }
}
