package dev.mirror.cli.web;

/**
 * HTML escaping for text and attribute values. Table names, messages and context identifiers come from sources and
 * targets that may be hostile, so every one of them goes through {@link #escape} before it reaches a page.
 */
public final class Html {
    private Html() {
    }

    /** The text with {@code & < > " '} escaped; null becomes the empty string. Safe in text and quoted attributes. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c); // control characters are not HTML
            }
        }
        return b.toString();
    }
}
