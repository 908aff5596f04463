package dev.maestro.pipeline.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KernelCI's patchset hash: only the changed lines count, each with its line end, joined with newlines. */
class PatchHashTest {

    @Test
    void onlyModeAndChangedLinesCount() throws Exception {
        String patch = "Subject: one\n\nmessage\n---\ndiff --git a/f b/f\nold mode 100644\nnew mode 100755\n--- a/f\n+++ b/f\n"
                + "@@ -1,2 +1,2 @@\n ctx\n-b\n+B\n";
        String counted = "---\n" + "\n" + "old mode 100644\n" + "\n" + "new mode 100755\n" + "\n" + "--- a/f\n" + "\n"
                + "+++ b/f\n" + "\n" + "-b\n" + "\n" + "+B\n";
        assertThat(PatchHash.of(patch.getBytes(StandardCharsets.UTF_8))).isEqualTo(sha256(counted));
    }

    @Test
    void commitMessagesAndHunkPositionsDoNotChangeTheHash() {
        String a = "Subject: first wording\n---\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n-b\n+B\n";
        String b = "Subject: second wording\n---\n--- a/f\n+++ b/f\n@@ -7 +7 @@\n-b\n+B\n";
        assertThat(PatchHash.of(a.getBytes(StandardCharsets.UTF_8))).isEqualTo(PatchHash.of(b.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSeriesHashCoversThePatchHashesInOrder() throws Exception {
        assertThat(PatchHash.ofSeries(List.of("aa", "bb"))).isEqualTo(sha256("aabb")).isNotEqualTo(PatchHash.ofSeries(List.of("bb", "aa")));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
