package dev.maestro.it;

import static dev.maestro.it.support.NodeBodies.list;
import static dev.maestro.it.support.NodeBodies.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.it.support.Browser;
import dev.maestro.testsupport.ApiResponse;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web dashboard in a real headless Chromium: the checkout page's counts and failures-first
 * tree, live updates without a reload, search, escaping, no console errors, and the HTTP side
 * (the root's browser redirect, the security headers, resuming the live stream by event id).
 * Nodes are created through the API; screenshots go to {@code target/screenshots}.
 */
public interface DashboardContract extends ApiContract {
    Duration WAIT = Duration.ofSeconds(30);

    /** The ids of a seeded checkout: a build, a job under it and three tests, one failing. */
    record Seeded(String tree, String commit, String checkout, String build, String job, String failing) {
    }

    default Browser browser() {
        return Browser.shared();
    }

    default String url(String path) {
        return api().base() + path;
    }

    default Seeded seedCheckout() {
        String tree = "dash-" + Long.toHexString(System.nanoTime());
        byte[] sha = new byte[20];
        ThreadLocalRandom.current().nextBytes(sha);
        String commit = HexFormat.of().formatHex(sha);
        String checkout = create(map("kind", "checkout", "name", "checkout", "path", list("checkout"), "group", tree,
                "data", map("kernel_revision", map("tree", tree, "url", "https://git.example.org/" + tree + ".git",
                        "branch", "main", "commit", commit, "describe", "v1.0-" + commit.substring(0, 7)))));
        String build = create(map("kind", "kbuild", "name", "kbuild-gcc-12-x86", "path", list("checkout", "kbuild-gcc-12-x86"),
                "group", tree, "parent", checkout, "state", "done", "result", "pass",
                "artifacts", map("build_log", "https://storage.example.org/" + tree + "/build.log"),
                "data", map("arch", "x86_64", "defconfig", "tinyconfig", "compiler", "gcc-12")));
        String job = create(map("kind", "job", "name", "tiny-tests", "path", list("checkout", "kbuild-gcc-12-x86", "tiny-tests"),
                "group", tree, "parent", build, "state", "done", "result", "pass"));
        create(test(tree, job, "aaa-passes", "pass"));
        String failing = create(test(tree, job, "zzz-fails", "fail"));
        create(test(tree, job, "mmm-skipped", "skip"));
        return new Seeded(tree, commit, checkout, build, job, failing);
    }

    private Map<String, Object> test(String tree, String job, String name, String result) {
        return map("kind", "test", "name", name, "path", list("checkout", "kbuild-gcc-12-x86", "tiny-tests", name),
                "group", tree, "parent", job, "state", "done", "result", result);
    }

    private String create(Map<String, Object> body) {
        ApiResponse r = admin().post("/latest/node", body);
        assertThat(r.status()).as("create: %s", r).isEqualTo(200);
        return (String) r.map().get("id");
    }

    private String text(String css) {
        return browser().driver().findElement(By.cssSelector(css)).getText().trim();
    }

    @Test
    default void checkoutPageShowsTheCountsAndTheFailingTestFirst() {
        Seeded s = seedCheckout();
        browser().open(url("/dashboard/checkout/" + s.checkout()));

        assertThat(text("h1")).contains(s.tree() + "/main").contains(s.commit().substring(0, 12));
        assertThat(text("#build-total")).isEqualTo("1");
        assertThat(text("#test-total")).isEqualTo("3");
        assertThat(text("#summary .test-counts .n.pass")).isEqualTo("1");
        assertThat(text("#summary .test-counts .n.fail")).isEqualTo("1");
        assertThat(text("#summary .test-counts .n.skip")).isEqualTo("1");
        WebElement build = browser().driver().findElement(By.id("build-" + s.build()));
        assertThat(build.getText()).contains("x86_64").contains("tinyconfig").contains("gcc-12");
        assertThat(build.findElement(By.linkText("build_log")).getAttribute("href")).endsWith(s.tree() + "/build.log");
        List<String> tests = build.findElements(By.cssSelector("ul.tree ul.tree a.node-name")).stream()
                .map(WebElement::getText).toList();
        assertThat(tests).containsExactly("zzz-fails", "aaa-passes", "mmm-skipped");
        assertThat(build.findElement(By.cssSelector("ul.tree > li > details")).getAttribute("open"))
                .as("the job holding the failure is unfolded").isNotNull();
        assertThat(browser().driver().findElements(By.cssSelector("#events ol.timeline li"))).isNotEmpty();
        browser().screenshot("checkout");

        browser().open(url("/dashboard"));
        WebElement row = browser().driver().findElement(By.xpath(
                "//a[contains(@href, '/dashboard/checkout/" + s.checkout() + "')]/ancestor::tr"));
        assertThat(row.findElement(By.cssSelector(".test-counts .n.fail")).getText()).isEqualTo("1");
        assertThat(row.findElements(By.cssSelector(".test-counts svg rect"))).hasSize(3);
        browser().screenshot("trees");
    }

    @Test
    default void aNodeUpdateAppearsOnTheOpenPageWithoutAReload() {
        Seeded s = seedCheckout();
        browser().open(url("/dashboard/checkout/" + s.checkout()));
        JavascriptExecutor js = (JavascriptExecutor) browser().driver();
        js.executeScript("window.maestroNoReload = 'still here';");
        assertThat(text("#checkout-state")).isEqualTo("running");

        create(test(s.tree(), s.job(), "late-arrival", "fail"));
        assertThat(admin().patch("/latest/node/" + s.checkout(), map("state", "available")).status()).isEqualTo(200);

        browser().waiting(WAIT).until(ExpectedConditions.textToBe(By.id("checkout-state"), "available"));
        browser().waiting(WAIT).until(ExpectedConditions.textToBe(By.id("test-total"), "4"));
        assertThat(browser().driver().findElements(By.linkText("late-arrival"))).hasSize(1);
        assertThat(js.executeScript("return window.maestroNoReload;")).as("the page was not reloaded").isEqualTo("still here");
    }

    @Test
    default void theLiveStreamResumesAfterTheLastEventIdItWasGiven() throws Exception {
        Seeded s = seedCheckout();
        assertThat(admin().patch("/latest/node/" + s.failing(), map("data", map("error_msg", "checked"))).status())
                .isEqualTo(200);
        List<Object> events = api().get("/latest/events?channel=node&node_id=" + s.failing()).list();
        @SuppressWarnings("unchecked")
        long last = ((Number) ((Map<String, Object>) events.get(events.size() - 1)).get("sequence_id")).longValue();

        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/dashboard/live/" + s.checkout())))
                .header("Accept", "text/event-stream").header("Last-Event-ID", Long.toString(last - 1)).build();
        HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            String id = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                }
                if (line.startsWith("data:")) {
                    assertThat(id).as("the first event is the one after the given id").isEqualTo(Long.toString(last));
                    assertThat(line.substring(5).trim()).isEqualTo(s.failing());
                    break;
                }
            }
            assertThat(id).isNotNull();
        }
    }

    @Test
    default void searchByCommitPrefixFindsTheCheckout() {
        Seeded s = seedCheckout();
        browser().open(url("/dashboard/search"));
        browser().driver().findElement(By.name("commit")).sendKeys(s.commit().substring(0, 10));
        browser().driver().findElement(By.name("kind")).sendKeys("checkout");
        browser().driver().findElement(By.cssSelector("form.filters button")).click();

        browser().waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.result-row")));
        List<WebElement> rows = browser().driver().findElements(By.cssSelector("tr.result-row a"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getAttribute("href")).endsWith("/dashboard/checkout/" + s.checkout());
        assertThat(browser().consoleErrors()).isEmpty();
    }

    @Test
    default void aMalformedSearchIs400WithTheFormKept() {
        ApiResponse r = api().get("/dashboard/search?commit=xyz");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("A commit prefix is 1 to 40 hexadecimal digits: xyz").contains("value=\"xyz\"");
    }

    @Test
    default void theRegressionsPageShowsActiveAndFixedOnesFilteredByTreePlatformAndTest() {
        Seeded s = seedCheckout();
        Map<String, Object> revision = map("tree", s.tree(), "url", "https://git.example.org/" + s.tree() + ".git",
                "branch", "main", "commit", s.commit());
        String active = create(regression(s, "zzz-fails", "fail", revision));
        String fixed = create(regression(s, "was-broken", "pass", revision));

        browser().open(url("/dashboard/regressions?tree=" + s.tree()));
        assertThat(regressionLinks()).containsExactly("/dashboard/node/" + active);
        browser().open(url("/dashboard/regressions?status=fixed&tree=" + s.tree()));
        assertThat(regressionLinks()).containsExactly("/dashboard/node/" + fixed);
        browser().open(url("/dashboard/regressions?status=all&platform=qemu-x86&test=was-&tree=" + s.tree()));
        assertThat(regressionLinks()).containsExactly("/dashboard/node/" + fixed);
        browser().open(url("/dashboard/regressions?status=all&platform=other&tree=" + s.tree()));
        assertThat(regressionLinks()).isEmpty();
        assertThat(browser().consoleErrors()).isEmpty();

        browser().open(url("/dashboard/checkout/" + s.checkout()));
        assertThat(text("#regressions")).contains("zzz-fails").contains("was-broken");
        assertThat(browser().driver().findElements(By.cssSelector("#builds a.node-name")).stream().map(WebElement::getText))
                .as("regressions are not part of the build trees").doesNotContain("was-broken");
    }

    private Map<String, Object> regression(Seeded s, String name, String result, Map<String, Object> revision) {
        return map("kind", "regression", "name", name, "path", list("checkout", "kbuild-gcc-12-x86", "tiny-tests", name),
                "group", s.tree(), "parent", s.checkout(), "state", "done", "result", result,
                "data", map("fail_node", s.failing(), "failed_kernel_revision", revision, "platform", "qemu-x86"));
    }

    private List<String> regressionLinks() {
        return browser().driver().findElements(By.cssSelector("table.regressions tbody a[href*='/dashboard/node/']")).stream()
                .map(a -> a.getAttribute("href").replaceFirst("^.*(/dashboard/node/)", "$1")).toList();
    }

    @Test
    default void aNodeNamedLikeAScriptRendersAsText() {
        Seeded s = seedCheckout();
        String evil = "<script>alert(1)</script>";
        String id = create(test(s.tree(), s.job(), evil, "fail"));

        browser().open(url("/dashboard/node/" + id));
        assertThat(text("#node-name")).isEqualTo(evil);
        assertThat(text(".crumbs")).contains("tiny-tests");
        browser().open(url("/dashboard/checkout/" + s.checkout()));
        assertThat(browser().driver().findElements(By.linkText(evil))).hasSize(1);
        assertThatThrownBy(() -> browser().driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser().consoleErrors()).isEmpty();
    }

    @Test
    default void noPageLogsAConsoleError() {
        Seeded s = seedCheckout();
        for (String path : List.of("/dashboard", "/dashboard/checkout/" + s.checkout(), "/dashboard/node/" + s.failing(),
                "/dashboard/node/" + s.job(), "/dashboard/regressions", "/dashboard/regressions?status=all&tree=" + s.tree(),
                "/dashboard/search?tree=" + s.tree(), "/dashboard/pipeline")) {
            browser().open(url(path));
            assertThat(browser().driver().findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
            assertThat(browser().consoleErrors()).as(path).isEmpty();
        }
    }

    @Test
    default void aBrowserAtTheRootIsSentToTheDashboard() {
        browser().open(url("/"));
        assertThat(browser().driver().getCurrentUrl()).endsWith("/dashboard");
        assertThat(text("h1")).isEqualTo("Trees");
        ApiResponse json = api().get("/latest/");
        assertThat(json.map()).containsEntry("message", "KernelCI API");
    }

    @Test
    default void theRootAnswersJsonUnlessHtmlIsPreferred() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String accept : List.of("*/*", "application/json", "application/json, text/html", "text/html;q=0.5, */*")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/"))).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(accept).isEqualTo(200);
            assertThat(r.body()).as(accept).contains("\"KernelCI API\"");
        }
        for (String accept : List.of("text/html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/"))).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(accept).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(accept).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard"));
        }
    }

    @Test
    default void aMissingOrMalformedNodeIsAnHtmlErrorPage() {
        ApiResponse missing = api().get("/dashboard/node/000000000000000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.body()).contains("Node not found");
        ApiResponse malformed = api().get("/dashboard/checkout/xyz");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("&#39;xyz&#39; is not a valid ObjectId");
    }

    @Test
    default void dashboardAnswersCarryAContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/dashboard"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("default-src 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=");
    }
}
