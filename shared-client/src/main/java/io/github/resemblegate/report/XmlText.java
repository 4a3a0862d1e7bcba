package io.github.resemblegate.report;

/**
 * Makes any string safe to put into an XML 1.0 document. {@link XmlOut} escapes markup
 * characters but writes characters that XML 1.0 forbids (control characters, lone surrogates,
 * U+FFFE/U+FFFF) unchanged, which makes the file unreadable for every parser; a file name can
 * contain them.
 */
final class XmlText {

  private XmlText() {}

  /** Replaces each character XML 1.0 cannot carry with a visible {@code \}{@code uXXXX} escape. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int width = 1;
      boolean ok;
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        ok = true;
        width = 2;
      } else {
        ok = c == '\t' || c == '\n' || c == '\r'
            || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      }
      if (!ok && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (ok) {
          out.append(s, i, i + width);
        } else {
          out.append(String.format("\\u%04X", (int) c));
        }
      }
      i += width - 1;
    }
    return out == null ? s : out.toString();
  }

  /** For attributes: also folds line breaks and tabs, which parsers would turn into spaces anyway. */
  static String attribute(String s) {
    return clean(s).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
  }
}
