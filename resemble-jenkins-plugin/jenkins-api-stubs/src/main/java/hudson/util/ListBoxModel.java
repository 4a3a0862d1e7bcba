package hudson.util;

import java.util.ArrayList;

/** Stub: the items of a select box. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
  private static final long serialVersionUID = 1L;

  public ListBoxModel() {}

  public void add(String displayName, String value) {
    add(new Option(displayName, value));
  }

  public ListBoxModel add(String nameAndValue) {
    add(nameAndValue, nameAndValue);
    return this;
  }

  /** Stub: one item. */
  public static final class Option {
    public String name;
    public String value;

    public Option(String name, String value) {
      this.name = name;
      this.value = value;
    }

    @Override
    public String toString() {
      return name + "=" + value;
    }
  }
}
