package hudson.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stub: an object that carries actions. */
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

  public void addAction(Action a) {
    if (a == null) {
      throw new IllegalArgumentException("Action must be non-null");
    }
    getActions().add(a);
  }
}
