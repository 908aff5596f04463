package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.NodeBodies;
import dev.maestro.json.Json;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.it.support.TestUsers;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import dev.maestro.testsupport.RawHttp;
import dev.maestro.testsupport.ServerLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The edges of HTTP handling, where an attacker or a sloppy client probes: request smuggling
 * through TRACE, braces in paths, 405s without {@code Allow}, bodies that are not JSON or not
 * UTF-8, log flooding with malformed tokens, and the requests Payara's HTTP listener refuses
 * before any application sees them (answered in JSON by the http-edge module's filters).
 */
public interface HttpEdgeContract extends ApiContract {
    Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3})", Pattern.MULTILINE);

    @Test
    default void aTraceBodyIsNeverParsedAsTheNextRequest() {
        String inner = "GET " + basePath() + "/latest/whoami HTTP/1.1\r\nHost: x\r\n\r\n";
        String exchange = raw("TRACE " + basePath() + "/latest/ HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + inner.length() + "\r\n\r\n" + inner);

        Matcher statuses = STATUS_LINE.matcher(exchange);
        assertThat(statuses.find()).as(exchange).isTrue();
        assertThat(statuses.group(1)).isEqualTo("405");
        assertThat(statuses.find()).as("a second response, to the smuggled request: %s", exchange).isFalse();
        assertThat(exchange).containsIgnoringCase("\r\nAllow: ").containsIgnoringCase("\r\nConnection: close")
                .contains("{\"detail\":");
        assertThat(exchange).as("headers are not echoed").doesNotContain("Host: x\r\nContent-Length");
    }

    @Test
    default void bracesInAPathAreAClientError() {
        for (String path : new String[] {"/latest/node/%7B%22%24ne%22%3Anull%7D", "/latest/user/%7B%7D", "/latest/node/%7Bid%7D"}) {
            ApiResponse r = admin().get(path);
            assertThat(r.status()).as("%s: %s", path, r).isBetween(400, 499);
            assertThat(r.detail()).as(path).isNotNull();
        }
        String exchange = raw("GET " + basePath() + "/latest/node/{\"$ne\":null} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Matcher status = STATUS_LINE.matcher(exchange);
        assertThat(status.find()).as(exchange).isTrue();
        assertThat(Integer.parseInt(status.group(1))).as(exchange).isBetween(400, 499);
    }

    @Test
    default void aWrongMethodIs405WithAllow() {
        HttpResponse<String> r = plain(HttpRequest.newBuilder(URI.create(api().base() + "/latest/whoami"))
                .DELETE().build());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).as(r.headers().toString()).hasValueSatisfying(
                allow -> assertThat(allow).contains("GET").doesNotContain("DELETE"));
        assertThat(r.body()).contains("\"detail\"");
    }

    @Test
    default void aJsonEndpointRefusesOtherMediaTypesWith415() {
        String group = TestUsers.unique("media");
        String body = Json.write(NodeBodies.checkout("m", group));
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml",
                "application/json; charset=ISO-8859-1"}) {
            ApiResponse r = admin().send("POST", "/latest/node", type, body);
            assertThat(r.status()).as("%s: %s", type, r).isEqualTo(415);
            assertThat((String) r.detail()).contains("application/json");
        }
        assertThat(api().get("/latest/count?group=" + group).json()).as("nothing stored").isEqualTo(0);
        for (String type : new String[] {"application/json", "application/json; charset=utf-8", "application/merge-patch+json"}) {
            assertThat(admin().send("POST", "/latest/node", type, body).status()).as(type).isEqualTo(200);
        }
        HttpResponse<String> untyped = plain(HttpRequest.newBuilder(URI.create(api().base() + "/latest/node"))
                .header("Authorization", "Bearer " + adminToken()).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(untyped.statusCode()).as("no Content-Type is read as JSON: %s", untyped.body()).isEqualTo(200);
    }

    @Test
    default void aFormEndpointRefusesOtherMediaTypesAndNoneWith415() {
        String form = "username=admin&password=" + ApiClient.enc(System.getProperty("it.admin.password"));
        for (String path : new String[] {"/latest/user/login", "/latest/user/update-password"}) {
            for (String type : new String[] {"text/plain", "application/json", "multipart/form-data; boundary=x"}) {
                // Jersey refuses these itself (the route @Consumes a form), with the JSON error body.
                ApiResponse r = api().send("POST", path, type, form);
                assertThat(r.status()).as("%s %s: %s", path, type, r).isEqualTo(415);
                assertThat(r.detail()).isNotNull();
            }
            // Found by OpenApiFuzzContract: a form with no Content-Type answered 500.
            HttpResponse<String> untyped = plain(HttpRequest.newBuilder(URI.create(api().base() + path))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(untyped.statusCode()).as("%s without a type: %s", path, untyped.body()).isEqualTo(415);
            assertThat(untyped.body()).contains("application/x-www-form-urlencoded");
        }
        assertThat(api().send("POST", "/latest/user/login", "application/x-www-form-urlencoded; charset=UTF-8", form).status())
                .isEqualTo(200);
    }

    @Test
    default void aJsonBodyThatIsNotUtf8Is400NamingTheOffset() {
        String group = TestUsers.unique("utf8");
        byte[] prefix = ("{\"kind\":\"checkout\",\"name\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] rest = ("\",\"path\":[\"checkout\"],\"group\":\"" + group + "\"}").getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : new byte[][] {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(prefix);
            body.writeBytes(bad);
            body.writeBytes(rest);
            HttpResponse<String> r = plain(HttpRequest.newBuilder(URI.create(api().base() + "/latest/node"))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("not valid UTF-8").contains("offset " + prefix.length);
        }
        assertThat(api().get("/latest/count?group=" + group).json()).as("nothing stored").isEqualTo(0);
    }

    @Test
    default void aByteHttpDoesNotAllowInAHeaderIsAJson400() {
        // Sent as UTF-8: the "ü" is the bytes 0xc3 0xbc, and the listener refuses the first.
        String exchange = raw("GET " + basePath() + "/latest/whoami HTTP/1.1\r\nHost: x\r\nX-Name: caf\u00fc\r\n\r\n");
        assertJson400(exchange, "The request could not be parsed: An invalid character 0xc3 was found in the header value");
    }

    @Test
    default void aBackslashInAPathIsAJson400() {
        for (String path : new String[] {"/latest/node/a%5Cb", "/latest/node/%5c"}) {
            HttpResponse<String> r = plain(HttpRequest.newBuilder(URI.create(api().base() + path)).build());
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(r.body()).isEqualTo("{\"detail\":\"A backslash (\\\\ or %5C) is not allowed in a URL path\"}");
        }
        assertJson400(raw("GET " + basePath() + "/latest/node/a\\b HTTP/1.1\r\nHost: x\r\n\r\n"),
                "A backslash (\\\\ or %5C) is not allowed in a URL path");
    }

    @Test
    default void aPathClimbingAboveTheRootIsAJson400() {
        String above = "../".repeat(basePath().split("/", -1).length + 2) + "x";
        for (String path : new String[] {"/latest/" + above, "/latest/" + above.replace("..", "%2E%2E")}) {
            assertJson400(raw("GET " + basePath() + path + " HTTP/1.1\r\nHost: x\r\n\r\n"), "The URL path climbs above / with ..");
        }
        // With a body on its way, which the answer does not wait for.
        assertJson400(raw("POST " + basePath() + "/latest/" + above + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"kind\":"), "The URL path climbs above / with ..");
    }

    @Test
    default void aMalformedTokenLogsOneLineWithoutAStack() {
        Path logDir = Path.of(System.getProperty("it.log.dir"));
        String line = "Refused a bearer token: GET " + basePath() + "/latest/whoami";
        int linesBefore = ServerLog.count(logDir, line);
        int stacksBefore = ServerLog.count(logDir, "JWTProcessingException");
        for (int i = 0; i < 20; i++) {
            assertThat(api().as("abc" + i).get("/latest/whoami").status()).isEqualTo(401);
        }
        Poll.until("20 refusals logged", Duration.ofSeconds(30), () -> ServerLog.count(logDir, line) - linesBefore >= 20);
        assertThat(ServerLog.count(logDir, line) - linesBefore).isEqualTo(20);
        assertThat(ServerLog.count(logDir, "JWTProcessingException")).as("stack traces").isEqualTo(stacksBefore);
    }

    /** The context path the API is deployed at, without a trailing slash ("" at the root). */
    private String basePath() {
        String path = URI.create(api().base()).getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code exchange} is one JSON 400 whose detail is {@code detail}, and the connection was closed after it. */
    private static void assertJson400(String exchange, String detail) {
        Matcher status = STATUS_LINE.matcher(exchange);
        assertThat(status.find()).as(exchange).isTrue();
        assertThat(status.group(1)).as(exchange).isEqualTo("400");
        assertThat(status.find()).as("one answer: %s", exchange).isFalse();
        int end = exchange.indexOf("\r\n\r\n");
        assertThat(exchange.substring(0, end)).as(exchange).containsIgnoringCase("\r\nContent-Type: application/json")
                .containsIgnoringCase("\r\nConnection: close");
        assertThat(exchange.substring(end + 4)).isEqualTo("{\"detail\":\"" + detail + "\"}");
    }

    private HttpResponse<String> plain(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request's UTF-8 bytes as they are on one connection and returns the whole answer. */
    private String raw(String request) {
        URI base = URI.create(api().base());
        return RawHttp.exchange(base.getHost(), base.getPort(), request.getBytes(StandardCharsets.UTF_8));
    }
}
