package io.github.resemblegate.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The answers injected faults give, before or after the request took effect. */
final class FaultResponses {
  /** A body cut off where a JSON parser must fail. */
  static final String TRUNCATED_BODY = "{\"success\": true, \"item\": {\"uuid\": \"";

  private FaultResponses() {}

  /** The answer of a fault that replaces the handling: nothing was created. */
  static ApiResponse before(Fault fault, ApiRequest request) {
    ApiResponse response =
        switch (fault.kind()) {
          case MALFORMED_JSON -> new ApiResponse(200, ApiResponse.JSON, TRUNCATED_BODY, java.util.Map.of(), 0, false);
          case SLOW_RESPONSE -> throw new IllegalStateException("A slow response always answers after processing.");
          default -> failure(fault, request);
        };
    return response.delayedBy(fault.delay().toMillis());
  }

  /** The answer of a fault that lets the request take effect, then spoils its answer. */
  static ApiResponse after(Fault fault, ApiResponse real, ApiRequest request) {
    ApiResponse response =
        switch (fault.kind()) {
          case SLOW_RESPONSE -> real;
          case MALFORMED_JSON -> {
            String body = real.body() == null ? "" : real.body();
            int status = real.status() >= 200 && real.status() < 300 ? real.status() : 200;
            yield new ApiResponse(status, ApiResponse.JSON, body.substring(0, body.length() / 2),
                real.headers(), real.delayMillis(), false);
          }
          default -> failure(fault, request);
        };
    return response.delayedBy(fault.delay().toMillis());
  }

  private static ApiResponse failure(Fault fault, ApiRequest request) {
    return switch (fault.kind()) {
      case RATE_LIMITED -> ApiResponse.error(429, "Too many requests; slow down and retry later.")
          .withHeader("Retry-After", Long.toString(ceilSeconds(fault.retryAfter())));
      case SERVER_ERROR -> fault.status() == 500
          ? ApiResponse.error(500, "Internal server error")
          : gatewayPage(fault.status());
      case CONNECTION_RESET -> ApiResponse.resetConnection();
      case INSUFFICIENT_CREDIT -> insufficientCredit(request);
      case PLAN_LIMIT -> ApiResponse.error(403, "Intelligence detect limit reached (Default plan)");
      case SLOW_RESPONSE, MALFORMED_JSON -> throw new IllegalStateException(fault.kind() + " has no failure answer.");
    };
  }

  private static long ceilSeconds(java.time.Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }

  /** What a load balancer in front of the API answers: HTML, not the API's JSON envelope. */
  private static ApiResponse gatewayPage(int status) {
    String reason =
        switch (status) {
          case 502 -> "Bad Gateway";
          case 503 -> "Service Temporarily Unavailable";
          case 504 -> "Gateway Time-out";
          default -> "Server Error";
        };
    String title = status + " " + reason;
    String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<h1>" + title
        + "</h1>\r\n</body>\r\n</html>\r\n";
    return new ApiResponse(status, "text/html", html, java.util.Map.of(), 0, false);
  }

  /**
   * 402 with a per-file cost breakdown. The API documents only that the wallet cannot cover "the
   * projected cost" and that {@code details} "includes per-file estimates"; the field names here
   * are a guess built from those words: {@code projected_cost}, {@code wallet_balance}, and
   * {@code files} each with an {@code estimated_cost}. Costs are the simulator's own: one credit
   * per started second of audio or video, five per image, and half the projected cost available.
   */
  private static ApiResponse insufficientCredit(ApiRequest request) {
    ObjectNode body = LooseJson.object();
    body.put("success", false);
    body.put("message", "Insufficient balance for the projected batch cost");
    ObjectNode details = body.putObject("details");
    ArrayNode files = LooseJson.array();
    long required = 0;
    for (StreamedPart file : requestedFiles(request)) {
      MediaKind kind = MediaKind.ofFileName(file.fileName());
      long cost;
      Double seconds = null;
      if (kind == null || kind == MediaKind.IMAGE) {
        cost = 5;
      } else {
        seconds = kind.durationSeconds(file.fileName(), file.size(), file.wavSeconds());
        cost = Math.max(1, (long) Math.ceil(seconds));
      }
      required += cost;
      ObjectNode entry = files.addObject();
      entry.put("filename", file.fileName());
      entry.put("media_type", kind == null ? null : kind.apiName());
      if (seconds == null) {
        entry.putNull("duration");
      } else {
        entry.put("duration", LooseJson.round3(seconds));
      }
      entry.put("estimated_cost", cost);
    }
    details.put("projected_cost", required);
    details.put("wallet_balance", required / 2);
    details.set("files", files);
    return ApiResponse.json(402, body);
  }

  /** The media files a request carries: files[] parts, the entries of a zip, or a file part. */
  private static List<StreamedPart> requestedFiles(ApiRequest request) {
    List<StreamedPart> files = new ArrayList<>();
    if (request.upload() == null) {
      return files;
    }
    for (StreamedPart part : request.upload().parts()) {
      if (!part.isFile() || part.fileName() == null) {
        continue;
      }
      if (part.zipEntries() != null) {
        files.addAll(part.mediaEntries());
      } else {
        files.add(part);
      }
    }
    return files;
  }
}
