package dev.maestro.pipeline.results;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.maestro.pipeline.config.ReportConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders a summary ({@link SummaryCounter}) with the Mustache templates beside this class: the
 * report mail (subject from the configuration, a text body and an HTML body) and the summary
 * page. HTML is escaped by Mustache; the subject and the text body are rendered unescaped.
 */
public final class ReportRenderer {
    private final DefaultMustacheFactory html = new DefaultMustacheFactory();
    private final DefaultMustacheFactory text = new PlainTextFactory();
    private final Mustache textBody = load(text, "report.txt.mustache");
    private final Mustache htmlBody = load(html, "report.html.mustache");
    private final Mustache page = load(html, "summary.html.mustache");

    public ReportMail mail(ReportConfig report, Map<String, Object> summary) {
        Mustache subject = text.compile(new StringReader(report.subject()), "subject:" + report.subject());
        return new ReportMail(render(subject, summary).replaceAll("\\s+", " ").trim(), render(textBody, summary),
                render(htmlBody, summary));
    }

    /** The summary as a page of its own. */
    public String page(Map<String, Object> summary) {
        return render(page, summary);
    }

    private static String render(Mustache template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    private static Mustache load(DefaultMustacheFactory factory, String name) {
        try (InputStream in = ReportRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The template " + name + " is missing from the pipeline's classes");
            }
            return factory.compile(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the template " + name, e);
        }
    }

    /** Text goes out as it is: no HTML entities in a subject or a plain-text body. */
    private static final class PlainTextFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("Cannot write the rendered text", e);
            }
        }
    }
}
