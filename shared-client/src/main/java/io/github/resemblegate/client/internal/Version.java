package io.github.resemblegate.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool version, from a resource Maven filters at build time. */
public final class Version {
  static final String UNKNOWN = "unknown";
  private static final String VALUE = load();

  private Version() {}

  public static String get() {
    return VALUE;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").strip();
      // An unfiltered placeholder means the resource was not processed by Maven (an IDE build).
      return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
    } catch (IOException e) {
      return UNKNOWN;
    }
  }
}
