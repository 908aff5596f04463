package dev.maestro.pipeline.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One patch per refusal rule, each crafted to break exactly that rule, and the shapes that must pass. */
class PatchValidatorTest {
    private static final String MAIL = """
            From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001
            From: Alice <alice@example.org>
            Subject: [PATCH] hello: shout

            %s
            ---
             hello.c | 2 +-
             1 file changed, 1 insertion(+), 1 deletion(-)

            """;
    private static final String HELLO_DIFF = """
            diff --git a/hello.c b/hello.c
            index 1111111..2222222 100644
            --- a/hello.c
            +++ b/hello.c
            @@ -1,3 +1,3 @@
             a
            -b
            +B
             c
            """;
    private static final String SIGNATURE = "-- \n2.39.5\n";

    private static byte[] patch(String diff) {
        return patchWithMessage("Make it louder.", diff);
    }

    private static byte[] patchWithMessage(String message, String diff) {
        return (MAIL.formatted(message) + diff + SIGNATURE).getBytes(StandardCharsets.UTF_8);
    }

    private static PatchRule refusal(byte[] patch) {
        try {
            PatchValidator.validate("patch0", patch);
        } catch (PatchRefusedException e) {
            assertThat(e.patch()).isEqualTo("patch0");
            assertThat(e.getMessage()).startsWith("patch0 ").contains(e.rule().description());
            return e.rule();
        }
        throw new AssertionError("the patch was accepted");
    }

    @Test
    void aFormatPatchMailPassesAndNamesTheFileItChanges() throws Exception {
        assertThat(PatchValidator.validate("patch0", patch(HELLO_DIFF)).targets()).containsExactly("hello.c");
    }

    @Test
    void crlfLineEndsPass() throws Exception {
        byte[] crlf = new String(patch(HELLO_DIFF), StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(PatchValidator.validate("patch0", crlf).targets()).containsExactly("hello.c");
    }

    @Test
    void hunkLinesThatLookLikeHeadersAreContentNotHeaders() throws Exception {
        String diff = """
                diff --git a/notes.txt b/notes.txt
                index 1111111..2222222 100644
                --- a/notes.txt
                +++ b/notes.txt
                @@ -1,2 +1,3 @@
                 keep
                --- /etc/passwd
                ++++ /etc/shadow
                +diff --git a/.git/config b/.git/config
                +new mode 120000
                """;
        assertThat(PatchValidator.validate("patch0", patch(diff)).targets()).containsExactly("notes.txt");
    }

    @Test
    void tooLarge() {
        assertThat(refusal(patchWithMessage("x".repeat(PatchValidator.MAX_BYTES), HELLO_DIFF))).isEqualTo(PatchRule.TOO_LARGE);
    }

    @Test
    void nulByte() {
        assertThat(refusal(patchWithMessage("a NUL \0 here", HELLO_DIFF))).isEqualTo(PatchRule.NUL_BYTE);
    }

    @Test
    void gitBinaryPatch() {
        assertThat(refusal(patch("""
                diff --git a/logo.bin b/logo.bin
                new file mode 100644
                index 0000000..3333333
                GIT binary patch
                literal 4
                LcmZ?wbN~PV00RI3

                literal 0
                HcmV?d00001

                """))).isEqualTo(PatchRule.BINARY);
    }

    @Test
    void binaryFilesDiffer() {
        assertThat(refusal(patch("""
                diff --git a/logo.bin b/logo.bin
                index 3333333..4444444 100644
                Binary files a/logo.bin and b/logo.bin differ
                """))).isEqualTo(PatchRule.BINARY);
    }

    @Test
    void symbolicLinkMode() {
        assertThat(refusal(patch("""
                diff --git a/link b/link
                new file mode 120000
                index 0000000..4444444
                --- /dev/null
                +++ b/link
                @@ -0,0 +1 @@
                +hello.c
                \\ No newline at end of file
                """))).isEqualTo(PatchRule.SYMLINK_MODE);
    }

    @Test
    void submoduleMode() {
        assertThat(refusal(patch("""
                diff --git a/sub b/sub
                new file mode 160000
                index 0000000..5555555
                --- /dev/null
                +++ b/sub
                @@ -0,0 +1 @@
                +Subproject commit 5555555555555555555555555555555555555555
                """))).isEqualTo(PatchRule.SUBMODULE_MODE);
    }

    @Test
    void quotedPath() {
        assertThat(refusal(patch("""
                diff --git "a/h\\303\\251llo.c" "b/h\\303\\251llo.c"
                index 1111111..2222222 100644
                --- "a/h\\303\\251llo.c"
                +++ "b/h\\303\\251llo.c"
                @@ -1 +1 @@
                -b
                +B
                """))).isEqualTo(PatchRule.QUOTED_PATH);
    }

    @Test
    void absolutePath() {
        assertThat(refusal(patch("""
                --- /etc/passwd
                +++ /etc/passwd
                @@ -1 +1 @@
                -root:x:0:0
                +root::0:0
                """))).isEqualTo(PatchRule.ABSOLUTE_PATH);
    }

    @Test
    void parentPath() {
        assertThat(refusal(patch("""
                --- a/../outside.c
                +++ b/../outside.c
                @@ -1 +1 @@
                -b
                +B
                """))).isEqualTo(PatchRule.PARENT_PATH);
    }

    @Test
    void gitDirectory() {
        assertThat(refusal(patch("""
                diff --git a/.git/config b/.git/config
                index 1111111..2222222 100644
                --- a/.git/config
                +++ b/.git/config
                @@ -1 +1 @@
                -[core]
                +[core] hooksPath = /tmp
                """))).isEqualTo(PatchRule.GIT_DIRECTORY);
    }

    @Test
    void unreadableGitHeader() {
        assertThat(refusal(patch("""
                diff --git a/hello world.c b/hello world.c
                index 1111111..2222222 100644
                --- a/hello world.c
                +++ b/hello world.c
                @@ -1 +1 @@
                -b
                +B
                """))).isEqualTo(PatchRule.UNREADABLE_HEADER);
    }

    @Test
    void renameOutOfTheTree() {
        assertThat(refusal(patch("""
                diff --git a/hello.c b/hello.c
                similarity index 100%
                rename from hello.c
                rename to ../hello.c
                """))).isEqualTo(PatchRule.RENAME_OUT_OF_TREE);
    }

    @Test
    void copyOutOfTheTree() {
        assertThat(refusal(patch("""
                diff --git a/hello.c b/hello.c
                similarity index 100%
                copy from hello.c
                copy to /tmp/hello.c
                """))).isEqualTo(PatchRule.RENAME_OUT_OF_TREE);
    }

    @Test
    void noDiffAtAll() {
        assertThat(refusal(patchWithMessage("Only words, no diff.", ""))).isEqualTo(PatchRule.NO_DIFF);
    }

    @Test
    void aSymbolicLinkInTheTreeLeadingOutIsRefusedOnceResolved(@TempDir Path dir) throws IOException, PatchRefusedException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(tree.resolve("drivers"), outside);
        CheckedPatch patch = PatchValidator.validate("patch1", patch(HELLO_DIFF.replace("hello.c", "drivers/hello.c")));

        assertThatThrownBy(() -> PatchValidator.checkTargetsIn(tree, patch))
                .isInstanceOfSatisfying(PatchRefusedException.class, e -> assertThat(e.rule()).isEqualTo(PatchRule.ESCAPING_SYMLINK))
                .hasMessageContaining("patch1").hasMessageContaining("drivers/hello.c");
    }

    @Test
    void aSymbolicLinkInsideTheTreeIsFollowed(@TempDir Path dir) throws IOException, PatchRefusedException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(tree.resolve("real"));
        Files.createSymbolicLink(tree.resolve("alias"), Path.of("real"));
        CheckedPatch patch = PatchValidator.validate("patch0", patch(HELLO_DIFF.replace("hello.c", "alias/hello.c")));

        PatchValidator.checkTargetsIn(tree, patch);
    }
}
