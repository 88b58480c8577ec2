package org.milab.platform.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * HTML text helpers: escaping of every piece of run data that goes into a page (names, parameters and YAML come
 * from users and are never trusted), number formatting, and figures as {@code data:} URIs so a page is one file.
 */
public final class Html {

    private Html() {
    }

    /** {@code text} escaped for an element's content or a quoted attribute value. */
    public static String esc(Object text) {
        String s = String.valueOf(text);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            appendEscaped(out, s.charAt(i));
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }

    /** A number with 4 significant decimals, or an empty string for NaN. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** The file as a {@code data:} URI (PNG, SVG, JPEG or GIF by extension). */
    public static String dataUri(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".jpg") || name.endsWith(".jpeg")
                ? "image/jpeg" : name.endsWith(".gif") ? "image/gif" : "image/png";
        try {
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read figure " + file, e);
        }
    }

    /** A query-string component, percent-encoded. */
    public static String url(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
