package io.github.resemblegate.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Answers every request WireMock serves: outside {@code /api/v2} a plain 404; under it, counts the
 * request, checks the token, applies a due fault, and hands the rest to {@link DetectApi}. Every
 * path comes here so that each streamed upload is taken from the registry.
 */
final class ApiTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "resemble-detect-api";
  static final String API_PREFIX = "/api/v2";

  private final UploadRegistry uploads;
  private final CounterRecorder counters;
  private final Faults faults;
  private final DetectApi api;
  private final byte[] token;
  private final Consumer<String> log;

  /** @param log receives one line per request (never headers or bodies), or null for silence */
  ApiTransformer(UploadRegistry uploads, CounterRecorder counters, Faults faults, DetectApi api, String token,
      Consumer<String> log) {
    this.uploads = uploads;
    this.counters = counters;
    this.faults = faults;
    this.api = api;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.log = log;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    LoggedRequest request = serveEvent.getRequest();
    ResponseDefinition response = answer(request);
    if (log != null) {
      String outcome = response.getFault() != null ? "connection reset" : Integer.toString(response.getStatus());
      Integer delay = response.getFixedDelayMilliseconds();
      log.accept(request.getMethod().getName() + " " + request.getUrl() + " -> " + outcome
          + (delay != null && delay > 0 ? " after " + delay + " ms" : ""));
    }
    return response;
  }

  private ResponseDefinition answer(LoggedRequest request) {
    StreamedUpload upload = uploads.take(request.getHeader(UploadFilter.UPLOAD_HEADER));
    if (!isApiPath(request.getUrl())) {
      return render(ApiResponse.error(404, "Not found"));
    }
    String method = request.getMethod().getName();
    String path = apiPath(request.getUrl());
    Endpoint endpoint = Endpoint.classify(method, path);
    byte[] body = request.getBody();
    counters.request(endpoint, upload != null ? upload.rawBytes() : body == null ? 0 : body.length);

    if (!authorized(request.getHeader("Authorization"))) {
      counters.unauthorized();
      return render(ApiResponse.error(401, "Invalid or missing API token; send Authorization: Bearer <token>."));
    }
    ApiRequest apiRequest = new ApiRequest(
        endpoint,
        method,
        path,
        name -> {
          QueryParameter parameter = request.queryParameter(name);
          return parameter.isPresent() ? parameter.firstValue() : null;
        },
        java.util.Set.copyOf(request.getQueryParams().keySet()),
        request::getHeader,
        body == null ? new byte[0] : body,
        request.contentTypeHeader().isPresent() ? request.contentTypeHeader().firstValue() : null,
        name -> {
          FormParameter parameter = request.formParameter(name);
          return parameter.isPresent() ? parameter.firstValue() : null;
        },
        upload,
        mediaBaseUrl(request));

    Fault fault = faults.take(endpoint, method, path);
    if (fault == null) {
      return render(api.handle(apiRequest));
    }
    counters.fault();
    if (!fault.isAfterProcessing()) {
      return render(FaultResponses.before(fault, apiRequest));
    }
    return render(FaultResponses.after(fault, api.handle(apiRequest), apiRequest));
  }

  private boolean authorized(String authorization) {
    if (authorization == null) {
      return false;
    }
    String value = authorization.trim();
    if (value.length() <= 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return false;
    }
    String presented = value.substring(7).trim();
    if (presented.isEmpty()) {
      return false;
    }
    return token == null || MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isApiPath(String url) {
    return url.equals(API_PREFIX) || url.startsWith(API_PREFIX + "/") || url.startsWith(API_PREFIX + "?");
  }

  /** The path under {@code /api/v2}, without query string or trailing slash. */
  static String apiPath(String url) {
    int query = url.indexOf('?');
    String path = query >= 0 ? url.substring(0, query) : url;
    if (path.startsWith(API_PREFIX)) {
      path = path.substring(API_PREFIX.length());
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.isEmpty() ? "/" : path;
  }

  private static String mediaBaseUrl(LoggedRequest request) {
    String host = request.getHost();
    if (host != null && host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return request.getScheme() + "://" + host + ":" + request.getPort();
  }

  private static ResponseDefinition render(ApiResponse response) {
    ResponseDefinitionBuilder builder = aResponse();
    if (response.reset()) {
      builder.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
    } else {
      builder.withStatus(response.status())
          .withHeader("Content-Type", response.contentType())
          .withBody(response.body());
      response.headers().forEach(builder::withHeader);
    }
    if (response.delayMillis() > 0) {
      builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, response.delayMillis()));
    }
    return builder.build();
  }
}
