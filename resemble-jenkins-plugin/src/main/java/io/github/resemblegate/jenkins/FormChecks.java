package io.github.resemblegate.jenkins;

import hudson.util.FormValidation;
import io.github.resemblegate.report.ReportFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** The checks behind the form's fields; each answers in one sentence. */
final class FormChecks {

  private FormChecks() {}

  static FormValidation includes(String value) {
    List<String> patterns = Text.list(value);
    if (patterns.isEmpty()) {
      return FormValidation.error("Give at least one pattern, such as media/**/*.wav.");
    }
    return patterns(patterns);
  }

  static FormValidation excludes(String value) {
    return patterns(Text.list(value));
  }

  private static FormValidation patterns(List<String> patterns) {
    for (String p : patterns) {
      if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
        return FormValidation.error("'" + p + "' is absolute; patterns are relative to the "
            + "workspace.");
      }
      if (p.equals("..") || p.startsWith("../") || p.contains("/../")) {
        return FormValidation.error("'" + p + "' leaves the workspace; only files inside it are "
            + "checked.");
      }
    }
    return FormValidation.ok();
  }

  /** A number from 0 to 1; blank is fine unless {@code required}. */
  static FormValidation probability(String value, boolean required) {
    if (Text.isBlank(value)) {
      return required ? FormValidation.error("Give a number from 0 to 1, such as 0.5.")
          : FormValidation.ok();
    }
    Double d = parseDouble(value);
    if (d == null || d < 0 || d > 1) {
      return FormValidation.error("Give a number from 0 to 1 (a deepfake probability), not '"
          + value.strip() + "'.");
    }
    return FormValidation.ok();
  }

  static FormValidation warnThreshold(String value, String threshold) {
    FormValidation basic = probability(value, false);
    if (basic.kind != FormValidation.Kind.OK || Text.isBlank(value)) {
      return basic;
    }
    Double warn = parseDouble(value);
    Double flag = parseDouble(threshold);
    if (flag != null && warn >= flag) {
      return FormValidation.warning("The warn threshold is not below the threshold, so no file "
          + "will be warned about.");
    }
    return FormValidation.ok();
  }

  static FormValidation httpUrl(String value, String what) {
    if (Text.isBlank(value)) {
      return FormValidation.ok();
    }
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        return FormValidation.error(what + " must be an http(s) URL such as "
            + "https://app.resemble.ai/api/v2.");
      }
      if (uri.getUserInfo() != null) {
        return FormValidation.error(what + " must not contain a user name or password; use a "
            + "credential.");
      }
      if (scheme.equals("http") && !isLoopback(uri.getHost())) {
        return FormValidation.warning(what + " is plain http; the token would cross the network "
            + "unencrypted.");
      }
      return FormValidation.ok();
    } catch (URISyntaxException e) {
      return FormValidation.error(what + " is not a valid URL: " + e.getReason() + ".");
    }
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  static FormValidation positiveInteger(String value, String what) {
    Integer i = parseInt(value);
    if (i == null || i < 1) {
      return FormValidation.error(what + " must be a whole number of at least 1.");
    }
    return FormValidation.ok();
  }

  static FormValidation maxFiles(String value) {
    Integer i = parseInt(value);
    if (i == null || i < 0) {
      return FormValidation.error("Give a whole number of files, or 0 for no limit.");
    }
    return i == 0 ? FormValidation.warning("No limit: every matched file may be uploaded and "
        + "billed.") : FormValidation.ok();
  }

  static FormValidation frameLength(String value) {
    if (Text.isBlank(value)) {
      return FormValidation.ok();
    }
    Integer i = parseInt(value);
    if (i == null || i < 1 || i > 4) {
      return FormValidation.error("The frame length must be 1, 2, 3 or 4 seconds.");
    }
    return FormValidation.ok();
  }

  static FormValidation seconds(String value, String what) {
    if (Text.isBlank(value)) {
      return FormValidation.ok();
    }
    Double d = parseDouble(value);
    if (d == null || d < 0) {
      return FormValidation.error(what + " must be a number of seconds, 0 or more.");
    }
    return FormValidation.ok();
  }

  static FormValidation endRegion(String value, String startRegion) {
    FormValidation basic = seconds(value, "The end of the region");
    if (basic.kind != FormValidation.Kind.OK || Text.isBlank(value)) {
      return basic;
    }
    Double start = parseDouble(startRegion);
    if (start != null && parseDouble(value) <= start) {
      return FormValidation.error("The end of the region must be after its start.");
    }
    return FormValidation.ok();
  }

  static FormValidation formats(String value) {
    try {
      ReportFormat.parse(value);
      return FormValidation.ok();
    } catch (IllegalArgumentException e) {
      return FormValidation.error(e.getMessage());
    }
  }

  /** A relative path that stays inside the workspace; blank is fine. */
  static FormValidation workspacePath(String value, String what) {
    if (Text.isBlank(value)) {
      return FormValidation.ok();
    }
    String v = value.strip().replace('\\', '/');
    if (v.startsWith("/") || v.matches("^[A-Za-z]:.*")) {
      return FormValidation.error(what + " is relative to the workspace; give a relative path.");
    }
    int depth = 0;
    for (String part : v.split("/")) {
      if (part.equals("..")) {
        depth--;
      } else if (!part.isEmpty() && !part.equals(".")) {
        depth++;
      }
      if (depth < 0) {
        return FormValidation.error(what + " must stay inside the workspace.");
      }
    }
    return depth == 0 ? FormValidation.error(what + " must name a path inside the workspace.")
        : FormValidation.ok();
  }

  private static Double parseDouble(String s) {
    try {
      return s == null ? null : Double.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer parseInt(String s) {
    try {
      return s == null ? null : Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
