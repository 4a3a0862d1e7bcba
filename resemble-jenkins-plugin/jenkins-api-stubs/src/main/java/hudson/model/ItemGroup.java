package hudson.model;

/** Stub: a container of items, such as Jenkins itself or a folder. */
public interface ItemGroup<T extends Item> extends ModelObject {}
