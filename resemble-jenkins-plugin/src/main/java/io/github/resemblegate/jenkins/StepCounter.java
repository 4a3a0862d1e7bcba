package io.github.resemblegate.jenkins;

import hudson.model.InvisibleAction;
import hudson.model.Run;

/**
 * Numbers the {@code resembleDetect} runs of one build, kept with the build: two steps in
 * {@code parallel} branches never get the same number, so never the same page or report folder.
 */
public final class StepCounter extends InvisibleAction {

  private static final Object LOCK = new Object();

  private int last;

  private StepCounter(int last) {
    this.last = last;
  }

  /** The next number for a run of the step in {@code run}, from 1. */
  static int next(Run<?, ?> run) {
    synchronized (LOCK) {
      StepCounter counter = run.getAction(StepCounter.class);
      if (counter == null) {
        // A build from before the counter numbered its runs by counting them.
        counter = new StepCounter(run.getActions(ResembleDetectAction.class).size());
        run.addAction(counter);
      }
      return ++counter.last;
    }
  }
}
