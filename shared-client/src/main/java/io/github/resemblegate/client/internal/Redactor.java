package io.github.resemblegate.client.internal;

import java.util.List;
import java.util.Objects;

/**
 * Masks the client's secrets (API token, proxy password) in text that came from outside, such as
 * a server message that echoes what it was sent, before the text reaches an exception message.
 */
final class Redactor {
  static final String MASK = "****";
  private final List<String> secrets;

  Redactor(List<String> secrets) {
    // Very short secrets would mask ordinary words; the token is long, a tiny password is rare.
    this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= 4).toList();
  }

  String clean(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }
}
