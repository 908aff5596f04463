package dev.maestro.pipeline.web.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.storage.StoragePath;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryIndexTest {

    @Test
    void theRootListsItsEntriesWithRelativeLinksAndNoParent() {
        String html = DirectoryIndex.render("/pipeline/storage/", StoragePath.of(""),
                List.of("kbuild-tiny-1/", "linux.tar.gz"));
        assertThat(html)
                .contains("<title>Index of /pipeline/storage/</title>")
                .contains("<a href=\"kbuild-tiny-1/\">kbuild-tiny-1/</a>")
                .contains("<a href=\"linux.tar.gz\">linux.tar.gz</a>")
                .doesNotContain("../");
    }

    @Test
    void aSubdirectoryLinksToItsParent() {
        String html = DirectoryIndex.render("/pipeline/storage/", StoragePath.of("a/b"), List.of("log.txt"));
        assertThat(html)
                .contains("<h1>Index of /pipeline/storage/a/b/</h1>")
                .contains("<a href=\"../\">../</a>")
                .contains("<a href=\"log.txt\">log.txt</a>");
    }

    @Test
    void namesArePercentEncodedInLinksAndEscapedInText() {
        String html = DirectoryIndex.render("/pipeline/storage/", StoragePath.of(""),
                List.of("a b#<x>.log", "it's&\"q\"/"));
        assertThat(html)
                .contains("<a href=\"a%20b%23%3Cx%3E.log\">a b#&lt;x&gt;.log</a>")
                .contains("<a href=\"it&#39;s&amp;%22q%22/\">it&#39;s&amp;&quot;q&quot;/</a>")
                .doesNotContain("<x>");
    }

    @Test
    void namesNoRequestCouldReachAreLeftOut() {
        String html = DirectoryIndex.render("/pipeline/storage/", StoragePath.of(""), List.of("back\\slash", "ok"));
        assertThat(html).doesNotContain("slash").contains("<a href=\"ok\">ok</a>");
    }
}
