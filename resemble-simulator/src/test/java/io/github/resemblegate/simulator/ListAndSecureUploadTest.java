package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListAndSecureUploadTest extends SimulatorFixture {

  @Test
  void listsNewestFirstWithPaginationEnvelope() {
    for (int i = 0; i < 12; i++) {
      api.postMultipart("/detect", new Multipart().file("file", "clip" + i + ".wav", Media.wav(1, 8000)));
    }

    JsonNode first = api.get("/detect?page=1&page_size=10").json();
    JsonNode second = api.get("/detect?page=2&page_size=10").json();

    assertThat(first.get("success").asBoolean()).isTrue();
    assertThat(first.get("page").asInt()).isEqualTo(1);
    assertThat(first.get("num_pages").asInt()).isEqualTo(2);
    assertThat(first.get("page_size").asInt()).isEqualTo(10);
    assertThat(first.get("total_count").asInt()).isEqualTo(12);
    assertThat(names(first)).startsWith("clip11.wav", "clip10.wav").hasSize(10);
    assertThat(names(second)).containsExactly("clip1.wav", "clip0.wav");
  }

  @Test
  void listsNothingBeyondTheLastPage() {
    api.postMultipart("/detect", new Multipart().file("file", "a.wav", Media.wav(1, 8000)));

    JsonNode page = api.get("/detect?page=3").json();

    assertThat(page.get("items")).isEmpty();
    assertThat(page.get("total_count").asInt()).isEqualTo(1);
    assertThat(page.get("page_size").asInt()).isEqualTo(10);
  }

  @Test
  void requiresPage() {
    assertBadRequest(api.get("/detect"), "page is required");
  }

  @Test
  void rejectsPageBelowOneAndPageSizeOutsideTenToThousand() {
    assertBadRequest(api.get("/detect?page=0"), "page must be 1 or more");
    assertBadRequest(api.get("/detect?page=x"), "whole number");
    assertBadRequest(api.get("/detect?page=1&page_size=9"), "page_size must be from 10 to 1000");
    assertBadRequest(api.get("/detect?page=1&page_size=1001"), "page_size must be from 10 to 1000");
    assertThat(api.get("/detect?page=1&page_size=1000").status()).isEqualTo(200);
  }

  @Test
  void issuesJwtShapedTokenForSecureUpload() {
    Api.Response response = api.postMultipart("/secure_uploads", new Multipart()
        .file("file", "huge-interview.mp4", Media.bytes(2048)));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("success").asBoolean()).isTrue();
    String token = response.json().get("token").asText();
    String[] pieces = token.split("\\.");
    assertThat(pieces).hasSize(3);
    String header = new String(Base64.getUrlDecoder().decode(pieces[0]));
    assertThat(header).contains("\"typ\":\"JWT\"");
    assertThat(SIM.counters().secureUploads()).isEqualTo(1);
  }

  @Test
  void mediaTokenResolvesToTheUploadsNameAndSize() {
    String token = api.postMultipart("/secure_uploads", new Multipart()
        .file("file", "long-call.wav", Media.wav(9, 8000))).json().get("token").asText();

    Api.Response created = api.postJson("/detect", "{\"media_token\": \"" + token + "\"}");

    assertThat(created.status()).isEqualTo(200);
    JsonNode item = api.awaitDetect(created.item().get("uuid").asText());
    assertThat(item.get("filename").asText()).isEqualTo("long-call.wav");
    assertThat(item.get("duration").asDouble()).isEqualTo(9.0);
    ReceivedDetect detect = SIM.simulator().detects().get(0);
    assertThat(detect.source()).isEqualTo(ReceivedDetect.Source.MEDIA_TOKEN);
    assertThat(detect.sizeBytes()).isEqualTo(Media.wav(9, 8000).length);
  }

  @Test
  void rejectsUnknownMediaToken() {
    assertBadRequest(api.postJson("/detect", "{\"media_token\": \"eyJ.not.issued\"}"), "media_token is invalid");
  }

  @Test
  void rejectsSecureUploadWithoutFile() {
    assertBadRequest(api.postMultipart("/secure_uploads", new Multipart().field("name", "x")), "exactly one file");
  }

  @Test
  void rejectsEmptySecureUpload() {
    assertBadRequest(api.postMultipart("/secure_uploads", new Multipart().file("file", "a.wav", new byte[0])), "empty");
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.get("items").forEach(item -> names.add(item.get("filename").asText()));
    return names;
  }
}
