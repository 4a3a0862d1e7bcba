package io.github.resemblegate.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The structured form of an intelligence {@code description}, with the fields the OpenAPI copy
 * lists (speaker info, language, ..., fraud, liveness, digitally altered), filled in from the
 * file's verdict.
 */
final class IntelligenceJson {

  private IntelligenceJson() {}

  static ObjectNode structured(MediaKind kind, String verdict) {
    boolean fake = "fake".equals(verdict);
    ObjectNode d = LooseJson.object();
    d.put("speaker_info", kind == MediaKind.IMAGE ? "No speaker" : "Adult speaker");
    d.put("language", "English");
    d.put("dialect", "General American");
    d.put("emotion", "Neutral");
    d.put("speaking_style", "Scripted");
    d.put("context", "Simulated media");
    d.put("message", "Simulated intelligence report: the " + kind.apiName() + " was judged "
        + verdict + ".");
    d.put("abnormalities", fake ? "Uniform prosody across the clip" : "None noticed");
    d.put("transcription", kind == MediaKind.IMAGE ? "" : "This is a simulated recording.");
    d.putNull("translation");
    d.put("misinformation", "None noticed");
    ObjectNode fraud = d.putObject("fraud");
    fraud.put("type", fake ? "synthetic_media_fraud" : "none");
    fraud.put("confidence", fake ? 0.8 : 0.1);
    fraud.put("reasoning", fake ? "The media was judged synthetic." : "Nothing suggests fraud.");
    ObjectNode liveness = d.putObject("liveness");
    liveness.put("assessment", fake ? "not_real_person" : "real_person");
    liveness.put("confidence", 0.7);
    liveness.put("indicators", fake ? "No breathing between phrases" : "Natural pauses");
    ObjectNode altered = d.putObject("digitally_altered");
    altered.put("detected", fake);
    altered.put("confidence", fake ? 0.75 : 0.2);
    altered.put("alterations", fake ? "Voice replaced" : "");
    return d;
  }
}
