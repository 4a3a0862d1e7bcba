package io.github.resemblegate.client.internal;

import java.nio.file.Path;

/** A checked upload: the file, the name it is sent under, and its size when it was checked. */
record SizedFile(Path path, String partName, long size) {}
