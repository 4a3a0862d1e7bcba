package io.github.resemblegate.gate;

import java.util.Map;

/**
 * What a run learns about each content while it runs, reported the moment it is known so that
 * the cache keeps it even if the run is killed later, and other runs waiting on the same content
 * can go on. Called from several threads.
 */
interface Settlement {

  Settlement NONE = new Settlement() {
    @Override
    public void submitted(Journal.Intent intent) {}

    @Override
    public void settled(Map<String, Analysis> results,
        Map<String, ResultMapper.Failure> failures) {}
  };

  /** The API accepted a submission (or the run adopted one); its ids are in a journal. */
  void submitted(Journal.Intent intent);

  /**
   * Results, and first failures, of contents that became known together (typically one
   * submission's); a result may still follow a failure and then counts.
   */
  void settled(Map<String, Analysis> results, Map<String, ResultMapper.Failure> failures);
}
