package io.github.resemblegate.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resemblegate.client.DetectOptions;
import io.github.resemblegate.client.DetectRequest;
import java.util.Map;
import okhttp3.RequestBody;

/** The JSON body of {@code POST /detect} for media the API fetches: a URL or a media token. */
final class DetectBody {

  private DetectBody() {}

  /** The body for a {@link DetectRequest.Url} or {@link DetectRequest.MediaToken} source. */
  static RequestBody body(DetectRequest.Source source, DetectOptions options, ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    if (source instanceof DetectRequest.Url url) {
      json.put("url", requireText(url.url(), "The media URL is empty; pass an https:// URL."));
    } else {
      DetectRequest.MediaToken token = (DetectRequest.MediaToken) source;
      json.put("media_token", requireText(token.token(),
          "The media token is empty; create one with createSecureUpload."));
    }
    for (Map.Entry<String, Object> field : OptionFields.forDetect(options).entrySet()) {
      Object value = field.getValue();
      if (value instanceof Boolean b) {
        json.put(field.getKey(), b);
      } else if (value instanceof Integer i) {
        json.put(field.getKey(), i);
      } else if (value instanceof Double d) {
        json.put(field.getKey(), d);
      } else {
        json.put(field.getKey(), String.valueOf(value));
      }
    }
    return RequestBody.create(json.toString(), MediaTypes.JSON);
  }

  private static String requireText(String value, String message) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(message);
    }
    return value.strip();
  }
}
