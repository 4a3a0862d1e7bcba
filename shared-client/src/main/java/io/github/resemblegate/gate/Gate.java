package io.github.resemblegate.gate;

/**
 * The one entry point both front ends call: scan, plan, submit, poll, judge. Configuration
 * problems throw {@link GateException} before anything is submitted; API problems become ERROR
 * outcomes in the returned verdict, so every matched file is always reported.
 *
 * <p>What a run does, as users see it:
 * <ul>
 *   <li><b>Which files.</b> Ant-style includes and excludes relative to the base directory
 *       ({@code **} folders, {@code *} within a name, {@code ?} one character, case-sensitive, a
 *       trailing {@code /} means everything below; {@code *.png} alone matches only the base
 *       directory itself). Default excludes: VCS folders, editor and file-manager junk, and the
 *       reports and cache directories when they lie inside the base. Only files with an extension
 *       the Detect API accepts are candidates; other matched files are ignored silently, unless an
 *       include names their extension literally ({@code **}{@code /*.txt}), in which case they are
 *       reported SKIPPED with the reason. Empty and unreadable files are SKIPPED. Symbolic links
 *       are followed while they stay inside the base directory; a link leading out is SKIPPED, and
 *       link loops are not followed. There is no size limit: a file too large for a batch is sent
 *       on its own through a secure upload.</li>
 *   <li><b>Billing once.</b> Identical content under several paths is submitted once and reported
 *       under every path. Results are cached by SHA-256, API URL and the options that change a
 *       result, so unchanged files are never billed twice; changing the threshold re-judges from the
 *       cache. Every submission is journaled in the reports directory before it is sent, so a run
 *       that is killed resumes instead of uploading again, and a request whose answer was lost is
 *       looked up rather than sent twice. Runs sharing a cache directory at the same time (threads
 *       of {@code mvn -T}, Jenkins executors, other JVMs) claim each content before submitting it:
 *       a content another run is analysing is waited for (up to this run's timeout), not
 *       uploaded again, and each result is cached as soon as it arrives. When that run ends
 *       without the result, a waiting run reports the same ERROR if the API's detection failed
 *       (no second billed attempt), collects the result of an upload the API already accepted,
 *       and otherwise submits the content itself. A file that changes after it was hashed is not
 *       submitted under its old hash: it is ERROR ("changed while the gate was running"), since
 *       its new content was not checked.</li>
 *   <li><b>Judging.</b> A file is FLAGGED when {@code score >= threshold}; the API's label is
 *       reported but does not override the score. A video is judged by the higher of its visual and
 *       audio-track scores unless configured otherwise. See {@link Policy} and {@link Waiver}.</li>
 *   <li><b>Budget.</b> With {@code maxFiles} set, a run that would upload more files submits
 *       nothing and fails with {@link FailureKind#BUDGET}; cached files are still judged.</li>
 * </ul>
 */
public final class Gate {

  private Gate() {}

  /**
   * Runs the gate once. Blocks until every matched file has an outcome or the configured timeout
   * passes; an interrupted thread ends the run with a {@link GateException} and leaves the
   * journal so the next run resumes without uploading again.
   *
   * @param listener receives progress; may be null
   * @throws GateException for a configuration problem, with one sentence saying what to change
   */
  public static Verdict run(GateConfig config, GateListener listener) {
    return new GateRun(config, listener).run();
  }
}
