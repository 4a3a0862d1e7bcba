package io.github.resemblegate.client;

/** Response bodies as the API notes document them, in their string-typed and number-typed variants. */
public final class Payloads {

  private Payloads() {}

  /** POST /detect/batch, 202 [D-batch]. */
  public static final String BATCH_CREATED = """
      {"success": true,
       "item": {"uuid": "BATCH_UUID", "status": "processing", "total_files": 3,
                "completed_count": 0, "failed_count": 0, "created_at": "2024-01-15T09:30:00Z",
                "detect_uuids": ["D1", "D2", "D3"]}}
      """;

  /** GET /detect/batch/{uuid} with counts as strings and an unknown field. */
  public static final String BATCH_PARTIALLY_FAILED_STRINGS = """
      {"success": true,
       "item": {"uuid": "0b6b2c3e9d2f4c1a8e7f6d5c4b3a2910", "status": "partially_failed",
                "total_files": "3", "completed_count": "2", "failed_count": "1",
                "created_at": "2024-01-15T09:30:00Z", "team_uuid": "t1",
                "detect_uuids": ["5c17d732-0d10-4ee3-8c1d-41ad9b9142a1",
                                 "8c6e7a99f3faee6e0ec0cb138bdd4a20", "D3"]}}
      """;

  /** GET /detect/{uuid}, audio, every number a string [D-get, openapi.yml]. */
  public static final String AUDIO_STRINGS = """
      {"success": true,
       "item": {"uuid": "5c17d732-0d10-4ee3-8c1d-41ad9b9142a1", "status": "completed",
                "media_type": "audio", "filename": "intro.wav", "duration": "5.2",
                "url": "https://example.com/intro.wav", "created_at": "2024-01-15T10:30:00Z",
                "zero_retention_mode": false,
                "metrics": {"label": "fake", "score": ["0.9", "0.8", "0.7"],
                            "consistency": "0.85", "aggregated_score": "0.566",
                            "image": "https://example.com/heatmap.png"},
                "image_metrics": null, "video_metrics": null, "intelligence": null}}
      """;

  /** GET /detect/{uuid}, audio, numbers as numbers, a null trailing chunk, percent consistency [D-list, LK]. */
  public static final String AUDIO_NUMBERS = """
      {"success": true,
       "item": {"uuid": "8c6e7a99f3faee6e0ec0cb138bdd4a20", "status": "completed",
                "media_type": "audio", "filename": "outro.mp3", "duration": 8.2,
                "metrics": {"label": "Real", "score": [0.12, 0.08, null],
                            "consistency": 92.0, "aggregated_score": 0.1,
                            "image": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"}}}
      """;

  /** Audio with no speech: the -1 sentinel [SKEPT]. */
  public static final String AUDIO_NO_SPEECH = """
      {"success": true,
       "item": {"uuid": "d-nospeech", "status": "completed", "media_type": "audio",
                "metrics": {"label": "real", "score": [], "consistency": "1.0",
                            "aggregated_score": "-1.0"}}}
      """;

  /** POST /detect with an image, sync answer: score a JSON number, metrics {} [D-create]. */
  public static final String IMAGE_NUMBER = """
      {"success": true,
       "item": {"uuid": "img-1", "status": "completed", "media_type": "image", "metrics": {},
                "filename": "poster.png",
                "image_metrics": {"type": "FinalResult", "label": "Fake", "score": 1,
                                  "image": "https://example.com/vis.png", "children": [],
                                  "ifl": {"score": 1, "heatmap": "data:image/png;base64,AAAA"}}}}
      """;

  /** The older image variant: score a string [OLD, D-get]. */
  public static final String IMAGE_STRING = """
      {"success": true,
       "item": {"uuid": "img-2", "status": "completed", "media_type": "image",
                "image_metrics": {"type": "ImageAnalysis", "label": "FAKE", "score": "0.9",
                                  "image": "data:image/jpeg;base64,/9j/4AAQ"}}}
      """;

  /** A video with an audio track; the visual tree with numbers as in openapi.yml [D-create]. */
  public static final String VIDEO_NUMBERS = """
      {"success": true,
       "item": {"uuid": "vid-1", "status": "completed", "media_type": "video", "duration": 12,
                "metrics": {"label": "real", "score": ["0.1", "0.2"], "consistency": "0.9",
                            "aggregated_score": "0.15"},
                "video_metrics": {"label": "Fake", "score": 0.95, "certainty": 0.93,
                  "treeview": "data:text/html;base64,PGh0bWw+",
                  "children": [
                    {"type": "VideoResult", "conclusion": "Fake", "score": 0.99, "certainty": 0.9,
                     "certainty (%)": "90.0",
                     "children": [
                       {"type": "ImageResult", "conclusion": "Fake", "score": 0.9, "certainty": 0.95,
                        "certainty (%)": "95.0", "timestamp": 0.23,
                        "children": [{"type": "Segment", "conclusion": "Fake", "score": 0.9,
                                      "certainty": 0.995, "certainty (%)": "99.5"}]},
                       {"type": "ImageResult", "conclusion": "Real", "score": 0.2,
                        "timestamp": 0.1, "children": []}]}]}}}
      """;

  /** The same video shape with strings, other type names, and only "certainty (%)" [D-get, SKEPT]. */
  public static final String VIDEO_STRINGS = """
      {"success": true,
       "item": {"uuid": "vid-2", "status": "completed", "media_type": "video", "duration": "3.5",
                "video_metrics": {"label": "real", "score": "0.12", "certainty (%)": "88%",
                  "children": [
                    {"type": "VideoResult", "score": "0.1",
                     "children": [
                       {"type": "VideoChunkResult", "timestamp": "1.0", "score": "0.3",
                        "children": [
                          {"type": "VideoFrameResult", "timestamp": "1.5", "score": "0.05"},
                          {"type": "VideoFrameResult", "timestamp": "1.25", "score": "0.07"}]}]}]}}}
      """;

  /** POST /detect without Prefer: wait [D-create]. */
  public static final String DETECT_CREATED = """
      {"success": true,
       "item": {"uuid": "DETECTION_UUID", "metrics": {}, "created_at": "2024-01-15T10:30:00Z",
                "updated_at": "2024-01-15T10:30:00Z", "media_type": "audio", "intelligence": null}}
      """;

  /** GET /detect?page=1 [D-list]. */
  public static final String LIST = """
      {"success": true, "page": 1, "num_pages": 5, "page_size": 20, "total_count": 87,
       "items": [
         {"uuid": "a1", "status": "completed", "media_type": "audio", "visualize": false,
          "audio_source_tracing_enabled": false, "use_ood_detector": false,
          "extra_params": {"search_identity_requested": false}, "error_message": null,
          "metrics": {"label": "fake", "score": [0.92, 0.88], "consistency": 0.92,
                      "aggregated_score": 0.92}},
         {"uuid": "a2", "status": "failed", "media_type": "video",
          "error_message": "Could not decode media"}]}
      """;

  /** POST /secure_uploads [D-secure]. */
  public static final String SECURE_UPLOAD = """
      {"success": true, "token": "media-token-of-the-secure-upload"}
      """;

  public static final String NOT_FOUND = """
      {"success": false, "message": "Detect not found"}
      """;

  /** Audio with the findings a content team asks for: intelligence text and source tracing [D-get]. */
  public static final String AUDIO_WITH_FINDINGS = """
      {"success": true,
       "item": {"uuid": "f-1", "status": "completed", "media_type": "audio",
                "metrics": {"label": "fake", "score": ["0.9", "0.8"], "consistency": "1.0",
                            "aggregated_score": "0.85"},
                "audio_source_tracing": {"label": "resemble_ai", "error_message": null},
                "intelligence": {"uuid": "INTELLIGENCE_UUID",
                  "description": "Adult male speaker with confident tone discussing quarterly results.",
                  "created_at": "2024-01-15T10:30:05Z", "detect_uuid": "f-1"}}}
      """;

  /** An image found on the web by reverse search [D-create, use_reverse_search]. */
  public static final String IMAGE_REVERSE_SEARCH = """
      {"success": true,
       "item": {"uuid": "r-1", "status": "completed", "media_type": "image", "metrics": {},
                "image_metrics": {"type": "FinalResult", "label": "Fake", "score": 1, "children": [],
                  "reverse_image_search_sources": [
                    {"url": "https://example-stock-site.com/ai-generated-images/",
                     "title": "example-stock-site.com",
                     "reason": "Labelled as a premium AI-generated image.",
                     "verdict": "known_fake", "similarity": 1},
                    {"url": "https://another-stock-site.com/search/ai-art",
                     "title": "another-stock-site.com",
                     "reason": "Near-identical variations labelled AI generated.",
                     "verdict": "known_fake", "similarity": "0.9"}]}}}
      """;
}
