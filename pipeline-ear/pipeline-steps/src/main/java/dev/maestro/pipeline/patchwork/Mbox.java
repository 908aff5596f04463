package dev.maestro.pipeline.patchwork;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series' mbox ({@code git format-patch} output, or Patchwork's series mbox) split into its
 * patches, in order. A message starts at a {@code From_} line ({@code From <sender> <asctime>});
 * a message carrying no diff (a cover letter) is not a patch. The series' base is the
 * {@code base-commit:} line {@code git format-patch --base} writes, when there is one.
 */
public final class Mbox {
    private static final Pattern FROM_LINE = Pattern.compile(
            "^From \\S+ +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) .*\\d{4}\\r?$",
            Pattern.MULTILINE);
    private static final Pattern DIFF = Pattern.compile("^(diff --git |--- \\S)", Pattern.MULTILINE);
    private static final Pattern BASE = Pattern.compile("^base-commit: ([0-9a-f]{40})\\r?$", Pattern.MULTILINE);

    private final List<String> patches;
    private final Optional<String> baseCommit;

    private Mbox(List<String> patches, Optional<String> baseCommit) {
        this.patches = List.copyOf(patches);
        this.baseCommit = baseCommit;
    }

    public static Mbox parse(byte[] mbox) {
        String text = new String(mbox, StandardCharsets.UTF_8);
        List<Integer> starts = new ArrayList<>();
        Matcher from = FROM_LINE.matcher(text);
        while (from.find()) {
            starts.add(from.start());
        }
        if (starts.isEmpty() || starts.get(0) != 0) {
            starts.add(0, 0);
        }
        List<String> patches = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String message = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            if (DIFF.matcher(message).find()) {
                patches.add(message);
            }
        }
        Matcher base = BASE.matcher(text);
        return new Mbox(patches, base.find() ? Optional.of(base.group(1)) : Optional.empty());
    }

    /** Each patch as one mail, in the series' order. */
    public List<String> patches() {
        return patches;
    }

    public Optional<String> baseCommit() {
        return baseCommit;
    }
}
