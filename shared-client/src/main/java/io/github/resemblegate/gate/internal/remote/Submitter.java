package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.BatchRequest;
import io.github.resemblegate.client.DetectBatch;
import io.github.resemblegate.client.DetectRequest;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.ForbiddenException;
import io.github.resemblegate.client.InsufficientCreditException;
import io.github.resemblegate.client.IntakeMode;
import io.github.resemblegate.client.MalformedResponseException;
import io.github.resemblegate.client.RateLimitedException;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.client.ResembleException;
import io.github.resemblegate.client.SecureUpload;
import io.github.resemblegate.client.ServerErrorException;
import io.github.resemblegate.client.TransportException;
import io.github.resemblegate.client.UnauthorizedException;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.store.Journal;
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

  /** Where accepted submissions go, and the one switch that stops every submission not sent. */
  interface Sink {
    /** The API accepted it; {@code immediate} is a finished single detection, or null. */
    void accepted(int index, Journal.Intent intent, Detection immediate, boolean uploadedNow);

    /** Stops every submission not yet sent, with the reason their files get. */
    void stop(String reason);

    String stopReason();
  }

  private final ResembleClient client;
  private final Journal journal;
  private final String key;
  private final Path base;
  private final BatchOptions options;
  private final IntakeMode mode;
  private final LostAnswers lost;
  private final Sink sink;
  private final ResultMapper mapper;
  private final GateListener listener;
  private final String optionsText;

  /** {@code allowance} bounds what recovering a lost answer may read. */
  Submitter(ResembleClient client, Journal journal, String key, GateConfig config,
      BatchRecovery recovery, RequestBudget allowance, Sink sink, ResultMapper mapper,
      GateListener listener) {
    this.client = client;
    this.journal = journal;
    this.key = key;
    this.base = config.scan().baseDirectory();
    this.options = config.api().options();
    this.mode = config.api().intakeMode();
    this.lost = new LostAnswers(recovery, allowance, config.api().limits().pollInterval(), journal,
        mapper, listener);
    this.sink = sink;
    this.mapper = mapper;
    this.listener = listener;
    BatchOptions o = options;
    // Everything the request carries except the callback URL, which may hold a secret.
    this.optionsText = "intake=" + mode + ";visualize=" + o.visualize() + ";zero_retention_mode="
        + o.zeroRetentionMode() + ";" + key;
  }

  /**
   * How often a submission is sent again after the gate proved that the API created nothing of an
   * earlier attempt (or that one of its own files broke it): each resend needs that proof anew.
   */
  public static final int MAX_RESENDS = 2;

  void submitBatch(int index, List<Content> planned) {
    submitBatch(index, planned, MAX_RESENDS);
  }

  private void submitBatch(int index, List<Content> planned, int resends) {
    List<Content> uploads = unchanged(planned);
    if (uploads.isEmpty()) {
      return;
    }
    List<Path> paths = new ArrayList<>(uploads.size());
    uploads.forEach(u -> paths.add(base.resolve(u.path())));
    List<Journal.Part> parts;
    BatchRequest request;
    try {
      request = BatchRequest.of(paths, options, mode);
      parts = new ArrayList<>(uploads.size());
      for (int i = 0; i < uploads.size(); i++) {
        Content u = uploads.get(i);
        parts.add(new Journal.Part(request.files().get(i).partName(), u.sha256(), u.path(),
            u.size()));
      }
    } catch (IllegalArgumentException e) {
      fail(unnamed(uploads), e.getMessage());
      return;
    }
    submit(index, parts, uploads, Journal.BATCH, () -> {
      DetectBatch b = client.createBatch(request);
      return new Accepted(b.uuid(), b.detectUuids(), null);
    }, resends);
  }

  void submitSingle(int index, BatchPlanner.Single single) {
    Content u = single.content();
    if (unchanged(List.of(u)).isEmpty()) {
      return;
    }
    Path path = base.resolve(u.path());
    String name;
    try {
      name = BatchRequest.of(List.of(path), options, mode).files().get(0).partName();
    } catch (IllegalArgumentException e) {
      fail(unnamed(List.of(u)), e.getMessage());
      return;
    }
    List<Journal.Part> parts = List.of(new Journal.Part(name, u.sha256(), u.path(), u.size()));
    submit(index, parts, List.of(u), Journal.SINGLE, () -> {
      DetectRequest.Source source;
      if (single.secure()) {
        // A secure upload only stores the file; the detection below is what is billed, so a file
        // that changed while it was stored is not analysed.
        SecureUpload upload = client.createSecureUpload(path);
        String why = FileCheck.changed(path, u);
        if (why != null) {
          throw new Changed(FileCheck.beforeUpload(why));
        }
        source = new DetectRequest.MediaToken(upload.mediaToken());
      } else {
        source = new DetectRequest.Upload(path, name);
      }
      Detection d = client.createDetect(new DetectRequest(source, options));
      return new Accepted(null, List.of(d.uuid()), d.status().terminal() ? d : null);
    }, MAX_RESENDS);
  }

  private record Accepted(String batchId, List<String> detectIds, Detection immediate) {}

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
      String why = FileCheck.changed(base.resolve(u.path()), u);
      if (why == null) {
        kept.add(u);
      } else {
        fail(unnamed(List.of(u)), FileCheck.beforeUpload(why));
      }
    }
    return kept;
  }

  private void submit(int index, List<Journal.Part> parts, List<Content> uploads, String kind,
      Call call, int resends) {
    String stop = sink.stopReason();
    if (stop != null) {
      fail(parts, stop);
      return;
    }
    Journal.Intent intent = journal.intend(kind, key, parts, optionsText);
    Accepted accepted;
    try {
      accepted = call.send();
    } catch (Changed e) {
      journal.abandoned(intent.id(), e.getMessage());
      fail(parts, e.getMessage());
      return;
    } catch (ResembleException e) {
      if (e instanceof TransportException t && t.localFile() != null && !t.requestMayHaveArrived()) {
        journal.abandoned(intent.id(), e.getMessage());
        brokenByLocalFile(index, kind, parts, uploads, t, resends);
        return;
      }
      if (fateUnknown(e)) {
        recover(index, intent, parts, uploads, kind, call, e, resends);
      } else {
        refused(intent, parts, e);
      }
      return;
    }
    Journal.Intent done = journal.accepted(intent.id(), accepted.batchId(), accepted.detectIds());
    checkAfterUpload(uploads, accepted.batchId());
    sink.accepted(index, done, accepted.immediate(), true);
  }

  /**
   * One of our own files broke the upload (it changed, vanished or became unreadable while it was
   * streamed). The cut-short request cannot have been accepted, so this is not a network failure
   * that stops the run: the file is ERROR, and a batch goes again once without it.
   */
  private void brokenByLocalFile(int index, String kind, List<Journal.Part> parts,
      List<Content> uploads, TransportException e, int resends) {
    Path broken = e.localFile().toAbsolutePath().normalize();
    List<Content> rest = new ArrayList<>();
    List<Journal.Part> failed = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      if (base.resolve(uploads.get(i).path()).toAbsolutePath().normalize().equals(broken)) {
        failed.add(parts.get(i));
      } else {
        rest.add(uploads.get(i));
      }
    }
    if (failed.isEmpty() || !Journal.BATCH.equals(kind) || resends == 0) {
      fail(parts, e.getMessage());
      return;
    }
    fail(failed, e.getMessage());
    if (!rest.isEmpty()) {
      listener.info("Sending the other " + rest.size() + (rest.size() == 1 ? " file" : " files")
          + " of that batch again without " + failed.get(0).path() + ".");
      submitBatch(index, rest, resends - 1);
    }
  }

  /** A file that changed while it was sent: its result belongs to neither version. */
  private void checkAfterUpload(List<Content> uploads, String batchId) {
    for (Content u : uploads) {
      String why = FileCheck.changed(base.resolve(u.path()), u);
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

  private void refused(Journal.Intent intent, List<Journal.Part> parts, ResembleException e) {
    String reason = e.getMessage();
    if (e instanceof InsufficientCreditException credit && credit.costDetails() != null
        && !credit.costDetails().isBlank()) {
      reason = reason + " Cost details: " + credit.costDetails();
    }
    journal.abandoned(intent.id(), reason);
    boolean repeats = e instanceof InsufficientCreditException
        || e instanceof UnauthorizedException || e instanceof ForbiddenException
        || e instanceof RateLimitedException || e instanceof TransportException;
    if (repeats) {
      sink.stop("not submitted: " + reason);
    }
    fail(parts, reason);
  }

  private void recover(int index, Journal.Intent intent, List<Journal.Part> parts,
      List<Content> uploads, String kind, Call call, ResembleException e, int resends) {
    lost.resolve(intent, parts, e, adopted -> {
      checkAfterUpload(uploads, null);
      sink.accepted(index, adopted, null, true);
    }, resends == 0 ? null : () -> submit(index, parts, uploads, kind, call, resends - 1));
  }

  private static List<Journal.Part> unnamed(List<Content> uploads) {
    List<Journal.Part> parts = new ArrayList<>();
    uploads.forEach(u -> parts.add(new Journal.Part("", u.sha256(), u.path(), u.size())));
    return parts;
  }

  private void fail(List<Journal.Part> parts, String reason) {
    mapper.fail(parts, Failed.of(reason, null, null));
  }
}
