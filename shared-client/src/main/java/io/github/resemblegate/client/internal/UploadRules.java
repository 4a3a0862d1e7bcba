package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.BadRequestException;
import io.github.resemblegate.client.BatchRequest;
import io.github.resemblegate.client.MediaExtensions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the API refuses, checked locally before a byte is uploaded: file count, sizes, extensions
 * and empty files. MB here means 10^6 bytes, the smaller reading of the documented limits.
 */
final class UploadRules {
  static final int MAX_BATCH_FILES = 50;
  static final long MAX_BATCH_BYTES = 500_000_000L;
  static final long MAX_DIRECT_UPLOAD_BYTES = 150_000_000L;

  private UploadRules() {}

  /** The batch's files with their sizes, or the first reason the API would refuse the batch. */
  static List<SizedFile> checkBatch(BatchRequest request) {
    List<BatchRequest.Part> files = request.files();
    if (files.isEmpty()) {
      throw rejected("The batch has no files, and a batch needs between 1 and " + MAX_BATCH_FILES
          + " files", "Add at least one media file.");
    }
    if (files.size() > MAX_BATCH_FILES) {
      throw rejected("The batch has " + files.size() + " files, more than the " + MAX_BATCH_FILES
          + " files one batch may hold", "Split the files into batches of at most "
          + MAX_BATCH_FILES + ".");
    }
    Map<String, BatchRequest.Part> byName = new HashMap<>();
    List<SizedFile> sized = new ArrayList<>(files.size());
    long total = 0;
    for (BatchRequest.Part file : files) {
      BatchRequest.Part clash = byName.putIfAbsent(file.partName() == null ? ""
          : file.partName().toLowerCase(Locale.ROOT), file);
      if (clash != null) {
        throw rejected("The files " + clash.path() + " and " + file.path()
            + " would both upload as '" + file.partName() + "', so their results could not be told apart",
            "Build the request with BatchRequest.of, which gives every file a unique name.");
      }
      SizedFile checked = checkFile(file.path(), file.partName(), MediaExtensions.BATCH, "a batch");
      total += checked.size();
      sized.add(checked);
    }
    if (total > MAX_BATCH_BYTES) {
      throw rejected("The batch's " + files.size() + " files total " + bytes(total)
          + ", more than the 500 MB (" + bytes(MAX_BATCH_BYTES) + ") one batch may hold",
          "Split the files into smaller batches.");
    }
    return sized;
  }

  /** The zip a batch is sent in must itself stay within the batch limit. */
  static void checkZipLength(long zipLength, int fileCount) {
    if (zipLength > MAX_BATCH_BYTES) {
      throw rejected("The zip holding the batch's " + fileCount + " files would be "
          + bytes(zipLength) + ", more than the 500 MB (" + bytes(MAX_BATCH_BYTES)
          + ") one batch may hold", "Split the files into smaller batches.");
    }
  }

  static SizedFile checkDirectUpload(Path path, String partName) {
    SizedFile checked = checkFile(path, partName, MediaExtensions.DIRECT_UPLOAD, "a direct upload");
    if (checked.size() > MAX_DIRECT_UPLOAD_BYTES) {
      throw rejected("The file " + path + " is " + bytes(checked.size()) + ", more than the 150 MB ("
          + bytes(MAX_DIRECT_UPLOAD_BYTES) + ") a direct upload may hold",
          "Upload it with createSecureUpload and detect it by its media token instead.");
    }
    return checked;
  }

  /** Secure uploads have no documented size or type limit; only a missing or empty file is refused. */
  static SizedFile checkSecureUpload(Path path) {
    String name = path == null || path.getFileName() == null ? null
        : PartNames.assign(List.of(path)).get(0).partName();
    return checkFile(path, name, null, "a secure upload");
  }

  private static SizedFile checkFile(Path path, String partName, Set<String> extensions,
      String what) {
    if (path == null) {
      throw rejected("A file of " + what + " has no path", "Pass the path of a media file.");
    }
    if (partName == null || partName.isBlank()) {
      throw rejected("The file " + path + " has no upload name", "Give it a file name such as "
          + "'intro.wav', or build the request with BatchRequest.of.");
    }
    if (PartNames.unsafe(partName)) {
      throw rejected("The upload name '" + PartNames.printable(partName) + "' of " + path
          + " contains a path separator, a quote or a control character",
          "Use a plain file name such as 'intro.wav'.");
    }
    if (extensions != null) {
      String extension = extension(partName);
      if (extension == null || !extensions.contains(extension)) {
        String has = extension == null ? "has no file extension"
            : "has the extension '." + extension + "'";
        throw rejected("The file " + path + " " + has + ", which " + what
            + " does not accept (accepted: " + list(extensions) + ")",
            "Convert it to an accepted format or leave it out.");
      }
    }
    if (!Files.isRegularFile(path)) {
      throw rejected("The file " + path + " does not exist or is not a regular file",
          "Check the path, or leave the file out.");
    }
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw rejected("The file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")",
          "Check the file's permissions.");
    }
    if (!Files.isReadable(path)) {
      throw rejected("The file " + path + " cannot be read", "Check the file's permissions.");
    }
    if (size == 0) {
      throw rejected("The file " + path + " is empty (0 bytes), and the Resemble API refuses empty"
          + " files", "Leave it out or replace it with real media.");
    }
    return new SizedFile(path, partName, size);
  }

  /** Lower-case extension without the dot, or null. */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return null;
    }
    return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String list(Set<String> extensions) {
    return String.join(", ", new TreeSet<>(extensions).stream().map(e -> "." + e).toList());
  }

  static String bytes(long n) {
    return String.format(Locale.ROOT, "%,d bytes", n);
  }

  private static BadRequestException rejected(String what, String advice) {
    return new BadRequestException(0, what, null, advice, null);
  }
}
