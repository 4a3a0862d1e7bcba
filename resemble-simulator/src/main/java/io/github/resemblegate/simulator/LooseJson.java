package io.github.resemblegate.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The simulator's Jackson mapper, and numbers written in the API's loose types (strings or numbers). */
final class LooseJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private LooseJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Rounds to three decimals, the precision the API's examples show. */
  static double round3(double value) {
    return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * A score as the API writes it when it sends strings: Python's float text, so {@code -1.0} and
   * {@code 0.97}, never {@code -1} or {@code 0.970}.
   */
  static String decimalText(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    String text = rounded.toPlainString();
    return text.contains(".") ? text : text + ".0";
  }
}
