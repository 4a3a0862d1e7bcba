package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.BadRequestException;
import io.github.resemblegate.client.ForbiddenException;
import io.github.resemblegate.client.InsufficientCreditException;
import io.github.resemblegate.client.MalformedResponseException;
import io.github.resemblegate.client.NotFoundException;
import io.github.resemblegate.client.RateLimitedException;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.client.ResembleException;
import io.github.resemblegate.client.ServerErrorException;
import io.github.resemblegate.client.TransportException;
import io.github.resemblegate.client.UnauthorizedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Builds the exception for each way a call can fail: one sentence on what happened, one on what
 * to do. Text that came from outside passes through the {@link Redactor} first.
 */
final class Failures {
  private final Redactor redactor;

  Failures(Redactor redactor) {
    this.redactor = redactor;
  }

  ResembleException forStatus(Exchange ex, int status, String serverMessage, String costDetails,
      int attempts) {
    String message = redactor.clean(serverMessage);
    String op = ex.operation();
    String answered = " with " + statusText(status);
    String tries = attempts > 1 ? ", still after " + attempts + " attempts" : "";
    return switch (status) {
      case 400 -> new BadRequestException(status, "The Resemble API refused " + op + " as invalid"
          + answered, message, message != null ? "Fix what the API named, then run again."
          : "Check the files and options sent, then run again.", null);
      case 401 -> new UnauthorizedException(status, "The Resemble API rejected the API token"
          + answered, message, "Check that the token is current: create one at " + ApiToken.TOKEN_PAGE + ".",
          null);
      case 402 -> new InsufficientCreditException("The Resemble wallet cannot pay for " + op
          + answered + ", so nothing was created", message, "Add credit to the Resemble account,"
          + " or submit fewer files at a time.", redactor.clean(costDetails));
      case 403 -> new ForbiddenException(status, "The Resemble API token is valid but its plan"
          + " does not allow " + op + answered, message, "Check the plan's Detect features and"
          + " limits in the Resemble dashboard, or ask Resemble support to enable them.", null);
      case 404 -> new NotFoundException(status, "The Resemble API found nothing for " + op
          + answered, message, ex.idempotent() && ex.url().query() == null ? "Check the id:"
          + " batches and detections are visible only to the team whose token created them."
          : checkBaseUrl(), null);
      case 429 -> new RateLimitedException(status, "The Resemble API rate-limited " + op + answered
          + tries, message, "Lower requestsPerSecond, or wait a minute and run again.", null);
      default -> {
        if (status >= 500) {
          yield ex.idempotent()
              ? new ServerErrorException(status, "The Resemble API failed on its side for " + op
                  + answered + tries, message, "Try again in a few minutes.", null)
              : new ServerErrorException(status, "The Resemble API failed on its side for " + op
                  + answered + "; the request was not repeated because it may have been"
                  + " processed anyway", message, checkDashboard(ex), null);
        }
        if (status >= 300 && status < 400) {
          yield new MalformedResponseException(status, "The Resemble API answered " + op
              + " with a redirect (" + statusText(status) + "), which the client does"
              + " not follow", message, checkBaseUrl(), null);
        }
        if (status >= 400) {
          yield new BadRequestException(status, "The Resemble API refused " + op + answered,
              message, "Check the files, options and base URL, then run again.", null);
        }
        yield new MalformedResponseException(status, "The Resemble API answered " + op
            + " with the unexpected status " + status, message, checkBaseUrl(), null);
      }
    };
  }

  TransportException forTransport(Exchange ex, IOException e, boolean mayHaveArrived,
      int attempts) {
    String cause = describe(e);
    String tries = attempts > 1 ? ", still after " + attempts + " attempts" : "";
    if (!mayHaveArrived) {
      return new TransportException("Could not reach the Resemble API at " + ex.url().host() + ":"
          + ex.url().port() + " for " + ex.operation() + " (" + cause + ")" + tries,
          "Check the network connection, the proxy settings and the base URL.", false, e);
    }
    if (ex.idempotent()) {
      return new TransportException("The connection to the Resemble API broke during "
          + ex.operation() + " (" + cause + ")" + tries,
          "Check the network connection and run again.", true, e);
    }
    return new TransportException("The connection to the Resemble API broke after "
        + ex.operation() + " was sent (" + cause + "), so it may have been processed; it was not"
        + " sent again", checkDashboard(ex), true, e);
  }

  TransportException forLocalFile(Exchange ex, LocalFileException e) {
    String cause = e.getCause() == null ? "" : " (" + describe(e.getCause()) + ")";
    return new TransportException("Uploading " + e.path() + " for " + ex.operation()
        + " stopped because " + e.getMessage() + cause + "; the cut-short request cannot have"
        + " been accepted", "Make sure nothing changes the file during the scan, then run again.",
        false, e.path(), e);
  }

  TransportException forProxyAuthentication(Exchange ex) {
    return new TransportException("The proxy refused to forward " + ex.operation()
        + " with 407 Proxy Authentication Required, so it never reached the Resemble API",
        "Check the proxy username and password.", false, null);
  }

  TransportException interrupted(Exchange ex, boolean mayHaveArrived) {
    return new TransportException("The thread running " + ex.operation()
        + " was interrupted while it waited", mayHaveArrived ? checkDashboard(ex)
        : "Run again when the build is not being cancelled.", mayHaveArrived, null);
  }

  MalformedResponseException malformed(Exchange ex, int status, String problem) {
    return malformed(ex, status, problem, 1);
  }

  MalformedResponseException malformed(Exchange ex, int status, String problem, int attempts) {
    if (ex.idempotent()) {
      String tries = attempts > 1 ? ", still after " + attempts + " attempts" : "";
      return new MalformedResponseException(status, "The Resemble API answered " + ex.operation()
          + " with " + status + " but " + redactor.clean(problem) + tries, null,
          "Run again; if it keeps happening, the API may have changed, so report it to the"
          + " Resemble Gate project.", null);
    }
    return new MalformedResponseException(status, "The Resemble API answered " + ex.operation()
        + " with " + status + " but " + redactor.clean(problem) + ", so the "
        + ex.creates() + " may have been created without the client learning its id", null,
        checkDashboard(ex), null);
  }

  private static String checkBaseUrl() {
    return "Check the base URL; it should look like " + ResembleClient.DEFAULT_BASE_URL + ".";
  }

  private static String checkDashboard(Exchange ex) {
    return "Look for a new " + ex.creates() + " in the Resemble dashboard before submitting again,"
        + " so nothing is billed twice.";
  }

  private String describe(Throwable e) {
    String kind;
    if (e instanceof ConnectException) {
      kind = "connection refused";
    } else if (e instanceof UnknownHostException) {
      kind = "unknown host";
    } else if (e instanceof NoRouteToHostException) {
      kind = "no route to host";
    } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      // OkHttp's own texts ("timeout", "Read timed out") add nothing but the phase.
      String text = String.valueOf(e.getMessage());
      return text.contains("connect") ? "timed out while connecting" : "timed out";
    } else if (e instanceof SSLException) {
      kind = "TLS failure";
    } else {
      kind = e.getClass().getSimpleName();
    }
    String detail = e.getMessage() == null ? null : ErrorBodies.tidy(redactor.clean(e.getMessage()));
    return detail == null || detail.isEmpty() ? kind : kind + ": " + detail;
  }

  static String statusText(int status) {
    String reason = reason(status);
    return reason.isEmpty() ? String.valueOf(status) : status + " " + reason;
  }

  static String reason(int status) {
    return switch (status) {
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 407 -> "Proxy Authentication Required";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
