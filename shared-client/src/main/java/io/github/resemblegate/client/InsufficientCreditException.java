package io.github.resemblegate.client;

/**
 * HTTP 402: the wallet cannot cover the batch; nothing was created. {@link #costDetails()} is the
 * API's per-file cost breakdown as compact JSON (its shape is undocumented), or null.
 */
public final class InsufficientCreditException extends ResembleException {
  private static final long serialVersionUID = 1L;

  private final String costDetails;

  public InsufficientCreditException(String what, String serverMessage, String advice,
      String costDetails) {
    super(402, what, serverMessage, advice, null);
    this.costDetails = costDetails;
  }

  public String costDetails() {
    return costDetails;
  }
}
