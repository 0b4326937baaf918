package dev.kiln.runtime;

import java.util.Arrays;

/**
 * A {@link Layer} that is an activation (or dropout) on its own: as many outputs as inputs, and no
 * parameters but PReLU's slopes, which it shows as its weight.
 */
public final class ActivationLayerView implements Layer {
  private final String name;
  private final int size;
  private final String description;
  private final float[] parameters;
  private final int weightOffset;
  private final int weightSize;

  /** A layer without parameters. */
  public ActivationLayerView(String name, int size, String description) {
    this(name, size, description, new float[0], 0, 0);
  }

  /** A layer whose {@code weightSize} parameters start at {@code weightOffset}. */
  public ActivationLayerView(String name, int size, String description, float[] parameters, int weightOffset,
      int weightSize) {
    this.name = name;
    this.size = size;
    this.description = description;
    this.parameters = parameters;
    this.weightOffset = weightOffset;
    this.weightSize = weightSize;
  }

  @Override public String name() { return name; }
  @Override public int in() { return size; }
  @Override public int out() { return size; }
  @Override public boolean hasBias() { return false; }
  @Override public float[] bias() { return new float[0]; }

  @Override
  public float[] weight() {
    return Arrays.copyOfRange(parameters, weightOffset, weightOffset + weightSize);
  }

  @Override
  public String toString() {
    return name + ": " + description + "(" + size + ")";
  }
}
