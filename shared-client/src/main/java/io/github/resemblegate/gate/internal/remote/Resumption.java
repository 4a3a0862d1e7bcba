package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.Submission;
import java.util.ArrayList;
import java.util.List;

/**
 * What earlier runs' submissions in the journal come to: those the API accepted are adopted and
 * waited for; one whose answer was lost is looked for ({@link BatchRecovery}) and adopted when
 * found, planned again when certainly never created, and otherwise fails its files, kept in the
 * journal, since only the API can settle it.
 *
 * @param adopt submissions to wait for, nothing uploaded again
 * @param lost the parts of submissions never created, to plan again
 */
record Resumption(List<Submission> adopt, List<Submission.Part> lost) {

  static Resumption of(List<Submission> resume, BatchRecovery recovery,
      RequestBudget budget, Journal journal, ResultMapper mapper) {
    List<Submission> adopt = new ArrayList<>();
    List<Submission.Part> lost = new ArrayList<>();
    for (Submission intent : resume) {
      if (intent.accepted()) {
        adopt.add(intent);
        continue;
      }
      BatchRecovery.Finding f = recovery.find(intent, budget);
      if (f instanceof BatchRecovery.Found found) {
        adopt.add(journal.accepted(intent.id(), null, found.detectIds()));
      } else if (f instanceof BatchRecovery.Absent) {
        journal.abandoned(intent.id(), "not created (checked on resume)");
        lost.addAll(intent.parts());
      } else {
        String why = ((BatchRecovery.Undecidable) f).why();
        mapper.fail(intent.parts(), Failed.pending("the gate still cannot tell whether an"
            + " earlier submission of this file was created (" + why + "); if the Resemble"
            + " dashboard lacks it, delete the journal to send it again", null, null));
      }
    }
    return new Resumption(adopt, lost);
  }
}
