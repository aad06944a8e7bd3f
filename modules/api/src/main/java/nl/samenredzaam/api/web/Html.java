package nl.samenredzaam.api.web;

import java.util.Objects;

/**
 * A piece of HTML that is safe to put into a page as it is: produced by an escaping template or by
 * {@link #escape(String)}. Never wrap user input in {@code Html} without escaping it.
 */
public record Html(String value) {

    public Html {
        Objects.requireNonNull(value, "value");
    }

    /** Escapes text for use in HTML element content and quoted attribute values. */
    public static Html escape(String text) {
        if (text == null) {
            return new Html("");
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return new Html(sb.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
