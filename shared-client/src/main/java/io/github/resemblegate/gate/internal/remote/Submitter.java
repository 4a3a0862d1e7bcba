package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.BatchRequest;
import io.github.resemblegate.client.DetectBatch;
import io.github.resemblegate.client.DetectRequest;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.ForbiddenException;
import io.github.resemblegate.client.InsufficientCreditException;
import io.github.resemblegate.client.MalformedResponseException;
import io.github.resemblegate.client.RateLimitedException;
import io.github.resemblegate.client.ResembleException;
import io.github.resemblegate.client.SecureUpload;
import io.github.resemblegate.client.ServerErrorException;
import io.github.resemblegate.client.TransportException;
import io.github.resemblegate.client.UnauthorizedException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.plan.Planned;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.Submission;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one batch or one single file, billing-safely. The journal intent is forced to disk before
 * the request and the ids after it, before anything waits. A request the API refused created
 * nothing: its files become ERROR with the API's sentence, and a refusal that would repeat for
 * every batch (credit, token, plan, rate limit, network down) stops all further submissions. A
 * request whose fate is unknown (response lost, server error after the upload) is never simply
 * sent again: {@link LostAnswers} decides, and only a submission that was certainly not created is
 * sent again (at most {@link #MAX_RESENDS} times).
 *
 * <p>A file that changed after it was hashed is not sent under the old hash: it is checked just
 * before its request (and, for a secure upload, again before the billed detection is created) and
 * becomes ERROR if it changed. A change noticed only after the API accepted the upload makes the
 * result untrustworthy: the file becomes ERROR and its result is not kept.
 */
public final class Submitter {

  private final Target target;
  private final Journal journal;
  private final LostAnswers lost;
  private final Handoff handoff;
  private final ResultMapper mapper;
  private final GateListener listener;

  Submitter(Target target, Journal journal, LostAnswers lost, Handoff handoff,
      ResultMapper mapper, GateListener listener) {
    this.target = target;
    this.journal = journal;
    this.lost = lost;
    this.handoff = handoff;
    this.mapper = mapper;
    this.listener = listener;
  }

  /**
   * How often a submission is sent again after the gate proved that the API created nothing of an
   * earlier attempt (or that one of its own files broke it): each resend needs that proof anew.
   */
  public static final int MAX_RESENDS = 2;

  /** Sends {@code planned} as submission {@code index} of the run. */
  void submit(int index, Planned planned) {
    if (planned instanceof Planned.Single single) {
      submitSingle(index, single);
    } else {
      submitBatch(index, planned.contents(), MAX_RESENDS);
    }
  }

  private void submitBatch(int index, List<Content> planned, int resends) {
    List<Content> uploads = unchanged(planned);
    if (uploads.isEmpty()) {
      return;
    }
    List<Path> paths = new ArrayList<>(uploads.size());
    uploads.forEach(u -> paths.add(file(u)));
    List<Submission.Part> parts;
    BatchRequest request;
    try {
      // Marked, so that a lost answer is found among the detections by this submission's own
      // names, never by names an earlier run (or this one) also uploaded.
      request = PartMarker.fresh().mark(BatchRequest.of(paths, target.options(), target.mode()));
      parts = new ArrayList<>(uploads.size());
      for (int i = 0; i < uploads.size(); i++) {
        Content u = uploads.get(i);
        parts.add(new Submission.Part(request.files().get(i).partName(), u.sha256(), u.path(),
            u.size()));
      }
    } catch (IllegalArgumentException e) {
      fail(unnamed(uploads), e.getMessage());
      return;
    }
    submit(new Attempt(index, Journal.BATCH, parts, uploads, () -> {
      DetectBatch b = target.client().createBatch(request);
      return new Accepted(b.uuid(), b.detectUuids(), null);
    }), resends);
  }

  private void submitSingle(int index, Planned.Single single) {
    Content u = single.content();
    if (unchanged(List.of(u)).isEmpty()) {
      return;
    }
    Path path = file(u);
    String name;
    try {
      String own = BatchRequest.of(List.of(path), target.options(), target.mode()).files().get(0)
          .partName();
      // A secure upload's detection carries the stored file's own name: only a direct upload
      // can carry the mark.
      name = single.secure() ? own : PartMarker.fresh().name(own);
    } catch (IllegalArgumentException e) {
      fail(unnamed(List.of(u)), e.getMessage());
      return;
    }
    List<Submission.Part> parts =
        List.of(new Submission.Part(name, u.sha256(), u.path(), u.size()));
    submit(new Attempt(index, Journal.SINGLE, parts, List.of(u), () -> {
      DetectRequest.Source source;
      if (single.secure()) {
        // A secure upload only stores the file; the detection below is what is billed, so a file
        // that changed while it was stored is not analysed.
        SecureUpload upload = target.client().createSecureUpload(path);
        String why = FileCheck.changed(path, u);
        if (why != null) {
          throw new Changed(FileCheck.beforeUpload(why));
        }
        source = new DetectRequest.MediaToken(upload.mediaToken());
      } else {
        source = new DetectRequest.Upload(path, name);
      }
      Detection d = target.client().createDetect(
          new DetectRequest(source, target.detectOptions()));
      return new Accepted(null, List.of(d.uuid()), d.status().terminal() ? d : null);
    }), MAX_RESENDS);
  }

  private record Accepted(String batchId, List<String> detectIds, Detection immediate) {}

  /** One send of submission {@code index}: its parts, the contents they upload, the call. */
  private record Attempt(int index, String kind, List<Submission.Part> parts,
      List<Content> uploads, Call call) {}

  private interface Call {
    Accepted send();
  }

  /** A file changed before anything billable was sent; the message is the file's reason. */
  private static final class Changed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Changed(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The uploads whose files still hold what was hashed; the others fail here. */
  private List<Content> unchanged(List<Content> uploads) {
    List<Content> kept = new ArrayList<>(uploads.size());
    for (Content u : uploads) {
      String why = FileCheck.changed(file(u), u);
      if (why == null) {
        kept.add(u);
      } else {
        fail(unnamed(List.of(u)), FileCheck.beforeUpload(why));
      }
    }
    return kept;
  }

  private void submit(Attempt a, int resends) {
    String stop = handoff.stopReason();
    if (stop != null) {
      fail(a.parts(), stop);
      return;
    }
    Submission journaled = journal.intend(a.kind(), target.key(), a.parts(), target.describe());
    Accepted accepted;
    try {
      accepted = a.call().send();
    } catch (Changed e) {
      journal.abandoned(journaled.id(), e.getMessage());
      fail(a.parts(), e.getMessage());
      return;
    } catch (ResembleException e) {
      if (e instanceof TransportException t && t.localFile() != null
          && !t.requestMayHaveArrived()) {
        journal.abandoned(journaled.id(), e.getMessage());
        brokenByLocalFile(a, t, resends);
        return;
      }
      if (fateUnknown(e)) {
        recover(a, journaled, e, resends);
      } else {
        refused(journaled, a.parts(), e);
      }
      return;
    }
    Submission done = journal.accepted(journaled.id(), accepted.batchId(),
        accepted.detectIds());
    checkAfterUpload(a.uploads(), accepted.batchId());
    handoff.accepted(a.index(), done, accepted.immediate(), true);
  }

  /**
   * One of our own files broke the upload (it changed, vanished or became unreadable while it was
   * streamed). The cut-short request cannot have been accepted, so this is not a network failure
   * that stops the run: the file is ERROR, and a batch goes again once without it.
   */
  private void brokenByLocalFile(Attempt a, TransportException e, int resends) {
    Path broken = e.localFile().toAbsolutePath().normalize();
    List<Content> rest = new ArrayList<>();
    List<Submission.Part> failed = new ArrayList<>();
    for (int i = 0; i < a.uploads().size(); i++) {
      if (file(a.uploads().get(i)).toAbsolutePath().normalize().equals(broken)) {
        failed.add(a.parts().get(i));
      } else {
        rest.add(a.uploads().get(i));
      }
    }
    if (failed.isEmpty() || !Journal.BATCH.equals(a.kind()) || resends == 0) {
      fail(a.parts(), e.getMessage());
      return;
    }
    fail(failed, e.getMessage());
    if (!rest.isEmpty()) {
      listener.info("Sending the other " + rest.size() + (rest.size() == 1 ? " file" : " files")
          + " of that batch again without " + failed.get(0).path() + ".");
      submitBatch(a.index(), rest, resends - 1);
    }
  }

  /** A file that changed while it was sent: its result belongs to neither version. */
  private void checkAfterUpload(List<Content> uploads, String batchId) {
    for (Content u : uploads) {
      String why = FileCheck.changed(file(u), u);
      if (why != null) {
        mapper.taint(u.sha256(), FileCheck.duringUpload(why), batchId);
      }
    }
  }

  /** 5xx after the upload, a lost response, or an unreadable answer to a POST. */
  static boolean fateUnknown(ResembleException e) {
    return e instanceof ServerErrorException || e instanceof MalformedResponseException
        || (e instanceof TransportException t && t.requestMayHaveArrived());
  }

  private void refused(Submission journaled, List<Submission.Part> parts,
      ResembleException e) {
    String reason = e.getMessage();
    if (e instanceof InsufficientCreditException credit && credit.costDetails() != null) {
      // People read the cost in words; the raw details stay in the debug log.
      listener.debug("The API's cost details: " + credit.costDetails());
      String words = CostWords.of(credit.costDetails(), parts.size());
      reason = words == null ? reason : reason + words;
    }
    journal.abandoned(journaled.id(), reason);
    boolean repeats = e instanceof InsufficientCreditException
        || e instanceof UnauthorizedException || e instanceof ForbiddenException
        || e instanceof RateLimitedException || e instanceof TransportException;
    if (repeats) {
      handoff.stop("not submitted: " + reason);
    }
    fail(parts, reason);
  }

  private void recover(Attempt a, Submission journaled, ResembleException e, int resends) {
    lost.resolve(journaled, a.parts(), e, adopted -> {
      checkAfterUpload(a.uploads(), null);
      handoff.accepted(a.index(), adopted, null, true);
    }, resends == 0 ? null : () -> submit(a, resends - 1));
  }

  private Path file(Content u) {
    return u.file(target.base());
  }

  private static List<Submission.Part> unnamed(List<Content> uploads) {
    List<Submission.Part> parts = new ArrayList<>();
    uploads.forEach(u -> parts.add(new Submission.Part("", u.sha256(), u.path(), u.size())));
    return parts;
  }

  private void fail(List<Submission.Part> parts, String reason) {
    mapper.fail(parts, Failed.of(reason, null, null));
  }
}
