package dev.maestro.pipeline.results;

/** One checkout's report as it is mailed: a subject and the same content as text and as HTML. */
public record ReportMail(String subject, String text, String html) {
}
