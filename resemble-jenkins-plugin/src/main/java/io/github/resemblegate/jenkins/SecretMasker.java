package io.github.resemblegate.jenkins;

/** Replaces the API token in any text the step prints, should some message ever carry it. */
final class SecretMasker {

  static final String MASK = "****";

  private final String secret;

  SecretMasker(String secret) {
    this.secret = secret == null || secret.isBlank() ? null : secret;
  }

  String mask(String text) {
    if (text == null || secret == null) {
      return text;
    }
    return text.replace(secret, MASK);
  }
}
