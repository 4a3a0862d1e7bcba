package io.github.resemblegate.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Escaping for the HTML report. Every string from a file name or the API passes through here. */
final class Html {

  private Html() {}

  /**
   * Escapes for element text and for quoted attribute values alike: all five markup characters,
   * and characters HTML cannot carry (controls, lone surrogates) become visible escapes.
   */
  static String escape(String s) {
    String clean = XmlText.clean(s);
    StringBuilder out = null;
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      String replacement = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (replacement != null && out == null) {
        out = new StringBuilder(clean.length() + 32).append(clean, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? clean : out.toString();
  }

  /** True only for absolute http(s) URLs with a host: nothing else may become a link. */
  static boolean isWebUrl(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      return scheme != null && uri.getHost() != null
          && (scheme.toLowerCase(Locale.ROOT).equals("https")
              || scheme.toLowerCase(Locale.ROOT).equals("http"));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
