package dev.kiln.runtime;

import java.util.Arrays;

/** A {@link Layer} that reads a Linear layer's tensors out of a model's parameter array. */
public final class LinearLayerView implements Layer {
  private final String name;
  private final int in;
  private final int out;
  private final float[] parameters;
  private final int weightOffset;
  private final int biasOffset;

  /**
   * @param biasOffset the bias's offset in {@code parameters}, or -1 when the layer has no bias
   */
  public LinearLayerView(String name, int in, int out, float[] parameters, int weightOffset, int biasOffset) {
    this.name = name;
    this.in = in;
    this.out = out;
    this.parameters = parameters;
    this.weightOffset = weightOffset;
    this.biasOffset = biasOffset;
  }

  @Override public String name() { return name; }
  @Override public int in() { return in; }
  @Override public int out() { return out; }
  @Override public boolean hasBias() { return biasOffset >= 0; }

  @Override
  public float[] weight() {
    return Arrays.copyOfRange(parameters, weightOffset, weightOffset + out * in);
  }

  @Override
  public float[] bias() {
    return hasBias() ? Arrays.copyOfRange(parameters, biasOffset, biasOffset + out) : new float[0];
  }

  @Override
  public String toString() {
    return name + ": Linear(" + in + " -> " + out + (hasBias() ? "" : ", no bias") + ")";
  }
}
