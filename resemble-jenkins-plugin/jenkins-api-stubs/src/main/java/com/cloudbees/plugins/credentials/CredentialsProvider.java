package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import io.github.resemblegate.jenkins.stubs.StubOnly;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.security.core.Authentication;

/**
 * Stub: finds credentials. Here one in-memory store stands for every provider; tests fill it and
 * read which credentials a build tracked.
 */
public abstract class CredentialsProvider implements ExtensionPoint {
  public static final Permission USE_ITEM = Permission.stubFor("com.cloudbees.plugins.credentials.CredentialsProvider.UseItem");

  private static final Map<String, IdCredentials> STORE = new ConcurrentHashMap<>();
  private static final List<Credentials> TRACKED = new CopyOnWriteArrayList<>();

  public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type,
      Run<?, ?> run, List<DomainRequirement> domainRequirements) {
    IdCredentials c = STORE.get(id);
    return type.isInstance(c) ? type.cast(c) : null;
  }

  @SuppressWarnings("rawtypes")
  public static <C extends Credentials> C track(Run build, C credentials) {
    if (credentials != null) {
      TRACKED.add(credentials);
    }
    return credentials;
  }

  public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(Class<C> type,
      Item item, Authentication authentication, List<DomainRequirement> domainRequirements,
      CredentialsMatcher matcher) {
    ListBoxModel model = new ListBoxModel();
    STORE.values().stream()
        .filter(type::isInstance)
        .filter(c -> matcher == null || matcher.matches(c))
        .sorted(java.util.Comparator.comparing(IdCredentials::getId))
        .forEach(c -> model.add(c.getId(), c.getId()));
    return model;
  }

  @StubOnly
  public static void storeForTest(IdCredentials credentials) {
    STORE.put(credentials.getId(), credentials);
  }

  @StubOnly
  public static List<Credentials> trackedForTest() {
    return List.copyOf(TRACKED);
  }

  @StubOnly
  public static void resetForTest() {
    STORE.clear();
    TRACKED.clear();
  }
}
