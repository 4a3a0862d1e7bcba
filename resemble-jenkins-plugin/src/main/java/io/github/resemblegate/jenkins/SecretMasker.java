package io.github.resemblegate.jenkins;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces the API token (and the proxy password) in any text the step prints, should some
 * message ever carry them.
 */
final class SecretMasker {

  static final String MASK = "****";

  private final List<String> secrets;

  SecretMasker(String... secrets) {
    this.secrets = secrets == null ? List.of() : Arrays.stream(secrets).filter(s -> s != null && !s.isBlank())
        // Longest first, so a secret that contains another is masked whole.
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
