package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/** Stub: a select box of credential ids. */
public abstract class AbstractIdCredentialsListBoxModel<
        T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
    extends ListBoxModel {
  private static final long serialVersionUID = 1L;

  public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
    if (stream().noneMatch(o -> o.value.isEmpty())) {
      add(0, new Option("- none -", ""));
    }
    return this;
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(Authentication authentication,
      Item context, Class<? extends C> type, List<DomainRequirement> domainRequirements,
      CredentialsMatcher matcher) {
    for (Option o : CredentialsProvider.listCredentialsInItem(type, context, authentication,
        domainRequirements, matcher)) {
      if (stream().noneMatch(existing -> existing.value.equals(o.value))) {
        add(o);
      }
    }
    return this;
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
    if (stream().noneMatch(o -> o.value.equals(value))) {
      add(new Option(value, value));
    }
    return this;
  }
}
