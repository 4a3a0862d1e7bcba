package hudson.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stub: an object that carries actions (read from jenkinsci/jenkins at jenkins-2.479.3,
 * core/src/main/java/hudson/model/Actionable.java).
 */
public abstract class Actionable {
  private final List<Action> actions = new CopyOnWriteArrayList<>();

  public List<Action> getActions() {
    return actions;
  }

  public <T extends Action> List<T> getActions(Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Action a : actions) {
      if (type.isInstance(a)) {
        found.add(type.cast(a));
      }
    }
    return found;
  }

  public <T extends Action> T getAction(Class<T> type) {
    for (Action a : actions) {
      if (type.isInstance(a)) {
        return type.cast(a);
      }
    }
    return null;
  }

  /**
   * Adds {@code a}, dropping the actions of its exact class that are not equal to it; true when
   * the actions changed (Jenkins 2.29 and later).
   */
  public boolean addOrReplaceAction(Action a) {
    if (a == null) {
      throw new IllegalArgumentException("Action must be non-null");
    }
    List<Action> old = new ArrayList<>(1);
    boolean found = false;
    for (Action a2 : getActions()) {
      if (!found && a.equals(a2)) {
        found = true;
      } else if (a2.getClass() == a.getClass()) {
        old.add(a2);
      }
    }
    getActions().removeAll(old);
    if (!found) {
      addAction(a);
    }
    return !found || !old.isEmpty();
  }

  public void addAction(Action a) {
    if (a == null) {
      throw new IllegalArgumentException("Action must be non-null");
    }
    getActions().add(a);
  }
}
