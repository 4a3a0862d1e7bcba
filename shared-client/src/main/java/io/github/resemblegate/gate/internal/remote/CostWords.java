package io.github.resemblegate.gate.internal.remote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A 402 answer's cost details said in words: the projected cost, the wallet's balance and how
 * many files the request carried. The docs name only "the projected cost" and "per-file
 * estimates", so the field names read here ({@code projected_cost}, {@code wallet_balance}) are a
 * reading of those words; details of another shape are not shown to people at all. The client
 * cuts long details short, so they are read as a stream, as far as they go.
 */
final class CostWords {

  private static final JsonFactory JSON = new JsonFactory();

  private CostWords() {}

  /** " Projected cost 120, wallet balance 60, for 50 files." or null when neither is there. */
  static String of(String detailsJson, int files) {
    if (detailsJson == null || detailsJson.isBlank()) {
      return null;
    }
    String projected = null;
    String balance = null;
    try (JsonParser p = JSON.createParser(detailsJson)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          p.skipChildren();
        } else if ("projected_cost".equals(name)) {
          projected = amount(p.getText());
        } else if ("wallet_balance".equals(name)) {
          balance = amount(p.getText());
        }
      }
    } catch (IOException e) {
      // cut short: what was read before the cut still counts
    }
    if (projected == null && balance == null) {
      return null;
    }
    StringBuilder words = new StringBuilder(" ");
    words.append(projected != null ? "Projected cost " + projected : "Wallet balance " + balance);
    if (projected != null && balance != null) {
      words.append(", wallet balance ").append(balance);
    }
    if (files > 0) {
      words.append(", for ").append(files).append(files == 1 ? " file" : " files");
    }
    return words.append('.').toString();
  }

  /** A number written plainly (120, not 120.0); null when it is not a number. */
  private static String amount(String text) {
    try {
      return new BigDecimal(text.strip()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
