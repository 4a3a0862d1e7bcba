package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Reaction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the person reading a report does next about the files that need a look: waive a file that
 * is synthetic on purpose (with the exact entry for the waiver file), replace it, build again, or
 * open the detection in Resemble's dashboard. The console summary, the HTML page and the Markdown
 * summary all say the same steps.
 */
final class NextSteps {

  /** Files given a ready waiver entry; the reports list the rest with their hashes. */
  static final int MAX_WAIVERS = 3;
  /** A suggested waiver ends this many days after the run: someone looks at the file again. */
  static final int WAIVER_DAYS = 90;

  /** One step: a sentence, and the lines to copy when there are any (a waiver entry). */
  record Step(String text, List<String> copy) {

    Step {
      copy = List.copyOf(copy);
    }
  }

  private NextSteps() {}

  /** The steps for this run, most urgent first; none when nothing needs a look. */
  static List<Step> of(GateResult result) {
    List<Step> steps = new ArrayList<>();
    if (result.run().dryRun()) {
      return steps;
    }
    // A scored file always has its hash, the waiver's key.
    List<FileResult> suspect = Outcomes.needingAttention(result).stream()
        .filter(f -> f.outcome() == Outcome.FLAGGED || f.outcome() == Outcome.WARNED)
        .filter(f -> f.sha256() != null).toList();
    if (!suspect.isEmpty()) {
      boolean one = suspect.size() == 1;
      steps.add(new Step("Listen to or look at " + (one ? "the file" : "each file")
          + " Resemble judged " + (suspect.get(0).outcome() == Outcome.FLAGGED ? "likely"
          : "possibly") + " synthetic. If " + (one ? "it" : "one") + " is synthetic on purpose,"
          + " waive it with a reason and an end date: add " + (one ? "this entry" : "its entry")
          + " under 'waivers:' in the waiver file (setting waiversFile)"
          + (suspect.size() > MAX_WAIVERS ? "; the first " + MAX_WAIVERS + " are below, the"
              + " reports list every hash" : "") + ".", waiverEntries(result, suspect)));
      steps.add(new Step("Otherwise replace " + (one ? "it" : "each") + " with an authentic"
          + " recording and build again.", List.of()));
    }
    List<FileResult> errors = result.filesWith(Outcome.ERROR);
    long retryable = errors.stream().filter(FileResult::retryMayHelp).count();
    // One cause stopped every file (a refused token, an unreachable API): the verdict's sentence
    // says the one thing to do, and building again unchanged would not help.
    String sentence = result.decision().sentence();
    boolean runStopped = !errors.isEmpty() && errors.stream()
        .allMatch(f -> f.errorReason().equals(sentence));
    if (!errors.isEmpty() && !runStopped && result.policy().onError() != Reaction.IGNORE) {
      if (retryable > 0) {
        steps.add(new Step("Build again to retry the " + (retryable == 1 ? "file"
            : retryable + " files") + " that could not be judged; results already received come"
            + " from the cache and are not paid for again.", List.of()));
      }
      long refused = errors.size() - retryable;
      if (refused > 0) {
        steps.add(new Step("Look at the " + (refused == 1 ? "file" : refused + " files") + " the"
            + " API refused: the reports give its words; building again will not change that"
            + " answer.", List.of()));
      }
    }
    if (!result.filesWith(Outcome.NO_SPEECH).isEmpty() && Outcomes.noSpeechMatters(
        result.policy())) {
      steps.add(new Step("Check that the files without speech are not silent or damaged; if"
          + " silence is expected, set onNoSpeech to IGNORE.", List.of()));
    }
    Outcomes.needingAttention(result).stream().map(FileResult::dashboardUrl)
        .filter(Html::isWebUrl).findFirst().ifPresent(url -> steps.add(new Step(
            "Each detection is in Resemble's dashboard, for example: " + url.strip(),
            List.of())));
    return steps;
  }

  /** The waiver file's YAML entries for the first few files, each with a comment naming it. */
  private static List<String> waiverEntries(GateResult result, List<FileResult> files) {
    LocalDate day = result.run().startedAt() == null ? LocalDate.now(ZoneOffset.UTC)
        : LocalDate.ofInstant(result.run().startedAt(), ZoneOffset.UTC);
    // A waiver is keyed by the content: one entry covers every path that holds it.
    Map<String, List<String>> pathsByContent = new LinkedHashMap<>();
    files.forEach(f -> pathsByContent.computeIfAbsent(f.sha256(), k -> new ArrayList<>())
        .add(f.path()));
    List<String> lines = new ArrayList<>();
    pathsByContent.entrySet().stream().limit(MAX_WAIVERS).forEach(e -> {
      int more = e.getValue().size() - 1;
      lines.add("- sha256: " + e.getKey() + "  # " + oneLine(e.getValue().get(0))
          + (more == 0 ? "" : " and " + more + (more == 1 ? " more copy" : " more copies")));
      lines.add("  reason: \"why this file may ship, e.g. a licensed synthetic voice\"");
      lines.add("  until: " + day.plusDays(WAIVER_DAYS));
    });
    return lines;
  }

  private static String oneLine(String s) {
    return XmlText.clean(s).replace('\n', ' ').replace('\r', ' ');
  }
}
