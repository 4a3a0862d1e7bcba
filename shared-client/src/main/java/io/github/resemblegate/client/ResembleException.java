package io.github.resemblegate.client;

/**
 * A failed call to the Detect API, one subclass per failure class. {@link #getMessage()} is one
 * sentence on what happened followed by one on what to do; it never contains the token.
 */
public abstract sealed class ResembleException extends RuntimeException
    permits BadRequestException, UnauthorizedException, ForbiddenException,
        InsufficientCreditException, NotFoundException, RateLimitedException,
        ServerErrorException, TransportException, MalformedResponseException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String serverMessage;
  private final String advice;

  protected ResembleException(int httpStatus, String what, String serverMessage, String advice,
      Throwable cause) {
    super(compose(what, serverMessage, advice), cause);
    this.httpStatus = httpStatus;
    this.serverMessage = serverMessage;
    this.advice = advice;
  }

  private static String compose(String what, String serverMessage, String advice) {
    StringBuilder sb = new StringBuilder(what);
    if (serverMessage != null && !serverMessage.isBlank()) {
      sb.append(" (the API said: ").append(serverMessage.strip()).append(')');
    }
    if (sb.charAt(sb.length() - 1) != '.') {
      sb.append('.');
    }
    if (advice != null && !advice.isBlank()) {
      sb.append(' ').append(advice);
    }
    return sb.toString();
  }

  /** The HTTP status, or 0 when no response arrived (transport failure, local refusal). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The server's own explanation ({@code message}, else {@code error}, else flattened {@code errors}), or null. */
  public String serverMessage() {
    return serverMessage;
  }

  /** What the user should do about it. */
  public String advice() {
    return advice;
  }

  /** True when repeating the same request later may succeed (429, 5xx, transport). */
  public boolean transientFailure() {
    return false;
  }
}
