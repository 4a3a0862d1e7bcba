package io.github.resemblegate.client;

/** A one-hour, single-use media token from {@code POST /secure_uploads}, to pass as {@code media_token}. */
public record SecureUpload(String mediaToken) {

  @Override
  public String toString() {
    return "SecureUpload[mediaToken=****]";
  }
}
