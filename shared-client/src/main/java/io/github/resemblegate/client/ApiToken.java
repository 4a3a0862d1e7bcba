package io.github.resemblegate.client;

import java.util.Objects;

/**
 * The Resemble API key. Its {@code toString()} never shows the value, so it is safe in logs,
 * exception messages and records that print their fields.
 */
public final class ApiToken {
  /** Where a user creates or copies a token. */
  public static final String TOKEN_PAGE = "https://app.resemble.ai/hub/api";

  private final String secret;
  private final String source;

  private ApiToken(String secret, String source) {
    this.secret = secret;
    this.source = source;
  }

  /** Wraps a token; blank input yields {@code null} so callers can fall through to the next source. */
  public static ApiToken ofNullable(String secret) {
    return secret == null || secret.isBlank() ? null : new ApiToken(secret.strip(), null);
  }

  public static ApiToken of(String secret) {
    ApiToken token = ofNullable(secret);
    if (token == null) {
      throw new IllegalArgumentException("The Resemble API token is empty.");
    }
    return token;
  }

  /**
   * Why this token cannot be sent, or null when it can: a space or a character an HTTP header
   * cannot carry. Checked before anything is paid for; the sentence never shows the token.
   */
  public String problem() {
    if (!secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return "The Resemble API token contains a space or a character that cannot be sent in an"
          + " HTTP header; copy it again from " + TOKEN_PAGE + ".";
    }
    return null;
  }

  /**
   * The same token, remembering where the front end found it (for example "the
   * RESEMBLE_API_KEY environment variable"), so that a refusal can name the place to fix.
   */
  public ApiToken from(String where) {
    return new ApiToken(secret, where);
  }

  /** Where the front end found the token, or null when it did not say. */
  public String source() {
    return source;
  }

  /** The raw value; only the HTTP layer should call this, when it writes the Authorization header. */
  public String secret() {
    return secret;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiToken other && secret.equals(other.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secret);
  }

  @Override
  public String toString() {
    return "ApiToken[****]";
  }
}
