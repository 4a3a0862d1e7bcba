package hudson;

import java.util.Map;
import java.util.TreeMap;

/** Stub: build environment variables. */
public class EnvVars extends TreeMap<String, String> {
  private static final long serialVersionUID = 1L;

  public EnvVars() {
    super(String.CASE_INSENSITIVE_ORDER);
  }

  public EnvVars(Map<String, String> m) {
    this();
    putAll(m);
  }

  public EnvVars(String... keyValuePairs) {
    this();
    for (int i = 0; i + 1 < keyValuePairs.length; i += 2) {
      put(keyValuePairs[i], keyValuePairs[i + 1]);
    }
  }
}
