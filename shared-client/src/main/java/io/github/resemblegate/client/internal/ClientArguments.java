package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.ApiToken;
import java.time.Duration;

/** The checks of ResembleClient's settings and arguments, each failing with one sentence. */
final class ClientArguments {

  private ClientArguments() {}

  /** The token's secret, once it is known to be set and sendable. */
  static String secret(ApiToken token) {
    if (token == null) {
      throw new IllegalArgumentException("No Resemble API token was configured; create one at "
          + ApiToken.TOKEN_PAGE + " and pass it to the client.");
    }
    String secret = token.secret();
    if (token.problem() != null) {
      throw new IllegalArgumentException(token.problem());
    }
    return secret;
  }

  static void requireRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries + ".");
    }
  }

  static void requirePositive(String name, Duration value, boolean strictly) {
    if (value == null || value.isNegative() || (strictly && value.isZero())) {
      throw new IllegalArgumentException(name + " must be a positive duration, not " + value + ".");
    }
  }

  /** The stripped id of a batch or detection the API returned. */
  static String id(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + what + " id is empty; pass the uuid the API returned.");
    }
    return value.strip();
  }

  static void requirePage(int page, int pageSize) {
    if (page < 1) {
      throw new IllegalArgumentException("The page number must be 1 or more, not " + page + ".");
    }
    if (pageSize < 10 || pageSize > 1000) {
      throw new IllegalArgumentException(
          "The page size must be between 10 and 1000, not " + pageSize + ".");
    }
  }
}
