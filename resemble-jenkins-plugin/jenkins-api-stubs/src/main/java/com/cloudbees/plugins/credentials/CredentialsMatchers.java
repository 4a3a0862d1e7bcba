package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;

/** Stub: common credential filters. */
public class CredentialsMatchers {
  private CredentialsMatchers() {}

  public static CredentialsMatcher always() {
    return c -> true;
  }

  public static CredentialsMatcher withId(String id) {
    return c -> c instanceof IdCredentials ic && ic.getId().equals(id);
  }
}
