package dev.maestro.pipeline.patch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * KernelCI's patchset hash, so that the same series gets the same
 * {@code kernel_revision.patchset} here and there. A patch's hash covers only what it changes:
 * its lines (each with its own line end) that start with {@code old mode}, {@code new mode},
 * {@code -} or {@code +}, joined with a newline; commit messages, hunk positions and context do
 * not count. The series' hash is the SHA-256 of its patches' hex hashes, in order.
 */
public final class PatchHash {
    private static final List<String> COUNTED_PREFIXES = List.of("old mode", "new mode", "-", "+");

    private PatchHash() {
    }

    /** The hex SHA-256 of one patch's counted lines. */
    public static String of(byte[] patch) {
        ByteArrayOutputStream counted = new ByteArrayOutputStream();
        boolean first = true;
        int start = 0;
        while (start < patch.length) {
            int end = start;
            while (end < patch.length && patch[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, patch.length);
            if (startsWithCountedPrefix(patch, start)) {
                if (!first) {
                    counted.write('\n');
                }
                counted.write(patch, start, next - start);
                first = false;
            }
            start = next;
        }
        return sha256(counted.toByteArray());
    }

    /** The hex SHA-256 of the patches' hex hashes, concatenated in series order. */
    public static String ofSeries(List<String> patchHashes) {
        return sha256(String.join("", patchHashes).getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWithCountedPrefix(byte[] patch, int start) {
        for (String prefix : COUNTED_PREFIXES) {
            byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
            if (start + p.length <= patch.length && Arrays.equals(patch, start, start + p.length, p, 0, p.length)) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
