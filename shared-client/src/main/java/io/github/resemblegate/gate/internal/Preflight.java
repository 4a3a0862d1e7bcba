package io.github.resemblegate.gate.internal;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.ForbiddenException;
import io.github.resemblegate.client.NotFoundException;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.client.ResembleException;
import io.github.resemblegate.client.TransportException;
import io.github.resemblegate.client.UnauthorizedException;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.Verdict;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The free check before the first byte is paid for: one authenticated read proves the token and
 * the URL. The read is the first page of the detections list at page size 10 — the issue asked
 * for a page size of 1, but the API's documentation gives 10 to 1000 and the simulator refuses
 * what the documentation does not allow, so 10 is the cheapest size sure to be accepted.
 */
final class Preflight {

  /** The run cannot reach the API or may not use it: nothing was uploaded. */
  static final class Refused extends GateException {
    private static final long serialVersionUID = 1L;

    Refused(String sentence, Throwable cause) {
      super(sentence, cause);
    }

    /**
     * The run's verdict, with this sentence: as for any file the API could not judge, onError
     * decides whether it fails the build, warns, or lets it pass.
     */
    Decision decision(Reaction onError) {
      return switch (onError) {
        case FAIL -> new Decision(Verdict.FAILED, FailureKind.ERRORS, getMessage());
        case WARN -> new Decision(Verdict.UNSTABLE, FailureKind.ERRORS, getMessage());
        case IGNORE -> new Decision(Verdict.PASSED, FailureKind.NONE, getMessage());
      };
    }
  }

  private final Supplier<ResembleClient> client;
  private final GateConfig.Api api;
  private final Consumer<String> warn;
  private boolean done;
  private Refused refused;

  Preflight(Supplier<ResembleClient> client, GateConfig.Api api, Consumer<String> warn) {
    this.client = client;
    this.api = api;
    this.warn = warn;
  }

  /**
   * Makes the check once, the first time something is about to be sent or resumed, and holds
   * every other caller until it is made; a refusal is thrown again to each.
   */
  synchronized void ensure() {
    if (!done) {
      done = true;
      try (ResembleClient once = client.get()) {
        check(once);
      } catch (Refused e) {
        refused = e;
      }
    }
    if (refused != null) {
      throw refused;
    }
  }

  /**
   * Returns when the API answered the read; throws {@link Refused} with one sentence when the
   * token, its plan or the URL is wrong, or the API cannot be reached. Other failures (the API
   * busy, failing on its side, or answering something unreadable) are not the user's to fix:
   * the run goes on and the uploads meet them with their own sentences.
   */
  private void check(ResembleClient once) {
    try {
      once.checkAccess();
    } catch (UnauthorizedException e) {
      throw new Refused("The Resemble API rejected " + token(api.token()) + " with 401"
          + " Unauthorized, so nothing was uploaded; use a current token from "
          + ApiToken.TOKEN_PAGE + ".", e);
    } catch (ForbiddenException e) {
      throw new Refused("The Resemble API answered 403 Forbidden to " + token(api.token())
          + ", so nothing was uploaded; check that its plan includes Detect.", e);
    } catch (NotFoundException e) {
      throw new Refused("The Resemble API URL " + url(api) + " answered 404 Not Found, so"
          + " nothing was uploaded; check the apiUrl setting.", e);
    } catch (TransportException e) {
      if (e.requestMayHaveArrived()) {
        // Reached but slow: not the user's to fix, and the uploads have their own deadline.
        warn.accept("The free access check before uploading timed out; going on.");
        return;
      }
      throw new Refused("The Resemble API at " + url(api) + " could not be reached, so nothing"
          + " was uploaded; check the apiUrl setting, the proxy and the network.", e);
    } catch (ResembleException e) {
      warn.accept("The free access check before uploading failed: " + e.getMessage()
          + " Going on; the uploads will say whether the API accepts them.");
    }
  }

  private static String token(ApiToken token) {
    return token.source() == null ? "the API token" : "the API token from " + token.source();
  }

  private static String url(GateConfig.Api api) {
    String url = ResultKey.normalizeUrl(api.url());
    return url.length() > 60 ? url.substring(0, 57) + "..." : url;
  }
}
