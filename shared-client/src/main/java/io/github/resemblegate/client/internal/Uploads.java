package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.DetectOptions;
import io.github.resemblegate.client.IntakeMode;
import java.util.List;
import java.util.Map;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/** The multipart bodies of the three upload calls; every file part streams from disk. */
final class Uploads {
  static final String ZIP_FILE_NAME = "batch.zip";

  private Uploads() {}

  /** Repeated {@code files[]} parts, or one {@code file} part holding a zip, after the option fields. */
  static RequestBody batch(List<SizedFile> files, BatchOptions options, IntakeMode mode) {
    MultipartBody.Builder body = form(OptionFields.forBatch(options));
    switch (mode) {
      case FILES -> {
        for (SizedFile file : files) {
          body.addFormDataPart("files[]", file.partName(),
              new FileBody(file, MediaTypes.forFileName(file.partName())));
        }
      }
      case ZIP -> {
        StoredZipBody zip = new StoredZipBody(files);
        UploadRules.checkZipLength(zip.contentLength(), files.size());
        body.addFormDataPart("file", ZIP_FILE_NAME, zip);
      }
    }
    return body.build();
  }

  static RequestBody detect(SizedFile file, DetectOptions options) {
    return form(OptionFields.forDetect(options))
        .addFormDataPart("file", file.partName(),
            new FileBody(file, MediaTypes.forFileName(file.partName())))
        .build();
  }

  static RequestBody secureUpload(SizedFile file) {
    return new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("file", file.partName(),
            new FileBody(file, MediaTypes.forFileName(file.partName())))
        .build();
  }

  private static MultipartBody.Builder form(Map<String, Object> fields) {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    fields.forEach((name, value) -> body.addFormDataPart(name, OptionFields.formValue(value)));
    return body;
  }
}
