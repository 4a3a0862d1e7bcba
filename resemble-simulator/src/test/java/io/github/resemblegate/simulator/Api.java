package io.github.resemblegate.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A plain JDK HTTP client for the simulator's API, as tests need it. */
final class Api {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String TOKEN = "test-token";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  Api(String baseUrl) {
    this(baseUrl, TOKEN);
  }

  Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The same API with another token (null: no Authorization header). */
  Api withToken(String other) {
    return new Api(baseUrl, other);
  }

  record Response(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body, e);
      }
    }

    JsonNode item() {
      return json().get("item");
    }
  }

  Response get(String path, String... headers) {
    return send(withHeaders(request(path).GET(), headers).build());
  }

  Response postJson(String path, String json, String... headers) {
    HttpRequest.Builder builder = request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(withHeaders(builder, headers).build());
  }

  Response postMultipart(String path, Multipart body, String... headers) {
    HttpRequest.Builder builder = request(path)
        .header("Content-Type", body.contentType())
        .POST(body.publisher());
    return send(withHeaders(builder, headers).build());
  }

  Response post(String path, String contentType, BodyPublisher body) {
    return send(request(path).header("Content-Type", contentType).POST(body).build());
  }

  /** Sends and returns the exception instead of a response; for faults that break the connection. */
  IOException postMultipartExpectingFailure(String path, Multipart body, Duration timeout) {
    HttpRequest request = request(path)
        .header("Content-Type", body.contentType())
        .timeout(timeout)
        .POST(body.publisher())
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      throw new AssertionError("Expected the request to fail, got " + response.statusCode() + " " + response.body());
    } catch (IOException e) {
      return e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  IOException getExpectingFailure(String path) {
    try {
      HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
      throw new AssertionError("Expected the request to fail, got " + response.statusCode());
    } catch (IOException e) {
      return e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Polls a batch until it leaves {@code processing}; fails after five seconds. */
  JsonNode awaitBatch(String uuid) {
    return awaitTerminal("/detect/batch/" + uuid);
  }

  /** Polls a detect until it leaves {@code processing}; fails after five seconds. */
  JsonNode awaitDetect(String uuid) {
    return awaitTerminal("/detect/" + uuid);
  }

  private JsonNode awaitTerminal(String path) {
    Instant deadline = Instant.now().plusSeconds(5);
    while (true) {
      Response response = get(path);
      if (response.status() != 200) {
        throw new AssertionError("GET " + path + " answered " + response.status() + ": " + response.body());
      }
      JsonNode item = response.item();
      if (!"processing".equals(item.path("status").asText())) {
        return item;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(path + " still processing after 5 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
