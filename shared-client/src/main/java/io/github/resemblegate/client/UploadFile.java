package io.github.resemblegate.client;

import java.nio.file.Path;

/** A file on disk and the name its multipart part carries (unique within one request). */
public record UploadFile(Path path, String partName) {}
