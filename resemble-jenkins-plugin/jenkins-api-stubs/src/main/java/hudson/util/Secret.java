package hudson.util;

import java.io.Serializable;

/** Stub: a secret value (encrypted at rest in real Jenkins). */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public String getPlainText() {
    return value;
  }

  public static Secret fromString(String data) {
    return new Secret(data == null ? "" : data);
  }
}
