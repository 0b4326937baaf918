package dev.kiln.processor.model;

/**
 * Where a kind acts within one member, whatever order its annotations are written in: a member
 * transforms its input, then applies an activation, then drops out.
 */
public enum Stage {
  /** A layer with weights or a change of shape: {@code @Linear}. */
  TRANSFORM,
  /** An activation, applied to the transform's output or, alone, to the previous member's. */
  ACTIVATION,
  /** Dropout, applied last and only while training. */
  DROPOUT
}
